"""Real Sphinx builds over the test roots in tests/roots (copied to a temp dir first)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


Build = Callable[..., SphinxTestApp]


@pytest.fixture(scope="session")
def build_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    """Copy ``tests/roots/test-NAME`` to a temp dir and build it once; never in the tree."""
    def build(root: str, buildername: str = "html", *, confoverrides: dict[str, Any] | None = None,
              parallel: int = 0, src: Path | None = None) -> SphinxTestApp:
        if src is None:
            src = tmp_path_factory.mktemp(root) / "src"
            shutil.copytree(ROOTS / f"test-{root}", src)
        app = SphinxTestApp(buildername, srcdir=src, confoverrides=confoverrides or {},
                            parallel=parallel, status=StringIO(), warning=StringIO())
        try:
            app.build()
        finally:
            # Restores docutils' global registries, so the next app starts clean;
            # the output, warnings and environment stay readable.
            app.cleanup()
        return app

    yield build
