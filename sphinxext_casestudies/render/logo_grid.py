"""``logo-grid``: a wall of logos in even columns, degrading to a list of names."""

from __future__ import annotations

from docutils import nodes

from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.names import (
    CAPTION_CLASS,
    ENTRY_ATTRIBUTE,
    GRID_CLASS,
    LOGO_GRID_CLASS,
    LOGO_GRID_ITEM_CLASS,
    columns_class,
    kind_class,
)
from sphinxext_casestudies.render.common import RenderContext, logo_paragraph, story_link, text_node


def render_logo_grid(ctx: RenderContext, entries: list[Entry], *, columns: int, link: str,
                     width: int | None, captions: bool) -> nodes.container:
    """One tile per entry; an entry without a logo shows its name instead."""
    grid = nodes.container(classes=[LOGO_GRID_CLASS, GRID_CLASS, columns_class(columns)])
    for entry in entries:
        tile = nodes.container(classes=[LOGO_GRID_ITEM_CLASS, kind_class(entry.kind)])
        tile[ENTRY_ATTRIBUTE] = entry.id
        logo = logo_paragraph(ctx, entry, width=width, target=link)
        if logo is not None:
            tile += logo
        if captions or logo is None:
            tile += _caption(ctx, entry, linked=logo is None and link != "none", link=link)
        grid += tile
    return grid


def _caption(ctx: RenderContext, entry: Entry, *, linked: bool, link: str) -> nodes.paragraph:
    para = text_node(nodes.paragraph, entry, "", entry.line, classes=[CAPTION_CLASS])
    name: nodes.Node = nodes.inline(entry.name, entry.name)
    if linked:
        wrapped = story_link(entry, name, ctx.docname) if link == "story" else ctx.link(entry, name)
        if wrapped is not None:
            name = wrapped
    para += name
    return para
