"""Helpers for reading what a real Sphinx build produced."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

ROOTS = Path(__file__).parent / "roots"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


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
