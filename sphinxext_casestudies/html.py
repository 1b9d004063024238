"""HTML-only concerns: the stylesheet (and filter script), added once, for HTML builders only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
CSS_FILE = "casestudies.css"


def setup_html(app: Sphinx) -> None:
    app.connect("config-inited", _add_static_path)
    app.connect("builder-inited", _add_assets)


def _add_static_path(app: Sphinx, config: Config) -> None:
    """Sphinx copies it like a user's own static folder; only HTML builders use it."""
    config.html_static_path.append(str(STATIC))


def _add_assets(app: Sphinx) -> None:
    if app.builder.format == "html":
        app.add_css_file(CSS_FILE)
