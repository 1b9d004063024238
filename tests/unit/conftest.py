"""Helpers for the data-layer unit tests: write a YAML file, load it, compare problems."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from sphinxext_casestudies.data.loader import load_file
from sphinxext_casestudies.data.model import Entry

from .datahelpers import Load, Loaded


@pytest.fixture
def load(tmp_path: Path) -> Load:
    """Write dedented ``text`` to ``tmp_path/name`` and load it with ``tmp_path`` as srcdir."""

    def run(text: str | bytes, name: str = "data.yaml", **options: object) -> Loaded:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        options.setdefault("srcdir", str(tmp_path))
        return load_file(str(path), **options)  # type: ignore[arg-type]

    return run


@pytest.fixture
def one(load: Load) -> Callable[..., Entry]:
    """Load text that must give exactly one entry and no problem."""

    def run(text: str, **options: object) -> Entry:
        entries, problems = load(text, **options)
        assert problems == []
        assert len(entries) == 1
        return entries[0]

    return run
