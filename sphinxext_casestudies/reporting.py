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
    """``path:line``; a whole-file problem (line 0) points at the file's first line.

    Sphinx reads a location without a colon as a document name, and prints
    ``path:`` as ``path::``, so a line is always given.
    """
    return f"{path}:{line or 1}"


def report(problem: Problem, line: int | None = None) -> None:
    """Emit a data-layer :class:`Problem` as a Sphinx warning at its file and line.

    ``line`` overrides the problem's own line (the caller knows better, e.g.
    the line of ``conf.py`` that sets a value).
    """
    warn(problem.message, problem.subtype,
         file_location(problem.path, problem.line if line is None else line))
