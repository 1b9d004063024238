"""The docs' field reference is generated from the schema, like the validator and the JSON
Schema: change a field in ``data/schema.py`` and the table and the JSON Schema both follow."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from util import body, matching

from sphinxext_casestudies.data import schema
from sphinxext_casestudies.sphinx_ext.field_reference import rows

DOCS = Path(__file__).parent.parent / "docs"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinxext_casestudies.sphinx_ext.field_reference"]\n'
        "smartquotes = False\n")
    (src / "index.rst").write_text("Fields\n======\n\n.. casestudies-fields::\n\n"
                                   "File\n----\n\n.. casestudies-fields:: file\n\n"
                                   ".. casestudies-fields:: nope\n")
    return src


def table(app, n: int) -> list[list[str]]:
    rows_ = body(app, "index.html").select("table")[n].select("tbody tr")
    return [[cell.text.strip() for cell in row.select("td")] for row in rows_]


def expected(spec: schema.Spec, *, nested: bool = True) -> list[list[str]]:
    return [[name, type_, "yes" if required else "", meaning]
            for name, type_, required, meaning in rows(spec, nested=nested)]


def test_the_table_shows_every_field_and_sub_field(build_root, project):
    app = build_root("fields", src=project)
    entry = table(app, 0)
    assert entry == expected(schema.ENTRY)
    names = [row[0] for row in entry]
    assert names[:2] == ["id", "name"] and entry[0][2] == entry[1][2] == "yes"
    assert {"logo.src", "logo.dark", "sections[].title", "sections[].body", "quotes[].text",
            "metrics[].value", "markup"} <= set(names)
    by_name = {row[0]: row for row in entry}
    assert by_name["headline"][1] == "inline markup"
    assert by_name["quotes[].text"][1] == "block markup"
    assert by_name["sections[].title"][2] == ""  # optional
    assert by_name["metrics[].value"][1] == "text or number"
    assert by_name["kind"][3].endswith("Default: case-study.")
    assert [row[0] for row in table(app, 1)] == ["case_studies", "markup"]
    assert [w.split(": WARNING: ")[1] for w in matching(app, "directive")] == [
        "casestudies-fields takes 'entry' or 'file', not 'nope' [casestudies.directive]"]


def test_table_and_json_schema_describe_each_field_alike(build_root, project):
    app = build_root("fields", src=project)
    properties = schema.json_schema()["$defs"]["entry"]["properties"]
    for name, _, _, meaning in table(app, 0):
        if "." not in name:
            assert properties[name]["description"].startswith(meaning.split(" Default: ")[0])
    required = schema.json_schema()["$defs"]["entry"]["required"]
    assert required == [row[0] for row in table(app, 0) if row[2] == "yes" and "." not in row[0]]


def test_a_changed_schema_changes_table_and_json_schema(build_root, project, monkeypatch):
    budget = schema.Field("budget", schema.Spec("int", "Money spent, for sorting.", minimum=0))
    fields = tuple(dataclasses.replace(f, required=True) if f.name == "industry" else f
                   for f in schema.ENTRY.fields if f.name != "order")
    monkeypatch.setattr(schema, "ENTRY", dataclasses.replace(schema.ENTRY,
                                                             fields=(*fields, budget)))
    app = build_root("fields", src=project)
    by_name = {row[0]: row for row in table(app, 0)}
    assert by_name["budget"] == ["budget", "integer", "", "Money spent, for sorting."]
    assert "order" not in by_name
    assert by_name["industry"][2] == "yes"
    entry = schema.json_schema()["$defs"]["entry"]
    assert entry["properties"]["budget"] == {"description": "Money spent, for sorting.",
                                             "type": "integer", "minimum": 0}
    assert "order" not in entry["properties"]
    assert "industry" in entry["required"]


def test_the_docs_use_the_generated_table():
    text = (DOCS / "data-format.rst").read_text(encoding="utf-8")
    assert ".. casestudies-fields::\n" in text and ".. casestudies-fields:: file\n" in text
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert "sphinxext_casestudies.sphinx_ext.field_reference" in conf
