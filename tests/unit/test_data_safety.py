"""Hostile YAML: unsafe tags, alias bombs, recursive anchors, nesting deep enough to crash libyaml.

Each of these runs in this very process: a crash (libyaml's composer
segfaults on deep nesting) or a hang fails the whole test run, which is the point.
"""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxext_casestudies.data import yamlnodes
from sphinxext_casestudies.data.model import Entry, Text
from sphinxext_casestudies.data.yamlnodes import MAX_DEPTH, nesting_problem

from .datahelpers import Load, where

# -- tags ------------------------------------------------------------------------------------

@pytest.mark.parametrize("tag", [
    "!!python/object/apply:os.system ['echo pwned']",
    "!!python/name:os.system",
    "!!python/object:__main__.X {a: 1}",
    "!foo x",
    "!<tag:example.com,2000:x> y",
    "!!binary aGk=",
    "!!omap [{a: 1}]",
    "!!set {a}",
    "!!pairs [{a: 1}]",
])
def test_non_safe_tag_in_an_entry_drops_that_entry(load: Load, tag: str) -> None:
    entries, problems = load(f"- id: good\n  name: Good\n- id: bad\n  name: Bad\n  tags: {tag}\n")
    assert [e.id for e in entries] == ["good"]
    assert where(problems) == [("data", 5)]
    assert "non-safe YAML tag" in problems[0].message


def test_non_safe_tag_inside_an_unknown_field(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n  x:\n    y: [!!python/none '']\n")
    assert entries == []
    assert where(problems) == [("data", 4)]


def test_non_safe_tag_as_a_key(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n  ? !!python/tuple [a]\n  : 1\n")
    assert entries == []
    assert where(problems) == [("data", 3)]


def test_non_safe_tag_on_the_root_drops_the_file(load: Load) -> None:
    entries, problems = load("--- !!python/object:x\n- id: a\n  name: A\n")
    assert entries == []
    assert where(problems) == [("data", 1)]


def test_non_safe_tag_outside_the_entries_drops_the_file(load: Load) -> None:
    entries, problems = load("anchors: !evil {}\ncase_studies:\n  - {id: a, name: A}\n")
    assert entries == []
    assert where(problems) == [("data", 1)]
    entries, problems = load("case_studies: !evil\n  - {id: a, name: A}\n")
    assert entries == []
    assert where(problems) == [("data", 1)]


def test_non_safe_tag_reached_through_an_alias(load: Load) -> None:
    """The tag stands once but taints every entry that refers to it."""
    entries, problems = load("""
        - id: a
          name: A
          x: &bad !!python/object/apply:os.system [x]
        - {id: b, name: B, y: *bad}
        - {id: c, name: C}
    """)
    assert [e.id for e in entries] == ["c"]
    assert where(problems) == [("data", 3)]


@pytest.mark.parametrize("value", ["!!int [1]", "!!str {a: 1}", "!!map [a]", "!!seq x"])
def test_core_tag_on_the_wrong_kind_of_node(load: Load, value: str) -> None:
    entries, problems = load(f"- id: a\n  name: A\n  tags: {value}\n")
    assert entries == []
    assert where(problems) == [("data", 3)]
    assert "does not fit" in problems[0].message


@pytest.mark.parametrize("value", ["!!str 2021", "! x", "!<tag:yaml.org,2002:str> x"])
def test_explicit_safe_tags(load: Load, value: str) -> None:
    entries, problems = load(f"- id: a\n  name: {value}\n")
    assert problems == []
    assert entries[0].name in ("2021", "x")


# -- aliases: never expanded ------------------------------------------------------------------

def laughs(levels: int = 10, width: int = 10) -> str:
    """The billion-laughs shape: each level refers ``width`` times to the one before."""
    lines = ["  - &l0 lol"]
    for n in range(1, levels):
        refs = ", ".join([f"*l{n - 1}"] * width)
        lines.append(f"  - &l{n} [{refs}]")
    return "\n".join(lines) + "\n"


def timed_load(load: Load, text: str) -> tuple[list[Entry], list[tuple[str, int]], float]:
    start = time.perf_counter()
    entries, problems = load(text)
    return list(entries), where(problems), time.perf_counter() - start


def test_billion_laughs_at_top_level(load: Load) -> None:
    entries, problems, seconds = timed_load(load, "bombs:\n" + laughs() + "case_studies: []\n")
    assert (entries, problems) == ([], [("schema", 1)])  # only "unknown top-level field"
    assert seconds < 1


def test_billion_laughs_as_the_entry_list(load: Load) -> None:
    text = "case_studies:\n" + laughs()
    entries, problems, seconds = timed_load(load, text)
    assert entries == []
    assert len(problems) == 10  # one per item, each an entry that is not a mapping
    assert seconds < 1


def test_billion_laughs_in_tags(load: Load) -> None:
    text = "x:\n" + laughs() + "case_studies:\n  - id: a\n    name: A\n    tags: *l9\n"
    entries, problems, seconds = timed_load(load, text)
    assert entries == []
    # "x" is unknown; tags[1] to tags[10] are lists, located where *l9's items are defined
    assert problems == [("schema", 1)] + [("schema", 10)] * 10
    assert seconds < 1


def test_billion_laughs_in_an_unknown_field(load: Load) -> None:
    text = "- id: a\n  name: A\n  bomb:\n" + laughs().replace("  - ", "    - ")
    entries, problems, seconds = timed_load(load, text)
    assert [e.id for e in entries] == ["a"]
    assert problems == [("schema", 3)]
    assert seconds < 1


def test_billion_laughs_in_sections(load: Load) -> None:
    text = ("x:\n" + laughs() +
            "case_studies:\n  - id: a\n    name: A\n    sections: [*l9, *l9]\n")
    entries, problems, seconds = timed_load(load, text)
    assert entries == []
    assert problems == [("schema", 1), ("schema", 11), ("schema", 11)]
    assert seconds < 1


def test_billion_laughs_with_merge_keys(load: Load) -> None:
    lines = ["x:", "  - &m0 {a0: 1}"]
    for n in range(1, 12):
        lines.append(f"  - &m{n} {{<<: [{', '.join([f'*m{n - 1}'] * 10)}], a{n}: 1}}")
    text = "\n".join(lines) + "\ncase_studies:\n  - {<<: *m11, id: a, name: A}\n"
    entries, problems, seconds = timed_load(load, text)
    assert [e.id for e in entries] == ["a"]
    assert len(problems) == 1 + 12  # "x" plus each merged unknown field once
    assert seconds < 1


def test_recursive_anchor(load: Load) -> None:
    entries, problems, seconds = timed_load(load, "- &a [*a]\n- id: b\n  name: B\n  x: &s [*s]\n")
    assert [e.id for e in entries] == ["b"]
    assert problems == [("schema", 1), ("schema", 4)]  # not a mapping; unknown field "x"
    assert seconds < 1


def test_recursive_merge(load: Load) -> None:
    entries, problems, _ = timed_load(load, "- &a {id: a, name: A, <<: *a}\n")
    assert len(entries) == 1 and problems == []


def test_recursive_anchor_as_text_field(load: Load) -> None:
    entries, problems, _ = timed_load(load, "- &e {id: e, name: *e}\n")
    assert entries == []
    assert problems == [("schema", 1)]


# -- nesting depth ---------------------------------------------------------------------------
# One answer whatever the YAML library: a ``limit`` problem at the line where the
# nesting passes MAX_DEPTH (libyaml has its own limit of 1000 since PyYAML 6.0.4,
# the pure-Python composer its recursion limit; ours comes first).

def test_deep_flow_nesting_does_not_crash(load: Load) -> None:
    """200000 levels crashed libyaml's composer before it had a limit; ours refuses them."""
    entries, problems = load("[" * 200_000 + "]" * 200_000 + "\n")
    assert entries == []
    assert where(problems) == [("limit", 1)]
    assert problems[0].message == f"YAML nested deeper than {MAX_DEPTH} levels"


def test_deep_flow_nesting_inside_an_entry(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n- id: b\n  x: " + "{a: " * 50_000 + "1"
                             + "}" * 50_000 + "\n")
    assert entries == []
    assert where(problems) == [("limit", 4)]


def test_deep_block_nesting_does_not_crash(load: Load) -> None:
    entries, problems = load("- " * 100_000 + "x\n")
    assert entries == []
    assert where(problems) == [("limit", 1)]


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1500, 3000])
def test_deep_indented_block_nesting_is_refused_at_the_level_past_the_bound(
        load: Load, depth: int) -> None:
    text = "".join(" " * n + "a:\n" for n in range(depth)) + " " * depth + "b\n"
    entries, problems = load(text)
    assert entries == []
    assert where(problems) == [("limit", MAX_DEPTH + 1)]


def test_nesting_at_the_bound_is_accepted(load: Load) -> None:
    """MAX_DEPTH levels in all (the entry list is the first) are fine: a schema problem only."""
    inner = MAX_DEPTH - 2
    text = "- id: a\n  name: A\n  x: " + "[" * inner + "]" * inner + "\n"
    entries, problems = load(text)
    assert [e.id for e in entries] == ["a"]
    assert where(problems) == [("schema", 3)]
    _, problems = load("- id: a\n  name: A\n  x: " + "[" * (inner + 1) + "]" * (inner + 1))
    assert where(problems) == [("limit", 3)]


def test_deep_nesting_with_fake_closers_in_quotes(load: Load) -> None:
    """Closing brackets inside quoted text must not hide real depth from the cheap bound."""
    text = '["]]]]]]]]]]", ' * 30_000 + "x" + "]" * 30_000 + "\n"
    entries, problems = load(text)
    assert entries == []
    assert where(problems) == [("limit", 1)]


def test_deep_nesting_split_over_lines(load: Load) -> None:
    text = "[\n" * 30_000 + "]\n" * 30_000
    _, problems = load(text)
    assert where(problems) == [("limit", MAX_DEPTH + 1)]


def test_many_shallow_flow_collections_are_fine(load: Load) -> None:
    """Thousands of one-line ``[a, b]`` stay under the cheap bound: no event pass needed."""
    text = "".join(f"- {{id: e{n}, name: E, tags: [a, b], metrics: [{{value: 1, label: x}}]}}\n"
                   for n in range(3000))
    assert nesting_problem(text, "x") is None
    assert yamlnodes._flow_bound(text) == 3  # one-line collections count once, by their peak
    entries, problems = load(text)
    assert problems == [] and len(entries) == 3000


def test_moderate_depth_that_needs_measuring_is_accepted(load: Load) -> None:
    """Past the cheap bound, the measured depth decides: 50 levels are fine."""
    deep = "[" * 50 + "]" * 50
    text = "- id: a\n  name: A\n  x: [" + ", ".join([deep] * 200) + "]\n"
    assert nesting_problem(text, "x") is None
    entries, problems = load(text)
    assert [e.id for e in entries] == ["a"]
    assert where(problems) == [("schema", 3)]


def test_ordinary_data_never_needs_measuring(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cheap bounds pass data of the usual shape without an event pass."""
    def no_events(*args: object) -> None:
        raise AssertionError("measured")
    monkeypatch.setattr(yamlnodes, "_measured_depth_problem", no_events)
    text = "".join(
        f"- id: e{n}\n  name: E{n}\n  tags: [a, b]\n  summary: |\n    Who they are.\n\n"
        f"    - a list: in prose\n      - nested\n\n    .. code-block:: yaml\n\n"
        f"       key: [value]\n  sections:\n  - title: T\n    body: B\n"
        f"  quotes:\n  - {{text: Q, author: A}}\n" for n in range(200))
    assert nesting_problem(text, "x") is None


@pytest.mark.parametrize(("text", "bounded"), [
    ("a: [b]\nc: {d: [e]}\n", 2),
    ("[[[\n]]]\n", 3),
    ('x: ["]"\n', 1),
    ("a: x] [\n", 1),
    ("# [[[\n", 3),
    ("a: !t [\n", 1),
])
def test_flow_bound_counts_only_what_may_stay_open(text: str, bounded: int) -> None:
    assert yamlnodes._flow_bound(text) == bounded


def _real_depth(text: str) -> int:
    depth = peak = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            peak = max(peak, depth)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return peak


def _cheap_bound(text: str) -> int:
    """What nesting_problem trusts without measuring: flow bound + twice the shortest lead."""
    lead = 1
    while yamlnodes._has_lead(text, lead):
        lead += 1
    return yamlnodes._flow_bound(text) + 2 * lead


_SHAPES = [
    '[ "a]", [ "]]", [ x ] ] ]',
    "[ 'it''s ]', [ [ ] ] ]",
    "- a: [\n  b, [\n  c ] ]\n",
    '["multi\n  ]]] line", [[[ x ]]]]\n',
    "a: |\n  ]]]]\nb: [[[[ 1 ]]]]\n",
    "[ #]]]\n [ [ ] ] ]\n",
    "{a: [b, {c: [d]}]}\n",
    "- - - - x\n",
    "? - ? - x\n",
    "- a:\n  - ? b\n    : - c\n",
    "a:\n- b:\n  - c:\n    - d\n",
    "a:\r b:\r  c: [[1]]\r",
    "a:\u2028 b:\u2028  c: d\u2028",
    "- a: 1\n  b:\n    c:\n    - [d, {e: [f]}]\n",
]


@pytest.mark.parametrize("text", _SHAPES)
def test_cheap_bound_is_never_below_the_real_depth(text: str) -> None:
    assert _cheap_bound(text) >= _real_depth(text), text


_INDICATORS = st.sampled_from(["- ", "? ", ": ", "-\t", "key: ", "k:", "[", "]", "{", "}",
                               ", ", "'", '"', "x", "#", "|", "\n"])


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 12), st.lists(_INDICATORS, max_size=8)), max_size=12))
def test_cheap_bound_holds_for_generated_shapes(lines: list[tuple[int, list[str]]]) -> None:
    text = "".join(" " * indent + "".join(parts) + "\n" for indent, parts in lines)
    try:
        depth = _real_depth(text)
    except yaml.YAMLError:
        return  # not YAML: composing reports it; the bound only matters for valid text
    assert _cheap_bound(text) >= depth, repr(text)


# -- without libyaml ---------------------------------------------------------------------------

@pytest.fixture
def pure_python(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load with PyYAML's pure-Python loader, as on an install without libyaml."""
    monkeypatch.setattr(yamlnodes, "_LOADER", yaml.SafeLoader)


@pytest.mark.usefixtures("pure_python")
def test_pure_python_loader_gives_the_same_entries(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n  summary: |\n    S\n- id: b\n  name: yes\n")
    assert [(e.id, e.summary) for e in entries] == [("a", Text("S\n", 4))]
    assert where(problems) == [("schema", 6)]


@pytest.mark.usefixtures("pure_python")
def test_pure_python_recursion_is_caught(load: Load) -> None:
    """Under the cheap bound yet deeper than Python's recursion limit allows."""
    entries, problems = load("[\n" * 1500 + "]\n" * 1500)
    assert entries == []
    assert where(problems) == [("limit", MAX_DEPTH + 1)]


@pytest.mark.usefixtures("pure_python")
def test_pure_python_reader_error_line(load: Load) -> None:
    _, problems = load("- id: a\n  name: Ääääää\n- id: b\n  name: \x07\n")
    assert where(problems) == [("data", 4)]


@pytest.mark.usefixtures("pure_python")
def test_pure_python_deep_nesting(load: Load) -> None:
    _, problems = load("[" * 200_000 + "]" * 200_000)
    assert where(problems) == [("limit", 1)]
