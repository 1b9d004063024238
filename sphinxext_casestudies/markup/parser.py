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

Afterwards :meth:`MarkupParser.sanitize` walks every attribute that can
become a link or a file (``refuri``, image ``uri`` and ``candidates``,
download ``reftarget``, toctree ``entries``, ``\\href`` in math) and asks
:mod:`.trust` about each; it also removes raw output and ``pending`` nodes
no page transform would ever resolve, and refuses fields nested deeper than
:data:`MAX_NESTING`.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import logging as std_logging
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any, cast
from weakref import WeakKeyDictionary

from docutils import nodes
from docutils.parsers.rst import states
from docutils.statemachine import StringList
from docutils.transforms import references
from docutils.utils import new_document
from sphinx import addnodes
from sphinx.errors import SphinxWarning
from sphinx.util.docutils import LoggingReporter

from sphinxext_casestudies.data.model import Text
from sphinxext_casestudies.markup.allowlist import MYST_EXTENSIONS, Gate, line_spec_fits, refuse
from sphinxext_casestudies.markup.plain_rst import paragraphs, plain_blocks
from sphinxext_casestudies.reporting import warn
from sphinxext_casestudies.trust.files import SourceFolder
from sphinxext_casestudies.trust.links import link_allowed, url_scheme
from sphinxext_casestudies.trust.svg import svg_problem

MAX_NESTING = 40
"""Deepest nesting of elements one field may produce (lists in lists ...).

Sphinx pickles each page's doctree and its writers recurse: a field nested
about 100 lists deep would abort the build.  Real text stays below 15.
"""
_MATH_REFUSED = re.compile(
    r"\\(href|url|class|cssId|style|data|require|def|gdef|edef|xdef|let|futurelet|"
    r"newcommand|renewcommand|providecommand|newenvironment|renewenvironment)(?![A-Za-z])")
"""TeX commands MathJax turns into links, HTML attributes or new macros (that could hide them)."""


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
        if self.gate is None and not self.allow_raw:
            self.gate = Gate()

    def blocks(self, text: Text, source: str, markup: str) -> list[nodes.Node]:
        """Parse ``text`` as body elements (paragraphs, lists, ...)."""
        # Numbered even when nothing is parsed, so the ids of later fields stay put.
        fragment = _next_fragment(self.document)
        # PEP and RFC references turn plain words into links: no fast path then.
        _, *word_links = _inline_settings(self.document.settings)
        plain = plain_blocks(text.text) if markup == "rst" and not any(word_links) else None
        if plain is not None:
            return paragraphs(plain, source, max(text.line, 1), self.document)
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
        if _deeper_than(doc, MAX_NESTING):
            warn(f"markup nested deeper than {MAX_NESTING} levels; the field is left out",
                 "limit", f"{source}:{max(text.line, 1)}")
            return []
        _scope_names_and_ids(doc, f"cs{fragment}-")
        return self.sanitize(list(doc.children), doc, text.line)

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
        machine, inliner = _IDLE_MACHINES.pop() if _IDLE_MACHINES else (
            states.RSTStateMachine(state_classes=states.state_classes, initial_state="Body"),
            _reusable_inliner())
        machine.run(StringList(lines, items=items), doc, input_offset=offset,
                    match_titles=False, inliner=inliner)
        # Only a machine that finished goes back (one stopped by an error may be mid-state).
        machine.observers.clear()  # run() attached doc.note_source; drop the doc
        _IDLE_MACHINES.append((machine, inliner))

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
        env = getattr(self.document.settings, "env", None)
        config = getattr(env, "myst_config", None) or _MYST_POOL.default_config()
        renderer: Any = SphinxRenderer
        if not self.allow_raw:
            config = _MYST_POOL.data_config(config)
            renderer = _data_renderer(SphinxRenderer)
        parser = _MYST_POOL.take(config, lambda: create_md_parser(config, renderer))
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
            _MYST_POOL.give_back(config, parser)

    # -- making the result safe --------------------------------------------

    def sanitize(self, parsed: list[nodes.Node], doc: nodes.document,
                 line: int = 0) -> list[nodes.Node]:
        """Drop what data markup may not write: unsafe links, files, raw output, pending nodes.

        ``line`` is the field's first line, for nodes that carry none.
        """
        holder = nodes.container()
        holder.extend(parsed)
        where = f"{doc['source']}:"
        links, found = _collect(holder)
        refused: set[str] = set()  # `x <uri>`_ makes a reference and a target: warn once
        for node in links:
            uri = node["refuri"]
            if isinstance(uri, str) and not link_allowed(uri):
                if uri not in refused:
                    refused.add(uri)
                    warn(f"link {uri!r} has scheme {url_scheme(uri)!r}; only http, https and "
                         "mailto are allowed", "url", f"{where}{_line_of(node, line)}")
                del node["refuri"]
                if isinstance(node, nodes.reference) and node.parent is not None:
                    node.replace_self(nodes.inline("", "", *node.children))
        for image in found[nodes.image]:
            problem = self._image_problem(image)
            if problem and image.parent is not None:
                warn(problem[0], problem[1], f"{where}{_line_of(image, line)}")
                _stand_in(image, image.get("alt", ""))
        for download in found[addnodes.download_reference]:
            problem = self._file_problem(download.get("reftarget", ""), "download")
            if problem and download.parent is not None:
                warn(problem[0], problem[1], f"{where}{_line_of(download, line)}")
                download.replace_self(nodes.inline("", "", *download.children))
        for toctree in found[addnodes.toctree]:
            self._clean_toctree(toctree, f"{where}{_line_of(toctree, line)}")
        for math in found[nodes.math] + found[nodes.math_block]:
            match = _MATH_REFUSED.search(math.astext())
            if match and math.parent is not None:
                refuse(f"the TeX command \\{match.group(1)} in math", doc["source"],
                       _line_of(math, line), "")
                text = math.astext()
                math.replace_self(nodes.literal_block(text, text) if isinstance(
                    math, nodes.math_block) else nodes.literal(text, text))
        for grammar in found[addnodes.productionlist]:
            # Sphinx < 9 builds an empty one from ``productionlist argument`` and then
            # its HTML writer fails on it (max() of nothing), aborting the build.
            if not grammar.children and grammar.parent is not None:
                refuse("an empty productionlist", doc["source"], _line_of(grammar, line), "")
                grammar.parent.remove(grammar)
        for pending in cast(list[nodes.pending], found[nodes.pending]):
            if self.allow_raw:
                self.document.note_pending(pending)  # trusted: the page resolves it
            elif pending.parent is not None:
                refuse(f"the {pending.transform.__name__} transform",
                       doc["source"], _line_of(pending, line), "casestudies_allow_raw")
                pending.parent.remove(pending)
        if not self.allow_raw:
            self._drop_untrusted(found, doc, line)
        result = list(holder.children)
        for child in result:
            child.parent = None
            # docutils copies a parent's ``document`` into each child it gets:
            # point the whole fragment at the page, or every doctree pickle
            # would drag the scratch document (and its settings.env) along.
            for descendant in child.findall():
                descendant.document = self.document
        return result

    @staticmethod
    def _drop_untrusted(found: dict[type[nodes.Element], list[nodes.Element]],
                        doc: nodes.document, line: int) -> None:
        """Substitution definitions, ``meta`` and raw output: only trusted data has them."""
        removed: set[str] = set()
        for definition in found[nodes.substitution_definition]:
            removed.update(definition["names"])
            if definition.children:  # an empty one held a directive refused already
                name = _SCOPE.sub("", " ".join(definition["names"]))
                refuse(f"the substitution definition |{name}|", doc["source"],
                       _line_of(definition, line), "casestudies_allow_raw")
            if definition.parent is not None:
                definition.parent.remove(definition)
        for ref in found[nodes.substitution_reference]:
            if ref.get("refname") in removed:  # shown as written, not left undefined
                ref.replace_self(nodes.inline(ref.astext(), ref.astext()))
        for meta in found[_META]:
            doc.reporter.warning('"meta" directive disabled in data markup.',
                                 line=_line_of(meta, line))
            if meta.parent is not None:
                meta.parent.remove(meta)
        for raw in found[nodes.raw]:
            doc.reporter.warning("raw output disabled in data markup "
                                 "(casestudies_allow_raw is False).",
                                 line=_line_of(raw, line))
            if raw.parent is not None:
                raw.replace_self(nodes.literal(raw.astext(), raw.astext()))

    def _image_problem(self, image: nodes.Element) -> tuple[str, str] | None:
        """Why an image in data markup may not be shown: its ``uri`` or any candidate."""
        names = [image.get("uri", "")]
        candidates = image.get("candidates")
        if isinstance(candidates, dict):
            names += [str(c) for c in candidates.values()]
        for name in names:
            problem = self._file_problem(name, "image")
            if problem:
                return problem
        return None

    def _file_problem(self, uri: str, what: str) -> tuple[str, str] | None:
        """Why ``uri`` (an image or download in data markup) may not be used, if it may not."""
        found = self.folder.markup_file(uri, self.docdir, what)
        if found.why is not None:
            return found.why.format(repr(uri)), found.subtype
        for path in found.files:
            why = svg_problem(path)
            if why is not None:
                return f"{what} {uri!r}: {why}", "image"
        return None

    def _clean_toctree(self, toctree: nodes.Element, where: str) -> None:
        """Toctree entries reach every page's navigation: URL entries obey the link rule."""
        kept: list[tuple[Any, Any]] = []
        entries: list[tuple[Any, Any]] = toctree.get("entries", [])
        for title, ref in entries:
            if isinstance(ref, str) and not link_allowed(ref):
                warn(f"toctree entry {ref!r} has scheme {url_scheme(ref)!r}; only http, "
                     "https and mailto are allowed", "url", where)
                continue
            kept.append((title, ref))
        toctree["entries"] = kept


def _stand_in(image: nodes.Element, text: str) -> None:
    """Put ``text`` where a refused image was, valid where the image stood.

    An image with ``:target:`` sits in a reference at body level, and a
    figure holds its image directly: both are replaced whole, because HTML
    writers accept only an image there.
    """
    target: nodes.Element = image
    if isinstance(image.parent, nodes.reference) and not isinstance(
            image.parent.parent, nodes.TextElement):
        target = image.parent
    if isinstance(target.parent, nodes.figure):
        target = target.parent
    if isinstance(target.parent, (nodes.TextElement, nodes.Inline)):
        target.replace_self(nodes.inline(text, text))
    else:
        target.replace_self(nodes.paragraph(text, text))


_SANITIZED: tuple[type[nodes.Element], ...] = (
    nodes.image, addnodes.download_reference, addnodes.toctree, nodes.math, nodes.math_block,
    nodes.pending, nodes.substitution_definition, nodes.substitution_reference, nodes.meta,
    nodes.raw, addnodes.productionlist)
"""Node classes :meth:`MarkupParser.sanitize` looks at (besides anything with ``refuri``)."""


def _collect(holder: nodes.Element) -> tuple[list[nodes.Element],
                                             dict[type[nodes.Element], list[nodes.Element]]]:
    """In one walk: the nodes carrying ``refuri``, and the nodes of each sanitized class."""
    links: list[nodes.Element] = []
    found: dict[type[nodes.Element], list[nodes.Element]] = {cls: [] for cls in _SANITIZED}
    for node in holder.findall(nodes.Element):
        if "refuri" in node.attributes:
            links.append(node)
        for cls in type(node).__mro__:
            bucket = found.get(cls)
            if bucket is not None:
                bucket.append(node)
                break
    return links, found


def _deeper_than(doc: nodes.document, limit: int) -> bool:
    """Whether elements nest more than ``limit`` levels below ``doc`` (iterative: no recursion)."""
    stack: list[tuple[nodes.Node, int]] = [(child, 1) for child in doc.children]
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(node, nodes.Element):
            stack.extend((child, depth + 1) for child in node.children)
    return False


def _line_of(node: nodes.Node, fallback: int) -> int:
    """The line of ``node`` or of its nearest ancestor that has one (links carry none)."""
    current: nodes.Node | None = node
    while current is not None:
        if current.line:
            return int(current.line)
        current = current.parent
    return fallback


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
_META = nodes.meta
_IDLE_MACHINES: list[tuple[states.RSTStateMachine, states.Inliner]] = []


def _takes_part_in_linking(node: nodes.Node) -> bool:
    """Whether the reference transforms have work here; without such nodes all six do nothing."""
    return isinstance(node, _LINKING)


class _MystParserPool:
    """Idle markdown-it parsers for one MyST configuration (the current build's).

    Building a parser with MyST's plugins costs more than parsing a field
    (measured 0.20 ms against 0.12 ms), and its renderer resets all of its
    state on every render, so idle parsers are reused.  A pool, not one
    parser: a field may nest a directive that parses another field.  Another
    configuration (the next build in the same process) starts a new pool.
    """

    def __init__(self) -> None:
        self.config: Any = None
        self.idle: list[Any] = []
        self._default: Any = None
        self._data: tuple[Any, Any] = (None, None)

    def data_config(self, config: Any) -> Any:
        """``config`` with only the MyST extensions data may use (one object per ``config``).

        ``substitution`` stays on for parsing only: its ``{{ ... }}`` is then
        refused with a warning by the data renderer, instead of showing as text.
        """
        if self._data[0] is not config:
            wanted = set(config.enable_extensions)
            kept = (wanted & MYST_EXTENSIONS) | (wanted & {"substitution"})
            self._data = (config, dataclasses.replace(config, enable_extensions=kept))
        return self._data[1]

    def default_config(self) -> Any:
        if self._default is None:
            from myst_parser.config.main import MdParserConfig

            self._default = MdParserConfig()
        return self._default

    def take(self, config: Any, build: Callable[[], Any]) -> Any:
        if config is self.config and self.idle:
            return self.idle.pop()
        return build()

    def give_back(self, config: Any, parser: Any) -> None:
        if config is not self.config:
            self.config, self.idle = config, []
        self.idle.append(parser)


_MYST_POOL = _MystParserPool()


@functools.cache
def _data_renderer(base: type[Any]) -> type[Any]:
    """MyST's Sphinx renderer, refusing what a data field may not do to the page.

    ``{{ ... }}`` substitutions render Jinja with the Sphinx environment in
    reach; front matter writes into the page's metadata.
    """
    def render_substitution(self: Any, token: Any, inline: bool) -> None:
        line = token.map[0] if token.map else 0
        refuse("the MyST substitution {{" + str(token.content).strip()[:40] + "}}",
               self.document["source"], line, "casestudies_allow_raw")
        text = "{{" + str(token.content) + "}}"
        self.current_node.append(nodes.Text(text) if inline else nodes.paragraph(text, text))

    def render_front_matter(self: Any, token: Any) -> None:
        line = token.map[0] if token.map else 0
        refuse("front matter", self.document["source"], line, "casestudies_allow_raw")

    def render_restructuredtext(self: Any, token: Any) -> None:
        gate = Gate.active
        if gate is None or gate.directive_allowed("eval-rst"):
            base.render_restructuredtext(self, token)
            return
        refuse("directive 'eval-rst'", self.document["source"],
               token.map[0] if token.map else 0)

    def parse_linenos(emphasize_lines: str, num_lines: int) -> list[int]:
        # Sphinx expands each range into every number in it: bound it by the block first.
        if not line_spec_fits(str(emphasize_lines), num_lines):
            raise ValueError(f"out of range(1-{num_lines})")
        return base._parse_linenos(emphasize_lines, num_lines)  # type: ignore[no-any-return]

    return type("DataRenderer", (base,), {"render_substitution": render_substitution,
                                          "render_front_matter": render_front_matter,
                                          "render_restructuredtext": render_restructuredtext,
                                          "_parse_linenos": staticmethod(parse_linenos)})


def _reusable_inliner() -> states.Inliner:
    """An inliner that builds its patterns once per setting combination, not once per field.

    ``RSTStateMachine.run`` calls ``init_customizations`` on every run, and
    docutils' version compiles a dozen regular expressions each time and
    appends to ``implicit_dispatch`` again, so a plain inliner cannot be
    reused.  (Not a subclass: the base method formats its patterns with the
    class's own attributes, ``vars(self.__class__)``.)
    """
    inliner = states.Inliner()
    build = inliner.init_customizations
    built_for: list[tuple[bool, bool, bool]] = []

    def init_customizations(settings: Any) -> None:
        key = _inline_settings(settings)
        if built_for != [key]:
            inliner.implicit_dispatch = []
            build(settings)
            built_for[:] = [key]

    setattr(inliner, "init_customizations", init_customizations)  # noqa: B010
    return inliner


def _inline_settings(settings: Any) -> tuple[bool, bool, bool]:
    """What inline parsing depends on: character-level markup, PEP and RFC references."""
    return (bool(getattr(settings, "character_level_inline_markup", False)),
            bool(getattr(settings, "pep_references", False)),
            bool(getattr(settings, "rfc_references", False)))


_SCOPE = re.compile(r"^cs[0-9]+-")
"""The prefix :func:`_scope_names_and_ids` gives a field's names (left out of messages)."""
_FRAGMENTS: WeakKeyDictionary[nodes.document, int] = WeakKeyDictionary()


def _next_fragment(page: nodes.document) -> int:
    """A per-page counter: deterministic, so -j 1 and -j N give the same ids."""
    _FRAGMENTS[page] = _FRAGMENTS.get(page, 0) + 1
    return _FRAGMENTS[page]


def _scope_names_and_ids(doc: nodes.document, prefix: str) -> None:
    """Prefix the ids and target names a field defines, so they cannot clash with the page's.

    Without this a data file's ``.. _docs: https://...`` would capture the
    page's own ```docs`_`` link, and footnote ids would repeat the page's.
    """
    elements = list(doc.findall(nodes.Element))
    ids = {i for node in elements for i in node["ids"]}
    names = {n for node in elements for n in node["names"]}
    for node in elements:
        for key in ("ids", "names", "dupnames"):
            if node[key]:
                node[key] = [prefix + value for value in node[key]]
        if node.get("refid") in ids:
            node["refid"] = prefix + node["refid"]
        if node.get("refname") in names:
            node["refname"] = prefix + node["refname"]
        if "backrefs" in node:
            node["backrefs"] = [prefix + b if b in ids else b for b in node["backrefs"]]
