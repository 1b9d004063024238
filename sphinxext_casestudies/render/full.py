"""``full``: the whole story, in the order the spec fixes."""

from __future__ import annotations

from docutils import nodes

from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.render.common import (
    RenderContext,
    headline_quote,
    logo_paragraph,
    metrics_list,
    pull_quote,
    read_more,
    text_node,
)
from sphinxext_casestudies.render.summary import entry_section


def render_full(ctx: RenderContext, entry: Entry) -> nodes.Element:
    """Heading, logo, headline, metrics, summary, quotes, link, then the story sections.

    Sections come last so no body text follows a sub-section; the link is
    left out when it points at the page the story is on.
    """
    section = entry_section(ctx, entry, "full", entry.heading)
    logo = logo_paragraph(ctx, entry, target="none")
    if logo is not None:
        section += logo
    for part in (headline_quote(ctx, entry), metrics_list(entry)):
        if part is not None:
            section += part
    if entry.summary is not None:
        summary = nodes.container(classes=["cs-summary"])
        summary.extend(ctx.blocks(entry, entry.summary))
        section += summary
    for quote in entry.quotes:
        block = pull_quote(ctx, entry, quote)
        if block is not None:
            section += block
    if not ctx.links_to_this_page(entry):
        more = read_more(ctx, entry)
        if more is not None:
            section += more
    for story in entry.sections:
        sub = nodes.section(classes=["cs-story-section"])
        sub.source, sub.line = entry.source, story.line
        ctx.claim_id(nodes.make_id(f"{entry.id}-{story.title}") or entry.id, sub)
        sub += text_node(nodes.title, entry, story.title, story.line)
        sub.extend(ctx.blocks(entry, story.body))
        section += sub
    return section
