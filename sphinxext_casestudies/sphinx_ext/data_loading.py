"""The data of a build: loaded once before any page is read, released before writing.

Loading happens at ``env-get-outdated``, in the main process, so forked
``-j`` readers inherit the catalog instead of parsing YAML themselves, and
the pages whose entries changed are read again.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from sphinxext_casestudies.data.loader import load_catalog
from sphinxext_casestudies.data.model import Catalog
from sphinxext_casestudies.reporting import file_location, report, warn
from sphinxext_casestudies.sphinx_ext.config import conf_line, settings_of
from sphinxext_casestudies.sphinx_ext.domain import get_domain
from sphinxext_casestudies.sphinx_ext.story_pages import index_clashes, register_pages, story_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def setup_data_loading(app: Sphinx) -> None:
    app.connect("env-get-outdated", load_data)
    app.connect("env-updated", release_catalog)  # after the unshown-text check (priority 400)
    app.connect("env-get-updated", moved_references)


def load_data(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
              removed: set[str]) -> set[str]:
    """Load the data once per build, in the main process, before any page is read.

    Returns the documents whose rendered entries or selections changed, so
    Sphinx reads exactly those again (and forked parallel readers inherit
    the loaded catalog instead of parsing YAML themselves).
    """
    settings = settings_of(app.config)
    domain = get_domain(env)
    domain.confdir = str(app.confdir)
    catalog = load_catalog(
        settings.data,
        confdir=str(app.confdir),
        srcdir=str(app.srcdir),
        default_markup=settings.markup,
        industries=settings.industries or None,
    )
    conf_py = os.path.join(str(app.confdir), "conf.py")
    for problem in catalog.problems:
        # A problem of conf.py itself (a pattern matching nothing) is placed at the
        # line that sets casestudies_data.
        at_conf = not problem.line and problem.path == conf_py
        report(problem, conf_line(str(app.confdir), "casestudies_data") if at_conf else None)
    domain.story_pages = story_pages(catalog, settings.pages, settings.page_kinds)
    if settings.pages:
        for entry in index_clashes(catalog, settings.page_kinds):
            warn("entry 'index' gets no story page: that name is the story pages' index "
                 "(set page: false, or choose another id)", "ref",
                 file_location(entry.source, entry.line))
    domain.data["generated"] = register_pages(app, env, domain.story_pages, domain.generated,
                                              added, changed, removed)
    check_document_links(catalog, env)
    domain.catalog = catalog
    domain.remember_canonical()
    return domain.outdated_docs(catalog) - removed


def check_document_links(catalog: Catalog, env: BuildEnvironment) -> None:
    """A ``link`` naming a document that does not exist is reported at the data line."""
    for entry in catalog.entries:
        if entry.link and not entry.link_is_url and entry.link not in env.found_docs:
            warn(f"entry {entry.id!r}: link {entry.link!r} is not a document of this project",
                 "ref", file_location(entry.source, entry.link_line or entry.line))


def release_catalog(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Pages are read, so nothing needs the entries any more: free them before writing.

    Directives and the role are the only readers of the catalog.  Writing
    uses the domain's per-document records, so the catalog would only add
    to peak memory and to every garbage collection of the main process.
    The next build loads the data again, at ``env-get-outdated``.
    """
    get_domain(env).catalog = Catalog()
    return []


def moved_references(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Re-write (not re-read) pages whose role targets moved to another page."""
    return sorted(get_domain(env).docs_with_moved_refs())
