"""Making parsed data markup safe to put into a page.

:meth:`Sanitizer.sanitize` walks every attribute that can become a link or
a file (``refuri``, image ``uri`` and ``candidates``, download
``reftarget``, toctree ``entries``, ``\\href`` in math) and asks
:mod:`.trust` about each; it also removes raw output and ``pending`` nodes
no page transform would ever resolve.  :func:`scope_names_and_ids` keeps a
field's ids and target names from clashing with the page's, and
:func:`deeper_than` bounds how deep one field may nest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx import addnodes

from sphinxext_casestudies.markup.allowlist import refuse
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
class Sanitizer:
    """Judges what one page's data markup produced (see the module docstring)."""

    document: nodes.document
    """The page: fragments end up pointing at it, and trusted ``pending`` nodes go to it."""
    folder: SourceFolder
    docdir: str
    allow_raw: bool

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
        for meta in found[nodes.meta]:
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
"""Node classes :meth:`Sanitizer.sanitize` looks at (besides anything with ``refuri``)."""


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


def deeper_than(doc: nodes.document, limit: int) -> bool:
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



_SCOPE = re.compile(r"^cs[0-9]+-")
"""The prefix :func:`scope_names_and_ids` gives a field's names (left out of messages)."""
_FRAGMENTS: WeakKeyDictionary[nodes.document, int] = WeakKeyDictionary()


def next_fragment(page: nodes.document) -> int:
    """A per-page counter: deterministic, so -j 1 and -j N give the same ids."""
    _FRAGMENTS[page] = _FRAGMENTS.get(page, 0) + 1
    return _FRAGMENTS[page]


def scope_names_and_ids(doc: nodes.document, prefix: str) -> None:
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
