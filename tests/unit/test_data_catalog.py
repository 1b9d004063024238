"""``load_catalog``: patterns, file order, duplicate ids across files; inline entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinxext_casestudies.data.loader import load_catalog, parse_inline_entry
from sphinxext_casestudies.data.model import Entry, Logo, Text

from .datahelpers import where


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """conf dir with data/b.yaml, data/a.yaml, data/more/c.yml and a stray notes.txt."""
    (tmp_path / "data" / "more").mkdir(parents=True)
    (tmp_path / "data" / "b.yaml").write_text("- {id: b1, name: B1}\n- {id: b2, name: B2}\n")
    (tmp_path / "data" / "a.yaml").write_text("- {id: a1, name: A1}\n")
    (tmp_path / "data" / "more" / "c.yml").write_text("id: c1\nname: C1\n")
    (tmp_path / "data" / "notes.txt").write_text("not data")
    return tmp_path


def ids(project: Path, *patterns: str) -> list[str]:
    catalog = load_catalog(patterns, confdir=str(project), srcdir=str(project))
    assert catalog.problems == ()
    return [e.id for e in catalog.entries]


def test_files_in_sorted_path_order(project: Path) -> None:
    assert ids(project, "data/b.yaml", "data/a.yaml") == ["a1", "b1", "b2"]


def test_glob(project: Path) -> None:
    assert ids(project, "data/*.yaml") == ["a1", "b1", "b2"]


def test_recursive_glob(project: Path) -> None:
    assert ids(project, "data/**/*.y*ml") == ["a1", "b1", "b2", "c1"]


def test_files_matched_twice_load_once(project: Path) -> None:
    assert ids(project, "data/*.yaml", "data/a.yaml", "./data/../data/a.yaml") == [
        "a1", "b1", "b2"]


def test_absolute_pattern(project: Path) -> None:
    assert ids(project, str(project / "data" / "more" / "*.yml")) == ["c1"]


def test_catalog_lookup_and_files(project: Path) -> None:
    catalog = load_catalog(["data/*.yaml"], confdir=str(project), srcdir=str(project))
    assert catalog.files == (str(project / "data" / "a.yaml"), str(project / "data" / "b.yaml"))
    entry = catalog.get("b2")
    assert entry is not None and entry.source == str(project / "data" / "b.yaml")
    assert "a1" in catalog and "zz" not in catalog and catalog.get("zz") is None


@pytest.mark.parametrize("pattern", ["data/none.yaml", "nothing/*.yaml", "data/more"])
def test_pattern_matching_nothing(project: Path, pattern: str) -> None:
    catalog = load_catalog([pattern, "data/a.yaml"], confdir=str(project), srcdir=str(project))
    assert [e.id for e in catalog.entries] == ["a1"]
    assert [(p.path, p.line, p.subtype, p.message) for p in catalog.problems] == [
        (str(project / "conf.py"), 0, "data",
         f"casestudies_data pattern '{pattern}' matches no file")]


def test_no_patterns(project: Path) -> None:
    catalog = load_catalog([], confdir=str(project), srcdir=str(project))
    assert (catalog.entries, catalog.problems, catalog.files) == ((), (), ())


def test_duplicate_ids_across_files(project: Path) -> None:
    (project / "data" / "z.yaml").write_text(
        "# later\n- {id: x, name: X}\n- {id: a1, name: Again}\n")
    catalog = load_catalog(["data/*.yaml"], confdir=str(project), srcdir=str(project))
    assert [e.id for e in catalog.entries] == ["a1", "b1", "b2", "x"]
    a1 = catalog.get("a1")
    assert a1 is not None and a1.name == "A1"  # the first definition wins
    [problem] = catalog.problems
    assert (problem.path, problem.line, problem.subtype) == (
        str(project / "data" / "z.yaml"), 3, "duplicate")
    assert problem.message == (f"duplicate id 'a1': first defined at "
                               f"{project / 'data' / 'a.yaml'}:1")


def test_duplicate_ids_within_a_file(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").write_text("- {id: a, name: A}\n- {id: b, name: B}\n- {id: a, name: C}\n")
    catalog = load_catalog(["d.yaml"], confdir=str(tmp_path), srcdir=str(tmp_path))
    assert [e.name for e in catalog.entries] == ["A", "B"]
    assert [(p.line, p.subtype) for p in catalog.problems] == [(3, "duplicate")]
    assert catalog.problems[0].message.endswith(f"first defined at {tmp_path / 'd.yaml'}:1")


def test_problems_of_all_files_in_order(project: Path) -> None:
    (project / "data" / "a.yaml").write_text("- {id: a1, name: A1, x: 1}\n- {id: Q, name: Q}\n")
    (project / "data" / "b.yaml").write_text("{\n")
    catalog = load_catalog(["data/*.yaml"], confdir=str(project), srcdir=str(project))
    assert [e.id for e in catalog.entries] == ["a1"]
    assert [(Path(p.path).name, p.line, p.subtype) for p in catalog.problems] == [
        ("a.yaml", 1, "schema"), ("a.yaml", 2, "schema"), ("b.yaml", 2, "data")]


def test_industries_and_markup_reach_every_file(project: Path) -> None:
    (project / "data" / "a.yaml").write_text("- {id: a1, name: A1, industry: oil}\n")
    catalog = load_catalog(["data/a.yaml"], confdir=str(project), srcdir=str(project),
                           default_markup="myst", industries={"gas": "Gas"})
    assert [e.markup for e in catalog.entries] == ["myst"]
    assert where(catalog.problems) == [("schema", 1)]


# -- inline entries (a directive body) ------------------------------------------------------

def inline(text: str, tmp_path: Path, markup: str = "rst",
           ) -> tuple[Entry | None, list[tuple[str, int]]]:
    entry, problems = parse_inline_entry(
        text, source=str(tmp_path / "page.rst"), first_line=10, base_dir=str(tmp_path / "sub"),
        srcdir=str(tmp_path), markup=markup)
    assert all(p.path == str(tmp_path / "page.rst") for p in problems)
    return entry, where(problems)


def test_inline_entry_lines_count_from_first_line(tmp_path: Path) -> None:
    entry, problems = inline("id: a\nname: A\nheadline: H\nsummary: |\n  S\n", tmp_path)
    assert problems == []
    assert entry is not None
    assert (entry.line, entry.headline, entry.summary, entry.source) == (
        10, Text("H", 12), Text("S\n", 14), str(tmp_path / "page.rst"))


def test_inline_entry_markup(tmp_path: Path) -> None:
    entry, _ = inline("id: a\nname: A\n", tmp_path, markup="myst")
    assert entry is not None and entry.markup == "myst"


def test_inline_problem_lines(tmp_path: Path) -> None:
    entry, problems = inline("id: a\nname: A\nkind: nope\n", tmp_path)
    assert entry is None and problems == [("schema", 12)]
    entry, problems = inline("id: a\nname: A\n bad: indent\n", tmp_path)
    assert entry is None and problems == [("data", 12)]
    entry, problems = inline("id: a\nname: A\nx: !!python/none ''\n", tmp_path)
    assert entry is None and problems == [("data", 12)]
    entry, problems = inline("id: a\nname: A\nx: " + "[" * 30000 + "]" * 30000 + "\n", tmp_path)
    assert entry is None and problems == [("limit", 12)]


def test_inline_logo_counts_from_the_documents_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "l.svg").write_text("<svg/>")
    entry, problems = inline("id: a\nname: A\nlogo: l.svg\n", tmp_path)
    assert problems == [] and entry is not None
    assert entry.logo == Logo("sub/l.svg", "A logo", line=12)
    entry, problems = inline("id: a\nname: A\nlogo: ../../x.svg\n", tmp_path)
    assert problems == [("image", 12)]


@pytest.mark.parametrize(("text", "line"), [
    ("", 10), ("# only a comment\n", 10), ("- id: a\n  name: A\n", 10), ("just text", 10),
    ("case_studies:\n  - {id: a, name: A}\n", 10), ("\n\n[a]\n", 12),
])
def test_inline_body_that_is_not_one_entry(tmp_path: Path, text: str, line: int) -> None:
    entry, problems = inline(text, tmp_path)
    assert entry is None
    assert problems == [("directive", line)]


def test_inline_leading_document_marker(tmp_path: Path) -> None:
    entry, problems = inline("---\nid: a\nname: A\n", tmp_path)
    assert problems == [] and entry is not None and entry.line == 11


def test_confdir_name_is_not_a_pattern(tmp_path: Path) -> None:
    confdir = tmp_path / "[docs]"
    (confdir / "data").mkdir(parents=True)
    (confdir / "data" / "a.yaml").write_text("- {id: a, name: A}\n")
    for pattern in ("data/*.yaml", "data/a.yaml"):
        catalog = load_catalog([pattern], confdir=str(confdir), srcdir=str(confdir))
        assert (catalog.problems, [e.id for e in catalog.entries]) == ((), ["a"])
