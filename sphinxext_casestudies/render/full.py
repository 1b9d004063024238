"""``full``: the whole story, or the parts a directive's ``:parts:`` asks for, in its order."""

from __future__ import annotations

from collections.abc import Callable

from docutils import nodes

from sphinxext_casestudies.data.model import Entry, Section
from sphinxext_casestudies.names import (
    CASE_STUDY_CLASS,
    ENTRY_ATTRIBUTE,
    NO_SECTION_CLASS,
    STORY_SECTION_CLASS,
    SUMMARY_CLASS,
    kind_class,
    layout_class,
)
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

PARTS: tuple[str, ...] = ("title", "logo", "headline", "metrics", "summary", "quotes", "link",
                          "sections")
"""The parts of a ``full`` rendering, in their default order (``:parts:`` names them)."""


def render_full(ctx: RenderContext, entry: Entry) -> nodes.Element:
    """The parts in ``ctx.parts`` order (default :data:`PARTS`); titled sections always last.

    Docutils allows no body text after a sub-section, so the titled story
    sections close the rendering wherever ``sections`` is listed; untitled
    sections before the first titled one render at the place of ``sections``,
    and an untitled section after a titled one continues that section's body.
    Without ``title`` there is no heading, so the entry is a container, not a
    section, and its titled story sections become rubrics (see
    :mod:`..transforms`). The link is left out when it points at this page.
    """
    parts = ctx.parts or PARTS
    if "title" in parts:
        box: nodes.Element = entry_section(ctx, entry, "full", entry.heading)
    else:
        box = nodes.container(classes=[CASE_STUDY_CLASS, layout_class("full"),
                                       kind_class(entry.kind), NO_SECTION_CLASS])
        box[ENTRY_ATTRIBUTE] = entry.id
        box.source, box.line = entry.source, entry.line
        ctx.claim_id(entry.id, box)
    for part in parts:
        if part != "title":
            box.extend(_PARTS[part](ctx, entry))
    if "sections" in parts:
        box.extend(_titled_sections(ctx, entry))
    return box


def _logo(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    return _some(logo_paragraph(ctx, entry, target="none"))


def _headline(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    return _some(headline_quote(ctx, entry))


def _metrics(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    return _some(metrics_list(entry))


def _summary(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    if entry.summary is None:
        return []
    summary = nodes.container(classes=[SUMMARY_CLASS])
    summary.extend(ctx.blocks(entry, entry.summary))
    return [summary]


def _quotes(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    return [block for quote in entry.quotes
            if (block := pull_quote(ctx, entry, quote)) is not None]


def _link(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    if ctx.links_to_this_page(entry):
        return []
    return _some(read_more(ctx, entry))


def _untitled_lead(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    """The bodies of the untitled sections before the first titled one."""
    found: list[nodes.Node] = []
    for story in _lead(entry.sections):
        found.extend(ctx.blocks(entry, story.body))
    return found


def _titled_sections(ctx: RenderContext, entry: Entry) -> list[nodes.Node]:
    """One sub-section per titled section, holding the untitled ones that follow it."""
    subs: list[nodes.Node] = []
    current: nodes.section | None = None
    for story in entry.sections[len(_lead(entry.sections)):]:
        if story.title is not None:
            current = nodes.section(classes=[STORY_SECTION_CLASS])
            current.source, current.line = entry.source, story.line
            ctx.claim_id(nodes.make_id(f"{entry.id}-{story.title}") or entry.id, current)
            current += text_node(nodes.title, entry, story.title, story.line)
            subs.append(current)
        assert current is not None  # the lead ends at the first titled section
        current.extend(ctx.blocks(entry, story.body))
    return subs


def _lead(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    for n, story in enumerate(sections):
        if story.title is not None:
            return sections[:n]
    return sections


def _some(node: nodes.Node | None) -> list[nodes.Node]:
    return [] if node is None else [node]


_PARTS: dict[str, Callable[[RenderContext, Entry], list[nodes.Node]]] = {
    "logo": _logo, "headline": _headline, "metrics": _metrics, "summary": _summary,
    "quotes": _quotes, "link": _link, "sections": _untitled_lead,
}
