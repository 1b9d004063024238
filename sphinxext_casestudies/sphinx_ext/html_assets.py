"""HTML-only concerns: the stylesheet and the filter script, linked where they are used.

Assets are linked per page, only from pages that show entries (the script
only where ``:filter-ui:`` is used): a site where one page uses the extension
should not make every other page fetch our files.  The decision reads the
page's own doctree at ``html-page-context``, so it holds for incremental and
parallel builds and for ``singlehtml`` (one doctree, all pages) alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinxext_casestudies.names import ENTRY_ATTRIBUTE
from sphinxext_casestudies.sphinx_ext import filter_ui as flt

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent.parent / "static"
CSS_FILE = "casestudies.css"
JS_FILE = "casestudies.js"


def setup_html_assets(app: Sphinx) -> None:
    app.connect("config-inited", _add_static_path)
    app.connect("html-page-context", _add_assets)


def _add_static_path(app: Sphinx, config: Config) -> None:
    """Sphinx copies it like a user's own static folder; only HTML builders use it."""
    config.html_static_path.append(str(STATIC))


def shows_entries(node: nodes.Node) -> bool:
    """Whether ``node`` is a rendered entry or logo tile (every layout marks them ``cs-entry``)."""
    return isinstance(node, nodes.Element) and ENTRY_ATTRIBUTE in node


def _add_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: nodes.document | None) -> None:
    """Link our files from this page only; Sphinx forgets them before the next page."""
    if doctree is None:  # genindex, search, additional pages: nothing of ours
        return
    if next(doctree.findall(shows_entries), None) is None:
        return
    app.add_css_file(CSS_FILE)
    if next(doctree.findall(flt.filter_chips), None) is not None:
        app.add_js_file(JS_FILE, loading_method="defer")
