"""Customer stories, testimonials and logo walls for Sphinx, kept once as YAML data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup(app: Sphinx) -> dict[str, Any]:
    """Sphinx entry point: hand over to :mod:`.extension` (kept light for ``validate``)."""
    from sphinxext_casestudies.extension import setup as _setup

    return _setup(app)
