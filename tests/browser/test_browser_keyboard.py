"""Keyboard users: every card and logo link is a Tab stop with a focus ring they can see."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from browser_helpers import FOCUSED, View

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def _start_at(page: Page, section_id: str) -> None:
    """Put the keyboard focus at the start of a section, as if the reader had tabbed there."""
    page.evaluate("""(id) => {
      const el = document.getElementById(id);
      el.setAttribute('tabindex', '-1');
      el.focus();
    }""", section_id)


def _tab(page: Page) -> dict[str, Any] | None:
    page.keyboard.press("Tab")
    focused: dict[str, Any] | None = page.evaluate(FOCUSED)
    return focused


def _ring_shown(ring: dict[str, Any] | None) -> bool:
    if ring is None:
        return False
    outline = (ring["outlineStyle"] != "none" and ring["outlineWidth"] >= 1
               and ring["outlineColor"] not in ("transparent", "rgba(0, 0, 0, 0)"))
    return outline or ring["boxShadow"] != "none"


def test_cards_take_focus_with_a_visible_ring(showcase: tuple[View, Page]) -> None:
    _, page = showcase
    # A card without a link (an entry with no ``link``) has nothing to focus.
    cards = page.locator(".cs-grid.cs-columns-3 .cs-card:has(a[href])").count()
    assert cards > 1
    _start_at(page, "all-case-studies-as-cards")
    focused = None
    for _ in range(40):
        focused = _tab(page)
        if focused and focused["inCard"]:
            break
    assert focused and focused["inCard"], "Tab never reached a card"
    seen = []
    while focused and focused["inCard"]:
        assert focused["tag"] == "a"
        assert focused["width"] > 0 and focused["height"] > 0, focused
        assert _ring_shown(focused["card"]) or _ring_shown(focused["link"]), focused
        seen.append(focused["href"])
        focused = _tab(page)
    # One stop per card, each card reached.
    assert len(seen) == cards, seen


def test_logo_wall_has_no_invisible_stops(showcase: tuple[View, Page]) -> None:
    """Tab through the wall: one stop per shown logo, each with a size and a ring."""
    _, page = showcase
    shown = page.evaluate("""() => Array.from(document.querySelectorAll(
        '.cs-logo-grid.cs-columns-5 a[href]')).filter(a => a.checkVisibility()).length""")
    _start_at(page, "who-uses-it")
    focused = None
    for _ in range(40):
        focused = _tab(page)
        if focused and focused["inWall"]:
            break
    assert focused and focused["inWall"], "Tab never reached the logo wall"
    stops = 0
    while focused and focused["inWall"]:
        assert focused["width"] > 0 and focused["height"] > 0, focused
        assert _ring_shown(focused["link"]), focused
        stops += 1
        focused = _tab(page)
    assert stops == shown
