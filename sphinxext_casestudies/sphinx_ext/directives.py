"""The ``case-study``, ``case-studies`` and ``logo-grid`` directives.

Thin on purpose: read options (:mod:`.options`), pick entries (:mod:`.data`),
hand them to a layout (:mod:`.render`), and note for the domain what the page
now shows.  Every problem is a located ``casestudies`` warning; the directive
renders whatever is still good.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from sphinxext_casestudies.data.loader import parse_inline_entry
from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.data.select import Selection, select
from sphinxext_casestudies.markup.parser import MarkupParser
from sphinxext_casestudies.names import (
    CANONICAL_ATTRIBUTE,
    CASE_STUDIES_CLASS,
    GRID_CLASS,
    NO_CONTENTS_ENTRY_ATTRIBUTE,
    columns_class,
    layout_group_class,
)
from sphinxext_casestudies.render import LAYOUTS, RenderContext
from sphinxext_casestudies.render.logo_grid import render_logo_grid
from sphinxext_casestudies.reporting import report, warn
from sphinxext_casestudies.sphinx_ext import options as opts
from sphinxext_casestudies.sphinx_ext.config import settings_of
from sphinxext_casestudies.sphinx_ext.domain import CaseStudiesDomain, get_domain
from sphinxext_casestudies.sphinx_ext.filter_ui import add_filter_ui
from sphinxext_casestudies.sphinx_ext.page_metadata import page_meta

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_ANY = directives.unchanged


def _is_myst_state(state: object) -> bool:
    try:
        from myst_parser.mocking import MockState
    except ImportError:
        return False
    return isinstance(state, MockState)


class _CaseStudiesDirective(SphinxDirective):
    """Shared plumbing: warnings at the directive, the render context, the domain."""

    default_layout: ClassVar[str] = "summary"

    @property
    def domain(self) -> CaseStudiesDomain:
        return get_domain(self.env)

    def problem(self, message: str, subtype: str = "directive") -> None:
        warn(message, subtype, self.get_location())

    def context(self, new_tab: bool, parts: tuple[str, ...] = ()) -> RenderContext:
        settings = settings_of(self.config)
        source, _ = self.get_source_info()
        return RenderContext(
            docname=self.env.docname,
            document=self.state.document,
            markup=MarkupParser(
                document=self.state.document,
                srcdir=str(self.env.srcdir),
                docdir=os.path.dirname(source) if source else str(self.env.srcdir),
                allow_raw=settings.allow_raw,
                gate=settings.gate,
            ),
            link_text=settings.link_text,
            logo_width=settings.logo_width,
            industries=settings.industries,
            new_tab=new_tab,
            parts=parts,
            story_pages=self.domain.story_pages,
            on_text=lambda entry, text: self.domain.note_text(self.env.docname, entry, text),
        )

    def layout(self) -> str:
        return opts.choice("layout", self.options.get("layout"), tuple(LAYOUTS), self.problem,
                           self.default_layout)

    def parts(self, layout: str) -> tuple[str, ...]:
        return opts.parts(self.options.get("parts"), layout, self.problem)

    def unknown_id(self, entry_id: str) -> None:
        hint = difflib.get_close_matches(entry_id, [e.id for e in self.domain.catalog.entries], 1)
        more = f"; did you mean {hint[0]!r}?" if hint else ""
        self.problem(f"unknown case study id {entry_id!r}{more}", "ref")

    def render(self, ctx: RenderContext, entries: list[Entry], layout: str, *,
               extra_classes: tuple[str, ...], canonical: bool) -> list[nodes.Element]:
        rendered = []
        unlisted = opts.flag("no-contents-entry", self.options, self.problem)
        for entry in entries:
            node = LAYOUTS[layout](ctx, entry)
            node["classes"].extend(extra_classes)
            if unlisted:
                node[NO_CONTENTS_ENTRY_ATTRIBUTE] = True  # a rubric, not a section: see transforms
            node.source, node.line = self.get_source_info()
            if (canonical and layout == "full"
                    and self.domain.may_be_canonical(entry.id, self.env.docname)):
                node[CANONICAL_ATTRIBUTE] = self.lineno  # EntryAnchors notes it with its final id
                if self.domain.story_pages.get(entry.id) == self.env.docname:
                    self.domain.note_page(self.env.docname, page_meta(entry, node))
            rendered.append(node)
        return rendered


class CaseStudy(_CaseStudiesDirective):
    """One entry, by id or written inline as YAML in the body."""

    optional_arguments = 1
    has_content = True
    default_layout = "full"
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        "layout": _ANY, "class": _ANY, "no-index": _ANY, "new-tab": _ANY, "parts": _ANY,
        "no-contents-entry": _ANY,
    }

    def run(self) -> list[nodes.Node]:
        if self.arguments and self.content:
            self.problem("give an entry id or a YAML body, not both")
            return []
        if not self.arguments and not self.content:
            self.problem("needs an entry id as its argument, or one entry as YAML in its body")
            return []
        show = opts.display(self.options, self.problem)
        no_index = opts.flag("no-index", self.options, self.problem)
        layout = self.layout()
        parts = self.parts(layout)
        if self.arguments:
            entry = self.domain.catalog.get(self.arguments[0])
            if entry is None:
                self.domain.note_missing(self.env.docname, self.arguments[0])
                self.unknown_id(self.arguments[0])
                return []
            self.domain.note_entry(self.env.docname, entry)
            canonical = not no_index
        else:
            entry = self.inline_entry()
            if entry is None:
                return []
            canonical = False  # an inline entry is not part of the project's data
        return list(self.render(self.context(show.new_tab, parts), [entry], layout,
                                extra_classes=show.classes, canonical=canonical))

    def first_content_line(self) -> int:
        """The page line of the body's first line.

        docutils gives ``content_offset`` as the absolute (0-based) offset;
        MyST gives the number of lines between the fence and the body.
        """
        if _is_myst_state(self.state):
            return self.lineno + self.content_offset + 1
        return self.content_offset + 1

    def inline_entry(self) -> Entry | None:
        source, _ = self.get_source_info()
        srcdir = str(self.env.srcdir)
        entry, problems = parse_inline_entry(
            "\n".join(self.content),
            source=source or self.env.docname,
            first_line=self.first_content_line(),
            base_dir=os.path.dirname(source) if source else srcdir,
            srcdir=srcdir,
            markup=settings_of(self.config).markup,
            industries=settings_of(self.config).industries or None,
        )
        for problem in problems:
            report(problem)
        return entry


class _Selecting(_CaseStudiesDirective):
    """A directive that shows a declarative selection of the project's entries."""

    has_content = True
    selection_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **{name: _ANY for name in opts.SELECTION_OPTIONS},
        "class": _ANY, "columns": _ANY, "filter-ui": _ANY, "new-tab": _ANY,
    }

    def selected(self) -> tuple[Selection, list[Entry]]:
        selection = opts.selection(self.options, list(self.content), self.problem)
        entries, unknown = select(self.domain.catalog, selection, confdir=self.domain.confdir)
        for entry_id in unknown:
            self.unknown_id(entry_id)
        self.domain.note_selection(self.env.docname, selection, entries)
        if not entries:
            self.problem("this selection matches no entry", "empty")
        return selection, entries


class CaseStudies(_Selecting):
    """A selection of entries in one layout (``summary`` by default)."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_Selecting.selection_spec, "layout": _ANY, "no-index": _ANY, "parts": _ANY,
        "no-contents-entry": _ANY,
    }

    def run(self) -> list[nodes.Node]:
        show = opts.display(self.options, self.problem)
        no_index = opts.flag("no-index", self.options, self.problem)
        layout = self.layout()
        parts = self.parts(layout)
        _, entries = self.selected()
        if not entries:
            return []
        ctx = self.context(show.new_tab, parts)
        rendered = self.render(ctx, entries, layout, extra_classes=(),
                               canonical=not no_index)
        bar: list[nodes.Node] = []
        if show.filter_ui:
            chips, rendered = add_filter_ui(ctx.claim_id, entries, rendered, ctx.industry_label)
            bar = [chips]
        if layout in ("summary", "full"):
            # Real sections must stay children of the page's section (toc, sidebar),
            # so they are not wrapped; the chips find them by their group.
            for node in rendered:
                node["classes"].extend(show.classes)
            return [*bar, *rendered]
        group = nodes.container(classes=[CASE_STUDIES_CLASS, layout_group_class(layout),
                                         GRID_CLASS, columns_class(show.columns or 3),
                                         *show.classes])
        group.extend(rendered)
        return [*bar, group]


class LogoGrid(_Selecting):
    """A wall of logos, each linked to the entry's link, its story, or nowhere."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {
        **_Selecting.selection_spec, "link": _ANY, "logo-width": _ANY, "captions": _ANY,
    }

    def run(self) -> list[nodes.Node]:
        show = opts.display(self.options, self.problem)
        link = opts.choice("link", self.options.get("link"), opts.LINK_TARGETS, self.problem,
                           "entry")
        width = opts.positive_int("logo-width", self.options.get("logo-width"), self.problem,
                                  maximum=4000)
        captions = opts.flag("captions", self.options, self.problem)
        _, entries = self.selected()
        if not entries:
            return []
        if link == "story":
            for entry in entries:
                self.domain.note_ref(self.env.docname, entry.id)
        ctx = self.context(show.new_tab)
        grid = render_logo_grid(ctx, entries, columns=show.columns or 4,
                                link=link, width=width, captions=captions)
        grid["classes"].extend(show.classes)
        grid.source, grid.line = self.get_source_info()
        if not show.filter_ui:
            return [grid]
        tiles = [tile for tile in grid.children if isinstance(tile, nodes.Element)]
        chips, tiles = add_filter_ui(ctx.claim_id, entries, tiles, ctx.industry_label)
        grid.children = []
        grid.extend(tiles)
        return [chips, grid]


def setup_directives(app: Sphinx) -> None:
    app.add_directive("case-study", CaseStudy)
    app.add_directive("case-studies", CaseStudies)
    app.add_directive("logo-grid", LogoGrid)
