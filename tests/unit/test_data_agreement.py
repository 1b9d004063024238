"""Property: the validator and the published JSON Schema accept and reject the same files.

Both come from the field table in ``data/schema.py``; this checks that the
derivations really agree, on generated files full of near-misses.  Only what
a JSON Schema cannot see is left out: files on disk (``image`` problems) and
the regex dialect difference of a text ending in a newline.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinxext_casestudies.data.loader import load_file
from sphinxext_casestudies.data.schema import ENTRY, LOGO, METRIC, QUOTE, SECTION, json_schema

from .datahelpers import StringDates

NEAR_MISSES = [
    "acme", "b-2", "Acme Corp", "", " ", "case-study", "talk", "casestudy", "rst", "myst", "md",
    "2021-03-04", "2021-13-45", "2020-02-30", "2021-3-4", "https://example.com/x",
    "HTTP://x.org/a", "https://", "javascript:alert(1)", " data:x", "mailto:a@b.c",
    "stories/acme", "/stories/acme", "/", "//", "logos/a.svg", "../up.svg", "/abs.svg", "80%",
]
texts = st.one_of(
    st.sampled_from(NEAR_MISSES),
    st.text(st.characters(codec="utf-8"), max_size=8).filter(
        lambda s: not s.endswith("\n")),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-3, 10**6), texts, texts,
                    st.floats(allow_nan=False, allow_infinity=False).map(lambda f: round(f, 2)))


def mapping(names: list[str], values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.dictionaries(st.sampled_from([*names, "junk"]), values, max_size=len(names) + 1)


def items(names: list[str]) -> st.SearchStrategy[Any]:
    return st.one_of(scalars, st.lists(st.one_of(scalars, mapping(names, scalars)), max_size=3))


FIELD_VALUES: dict[str, st.SearchStrategy[Any]] = {f.name: scalars for f in ENTRY.fields}
FIELD_VALUES.update(
    id=st.one_of(st.sampled_from(["a", "b-2", "c_3"]), scalars),
    name=st.one_of(st.just("Name"), scalars),
    tags=st.one_of(scalars, st.lists(scalars, max_size=3)),
    logo=st.one_of(scalars, mapping([f.name for f in LOGO.fields], scalars)),
    sections=items([f.name for f in SECTION.fields]),
    quotes=items([f.name for f in QUOTE.fields]),
    metrics=items([f.name for f in METRIC.fields]),
)
entries = st.fixed_dictionaries({}, optional={**FIELD_VALUES, "junk": scalars})
files = st.one_of(
    st.lists(st.one_of(entries, entries, scalars), max_size=3),
    st.fixed_dictionaries({"case_studies": st.lists(entries, max_size=3)},
                          optional={"markup": scalars, "junk": scalars}),
    entries,
    scalars,
)
VALIDATOR = jsonschema.Draft202012Validator(
    json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files)
def test_validator_and_json_schema_agree(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.yaml"
        path.write_text(text, encoding="utf-8")
        _, problems = load_file(str(path), srcdir=folder)
    ours = [p.format() for p in problems if p.subtype != "image"]
    theirs = [e.message for e in VALIDATOR.iter_errors(yaml.load(text, Loader=StringDates))]
    assert bool(ours) == bool(theirs), (text, ours, theirs)
