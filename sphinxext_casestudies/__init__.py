"""Customer stories, testimonials and logo walls for Sphinx, kept once as YAML data.

:func:`setup` is the table of contents: one line per feature, each a
``setup_<feature>`` in the module that implements it.  The stages a story
goes through have a folder each (see the architecture page of the docs):
``data`` (YAML to entries), ``markup`` (rich text to nodes), ``render``
(entries to nodes), ``sphinx_ext`` (everything Sphinx calls), with the
shared rules in ``trust`` and :mod:`.names`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinxext_casestudies._version import __version__

__all__ = ["__version__", "setup"]

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point.

    The imports live here so that importing the package (``python -m
    sphinxext_casestudies validate``) does not import Sphinx.
    """
    from sphinxext_casestudies import translations
    from sphinxext_casestudies.sphinx_ext import (
        anchors,
        checking,
        collector,
        config,
        data_loading,
        directives,
        domain,
        filter_ui,
        html_assets,
        i18n,
        linkcheck,
        logo_builders,
        page_metadata,
        role,
        sections,
    )

    config.setup_config(app)                  # casestudies_* values -> Settings
    translations.setup_translations(app)      # our words in the build's language
    domain.setup_domain(app)                  # what each page shows, canonical places
    data_loading.setup_data_loading(app)      # YAML -> catalog, once per build
    directives.setup_directives(app)          # case-study, case-studies, logo-grid
    role.setup_role(app)                      # :case-study:, :cs:entry:
    sections.setup_sections(app)              # entry headings where sections cannot stand
    anchors.setup_anchors(app)                # the bare entry id on its canonical rendering
    checking.setup_checking(app)              # rich text of entries no page shows
    i18n.setup_i18n(app)                      # data text in translated builds
    filter_ui.setup_filter_ui(app)            # :filter-ui: chips
    logo_builders.setup_logo_builders(app)    # logos in LaTeX, text, man, ePub
    linkcheck.setup_linkcheck(app)            # data links reported at the directive
    html_assets.setup_html_assets(app)        # stylesheet and script, where used
    page_metadata.setup_page_metadata(app)    # description, JSON-LD, OpenGraph
    collector.setup_collector(app)            # one collection as writing starts; lean -j workers
    return {
        "version": __version__,
        "env_version": domain.CaseStudiesDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
