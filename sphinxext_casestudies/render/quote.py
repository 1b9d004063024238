"""``quote``: the entry's first pull quote, with attribution and logo."""

from __future__ import annotations

from docutils import nodes

from sphinxext_casestudies.data.model import Entry, Quote
from sphinxext_casestudies.names import CASE_STUDY_CLASS, ENTRY_ATTRIBUTE, kind_class, layout_class
from sphinxext_casestudies.render.common import RenderContext, logo_paragraph, pull_quote


def render_quote(ctx: RenderContext, entry: Entry) -> nodes.Element:
    """Falls back to the headline (attributed to the name) when there is no quote."""
    box = nodes.container(classes=[CASE_STUDY_CLASS, layout_class("quote"), kind_class(entry.kind)])
    box[ENTRY_ATTRIBUTE] = entry.id
    ctx.claim_id(entry.id, box)
    quotes = [*entry.quotes]
    if entry.headline is not None:
        quotes.append(Quote(text=entry.headline, author=entry.name, line=entry.headline.line))
    for quote in quotes:  # the first that is not blank
        block = pull_quote(ctx, entry, quote)
        if block is not None:
            box += block
            break
    logo = logo_paragraph(ctx, entry)
    if logo is not None:
        box += logo
    return box
