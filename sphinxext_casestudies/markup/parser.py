"""Parse the rich-text fields of an entry in the markup its data declares.

A ``summary`` written in reST must read as reST on a MyST page and the other
way round, so fields are never handed to the page's own nested parser.  Each
field is parsed into a scratch document that shares the page's settings (so
roles such as ``:doc:`` resolve in the page) but has

* its own reporter whose source is the data file, and input lines numbered as
  in the data file, so parser messages point at ``data.yaml:LINE``;
* unless ``casestudies_allow_raw`` is set, only the directives, roles and
  MyST extensions of :mod:`.allowlist` (and ``raw_enabled`` and
  ``file_insertion_enabled`` switched off as a second wall).

Afterwards :mod:`.sanitize` judges the result (links, files, raw output,
nesting depth); parsers are reused across fields (:mod:`.pools`), and plain
prose skips them (:mod:`.plain_rst`, :mod:`.plain_myst`).
"""

from __future__ import annotations

import copy
import logging as std_logging
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.parsers.rst import states
from docutils.statemachine import StringList
from docutils.transforms import references
from docutils.utils import new_document
from sphinx.errors import SphinxWarning
from sphinx.util.docutils import LoggingReporter

from sphinxext_casestudies.data.model import Text
from sphinxext_casestudies.markup import plain_myst
from sphinxext_casestudies.markup.allowlist import Gate
from sphinxext_casestudies.markup.plain_rst import paragraphs, plain_blocks
from sphinxext_casestudies.markup.pools import (
    IDLE_RST_MACHINES,
    MYST_POOL,
    data_renderer,
    given_document_renderer,
    inline_settings,
    myst_available,
    reusable_inliner,
)
from sphinxext_casestudies.markup.sanitize import (
    MAX_NESTING,
    Sanitizer,
    deeper_than,
    next_fragment,
    scope_names_and_ids,
)
from sphinxext_casestudies.reporting import warn
from sphinxext_casestudies.trust.files import SourceFolder


@dataclass
class MarkupParser:
    """Parses rich-text fields into nodes for one page (one directive run)."""

    document: nodes.document
    srcdir: str
    docdir: str
    allow_raw: bool
    gate: Gate | None = None
    """The allow-list while ``allow_raw`` is false (the built-in one when not given)."""

    def __post_init__(self) -> None:
        self.folder = SourceFolder(self.srcdir)
        self.sanitizer = Sanitizer(self.document, self.folder, self.docdir, self.allow_raw)
        if self.gate is None and not self.allow_raw:
            self.gate = Gate()

    def blocks(self, text: Text, source: str, markup: str) -> list[nodes.Node]:
        """Parse ``text`` as body elements (paragraphs, lists, ...)."""
        # Numbered even when nothing is parsed, so the ids of later fields stay put.
        fragment = next_fragment(self.document)
        plain = self._plain_paragraphs(text, source, markup)
        if plain is not None:
            return plain
        doc = self._scratch_document(source)
        with _warnings_located_in(source), self._gated():
            try:
                if markup == "myst":
                    self._parse_myst(text, doc)
                else:
                    self._parse_rst(text, doc)
            except RecursionError:
                warn("markup nested too deeply; the field is left out", "limit",
                     f"{source}:{max(text.line, 1)}")
                return []
            except SphinxWarning:
                raise  # -W without --keep-going: the first warning stops the build, as it should
            except Exception as err:  # a directive's own bug must not abort the build
                warn(f"the field could not be parsed ({type(err).__name__}: {err}); it is "
                     "left out", "markup", f"{source}:{max(text.line, 1)}")
                return []
            if next(doc.findall(_takes_part_in_linking), None) is not None:
                for transform in _REFERENCE_TRANSFORMS:
                    transform(doc).apply()
        if deeper_than(doc, MAX_NESTING):
            warn(f"markup nested deeper than {MAX_NESTING} levels; the field is left out",
                 "limit", f"{source}:{max(text.line, 1)}")
            return []
        scope_names_and_ids(doc, f"cs{fragment}-")
        return self.sanitizer.sanitize(list(doc.children), doc, text.line)

    def _plain_paragraphs(self, text: Text, source: str, markup: str) -> list[nodes.Node] | None:
        """Plain prose as paragraphs, built without a parser; None when it may hold markup."""
        first_line = max(text.line, 1)
        if markup == "rst":
            # PEP and RFC references turn plain words into links: no fast path then;
            # character-level inline markup has other rules: no spans then.
            character_level, *word_links = inline_settings(self.document.settings)
            rst_blocks = None if any(word_links) else plain_blocks(
                text.text, spans=not character_level)
            return None if rst_blocks is None else paragraphs(
                rst_blocks, source, first_line, self.document)
        config = self._myst_config()
        if config is None or not MYST_POOL.plain_allowed(config):
            return None
        myst_blocks = plain_myst.plain_blocks(text.text)
        return None if myst_blocks is None else plain_myst.paragraphs(
            myst_blocks, source, first_line, self.document)

    def _myst_config(self) -> Any:
        """The MyST configuration data is parsed with; None without myst-parser."""
        if not myst_available():
            return None
        env = getattr(self.document.settings, "env", None)
        config = getattr(env, "myst_config", None) or MYST_POOL.default_config()
        return config if self.allow_raw else MYST_POOL.data_config(config)

    def _gated(self) -> Any:
        if self.allow_raw or self.gate is None:
            return nullcontext()
        return self.gate.applied()

    def inline(self, text: Text, source: str, markup: str) -> list[nodes.Node]:
        """Parse ``text`` as a one-liner: the paragraph's content when it is one."""
        parsed = self.blocks(text, source, markup)
        if len(parsed) == 1 and isinstance(parsed[0], nodes.paragraph):
            paragraph = parsed[0]
            inline = list(paragraph.children)
            for child in inline:
                child.parent = None
            return inline
        return parsed

    # -- parsing -----------------------------------------------------------

    def _scratch_document(self, source: str) -> nodes.document:
        settings = copy.copy(self.document.settings)
        if not self.allow_raw:
            settings.raw_enabled = False
            settings.file_insertion_enabled = False
        doc = new_document(source, settings)
        doc.reporter = LoggingReporter.from_reporter(doc.reporter)
        return doc

    def _parse_rst(self, text: Text, doc: nodes.document) -> None:
        lines = text.text.splitlines()
        offset = max(text.line - 1, 0)
        items = [(doc["source"], offset + i) for i in range(len(lines))]
        # Building a state machine and an inliner costs more than most fields
        # take to parse, so idle ones are reused (a pool, not one: a field may
        # nest a directive that parses another field while the first is busy).
        machine, inliner = IDLE_RST_MACHINES.pop() if IDLE_RST_MACHINES else (
            states.RSTStateMachine(state_classes=states.state_classes, initial_state="Body"),
            reusable_inliner())
        machine.run(StringList(lines, items=items), doc, input_offset=offset,
                    match_titles=False, inliner=inliner)
        # Only a machine that finished goes back (one stopped by an error may be mid-state).
        machine.observers.clear()  # run() attached doc.note_source; drop the doc
        IDLE_RST_MACHINES.append((machine, inliner))

    def _parse_myst(self, text: Text, doc: nodes.document) -> None:
        try:
            from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
            from myst_parser.parsers.mdit import create_md_parser
        except ImportError:
            warn(
                "markup is 'myst' but myst-parser is not installed "
                "(pip install myst-parser); the text is shown unparsed",
                "data", f"{doc['source']}:{text.line}",
            )
            doc += nodes.paragraph(text.text, text.text)
            return
        config = self._myst_config()
        renderer: Any = given_document_renderer(SphinxRenderer)
        if not self.allow_raw:
            renderer = data_renderer(renderer)
        parser = MYST_POOL.take(config, lambda: create_md_parser(config, renderer))
        try:
            parser.options["document"] = doc
            tokens = parser.parse(text.text + "\n", {})
            shift = max(text.line - 1, 0)
            for token in tokens:
                if token.map:
                    token.map = [token.map[0] + shift, token.map[1] + shift]
            parser.renderer.render(tokens, parser.options, {})
        finally:
            parser.options.pop("document", None)
            MYST_POOL.give_back(config, parser)

class _RelocateToDataFile(std_logging.Filter):
    """Messages logged at ``(docname, line)`` while a field is parsed are about the data file.

    MyST and some Sphinx directives locate their messages that way; the line
    is already the data file's, so only the file needs replacing.
    """

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def filter(self, record: std_logging.LogRecord) -> bool:
        location: Any = getattr(record, "location", None)
        if isinstance(location, tuple):
            record.location = f"{self.source}:{location[1] or ''}"
        return True


@contextmanager
def _warnings_located_in(source: str) -> Iterator[None]:
    handlers = std_logging.getLogger("sphinx").handlers
    flt = _RelocateToDataFile(source)
    for handler in handlers:
        handler.filters.insert(0, flt)
    try:
        yield
    finally:
        for handler in handlers:
            if flt in handler.filters:
                handler.removeFilter(flt)


_REFERENCE_TRANSFORMS = (
    references.PropagateTargets, references.AnonymousHyperlinks,
    references.IndirectHyperlinks, references.Footnotes,
    references.ExternalTargets, references.InternalTargets,
)
_LINKING = (nodes.target, nodes.reference, nodes.footnote, nodes.footnote_reference)



def _takes_part_in_linking(node: nodes.Node) -> bool:
    """Whether the reference transforms have work here; without such nodes all six do nothing."""
    return isinstance(node, _LINKING)
