"""HTML-only concerns: the stylesheet and filter script, and the filter nodes' HTML.

Assets are added once and only for HTML builders; the filter nodes render as
plain sections and containers everywhere else.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinxext_casestudies import filtering as flt

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
CSS_FILE = "casestudies.css"
JS_FILE = "casestudies.js"


def setup_html(app: Sphinx) -> None:
    app.add_node(flt.filterable_section,
                 html=(flt.visit_filterable_section, flt.depart_filterable_section))
    app.add_node(flt.filterable_container,
                 html=(flt.visit_filterable_container, flt.depart_filterable_container))
    app.add_node(flt.filter_chips, html=(flt.visit_filter_chips, None))
    app.add_post_transform(flt.DropChipsOutsideHtml)
    app.connect("config-inited", _add_static_path)
    app.connect("builder-inited", _add_assets)


def _add_static_path(app: Sphinx, config: Config) -> None:
    """Sphinx copies it like a user's own static folder; only HTML builders use it."""
    config.html_static_path.append(str(STATIC))


def _add_assets(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file(CSS_FILE)
        app.add_js_file(JS_FILE, loading_method="defer")
