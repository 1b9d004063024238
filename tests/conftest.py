"""Real Sphinx builds over the test roots in tests/roots (copied to a temp dir first)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from sphinx.testing.util import SphinxTestApp

from sphinxext_casestudies.data import yamlnodes

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
sys.path.insert(0, str(Path(__file__).parent))


def pytest_configure(config: pytest.Config) -> None:
    """``CS_YAML_LOADER=python`` runs everything with PyYAML's pure-Python loader.

    That is what users get where PyYAML has no libyaml (tox env ``pureyaml``);
    every test must give the same result with either loader.
    """
    wanted = os.environ.get("CS_YAML_LOADER", "")
    if wanted == "python":
        yamlnodes._LOADER = yaml.SafeLoader
    elif wanted == "libyaml":
        if not yaml.__with_libyaml__:
            raise pytest.UsageError("CS_YAML_LOADER=libyaml, but this PyYAML has no libyaml")
        yamlnodes._LOADER = yaml.CSafeLoader
    elif wanted:
        raise pytest.UsageError(f"CS_YAML_LOADER must be 'python' or 'libyaml', not {wanted!r}")


def pytest_report_header() -> str:
    loader = "pure Python" if yamlnodes._LOADER is yaml.SafeLoader else "libyaml"
    return f"sphinxext-casestudies: YAML loader {loader}, PyYAML {yaml.__version__}"


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
