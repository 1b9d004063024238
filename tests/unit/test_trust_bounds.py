"""Bounded work (issue 15, finding 5): aliases and merge keys cannot expand a file past a
budget proportional to its size, and attribute values are deduplicated and bounded.

No test times anything: each asserts what was converted or written, which is what
the time and memory went into before.
"""

from __future__ import annotations

import contextlib

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinxext_casestudies.data.fields import EXPANSION_FACTOR, EXPANSION_FLOOR
from sphinxext_casestudies.data.yamlnodes import may_share_nodes
from sphinxext_casestudies.sphinx_ext.filter_ui import MAX_FILTER_TAGS, MAX_TAG_LENGTH, filter_tags

from .datahelpers import Load, where


def _budget(text: str) -> int:
    return EXPANSION_FACTOR * len(text) + EXPANSION_FLOOR


def test_repeated_alias_of_a_big_list_is_refused_past_the_budget(tmp_path, load: Load) -> None:
    """800 entries sharing one 800-tag list: 640,000 tags from a 25 KB file."""
    tags = ", ".join(f"tag{i}" for i in range(800))
    lines = [f"- {{id: e0, name: N, tags: &t [{tags}]}}"]
    lines += [f"- {{id: e{i}, name: N, tags: *t}}" for i in range(1, 800)]
    text = "\n".join(lines) + "\n"
    entries, problems = load(text)
    limits = [p for p in problems if p.subtype == "limit"]
    assert len(limits) == 1 and "aliases repeat more than this file may expand to" in (
        limits[0].message)
    assert limits[0].line > 1  # where the budget ran out, at an entry using *t
    kept = sum(len(e.tags) for e in entries)
    assert kept * 5 <= _budget(text) + 800 * 8  # tags kept fit the budget
    assert 1 < len(entries) < 800  # the first ones, until the budget was spent


def test_a_few_shared_values_stay_free(load: Load) -> None:
    """Sharing a logo or tags between a handful of entries is what aliases are for."""
    text = ("- {id: a, name: A, tags: &t [x, y, z], logo: &l {src: 'https://e.org/l.svg'}}\n"
            + "".join(f"- {{id: e{i}, name: N, tags: *t, logo: *l}}\n" for i in range(50)))
    entries, problems = load(text)
    assert problems == []
    assert len(entries) == 51 and all(e.tags == ("x", "y", "z") for e in entries)


def test_merge_keys_repeating_a_long_summary_are_refused(load: Load) -> None:
    """A 4 KB summary merged into 300 entries would render 1.2 MB from 13 KB."""
    summary = "word " * 800
    lines = ["defaults: &d", f"  summary: '{summary}'", "case_studies:"]
    lines += [f"  - {{<<: *d, id: e{i}, name: N}}" for i in range(300)]
    text = "\n".join(lines) + "\n"
    entries, problems = load(text)
    assert sum(p.subtype == "limit" for p in problems) == 1
    total = sum(len(e.summary.text) for e in entries if e.summary)
    assert total <= _budget(text) + len(summary)
    assert 0 < len(entries) < 300


def test_repeated_bad_values_cost_their_problems(load: Load) -> None:
    """A value with a problem is reported where each repeat is used, within the budget."""
    text = ("- {id: a, name: A, sections: &s [{title: [bad], body: b}]}\n"
            "- {id: b, name: B, sections: *s}\n")
    entries, problems = load(text)
    assert entries == []
    assert where(problems) == [("schema", 1), ("schema", 1)]


def test_repeats_of_bad_values_are_bounded_too(load: Load) -> None:
    """1000 entries x 1000 bad items would be a million warnings from a 10 KB file."""
    items = ", ".join(["*x"] * 1000)
    text = (f"x: &x {{title: [bad], body: b}}\ns: &s [{items}]\ncase_studies:\n"
            + "".join(f"  - {{id: e{i}, name: N, sections: *s}}\n" for i in range(1000)))
    entries, problems = load(text)
    assert entries == []
    assert sum(p.subtype == "limit" for p in problems) == 1
    assert len(problems) < _budget(text) // 64 + 10


_PARSERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


def _anchored(text: str) -> bool:
    """Whether either YAML parser finds an anchor in ``text`` (False when it cannot parse it)."""
    found = False
    for loader in _PARSERS:
        with contextlib.suppress(yaml.YAMLError):  # a text that cannot parse shares nothing
            found |= any(event.anchor for event in yaml.parse(text, loader)
                         if isinstance(event, yaml.NodeEvent)
                         and not isinstance(event, yaml.AliasEvent))
    return found


@pytest.mark.parametrize("text", [
    "a: &x b\nc: *x\n", "- &x a\n- *x\n", "[&x a, *x]", "{\"k\":&x v, c: *x}",
    "{? &x k: v}", "{?&x k: v}", "&x a", "\ufeff&x a", "a:\t&x b", "- !!str &x a\n",
    "x: [a,&y b]", "k:\n  &x v",
])
def test_every_anchor_is_seen_by_the_shared_node_check(text: str) -> None:
    """Skipping the alias bookkeeping is safe only if no anchor is missed."""
    assert _anchored(text) and may_share_nodes(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["&a", "&", "*a", "a", "_", "é", "1", " ", "\t", "\n", "- ",
                                 ": ", ":", "?", "[", "]", "{", "}", ",", '"k"', "'k'", "!t",
                                 "#", "---", "\u2028", "\x85", "\ufeff", "|", ">"]),
                max_size=40).map("".join))
def test_no_text_with_an_anchor_passes_as_unshared(text: str) -> None:
    assert may_share_nodes(text) or not _anchored(text)


def test_ampersands_inside_words_do_not_count_as_anchors() -> None:
    """Prose and URLs with ``&`` inside a word keep the fast path."""
    assert not may_share_nodes("- {id: a, name: R&D, link: 'https://e.org/?a=1&b=2'}\n")
    assert may_share_nodes("- {id: a, name: Tom & Jerry}\n")  # a stray one only costs the check


def test_filter_tags_are_distinct_and_bounded() -> None:
    assert filter_tags(("a", "b", "a", "a", "c", "b")) == ["a", "b", "c"]
    many = tuple(f"t{i}" for i in range(3 * MAX_FILTER_TAGS))
    assert filter_tags(many) == list(many[:MAX_FILTER_TAGS])
    assert filter_tags(("x" * (MAX_TAG_LENGTH + 1), "ok")) == ["ok"]
