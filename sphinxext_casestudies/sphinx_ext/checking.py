"""Every entry's rich text is checked in every build, shown or not (docs: adopting).

Pages check what they render: the markup is parsed while the page is read,
and its references are resolved when the page is written.  Fields no page
renders (the ``sections`` of an entry shown only as a summary, or an entry
no page shows) would never be looked at, so a broken ``ref`` in them would
pass ``-nW``.  After reading, this module parses exactly those fields, as a
page would, and resolves their references with Sphinx's own resolver, so
the messages, ``nitpicky``, ``nitpick_ignore`` and ``missing-reference``
handlers (intersphinx) behave as for a page; everything is located at the
data file and line.

Cheap and incremental: plain prose takes the parser's fast path (no
references possible), and an entry is checked again only when its content
or the set of its unshown fields changed since the last check, so an edit to
an entry no page shows re-checks that entry and re-reads no page.  The
parse runs as a stand-in document, :data:`CHECK_DOC`, that is no document
of the project: whatever the parse noted for it is cleared afterwards.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from docutils import frontend, nodes
from docutils.parsers.rst import Parser as RstParser
from docutils.readers import standalone
from sphinx import addnodes
from sphinx.transforms.post_transforms import ReferencesResolver
from sphinx.util.docutils import LoggingReporter, sphinx_domains
from sphinx.util.rst import default_role

from sphinxext_casestudies._compat import document_state_kept
from sphinxext_casestudies.data.model import Entry, Text
from sphinxext_casestudies.data.richtext import rich_texts
from sphinxext_casestudies.markup.parser import MarkupParser
from sphinxext_casestudies.sphinx_ext.config import settings_of
from sphinxext_casestudies.sphinx_ext.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The document name the check parses as; no file can be named so (no suffix, angle brackets).
CHECK_DOC = "<casestudies data>"


def unshown(entry: Entry, shown: set[tuple[str, str]]) -> list[tuple[str, Text]]:
    """The rich-text fields of ``entry`` that no page renders."""
    return [(key, text) for key, text in rich_texts(entry) if (entry.id, key) not in shown]


def check_digest(entry: Entry, keys: list[str]) -> str:
    """What a check of ``entry`` depends on: its content and which fields it covers.

    An entry with every field shown leaves nothing to check, whatever its
    content, so its content is not hashed: under ``-j`` that hash would be
    computed again in the main process for every entry the readers showed.
    """
    if not keys:
        return ""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(entry.fingerprint.encode())
    for key in keys:
        digest.update(b"\0" + key.encode())
    return digest.hexdigest()


def check_unshown_texts(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: parse and resolve every unshown field whose check is out of date."""
    domain = get_domain(env)
    shown = domain.shown_texts()
    checked = domain.checked
    todo: list[tuple[Entry, list[tuple[str, Text]]]] = []
    for entry in domain.catalog.entries:
        fields = unshown(entry, shown)
        digest = check_digest(entry, [key for key, _ in fields])
        if checked.get(entry.id) != digest:
            checked[entry.id] = digest
            if fields:
                todo.append((entry, fields))
    for stale in set(checked) - {entry.id for entry in domain.catalog.entries}:
        del checked[stale]
    if todo:
        _check(app, env, todo)
    return []


def _check(app: Sphinx, env: BuildEnvironment,
           todo: list[tuple[Entry, list[tuple[str, Text]]]]) -> None:
    with _reading_as(env, CHECK_DOC):
        page = _check_document(env)
        settings = settings_of(app.config)
        parser = MarkupParser(document=page, srcdir=str(env.srcdir), docdir=str(env.srcdir),
                              allow_raw=settings.allow_raw, gate=settings.gate)
        for entry, fields in todo:  # one entry at a time: peak memory stays one entry's
            for _, text in fields:
                page += nodes.container("", *parser.blocks(text, entry.source, entry.markup))
            if next(page.findall(_is_xref), None) is not None:
                ReferencesResolver(page).apply()
            page.children = []


def _is_xref(node: nodes.Node) -> bool:
    return isinstance(node, addnodes.pending_xref)


def _check_document(env: BuildEnvironment) -> nodes.document:
    """A document with the settings Sphinx gives a page (roles read ``settings.env``)."""
    settings = frontend.get_default_settings(standalone.Reader, RstParser)
    for name, value in env.settings.items():
        setattr(settings, name, value)
    source = os.path.join(str(env.srcdir), CHECK_DOC)
    reporter = LoggingReporter(source, settings.report_level, settings.halt_level,
                               settings.debug, settings.error_encoding_error_handler)
    page = nodes.document(settings, reporter, source=source)
    page.note_source(source, -1)
    return page


@contextmanager
def _reading_as(env: BuildEnvironment, docname: str) -> Iterator[None]:
    """Roles and directives see ``docname`` as the page being read, as in Sphinx's read_doc.

    Afterwards everything noted for it is dropped, so no project data refers
    to a document that does not exist.
    """
    with document_state_kept(env):
        env.prepare_settings(docname)
        role = env.config.default_role
        try:
            with sphinx_domains(env), default_role(docname, role) if role else _nothing():
                yield
        finally:
            env.ref_context.clear()
            env.clear_doc(docname)
            env.dependencies.pop(docname, None)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


def setup_checking(app: Sphinx) -> None:
    # Before the catalog is released (data_loading, default priority 500).
    app.connect("env-updated", check_unshown_texts, priority=400)
