"""The package as users get it: sdist and wheel built from this tree, the wheel installed
into a new virtual environment outside the tree, a small project built with it.

Runs in ``tox -e package`` (marker ``package``): it needs the network to PyPI for the
build backend and the wheel's dependencies, and takes about a minute.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.package

PAGE = """\
Stories
=======

.. case-studies::
   :layout: card
   :filter-ui:

See :case-study:`acme`.
"""
DATA = """\
- id: acme
  name: Acme
  link: https://example.org/acme
  industry: finance
  tags: [api]
  logo: logo.svg
  headline: Acme *ships* faster.
- id: bolt
  name: Bolt
  industry: media
  headline: Bolt too.
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'


@pytest.fixture(scope="module")
def dists(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out),
                    str(REPO)], check=True, capture_output=True, text=True)
    (sdist,) = out.glob("*.tar.gz")
    (wheel,) = out.glob("*.whl")
    return sdist, wheel


def _package_files() -> set[str]:
    """Every file of the import package in the tree, as a wheel names it."""
    root = REPO / "sphinxext_casestudies"
    return {str(p.relative_to(REPO)) for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def test_metadata_and_readme_pass_twine_check(dists: tuple[Path, Path]) -> None:
    """What ``twine upload`` would refuse (the release steps of README, ``tox -e dist``)."""
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict",
                             str(dists[0]), str(dists[1])], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_wheel_holds_every_file_the_package_reads(dists: tuple[Path, Path]) -> None:
    names = set(zipfile.ZipFile(dists[1]).namelist())
    missing = _package_files() - names
    assert missing == set()
    assert {"sphinxext_casestudies/py.typed", "sphinxext_casestudies/static/casestudies.css",
            "sphinxext_casestudies/static/casestudies.js"} <= names
    assert {f"sphinxext_casestudies/locale/{language}/LC_MESSAGES/sphinxext_casestudies.{ext}"
            for language in ("de", "es", "fr", "ja", "pt_BR", "zh_CN")
            for ext in ("po", "mo")} <= names
    assert not any(name.startswith(("tests/", "docs/", "bench/")) for name in names)


def test_sdist_holds_everything_tox_needs(dists: tuple[Path, Path]) -> None:
    with tarfile.open(dists[0]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    needed = {"pyproject.toml", "tox.ini", "README.md", "CHANGELOG.md",
              "constraints/lowest.txt", ".ci/run"}
    for folder in ("sphinxext_casestudies", "tests", "docs", "bench", "tools"):
        needed |= {str(p.relative_to(REPO)) for p in (REPO / folder).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts
                   and not any(part.startswith((".", "_build")) or part == "out"
                               for part in p.relative_to(REPO / folder).parts)}
    assert needed - names == set()


def test_wheel_installed_outside_the_tree_builds_a_project(
        dists: tuple[Path, Path], tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", str(dists[1])],
                   check=True, capture_output=True, text=True)
    src = tmp_path / "project"
    (src / "_data").mkdir(parents=True)
    (src / "conf.py").write_text('project = "p"\nextensions = ["sphinxext_casestudies"]\n'
                                 'casestudies_data = ["_data/*.yaml"]\n', encoding="utf-8")
    (src / "_data" / "stories.yaml").write_text(DATA, encoding="utf-8")
    (src / "_data" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (src / "index.rst").write_text(PAGE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        [str(python), "-m", "sphinx", "-W", "--keep-going", "-b", "html", str(src),
         str(tmp_path / "html")], cwd=tmp_path, env=env, capture_output=True, text=True,
        check=False)
    assert result.returncode == 0, result.stderr
    where = subprocess.run([str(python), "-c", "import sphinxext_casestudies as m; "
                            "print(m.__file__)"], cwd=tmp_path, env=env, capture_output=True,
                           text=True, check=True).stdout
    assert str(env_dir) in where and str(REPO) not in where  # the wheel, not this tree
    html = (tmp_path / "html" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="cs-card') == 2
    assert html.count('href="https://example.org/acme"') >= 2  # the card and the role
    static = tmp_path / "html" / "_static"
    assert (static / "casestudies.css").is_file()
    assert (static / "casestudies.js").is_file()
    assert "casestudies.css" in html
    assert (tmp_path / "html" / "_images" / "logo.svg").is_file()
