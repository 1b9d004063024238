"""``select()``: filters, order, sorting, limits, unknown ids; ``parse_sort``."""

from __future__ import annotations

import os

import pytest

from sphinxext_casestudies.data.model import Catalog, Entry
from sphinxext_casestudies.data.select import Selection, parse_sort, select, source_matches

CONFDIR = os.path.abspath("/proj/docs")


def make(entry_id: str, **fields: object) -> Entry:
    fields.setdefault("name", entry_id.upper())
    fields.setdefault("source", os.path.join(CONFDIR, "data", "a.yaml"))
    return Entry(id=entry_id, line=1, **fields)  # type: ignore[arg-type]


CATALOG = Catalog(entries=(
    make("b", name="beta", kind="article", industry="finance", tags=("x", "y"),
         date="2021-05-01", order=2),
    make("a", name="Alpha", kind="case-study", industry="retail", tags=("y",), order=3),
    make("d", name="delta", kind="talk", date="2019-01-01",
         source=os.path.join(CONFDIR, "data", "more", "c.yaml")),
    make("c", name="Charlie", kind="case-study", industry="Energy", tags=("z",),
         date="2021-05-01", order=1, source=os.path.join(CONFDIR, "other.yaml")),
))


def ids(selection: Selection) -> list[str]:
    entries, unknown = select(CATALOG, selection, confdir=CONFDIR)
    assert unknown == []
    return [e.id for e in entries]


def test_everything_in_data_order() -> None:
    assert ids(Selection()) == ["b", "a", "d", "c"]


def test_ids_keep_their_order() -> None:
    assert ids(Selection(ids=("c", "a", "b"))) == ["c", "a", "b"]


def test_repeated_ids_show_once() -> None:
    assert ids(Selection(ids=("c", "a", "c"))) == ["c", "a"]


def test_unknown_ids_are_reported() -> None:
    entries, unknown = select(CATALOG, Selection(ids=("a", "nope"), exclude=("zz", "a")),
                              confdir=CONFDIR)
    assert entries == []
    assert unknown == ["nope", "zz"]


@pytest.mark.parametrize(("selection", "expected"), [
    (Selection(kinds=("case-study",)), ["a", "c"]),
    (Selection(kinds=("talk", "article")), ["b", "d"]),
    (Selection(industries=("finance", "Energy")), ["b", "c"]),
    (Selection(industries=("energy",)), []),
    (Selection(tags=("y",)), ["b", "a"]),
    (Selection(tags=("x", "z")), ["b", "c"]),
    (Selection(kinds=("case-study",), tags=("y",)), ["a"]),
    (Selection(exclude=("a", "d")), ["b", "c"]),
    (Selection(ids=("c", "a"), kinds=("case-study",), exclude=("c",)), ["a"]),
    (Selection(kinds=("nothing",)), []),
])
def test_filters(selection: Selection, expected: list[str]) -> None:
    assert ids(selection) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ("data/a.yaml", ["b", "a"]),
    ("data/*.yaml", ["b", "a"]),
    ("data/**/*.yaml", ["b", "a", "d"]),
    ("**/c.yaml", ["d"]),
    ("*.yaml", ["c"]),
    ("./data/../other.yaml", ["c"]),
    (os.path.join(CONFDIR, "data", "more", "*.yaml"), ["d"]),
    ("data/?.yaml", ["b", "a"]),
    ("nowhere/*.yaml", []),
])
def test_source_glob(source: str, expected: list[str]) -> None:
    assert ids(Selection(source=source)) == expected


def test_source_matches_many_stars_quickly() -> None:
    path = os.path.join(CONFDIR, *("d" for _ in range(30)), "x.yaml")
    assert not source_matches(path, "/".join(["**"] * 30) + "/y.yaml", CONFDIR)
    assert source_matches(path, "**/x.yaml", CONFDIR)


@pytest.mark.parametrize(("sort", "expected"), [
    ("name", ["a", "b", "c", "d"]),  # case-insensitive: Alpha, beta, Charlie, delta
    ("-name", ["d", "c", "b", "a"]),
    ("id", ["a", "b", "c", "d"]),
    ("-id", ["d", "c", "b", "a"]),
    ("date", ["d", "b", "c", "a"]),  # equal dates keep data order; missing last
    ("-date", ["b", "c", "d", "a"]),
    ("order", ["c", "b", "a", "d"]),
    ("-order", ["a", "b", "c", "d"]),
    ("industry", ["c", "b", "a", "d"]),  # Energy, finance, retail; none last
    ("-industry", ["a", "b", "c", "d"]),
])
def test_sort(sort: str, expected: list[str]) -> None:
    assert ids(Selection(sort=sort)) == expected


def test_sort_then_limit() -> None:
    assert ids(Selection(sort="-date", limit=2)) == ["b", "c"]
    assert ids(Selection(limit=0)) == []
    assert ids(Selection(limit=10)) == ["b", "a", "d", "c"]
    assert ids(Selection(ids=("d", "c", "a"), limit=1)) == ["d"]


def test_unknown_sort_keeps_data_order() -> None:
    assert ids(Selection(sort="colour")) == ["b", "a", "d", "c"]


@pytest.mark.parametrize(("value", "parsed"), [
    ("name", ("name", False)), ("-date", ("date", True)), (" order ", ("order", False)),
    ("industry", ("industry", False)), ("-id", ("id", True)),
    ("", None), ("-", None), ("title", None), ("--date", None), ("+name", None), ("Date", None),
])
def test_parse_sort(value: str, parsed: tuple[str, bool] | None) -> None:
    assert parse_sort(value) == parsed


def test_selection_is_hashable_and_frozen() -> None:
    selection = Selection(ids=("a",), limit=1)
    assert hash(selection) == hash(Selection(ids=("a",), limit=1))
    with pytest.raises(AttributeError):
        selection.limit = 2  # type: ignore[misc]


def test_source_glob_under_a_confdir_named_like_a_pattern() -> None:
    confdir = os.path.abspath("/proj/[docs]")
    path = os.path.join(confdir, "data", "a.yaml")
    assert source_matches(path, "data/*.yaml", confdir)
    assert not source_matches(os.path.abspath("/proj/d/data/a.yaml"), "data/*.yaml", confdir)


def test_source_glob_outside_confdir() -> None:
    path = os.path.abspath("/proj/shared/x.yaml")
    assert source_matches(path, "../shared/*.yaml", CONFDIR)
    assert not source_matches(path, "shared/*.yaml", CONFDIR)
