"""Bad directive input: a located, typed warning each, the rest still renders."""

from __future__ import annotations

import pytest
from util import body, matching, warnings


@pytest.fixture(scope="module")
def errors(build_root):
    return build_root("directive-errors")


def test_unknown_ids_are_ref_warnings_at_the_directive(errors):
    refs = matching(errors, "ref")
    assert "index.rst:10: WARNING: unknown case study id 'nosuch'" in refs[0]
    assert any("index.rst:32:" in w and "'gamma'" in w for w in refs)
    assert any("index.rst:36:" in w and "'nosuch-either'" in w and "role" in w for w in refs)


def test_argument_and_body_conflicts(errors):
    found = matching(errors, "directive")
    assert any(w.startswith("index.rst:12:") and "not both" in w for w in found)
    assert any(w.startswith("index.rst:16:") and "needs an entry id" in w for w in found)
    assert any(w.startswith("index.rst:20:") for w in found)  # a YAML list is not one entry


def test_bad_option_values_warn_and_fall_back(errors):
    found = [w for w in matching(errors, "directive") if w.startswith("index.rst:23:")]
    assert len(found) == 3
    assert any(":layout:" in w and "'fancy'" in w for w in found)
    assert any(":limit:" in w for w in found)
    assert any(":sort:" in w for w in found)
    # ...and the directive still rendered alpha in the default layout
    assert body(errors, "index.html").select_one("section#alpha.cs-layout-summary") is not None


def test_empty_selection_warns(errors):
    assert [w for w in matching(errors, "empty")] == [
        "index.rst:29: WARNING: this selection matches no entry [casestudies.empty]"]


def test_two_canonical_renderings_warn_once(errors):
    found = [w for w in matching(errors, "ref") if "canonical" in w]
    assert len(found) == 1
    assert found[0].startswith("canonical-b.rst:4:")
    assert "canonical-a.rst:4" in found[0]


def test_no_python_traceback_and_every_warning_is_typed(errors):
    found = warnings(errors)
    assert len(found) >= 8, found  # the page is full of bad input: it must warn
    untyped = [w for w in found if "[casestudies." not in w]
    assert untyped == []
    output = errors.status.getvalue() + errors.warning.getvalue()
    assert "Traceback" not in output and "Exception occurred" not in output


def test_headings_become_rubrics_where_sections_cannot_stand(errors):
    page = body(errors, "contexts.html")
    assert page.select("section.cs-case-study") == []
    in_note = page.select_one("div.admonition .cs-case-study.cs-no-section")
    assert in_note["id"] == "alpha"
    assert in_note.select_one("p.rubric").text == "Alpha"
    in_list = page.select_one("li .cs-case-study")
    assert in_list.select_one("p.rubric").text == "Beta (media)"
    # inside ``only``, and a second rendering of alpha on the page gets a suffix
    assert page.select_one("#alpha-2 p.rubric").text == "Alpha"
    # still complete apart from the heading
    assert in_note.select_one(".cs-quote .attribution").text == "—Ann"
