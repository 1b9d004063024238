"""Wire everything into Sphinx: config, directives, role, domain, events, assets."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxext_casestudies import __version__, config
from sphinxext_casestudies.anchors import EntryAnchors
from sphinxext_casestudies.checking import check_unshown_texts
from sphinxext_casestudies.data.loader import load_catalog
from sphinxext_casestudies.data.model import Catalog
from sphinxext_casestudies.directives import CaseStudies, CaseStudy, LogoGrid
from sphinxext_casestudies.domain import CaseStudiesDomain, get_domain
from sphinxext_casestudies.forking import setup_forking
from sphinxext_casestudies.html import setup_html
from sphinxext_casestudies.i18n import DataTextTranslation, NoLogoMessages
from sphinxext_casestudies.linkcheck import DataLinksAtTheDirective
from sphinxext_casestudies.logos import LightLogoOnly, LogoAltWhereSvgCannotShow
from sphinxext_casestudies.metadata import setup_metadata
from sphinxext_casestudies.pagemeta import setup_page_meta
from sphinxext_casestudies.pages import index_clashes, register_pages, story_pages
from sphinxext_casestudies.roles import CaseStudyRole, warn_unknown
from sphinxext_casestudies.transforms import SectionsWhereTheyCanStand
from sphinxext_casestudies.translations import setup_translations
from sphinxext_casestudies.warnings import file_location, report, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: Bump whenever what the domain stores per document changes shape.
ENV_VERSION = 3

STATIC = Path(__file__).parent / "static"


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    setup_translations(app)
    app.add_domain(CaseStudiesDomain)
    app.add_directive("case-study", CaseStudy)
    app.add_directive("case-studies", CaseStudies)
    app.add_directive("logo-grid", LogoGrid)
    app.add_role("case-study", CaseStudyRole())
    app.add_role_to_domain(CaseStudiesDomain.name, "entry", CaseStudyRole(defer_unknown=True))
    app.connect("warn-missing-reference", warn_unknown)
    app.add_transform(SectionsWhereTheyCanStand)
    app.add_transform(EntryAnchors)
    app.add_transform(DataTextTranslation)
    app.add_post_transform(NoLogoMessages)
    app.add_post_transform(LightLogoOnly)
    app.add_post_transform(DataLinksAtTheDirective)
    app.add_post_transform(LogoAltWhereSvgCannotShow)
    app.connect("env-get-outdated", load_data)
    app.connect("env-updated", check_unshown_texts, priority=400)  # needs the catalog
    app.connect("env-updated", release_catalog)
    app.connect("env-get-updated", moved_references)
    setup_html(app)
    setup_metadata(app)
    setup_page_meta(app)
    setup_forking(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }


def load_data(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
              removed: set[str]) -> set[str]:
    """Load the data once per build, in the main process, before any page is read.

    Returns the documents whose rendered entries or selections changed, so
    Sphinx reads exactly those again (and forked parallel readers inherit
    the loaded catalog instead of parsing YAML themselves).
    """
    domain = get_domain(env)
    domain.confdir = str(app.confdir)
    catalog = load_catalog(
        app.config.casestudies_data,
        confdir=str(app.confdir),
        srcdir=str(app.srcdir),
        default_markup=app.config.casestudies_markup,
        industries=app.config.casestudies_industries or None,
    )
    for problem in catalog.problems:
        report(problem, confdir=str(app.confdir))
    domain.story_pages = story_pages(catalog, app.config.casestudies_pages,
                                     app.config.casestudies_page_kinds)
    if app.config.casestudies_pages:
        for entry in index_clashes(catalog, app.config.casestudies_page_kinds):
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
