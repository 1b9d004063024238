"""``card``: logo, name, headline and one link, compact; cards flow in a grid."""

from __future__ import annotations

from docutils import nodes

from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.names import (
    CARD_CLASS,
    CARD_TITLE_CLASS,
    CASE_STUDY_CLASS,
    ENTRY_ATTRIBUTE,
    kind_class,
    layout_class,
)
from sphinxext_casestudies.render.common import (
    RenderContext,
    headline_quote,
    logo_paragraph,
    read_more,
    text_node,
)


def render_card(ctx: RenderContext, entry: Entry) -> nodes.Element:
    """One link per card (the "Read more"), so screen readers hear each story once."""
    card = nodes.container(classes=[CASE_STUDY_CLASS, layout_class("card"), CARD_CLASS,
                                    kind_class(entry.kind)])
    card[ENTRY_ATTRIBUTE] = entry.id
    ctx.claim_id(entry.id, card)
    logo = logo_paragraph(ctx, entry, target="none")
    if logo is not None:
        card += logo
    name = text_node(nodes.paragraph, entry, "", entry.line, classes=[CARD_TITLE_CLASS])
    name += nodes.strong(ctx.display_name(entry), ctx.display_name(entry))
    card += name
    quote = headline_quote(ctx, entry)
    if quote is not None:
        card += quote
    more = read_more(ctx, entry, label=entry.name)
    if more is not None:
        card += more
    return card
