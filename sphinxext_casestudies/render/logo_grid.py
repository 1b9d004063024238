"""``logo-grid``: a wall of logos in even columns, degrading to a list of names."""

from __future__ import annotations

from docutils import nodes

from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.render.common import (
    ENTRY_ATTRIBUTE,
    RenderContext,
    logo_paragraph,
    story_link,
    text_node,
)


def render_logo_grid(ctx: RenderContext, entries: list[Entry], *, columns: int, link: str,
                     width: int | None, captions: bool) -> nodes.container:
    """One tile per entry; an entry without a logo shows its name instead."""
    grid = nodes.container(classes=["cs-logo-grid", "cs-grid", f"cs-columns-{columns}"])
    for entry in entries:
        tile = nodes.container(classes=["cs-logo-grid-item", f"cs-kind-{entry.kind}"])
        tile[ENTRY_ATTRIBUTE] = entry.id
        logo = logo_paragraph(ctx, entry, width=width, target=link)
        if logo is not None:
            tile += logo
        if captions or logo is None:
            tile += _caption(ctx, entry, linked=logo is None and link != "none", link=link)
        grid += tile
    return grid


def _caption(ctx: RenderContext, entry: Entry, *, linked: bool, link: str) -> nodes.paragraph:
    para = text_node(nodes.paragraph, entry, "", entry.line, classes=["cs-caption"])
    name: nodes.Node = nodes.inline(entry.name, entry.name)
    if linked:
        wrapped = story_link(entry, name, ctx.docname) if link == "story" else ctx.link(entry, name)
        if wrapped is not None:
            name = wrapped
    para += name
    return para
