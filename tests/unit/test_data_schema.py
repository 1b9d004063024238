"""The JSON Schema and the validator come from one table: the fixtures prove they agree."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from sphinxext_casestudies.data.loader import load_files
from sphinxext_casestudies.data.schema import ENTRY, FILE, LOGO, json_schema

from .datahelpers import FIXTURES, StringDates, where


def fixtures(folder: str) -> list[Path]:
    return sorted((FIXTURES / folder).glob("*.yaml"))


def expectations(path: Path) -> tuple[list[tuple[str, int]], int]:
    """The ``# expect: SUBTYPE LINE`` and ``# entries: N`` comments of a fixture."""
    text = path.read_text(encoding="utf-8")
    expected = sorted((kind, int(line)) for kind, line in
                      re.findall(r"^# expect: (\w+) (\d+)$", text, re.MULTILINE))
    count = re.search(r"^# entries: (\d+)$", text, re.MULTILINE)
    return expected, int(count.group(1)) if count else 0


def schema_errors(path: Path) -> list[str]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=StringDates)
    validator = jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(data)]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_describes_every_field_once() -> None:
    entry = json_schema()["$defs"]["entry"]
    assert list(entry["properties"]) == [f.name for f in ENTRY.fields]
    assert entry["required"] == ["id", "name"]
    assert entry["additionalProperties"] is False
    assert all(prop.get("description") for prop in entry["properties"].values())
    assert entry["properties"]["date"]["format"] == "date"
    assert entry["properties"]["kind"]["enum"] == ["case-study", "article", "talk", "video"]
    logo = entry["properties"]["logo"]
    assert logo["anyOf"][1]["required"] == ["src"]
    assert [f.name for f in LOGO.fields] == list(logo["anyOf"][1]["properties"])
    assert list(json_schema()["anyOf"][1]["properties"]) == [f.name for f in FILE.fields]


@pytest.mark.parametrize("path", fixtures("valid"), ids=lambda p: p.name)
def test_valid_fixture_passes_both(path: Path) -> None:
    catalog = load_files([str(path)], srcdir=str(FIXTURES))
    assert catalog.problems == ()
    assert len(catalog.entries) == expectations(path)[1]
    assert schema_errors(path) == []


@pytest.mark.parametrize("path", fixtures("invalid"), ids=lambda p: p.name)
def test_invalid_fixture_fails_both(path: Path) -> None:
    expected, count = expectations(path)
    catalog = load_files([str(path)], srcdir=str(FIXTURES))
    assert expected, "an invalid fixture names its problems"
    assert where(catalog.problems) == expected
    assert len(catalog.entries) == count
    assert schema_errors(path) != []


@pytest.mark.parametrize("path", fixtures("validator_only"), ids=lambda p: p.name)
def test_validator_only_fixture(path: Path) -> None:
    expected, count = expectations(path)
    catalog = load_files([str(path)], srcdir=str(FIXTURES))
    assert expected, "a fixture names its problems"
    assert where(catalog.problems) == expected
    assert len(catalog.entries) == count


def test_every_fixture_folder_is_used() -> None:
    assert all(fixtures(folder) for folder in ("valid", "invalid", "validator_only"))


def _walk(schema: Any) -> list[dict[str, Any]]:
    if isinstance(schema, dict):
        return [schema, *(s for value in schema.values() for s in _walk(value))]
    if isinstance(schema, list):
        return [s for value in schema for s in _walk(value)]
    return []


def test_every_pattern_compiles_the_same_in_python() -> None:
    """Patterns must mean the same to editors (ECMA regexes) and to the validator (re)."""
    for part in _walk(json_schema()):
        pattern = part.get("pattern")
        if isinstance(pattern, str):
            re.compile(pattern)
            assert not re.search(r"\(\?(?:[aiLmsux-]+[:)]|P|#)", pattern), pattern  # Python-only
