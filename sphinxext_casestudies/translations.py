"""Our own message catalog, so every word the extension adds follows the build's ``language``.

Strings are marked with :data:`_` (``sphinx.locale``'s lazy translation),
translated when rendered, not when imported, so each build uses its own
language.  The catalogs themselves live in ``locale/`` next to this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

if TYPE_CHECKING:
    from sphinx.application import Sphinx

CATALOG = "sphinxext_casestudies"
"""The gettext domain: ``locale/<language>/LC_MESSAGES/sphinxext_casestudies.mo``."""

_ = get_translation(CATALOG)


def setup_translations(app: Sphinx) -> None:
    app.add_message_catalog(CATALOG, str(Path(__file__).parent / "locale"))


def default_alt(name: str) -> str:
    """A logo's alt text when the data gives none: "NAME logo", in the build's language."""
    return str(_("%s logo")) % name
