"""Property: whatever a file holds, loading gives entries and located problems, never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinxext_casestudies.data.loader import load_file, parse_inline_entry
from sphinxext_casestudies.data.model import Entry, Problem
from sphinxext_casestudies.data.schema import ENTRY, LOGO, METRIC, QUOTE, SECTION

from .datahelpers import SUBTYPES

FIELD_NAMES = sorted({f.name for spec in (ENTRY, LOGO, METRIC, QUOTE, SECTION)
                      for f in spec.fields} | {"case_studies", "markup", "<<"})

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False),
    st.sampled_from(["case-study", "talk", "rst", "myst", "2021-03-04", "2021-13-45",
                     "https://example.com/x", "javascript:alert(1)", "../../etc/passwd",
                     "logo.*", "/", "acme", "Acme Corp", ""]),
    st.text(max_size=20),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
structures = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(keys, children, max_size=6)),
    max_leaves=25,
)
pieces = st.sampled_from([*"-:[]{}#&*!|>'\"%@`, \n\tab01yn~.?",
                          "id: ", "name: ", "\n- ", "  ", "!!python/", "<<: ", "*a", "&a ",
                          "---\n", "\ufeff", "\x00", "\u2028", "\r\n"])
yamlish = st.lists(pieces, max_size=80).map("".join)


def check(result: tuple[list[Entry], list[Problem]]) -> None:
    entries, problems = result
    assert all(isinstance(e, Entry) and e.fingerprint for e in entries)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.subtype in SUBTYPES
        assert isinstance(problem.line, int) and problem.line >= 0
        assert problem.message and "\n" not in problem.message


def load_text(data: bytes) -> tuple[list[Entry], list[Problem]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.yaml"
        path.write_bytes(data)
        return load_file(str(path), srcdir=folder, industries={"finance": "Finance"})


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), yamlish))
def test_arbitrary_text_never_raises(text: str) -> None:
    check(load_text(text.encode("utf-8", "surrogatepass")))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    check(load_text(data))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(structures, st.lists(structures, max_size=4),
                 st.dictionaries(st.just("case_studies"), st.lists(structures, max_size=4))))
def test_arbitrary_structures_never_raise(data: Any) -> None:
    check(load_text(yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, structures, max_size=8), st.integers(1, 500))
def test_arbitrary_inline_entries_never_raise(data: dict[str, Any], first_line: int) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    entry, problems = parse_inline_entry(text, source="page.rst", first_line=first_line,
                                         base_dir=".", srcdir=".")
    check(([entry] if entry else [], problems))
    assert all(p.line >= first_line or p.line == 0 for p in problems)
