"""One way to report a problem: a Sphinx warning typed ``casestudies.<subtype>``.

Everything the extension tells a user goes through :func:`warn`, so every
message carries a location and can be silenced with ``suppress_warnings``.
"""

from __future__ import annotations

from typing import Any

from sphinx.util import logging

from sphinxext_casestudies.data.model import Problem

logger = logging.getLogger("sphinxext_casestudies")


def warn(message: str, subtype: str, location: Any) -> None:
    """Log ``message`` as ``casestudies.<subtype>`` at ``location``.

    ``location`` is what Sphinx accepts: a node, ``(docname, line)``, or a
    ``"path:line"`` string (used for data files, which are not documents).
    """
    logger.warning(message, type="casestudies", subtype=subtype, location=location)


def file_location(path: str, line: int) -> str:
    """``path:line`` (``path:`` for a whole-file problem), as Sphinx prints node locations."""
    return f"{path}:{line}" if line else f"{path}:"


def report(problem: Problem) -> None:
    """Emit a data-layer :class:`Problem` as a Sphinx warning at its file and line."""
    warn(problem.message, problem.subtype, file_location(problem.path, problem.line))
