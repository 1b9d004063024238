"""Broken data files in a real build: each problem once, at file:line, with its subtype."""

from __future__ import annotations

import pytest
from util import body, matching, warnings


@pytest.fixture(scope="module")
def data_errors(build_root):
    return build_root("data-errors")


def lines_for(app, subtype):
    return [w.split(" WARNING")[0] for w in matching(app, subtype)]


def test_file_level_problems_each_at_their_line(data_errors):
    """Syntax error, non-safe tag, not UTF-8, a pattern matching nothing: exact file:line."""
    assert sorted(lines_for(data_errors, "data")) == [
        "conf.py:3:", "data/a-syntax.yaml:4:", "data/b-unsafe.yaml:2:", "data/h-latin1.yml:2:"]
    by_file = {w.split(":")[0]: w for w in matching(data_errors, "data")}
    assert "YAML syntax error" in by_file["data/a-syntax.yaml"]
    assert "non-safe YAML tag !!python/object/apply:os.system refused" in by_file[
        "data/b-unsafe.yaml"]
    assert "not UTF-8: byte 0xe9" in by_file["data/h-latin1.yml"]
    assert "casestudies_data pattern 'nothing/*.yaml' matches no file" in by_file["conf.py"]


def test_schema_problems_each_at_their_line(data_errors):
    assert sorted(lines_for(data_errors, "schema")) == [
        "data/c-schema.yaml:1:", "data/c-schema.yaml:3:", "data/c-schema.yaml:6:",
        "data/c-schema.yaml:9:"]
    assert any("did you mean 'headline'" in w for w in matching(data_errors, "schema"))


def test_duplicate_names_both_places(data_errors):
    (dup,) = matching(data_errors, "duplicate")
    assert dup.startswith("data/d-duplicate.yaml:1:")
    assert "a-fine.yaml:1" in dup


def test_url_scheme_refused(data_errors):
    (url,) = matching(data_errors, "url")
    assert url.startswith("data/e-url.yaml:3:")


def test_logo_problems(data_errors):
    where = lines_for(data_errors, "image")
    assert "data/f-image.yaml:3:" in where
    assert "data/f-image.yaml:6:" in where


def test_dangling_document_link(data_errors):
    assert any(w.startswith("data/g-ref.yaml:3:") for w in matching(data_errors, "ref"))


def test_markup_messages_keep_docutils_wording_at_the_data_line(data_errors):
    found = warnings(data_errors)
    assert any(w.startswith("data/i-markup.yaml:6:") and "emphasis" in w for w in found), found
    # raw is outside what data markup may use: our own markup warning, at the same line
    assert any(w.startswith("data/i-markup.yaml:8:") and "directive 'raw' is not allowed" in w
               and w.endswith("[casestudies.markup]") for w in found), found


def test_each_warning_once(data_errors):
    found = warnings(data_errors)
    assert len(found) == len(set(found))


def test_the_good_entries_render(data_errors):
    page = body(data_errors, "index.html")
    ids = [s["id"] for s in page.select("section.cs-case-study")]
    # broken entries are skipped; logo problems keep the entry without its logo
    assert ids == ["fine", "safe-one", "typo", "no-logo-file", "escaping-logo", "dangling",
                   "markup-trouble"]
    assert page.select_one("#no-logo-file img") is None
    assert "<script>" not in str(page)


def test_suppress_warnings_silences_a_subtype(build_root):
    app = build_root("data-errors", confoverrides={"suppress_warnings": ["casestudies.schema"]})
    assert matching(app, "schema") == []
    assert matching(app, "duplicate") != []
