"""Helpers for reading what a real Sphinx build produced."""

from __future__ import annotations

import re
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).parent / "roots"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build(srcdir: Path, buildername: str = "html", *,
          confoverrides: dict[str, Any] | None = None, parallel: int = 0,
          listeners: dict[str, Callable[..., Any]] | None = None) -> SphinxTestApp:
    """Build ``srcdir`` once, in process, as ``sphinx-build`` would: the one test helper.

    Docutils' global registries are restored afterwards, so the next app
    starts clean; output, warnings and environment stay readable.
    """
    app = SphinxTestApp(buildername, srcdir=srcdir, confoverrides=confoverrides or {},
                        parallel=parallel, status=StringIO(), warning=StringIO())
    for event, listener in (listeners or {}).items():
        app.connect(event, listener)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def html(app: Any, page: str) -> BeautifulSoup:
    """The parsed HTML of ``page`` (e.g. ``"stories/acme.html"``) in the build output."""
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def body(app: Any, page: str) -> Any:
    soup = html(app, page)
    return soup.select_one("div.body") or soup.select_one("main") or soup


def warnings(app: Any) -> list[str]:
    """Warning lines, colour codes stripped, paths made relative to the source folder."""
    text = _ANSI.sub("", app.warning.getvalue())
    src = str(app.srcdir) + "/"
    return [line.replace(src, "") for line in text.splitlines() if "WARNING" in line
            or "ERROR" in line]


def matching(app: Any, subtype: str) -> list[str]:
    return [w for w in warnings(app) if f"[casestudies.{subtype}]" in w]
