"""Real Sphinx builds over the test roots in tests/roots (copied to a temp dir first)."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import Phase, settings
from sphinx.testing.util import SphinxTestApp

from sphinxext_casestudies.data import yamlnodes

pytest_plugins = ("sphinx.testing.fixtures",)

ROOTS = Path(__file__).parent / "roots"
sys.path.insert(0, str(Path(__file__).parent))


settings.register_profile(
    "ci", derandomize=True, database=None, print_blob=True,
    phases=(Phase.explicit, Phase.reuse, Phase.generate))
"""Default: the same examples on every run and machine, no minutes spent shrinking.

A failure prints its blob (``@reproduce_failure``); turn it into an explicit
``@example`` before fixing, so it stays a regression test."""
settings.register_profile("explore", derandomize=False, print_blob=True)
"""For developers, on purpose: new random examples each run, shrinking on
(``HYPOTHESIS_PROFILE=explore HOSTILE_FUZZ_EXAMPLES=200 tox -e py3 -- tests/hostile``)."""
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


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


Build = Callable[..., SphinxTestApp]


@pytest.fixture(scope="session")
def build_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Build]:
    """Copy ``tests/roots/test-NAME`` to a temp dir and build it once; never in the tree."""
    def build(root: str, buildername: str = "html", *, confoverrides: dict[str, Any] | None = None,
              parallel: int = 0, src: Path | None = None) -> SphinxTestApp:
        if src is None:
            src = tmp_path_factory.mktemp(root) / "src"
            shutil.copytree(ROOTS / f"test-{root}", src)
        import util  # tests/ is on sys.path only once this module has run

        return util.build(src, buildername, confoverrides=confoverrides, parallel=parallel)

    yield build


@pytest.fixture(params=["rst", pytest.param("md", marks=pytest.mark.myst)])
def s(request: pytest.FixtureRequest) -> str:
    """The page syntax a test runs in, once each: ``"rst"`` and ``"md"`` (MyST)."""
    if request.param == "md":
        pytest.importorskip("myst_parser")
    return str(request.param)
