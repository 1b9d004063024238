"""``quote``: the entry's first pull quote, with attribution and logo."""

from __future__ import annotations

from docutils import nodes

from sphinxext_casestudies.data.model import Entry, Quote
from sphinxext_casestudies.render.common import RenderContext, logo_paragraph, pull_quote


def render_quote(ctx: RenderContext, entry: Entry) -> nodes.Element:
    """Falls back to the headline (attributed to the name) when there is no quote."""
    box = nodes.container(classes=["cs-case-study", "cs-layout-quote", f"cs-kind-{entry.kind}"])
    box["cs-entry"] = entry.id
    ctx.claim_id(entry.id, box)
    if entry.quotes:
        box += pull_quote(ctx, entry, entry.quotes[0])
    elif entry.headline is not None:
        box += pull_quote(ctx, entry, Quote(text=entry.headline, author=entry.name,
                                            line=entry.headline.line))
    logo = logo_paragraph(ctx, entry)
    if logo is not None:
        box += logo
    return box
