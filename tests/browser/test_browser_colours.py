"""Our coloured text takes each theme's own colours, in light and dark, and stays readable.

Furo declares its colour variables on ``body``, pydata-sphinx-theme and
sphinx-book-theme on ``html``; sphinx_rtd_theme has none.  What counts is what
a reader sees: the computed colour of our metric numbers and muted text, and
its contrast with the background it really sits on (WCAG AA for body-size
text, 4.5:1; the metric numbers are larger, but are held to the same bar).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from browser_helpers import (
    DOCS,
    FILTER_PAGE,
    TEXT_CONTRAST,
    THEMES,
    THEMES_BY_NAME,
    WIDE,
    View,
)
from browser_site import Tab

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

METRIC = "ul.cs-metrics .cs-metric-value"
LABEL = "ul.cs-metrics .cs-metric-label"
ATTRIBUTION = ".cs-quote .attribution"
CAPTION = ".cs-logo-grid .cs-caption"
STATUS = ".cs-filter-status"

# Each page, and what our stylesheet colours on it.
PAGES = {
    "stories/northwind-ledger.html": (METRIC, LABEL, ATTRIBUTION),
    "directives/logo-grid.html": (CAPTION,),
    FILTER_PAGE: (STATUS,),
}
# Every theme, light and dark: furo, pydata and book have colour variables,
# alabaster and rtd show the fallbacks (and stay light when the reader prefers dark).
COLOUR_VIEWS = [View(t, WIDE, s) for t in THEMES for s in ("light", "dark")]
# Below this the text fails WCAG 2 AA.
MINIMUM = 4.5


def _measure(tab: Tab, view: View, path: str) -> dict[str, Any]:
    page: Page = tab.open(view, path)
    if path == FILTER_PAGE:
        page.click('.cs-filter-chips button[data-cs-facet="industry"][data-cs-value="finance"]')
    names = [n for n in (view.theme.accent_var, view.theme.muted_var) if n]
    found: dict[str, Any] = page.evaluate(TEXT_CONTRAST, [list(PAGES[path]), names])
    return found


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("view", COLOUR_VIEWS, ids=str)
def test_our_coloured_text_keeps_contrast(view: View, path: str, tab: Tab) -> None:
    texts = _measure(tab, view, path)["texts"]
    missing = [selector for selector, seen in texts.items() if seen is None]
    assert missing == [], f"not shown on {path}: {missing}"
    low = {selector: seen for selector, seen in texts.items() if seen["ratio"] < MINIMUM}
    assert low == {}, low


@pytest.mark.parametrize("view", [v for v in COLOUR_VIEWS if v.theme.accent_var], ids=str)
def test_accent_and_muted_text_are_the_themes_own(view: View, tab: Tab) -> None:
    found = _measure(tab, view, "stories/northwind-ledger.html")
    theirs = found["vars"]
    assert theirs[view.theme.accent_var] and theirs[view.theme.muted_var], theirs
    texts = found["texts"]
    assert texts[METRIC]["colour"] == theirs[view.theme.accent_var], (texts, theirs)
    for muted in (LABEL, ATTRIBUTION):
        assert texts[muted]["colour"] == theirs[view.theme.muted_var], (muted, texts, theirs)


def test_dark_mode_changes_our_colours_with_the_theme(tab: Tab) -> None:
    """The same page light and dark: our accent follows the switch (it did not under furo)."""
    for name in ("furo", "pydata", "book"):
        theme = THEMES_BY_NAME[name]
        light, dark = (_measure(tab, View(theme, WIDE, s), "stories/northwind-ledger.html")["texts"]
                       for s in ("light", "dark"))
        assert light[METRIC]["background"] != dark[METRIC]["background"], name
        assert light[METRIC]["colour"] != dark[METRIC]["colour"], (name, light, dark)


def test_a_projects_own_colours_win_over_the_themes(tab: Tab) -> None:
    """The docs' example (docs/snippets/theme-colours.css) beats furo's colours, and a
    value set on an element around the entries beats the one on :root."""
    view = View(THEMES_BY_NAME["furo"], WIDE, "light")
    page = tab.open(view, "stories/northwind-ledger.html")
    page.add_style_tag(path=str(DOCS / "snippets" / "theme-colours.css"))
    texts = page.evaluate(TEXT_CONTRAST, [[METRIC, LABEL, ATTRIBUTION], []])["texts"]
    assert texts[METRIC]["colour"] == "#8a1c1c", texts
    assert texts[LABEL]["colour"] == texts[ATTRIBUTION]["colour"] == "#3d3d3d", texts
    page.add_style_tag(content=".cs-metrics { --cs-accent: #1c4a8a; }")
    texts = page.evaluate(TEXT_CONTRAST, [[METRIC], []])["texts"]
    assert texts[METRIC]["colour"] == "#1c4a8a", texts
