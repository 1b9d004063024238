"""A page is read again exactly when what it shows changed (compare sphinx-doc/sphinx#9706)."""

from __future__ import annotations

import shutil
import time
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from util import ROOTS, body, build


class Project:
    """One source tree built again and again, like a writer's sphinx-build loop."""

    def __init__(self, src: Path) -> None:
        self.src = src

    def build(self, **confoverrides: Any) -> tuple[SphinxTestApp, list[str]]:
        read: list[str] = []
        app = build(self.src, confoverrides=confoverrides, listeners={
            "env-before-read-docs": lambda _a, _e, docnames: read.extend(docnames)})
        return app, sorted(read)

    def edit(self, relpath: str, old: str, new: str) -> None:
        path = self.src / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, relpath)
        # mtimes have a coarse resolution on some file systems
        time.sleep(0.01)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", src)
    proj = Project(src)
    _, first = proj.build()
    assert first == ["index", "p-grid", "p-none", "p-one", "p-role", "p-sel", "p-two"]
    return proj


def test_no_change_reads_nothing(project):
    assert project.build()[1] == []


def test_editing_an_entry_rereads_only_its_pages(project):
    project.edit("data/a.yaml", "Headline of one.", "New headline of one.")
    app, read = project.build()
    assert read == ["p-one", "p-sel"]
    assert "New headline of one." in body(app, "p-one.html").text


def test_adding_an_entry_rereads_the_selections_it_joins(project):
    with open(project.src / "data/a.yaml", "a", encoding="utf-8") as f:
        f.write("- id: five\n  name: Five\n  tags: [x]\n  date: 2020-01-01\n")
    assert project.build()[1] == ["p-sel"]


def test_resorting_rereads_the_selection(project):
    project.edit("data/a.yaml", "date: 2024-03-01", "date: 2023-03-01")
    app, read = project.build()
    assert read == ["p-sel"]
    ids = [s["id"] for s in body(app, "p-sel.html").select("section.cs-case-study")]
    assert ids == ["one", "three"]


def test_moving_an_entry_within_its_file_rereads_nothing(project):
    text = (project.src / "data/a.yaml").read_text(encoding="utf-8")
    (project.src / "data/a.yaml").write_text("# a comment moves every line\n\n" + text,
                                             encoding="utf-8")
    assert project.build()[1] == []


def test_role_text_follows_the_entry_name(project):
    project.edit("data/a.yaml", "name: Two", "name: Two Renamed")
    app, read = project.build()
    assert read == ["p-role", "p-two"]
    assert body(app, "p-role.html").select_one("a span.cs-role").text == "Two Renamed"


def test_role_target_follows_the_canonical_place(project):
    app, _ = project.build()
    assert body(app, "p-role.html").select_one("p a")["href"] == "p-two.html#two"
    project.edit("p-two.rst", ".. case-study:: two", ".. case-study:: two\n   :no-index:")
    app, read = project.build()
    assert read == ["p-two"]  # p-role is re-written, not re-read
    assert body(app, "p-role.html").select_one("p a")["href"] == "https://example.com/two"


def test_removing_an_entry_warns_where_it_was_used(project):
    project.edit("data/a.yaml", "- id: four\n  name: Four\n  kind: article\n"
                 "  link: https://example.com/four\n", "")
    app, read = project.build()
    assert read == ["p-grid"]
    assert "[casestudies.empty]" in app.warning.getvalue()


def test_logo_file_change_recopies_the_image(project):
    time.sleep(0.01)
    (project.src / "logos/one.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    app, read = project.build()
    assert "p-one" in read and "p-none" not in read
    assert "width=\"10\"" in (Path(app.outdir) / "_images/one.svg").read_text(encoding="utf-8")


def test_config_change_rebuilds_everything(project):
    _, read = project.build(casestudies_link_text="Continue")
    assert read == ["index", "p-grid", "p-none", "p-one", "p-role", "p-sel", "p-two"]


def test_one_app_building_twice_reloads_the_data(tmp_path: Path):
    """Like an in-process rebuild loop: the catalog is freed before writing, reloaded next build."""
    from sphinxext_casestudies.sphinx_ext.domain import get_domain

    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-incremental", src)
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        app.build()
        assert get_domain(app.env).catalog.entries == ()  # released once pages were read
        Project(src).edit("data/a.yaml", "Headline of one.", "Reloaded headline of one.")
        read: list[str] = []
        app.connect("env-before-read-docs", lambda _a, _e, docnames: read.extend(docnames))
        app.build()
        assert sorted(read) == ["p-one", "p-sel"]
        assert "Reloaded headline of one." in body(app, "p-one.html").text
    finally:
        app.cleanup()
