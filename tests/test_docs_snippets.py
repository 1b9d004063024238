"""The docs are tests: each snippet in docs/snippets exists as .rst and .md, both are built,
and both must give the same doctree, the one checked in under tests/snapshots/.

Regenerate the snapshots after an intended change with
``CS_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_docs_snippets.py``.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from docutils import nodes

pytest.importorskip("myst_parser")

from util import warnings

DOCS = Path(__file__).parent.parent / "docs"
SNAPSHOTS = Path(__file__).parent / "snapshots"
NAMES = sorted(p.stem for p in (DOCS / "snippets").glob("*.rst"))
UPDATE = os.environ.get("CS_UPDATE_SNAPSHOTS") == "1"


def _project(tmp_path_factory, suffix: str) -> Path:
    """The docs' data and story pages, plus every snippet of one syntax as snip/NAME."""
    src = tmp_path_factory.mktemp(f"snippets{suffix}") / "src"
    src.mkdir()
    for item in ("conf.py", "_data", "_static", "stories"):
        copy = shutil.copytree if (DOCS / item).is_dir() else shutil.copy
        copy(DOCS / item, src / item)
    (src / "snip").mkdir()
    title = "Snippet\n=======\n\n" if suffix == ".rst" else "# Snippet\n\n"
    for path in (DOCS / "snippets").glob(f"*{suffix}"):
        text = path.read_text(encoding="utf-8")
        (src / "snip" / path.name).write_text(title + text, encoding="utf-8")
    (src / "index.rst").write_text(
        "Snippets\n========\n\n.. toctree::\n   :glob:\n\n   stories/*\n   snip/*\n",
        encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def snippets(build_root, tmp_path_factory):
    """Two builds of the same project: snippets in reST, then the same in MyST."""
    return {suffix: build_root(f"snippets{suffix}", src=_project(tmp_path_factory, suffix))
            for suffix in (".rst", ".md")}


def normalised(app, docname: str) -> str:
    """The doctree as text, without source paths (which differ by suffix).

    Booleans are spelled as docutils >= 0.22 spells them ("1"): older docutils
    print "True", a detail of the representation, not of our output.
    """
    doctree = app.env.get_doctree(docname)  # a fresh copy: ours to change
    for node in doctree.findall(nodes.Element):
        for name, value in node.attributes.items():
            if isinstance(value, bool):
                node[name] = int(value)
    text = doctree.pformat()
    return re.sub(r'source="[^"]*"', "", text)


def test_every_snippet_has_both_forms():
    md = sorted(p.stem for p in (DOCS / "snippets").glob("*.md"))
    assert md == NAMES
    assert len(NAMES) >= 20


@pytest.mark.parametrize("suffix", [".rst", ".md"])
def test_snippets_build_cleanly(snippets, suffix):
    found = warnings(snippets[suffix])
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("name", NAMES)
def test_rst_and_myst_give_the_snapshot_doctree(snippets, name):
    rst = normalised(snippets[".rst"], f"snip/{name}")
    md = normalised(snippets[".md"], f"snip/{name}")
    assert rst == md
    snapshot = SNAPSHOTS / f"{name}.txt"
    if UPDATE or not snapshot.exists():
        snapshot.write_text(rst, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"snapshot {snapshot.name} was missing and has been written; rerun")
    assert rst == snapshot.read_text(encoding="utf-8")


def test_no_unused_snapshots():
    assert sorted(p.stem for p in SNAPSHOTS.glob("*.txt")) == NAMES
