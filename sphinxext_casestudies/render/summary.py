"""``summary``: a heading with the name, the headline as a block quote, the logo linked."""

from __future__ import annotations

from docutils import nodes

from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.names import CASE_STUDY_CLASS, ENTRY_ATTRIBUTE, kind_class, layout_class
from sphinxext_casestudies.render.common import (
    RenderContext,
    headline_quote,
    logo_paragraph,
    read_more,
    text_node,
)


def render_summary(ctx: RenderContext, entry: Entry) -> nodes.Element:
    section = entry_section(ctx, entry, "summary", ctx.display_name(entry))
    quote = headline_quote(ctx, entry)
    if quote is not None:
        section += quote
    # The entry's only link, to its story: say where it goes.
    logo = logo_paragraph(ctx, entry, named=True, target="page")
    if logo is not None:
        section += logo
    else:
        # Without a logo the link would be unreachable: show it as text.
        more = read_more(ctx, entry, label=entry.name, story=True)
        if more is not None:
            section += more
    return section


def entry_section(ctx: RenderContext, entry: Entry, layout: str, heading: str) -> nodes.section:
    """A real section (in the page's toc) whose id is the entry id."""
    section = nodes.section(classes=[CASE_STUDY_CLASS, layout_class(layout),
                                     kind_class(entry.kind)])
    section[ENTRY_ATTRIBUTE] = entry.id
    section.source, section.line = entry.source, entry.line
    ctx.claim_id(entry.id, section)
    section += text_node(nodes.title, entry, heading, entry.line)
    return section
