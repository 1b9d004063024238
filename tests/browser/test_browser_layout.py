"""The showcase page in each theme, wide and narrow, light and dark: what a reader sees.

One page load per view (the ``showcase`` fixture); the checks below share it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from browser_helpers import (
    CARD_INSETS,
    CS_SELECTOR,
    LOGO_LINKS,
    LOGO_STATE,
    OVERFLOW,
    SUMMARY_GAPS,
    THEMES,
    WALL_COLUMNS,
    WIDE,
    Theme,
    View,
)
from browser_site import Sites

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("theme", THEMES, ids=str)
def test_build_has_no_warnings_of_ours(theme: Theme, sites: Sites) -> None:
    """Each theme builds the docs without a warning (a theme's own would be listed in THEMES)."""
    built = sites.build(theme)
    assert built.returncode == 0, built.log[-3000:]
    lines = [line for line in built.warnings.splitlines() if line.strip()]
    unexpected = [line for line in lines
                  if not any(re.search(p, line) for p in theme.theme_warnings)]
    assert unexpected == []


def test_logo_wall_columns(showcase: tuple[View, Page]) -> None:
    view, page = showcase
    wall = page.evaluate(WALL_COLUMNS, ".cs-logo-grid.cs-columns-5")
    assert wall["tiles"] > 5  # more than one full row
    if view.width == WIDE:
        assert wall["columns"] == view.theme.wall_columns_wide, wall
    else:
        # The CSS contract: at 720 px and below, at most two columns.
        assert 1 <= wall["columns"] <= 2, wall


def test_card_grid_columns(showcase: tuple[View, Page]) -> None:
    view, page = showcase
    cards = page.evaluate(WALL_COLUMNS, ".cs-grid.cs-columns-3")
    if view.width == WIDE:
        assert cards["columns"] == 3, cards
    else:
        assert cards["columns"] == 1, cards  # cards go single-column at <= 420 px


def test_cards_keep_their_padding(showcase: tuple[View, Page]) -> None:
    """The card's text keeps off its border, whatever the theme does to containers."""
    _, page = showcase
    insets = page.evaluate(CARD_INSETS)
    assert insets
    for card in insets:
        assert card["paddingLeft"] >= 8 and card["paddingRight"] >= 8, card
        assert card["left"] >= 8 and card["right"] >= 8, card


def test_nothing_overflows_horizontally(showcase: tuple[View, Page]) -> None:
    _, page = showcase
    found = page.evaluate(OVERFLOW, CS_SELECTOR)
    assert found["scrollWidth"] <= found["innerWidth"] + 1, found
    assert found["problems"] == []


def test_every_shown_logo_loads(showcase: tuple[View, Page]) -> None:
    _, page = showcase
    logos = page.evaluate(LOGO_STATE)
    assert logos
    shown = [logo for logo in logos if logo["shown"]]
    assert shown
    assert [logo for logo in shown if not logo["naturalWidth"] or not logo["width"]] == []


def test_dark_logos_follow_the_theme(showcase: tuple[View, Page]) -> None:
    """Dark variants only where the page is dark; light ones (and single logos) otherwise."""
    view, page = showcase
    logos = page.evaluate(LOGO_STATE)
    darks = [logo for logo in logos if logo["variant"] == "dark"]
    lights = [logo for logo in logos if logo["variant"] == "light"]
    assert darks and lights
    assert all(logo["shown"] is view.dark for logo in darks), darks
    assert all(logo["shown"] is not view.dark for logo in lights), lights
    assert all(logo["shown"] for logo in logos if logo["variant"] == "only")


def test_no_invisible_logo_links(showcase: tuple[View, Page]) -> None:
    """The link around a hidden logo variant is hidden too: no empty focus stop."""
    _, page = showcase
    links = page.evaluate(LOGO_LINKS)
    assert links
    bad = [link for link in links
           if link["linkShown"] and (not link["imageShown"] or not link["width"])]
    assert bad == []


def test_summary_logos_keep_off_the_next_heading(showcase: tuple[View, Page]) -> None:
    """A summary entry's logo is not crowded by the next entry's name (it was 8px in furo)."""
    _, page = showcase
    gaps = page.evaluate(SUMMARY_GAPS)
    assert len(gaps) >= 5, gaps
    assert [g for g in gaps if g["gap"] < 20] == []


def test_every_page_fits_a_phone(phone_page: tuple[View, Page]) -> None:
    """No element of ours is wider than its container at 375 px, on every page showing one."""
    _, page = phone_page
    found = page.evaluate(OVERFLOW, CS_SELECTOR)
    assert found["problems"] == []
