"""``:filter-ui:`` chips in a real browser: narrowing, the URL, reload, keyboard, no JavaScript.

The page is the ``case-studies`` reference, which includes
``snippets/select-filter-ui`` (every entry as a card, with chips).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_helpers import (
    FILTER_PAGE,
    FILTER_STATE,
    MODE_LOOK,
    NARROW,
    THEMES,
    WIDE,
    Theme,
    View,
)
from browser_site import Tab

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

FILTER_VIEWS = [View(t, w, "light") for t in THEMES for w in (WIDE, NARROW)]


def _state(page: Page) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(FILTER_STATE)
    return state


def _shown(state: dict[str, Any]) -> set[str]:
    return {item["id"] for item in state["items"] if item["shown"]}


def _query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _chip(page: Page, facet: str, value: str) -> str:
    return f'.cs-filter-chips button[data-cs-facet="{facet}"][data-cs-value="{value}"]'


@pytest.mark.parametrize("view", FILTER_VIEWS, ids=str)
def test_industry_chips_narrow_and_keep_their_state(view: View, tab: Tab) -> None:
    page = tab.open(view, FILTER_PAGE)
    before = _state(page)
    group = before["group"]
    everything = {item["id"] for item in before["items"]}
    assert before["barShown"] and all(chip["shown"] for chip in before["chips"])
    assert _shown(before) == everything and len(everything) > 3
    assert before["status"] == ""

    by_industry: dict[str, set[str]] = {}
    for item in before["items"]:
        by_industry.setdefault(item["industry"], set()).add(item["id"])
    industry = "finance"
    assert 0 < len(by_industry[industry]) < len(everything)

    page.click(_chip(page, "industry", industry))
    after = _state(page)
    assert _shown(after) == by_industry[industry]
    assert after["status"] == f"Showing {len(by_industry[industry])} of {len(everything)}"
    pressed = [c["value"] for c in after["chips"] if c["pressed"] == "true"]
    assert pressed == [industry]
    assert _query(page) == {f"{group}.industry": [industry]}

    # A second industry widens the choice (any of them).
    page.click(_chip(page, "industry", "insurance"))
    both = by_industry[industry] | by_industry["insurance"]
    assert _shown(_state(page)) == both
    assert _query(page) == {f"{group}.industry": ["finance,insurance"]}

    # Reload: the address keeps the choice.
    page.reload()
    tab.settle(view)
    reloaded = _state(page)
    assert _shown(reloaded) == both
    assert sorted(c["value"] for c in reloaded["chips"] if c["pressed"] == "true") == [
        "finance", "insurance"]

    # Unpress both: everything again, and a clean address.
    page.click(_chip(page, "industry", "finance"))
    page.click(_chip(page, "industry", "insurance"))
    assert _shown(_state(page)) == everything
    assert _query(page) == {}
    assert tab.errors == []


@pytest.mark.parametrize("theme", THEMES, ids=str)
def test_tag_chips_match_any_or_all(theme: Theme, tab: Tab) -> None:
    view = View(theme, WIDE, "light")
    page = tab.open(view, FILTER_PAGE)
    state = _state(page)
    group = state["group"]
    tags = {item["id"]: set(item["tags"].split()) for item in state["items"]}
    first, second = "migration", "search"
    page.click(_chip(page, "tags", first))
    page.click(_chip(page, "tags", second))
    assert _shown(_state(page)) == {i for i, t in tags.items() if t & {first, second}}
    page.click(".cs-filter-chips button[data-cs-mode]")
    all_of = {i for i, t in tags.items() if {first, second} <= t}
    assert _shown(_state(page)) == all_of
    assert _query(page) == {f"{group}.tags": [f"{first},{second}"], f"{group}.match": ["all"]}
    assert tab.errors == []


@pytest.mark.parametrize("theme", THEMES, ids=str)
def test_match_all_tags_is_a_checkbox_not_one_more_chip(theme: Theme, tab: Tab) -> None:
    """A box and its label, without a chip's pill; the keyboard toggles it as before."""
    page = tab.open(View(theme, WIDE, "light"), FILTER_PAGE)
    look = page.evaluate(MODE_LOOK)
    assert look["label"] == "Match all tags"
    assert look["chip"]["width"] >= 1 and look["chip"]["style"] != "none", look
    assert look["mode"]["width"] == 0 or look["mode"]["style"] == "none", look  # no pill edge
    box = look["box"]
    assert box["content"] == '""' and box["display"] != "none", box  # empty box, unpressed
    assert 10 <= box["width"] <= 24 and abs(box["width"] - box["height"]) < 1, box
    assert box["borderWidth"] >= 1 and box["borderStyle"] == "solid", box

    mode = page.locator(".cs-filter-chips button[data-cs-mode]")
    mode.focus()
    page.keyboard.press("Space")
    assert mode.get_attribute("aria-pressed") == "true"
    pressed = page.evaluate(MODE_LOOK)
    assert "\u2713" in pressed["box"]["content"], pressed  # the box is ticked
    assert pressed["mode"]["width"] == 0 or pressed["mode"]["style"] == "none", pressed
    ring = page.evaluate("""() => {
      const s = getComputedStyle(document.activeElement);
      return {mode: document.activeElement.hasAttribute('data-cs-mode'),
              style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
    }""")
    assert ring["mode"] and ring["style"] != "none" and ring["width"] >= 1, ring
    page.keyboard.press("Enter")
    assert mode.get_attribute("aria-pressed") == "false"
    assert tab.errors == []


@pytest.mark.parametrize("theme", THEMES, ids=str)
def test_a_shared_address_opens_filtered(theme: Theme, tab: Tab) -> None:
    view = View(theme, WIDE, "light")
    page = tab.open(view, FILTER_PAGE)
    group = _state(page)["group"]
    page = tab.open(view, FILTER_PAGE, query=f"?{group}.industry=education")
    state = _state(page)
    assert _shown(state) == {i["id"] for i in state["items"] if i["industry"] == "education"}
    assert [c["value"] for c in state["chips"] if c["pressed"] == "true"] == ["education"]


@pytest.mark.parametrize("theme", THEMES, ids=str)
def test_chips_work_from_the_keyboard(theme: Theme, tab: Tab) -> None:
    view = View(theme, WIDE, "light")
    page = tab.open(view, FILTER_PAGE)
    chip = page.locator(_chip(page, "industry", "finance"))
    chip.focus()
    page.keyboard.press("Space")
    assert chip.get_attribute("aria-pressed") == "true"
    ring = page.evaluate("""(sel) => {
      const s = getComputedStyle(document.querySelector(sel));
      return {style: s.outlineStyle, width: parseFloat(s.outlineWidth)};
    }""", _chip(page, "industry", "finance"))
    assert ring["style"] != "none" and ring["width"] >= 1, ring
    page.keyboard.press("Enter")
    assert chip.get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("theme", THEMES, ids=str)
def test_without_javascript_no_chips_and_every_entry(theme: Theme, nojs_tab: Tab) -> None:
    view = View(theme, WIDE, "light")
    page = nojs_tab.open(view, FILTER_PAGE, query="?cs-filter.industry=finance")
    bar = page.locator(".cs-filter-chips")
    assert bar.count() == 1
    assert bar.is_hidden()
    entries = page.locator(".cs-card[data-cs-group]")
    assert entries.count() > 3
    for i in range(entries.count()):
        assert entries.nth(i).is_visible()
