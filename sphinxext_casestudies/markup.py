"""Parse the rich-text fields of an entry in the markup its data declares.

A ``summary`` written in reST must read as reST on a MyST page and the other
way round, so fields are never handed to the page's own nested parser.  Each
field is parsed into a scratch document that shares the page's settings (so
roles such as ``:doc:`` resolve in the page) but has

* its own reporter whose source is the data file, and input lines numbered as
  in the data file, so parser messages point at ``data.yaml:LINE``;
* ``raw_enabled`` and ``file_insertion_enabled`` switched off unless
  ``casestudies_allow_raw`` is set, so ``raw``, ``include``,
  ``literalinclude`` and ``csv-table :file:`` refuse with docutils' own words.

Afterwards :func:`sanitize` removes what a safe setting cannot stop: links
with non-web schemes, images outside the source folder, raw HTML from MyST.
"""

from __future__ import annotations

import copy
import logging as std_logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from docutils.parsers.rst import states
from docutils.statemachine import StringList
from docutils.utils import new_document
from sphinx.util import logging
from sphinx.util.docutils import LoggingReporter

from sphinxext_casestudies.data.model import Text
from sphinxext_casestudies.warnings import warn

logger = logging.getLogger(__name__)

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def url_scheme(uri: str) -> str | None:
    """The lower-cased scheme of ``uri`` as a browser would read it, if any.

    Browsers drop control characters and white space inside a scheme
    (``java\\tscript:``), so they are dropped here before matching.
    """
    match = _SCHEME.match(_CONTROL.sub("", uri))
    return match.group(1).lower() if match else None


@dataclass
class MarkupParser:
    """Parses rich-text fields into nodes for one page (one directive run)."""

    document: nodes.document
    srcdir: str
    docdir: str
    allow_raw: bool

    def blocks(self, text: Text, source: str, markup: str) -> list[nodes.Node]:
        """Parse ``text`` as body elements (paragraphs, lists, ...)."""
        doc = self._scratch_document(source)
        if markup == "myst":
            self._parse_myst(text, doc)
        else:
            self._parse_rst(text, doc)
        children = list(doc.children)
        for child in children:
            child.parent = None
        return self.sanitize(children, doc)

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
        machine = states.RSTStateMachine(
            state_classes=states.state_classes, initial_state="Body",
            debug=doc.reporter.debug_flag,
        )
        machine.run(StringList(lines, items=items), doc, input_offset=offset,
                    match_titles=False)

    def _parse_myst(self, text: Text, doc: nodes.document) -> None:
        try:
            from myst_parser.config.main import MdParserConfig
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
        env = getattr(self.document.settings, "env", None)
        config = getattr(env, "myst_config", None) or MdParserConfig()
        parser = create_md_parser(config, SphinxRenderer)
        parser.options["document"] = doc
        tokens = parser.parse(text.text + "\n", {})
        shift = max(text.line - 1, 0)
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + shift, token.map[1] + shift]
        with _myst_warnings_at(doc["source"]):
            parser.renderer.render(tokens, parser.options, {})

    # -- making the result safe --------------------------------------------

    def sanitize(self, parsed: list[nodes.Node], doc: nodes.document) -> list[nodes.Node]:
        """Drop unsafe links, images and raw output from parsed data markup."""
        holder = nodes.container()
        holder.extend(parsed)
        for ref in list(holder.findall(nodes.reference)):
            uri = ref.get("refuri")
            if uri is None:
                continue
            scheme = url_scheme(uri)
            if scheme is not None and scheme not in SAFE_LINK_SCHEMES:
                self._report(ref, doc, f"link {uri!r} has scheme {scheme!r}; "
                             "only http, https and mailto are allowed", "url")
                ref.replace_self(nodes.inline("", "", *ref.children))
        for image in list(holder.findall(nodes.image)):
            problem = self._image_problem(image.get("uri", ""))
            if problem:
                self._report(image, doc, problem[0], problem[1])
                image.replace_self(nodes.inline(image.get("alt", ""), image.get("alt", "")))
        if not self.allow_raw:
            for raw in list(holder.findall(nodes.raw)):
                doc.reporter.warning("raw output disabled in data markup "
                                     "(casestudies_allow_raw is False).",
                                     line=raw.line)
                raw.replace_self(nodes.literal(raw.astext(), raw.astext()))
        result = list(holder.children)
        for child in result:
            child.parent = None
        return result

    def _image_problem(self, uri: str) -> tuple[str, str] | None:
        scheme = url_scheme(uri)
        if scheme is not None:
            if scheme in ("http", "https"):
                return None
            return f"image {uri!r} has scheme {scheme!r}; only http and https are allowed", "url"
        if uri.startswith("/"):
            path = os.path.join(self.srcdir, uri.lstrip("/"))
        else:
            path = os.path.join(self.docdir, uri)
        real = os.path.realpath(path)
        root = os.path.realpath(self.srcdir)
        if os.path.commonpath([real, root]) != root:
            return f"image {uri!r} resolves outside the source folder", "image"
        return None

    @staticmethod
    def _report(node: nodes.Node, doc: nodes.document, message: str, subtype: str) -> None:
        line = node.line or 0
        warn(message, subtype, f"{doc['source']}:{line}")


class _RelocateMystWarnings(std_logging.Filter):
    """MyST locates its own warnings at (current page, line); the line is the data file's."""

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def filter(self, record: std_logging.LogRecord) -> bool:
        location: Any = getattr(record, "location", None)
        if isinstance(location, tuple):
            record.location = f"{self.source}:{location[1] or ''}"
        return True


@contextmanager
def _myst_warnings_at(source: str) -> Iterator[None]:
    names = ("sphinx.myst_parser.warnings_", "sphinx.myst_parser.mdit_to_docutils.base")
    loggers = [std_logging.getLogger(name) for name in names]
    flt = _RelocateMystWarnings(source)
    for lg in loggers:
        lg.addFilter(flt)
    try:
        yield
    finally:
        for lg in loggers:
            lg.removeFilter(flt)
