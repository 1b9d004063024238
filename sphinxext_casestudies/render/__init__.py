"""Entry -> docutils nodes, one module per layout.  No option parsing, no I/O."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.render.card import render_card
from sphinxext_casestudies.render.common import RenderContext
from sphinxext_casestudies.render.full import render_full
from sphinxext_casestudies.render.quote import render_quote
from sphinxext_casestudies.render.summary import render_summary

Layout = Callable[[RenderContext, Entry], nodes.Element]

LAYOUTS: dict[str, Layout] = {
    "summary": render_summary,
    "card": render_card,
    "full": render_full,
    "quote": render_quote,
}

__all__ = ["LAYOUTS", "Layout", "RenderContext"]
