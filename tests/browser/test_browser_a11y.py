"""Accessibility of our markup in each theme: axe-core, plus the rules axe cannot know.

axe-core runs on whole pages; only violations on our own elements (a ``cs-``
class, or inside one) count, so a theme's own issues do not fail this suite.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from browser_helpers import (
    CARD_LINKS,
    CS_SELECTOR,
    FILTER_PAGE,
    LOGO_STATE,
    NEW_TAB_LINKS,
    SHOWCASE,
    THEMES,
    WIDE,
    View,
)
from browser_site import Axe, Tab

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

AXE_PAGES = (SHOWCASE, "layouts.html", FILTER_PAGE, "stories/northwind-ledger.html")
AXE_VIEWS = [View(t, WIDE, s) for t in THEMES for s in ("light", "dark")]


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {n['target']}: {n['html']}\n      {n['summary']}" for n in v["nodes"][:5]]
    return "\n".join(lines)


@pytest.mark.parametrize("path", AXE_PAGES)
@pytest.mark.parametrize("view", AXE_VIEWS, ids=str)
def test_axe_finds_nothing_serious_in_our_markup(view: View, path: str, tab: Tab,
                                                 axe: Axe) -> None:
    page = tab.open(view, path)
    if path == FILTER_PAGE:
        # A pressed chip (and "Match all tags" on), so their colours are checked too.
        page.click('.cs-filter-chips button[data-cs-facet="industry"]')
        page.click(".cs-filter-chips button[data-cs-mode]")
    result = axe.check(page)
    assert result["axeVersion"].startswith("4."), result["axeVersion"]
    # axe really looked at our elements: these rules applied to them on every page.
    assert {"color-contrast", "image-alt"} <= set(result["applied"]), result["applied"]
    assert result["rules"] > 0, "casestudies.css not found among the page's stylesheets"
    serious = [v for v in result["ours"] if v["impact"] in ("serious", "critical")]
    assert serious == [], _describe(serious)


def test_links_and_alt_text(phone_page: tuple[View, Page]) -> None:
    """One link per card, alt text on every logo, rel=noopener exactly with target=_blank."""
    _, page = phone_page
    for card in page.evaluate(CARD_LINKS):
        assert len(card["links"]) <= 1, card
        # A card has its one link exactly when its entry has a link ("Read more").
    assert all(logo["alt"] and logo["alt"].strip() for logo in page.evaluate(LOGO_STATE))
    for link in page.evaluate(NEW_TAB_LINKS, CS_SELECTOR):
        rel = (link["rel"] or "").split()
        if link["target"] == "_blank":
            assert "noopener" in rel, link
        else:
            assert "noopener" not in rel and link["target"] is None, link


def test_cards_have_exactly_one_link_where_the_entry_has_one(tab: Tab) -> None:
    """The showcase cards: every entry with a ``link`` gets exactly one, the others none."""
    page = tab.open(View(THEMES[0], WIDE, "light"), SHOWCASE, reuse=True)
    cards = page.evaluate(CARD_LINKS)
    assert cards
    counts = {card["id"]: len(card["links"]) for card in cards}
    assert set(counts.values()) <= {0, 1}
    # Only Kestrel Learning has no link in the docs' data.
    assert [i for i, n in counts.items() if n == 0] == ["kestrel-learning"]


def test_new_tab_page_has_blank_targets(tab: Tab) -> None:
    """The ``:new-tab:`` example really opens new tabs (so the rel check above bites)."""
    page = tab.open(View(THEMES[0], WIDE, "light"), FILTER_PAGE)
    links = page.evaluate(NEW_TAB_LINKS, CS_SELECTOR)
    assert any(link["target"] == "_blank" for link in links)
    assert any(link["target"] is None for link in links)
