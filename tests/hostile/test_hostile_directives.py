"""Directives and the role given broken input, in reST and in MyST pages.

Every case in the roots ``test-hostile-directives`` (reST) and
``test-hostile-myst`` (MyST) is marked by a comment (``.. case: NAME`` or
``% case: NAME``); the case's line is the first non-blank line after it.  Each
expected warning is (page, case, lines after the case line, type, words of the
message); a build must report exactly these, nothing more, render what is still
good, and show nothing hostile as HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_util import Record, badly_reported, records, unsafe_output
from util import body

Expectation = tuple[str, str, int, str, str]

RST: list[Expectation] = [
    # every option with a bad value: one warning each, at the directive, and a fallback
    ("index.rst", "cs-layout-script", 0, "casestudies.directive", "option :layout:"),
    ("index.rst", "cs-layout-empty", 0, "casestudies.directive", "option :layout:"),
    ("index.rst", "cs-sort", 0, "casestudies.directive", "not 'name; import os'"),
    ("index.rst", "cs-sort-dashes", 0, "casestudies.directive", "not '--date'"),
    ("index.rst", "cs-limit-words", 0, "casestudies.directive", "option :limit:"),
    ("index.rst", "cs-limit-zero", 0, "casestudies.directive", "option :limit:"),
    ("index.rst", "cs-limit-negative", 0, "casestudies.directive", "option :limit:"),
    ("index.rst", "cs-limit-huge", 0, "casestudies.directive", "option :limit:"),
    ("index.rst", "cs-limit-float", 0, "casestudies.directive", "option :limit:"),
    ("index.rst", "cs-columns", 0, "casestudies.directive", "option :columns:"),
    ("index.rst", "cs-columns-seven", 0, "casestudies.directive", "option :columns:"),
    ("index.rst", "cs-class", 0, "casestudies.directive", "option :class:"),
    ("index.rst", "cs-flags", 0, "casestudies.directive", "option :filter-ui: takes no value"),
    ("index.rst", "cs-flags", 0, "casestudies.directive", "option :new-tab: takes no value"),
    ("index.rst", "cs-flags", 0, "casestudies.directive", "option :no-index: takes no value"),
    ("index.rst", "cs-kind", 0, "casestudies.directive", "option :kind: value 'podcast'"),
    ("index.rst", "cs-kind", 0, "casestudies.empty", "matches no entry"),
    ("index.rst", "lg-link", 0, "casestudies.directive", "option :link:"),
    ("index.rst", "lg-width", 0, "casestudies.directive", "option :logo-width:"),
    ("index.rst", "lg-width-zero", 0, "casestudies.directive", "option :logo-width:"),
    ("index.rst", "lg-width-huge", 0, "casestudies.directive", "option :logo-width:"),
    ("index.rst", "lg-captions", 0, "casestudies.directive", "option :columns:"),
    ("index.rst", "lg-captions", 0, "casestudies.directive", "option :captions: takes no value"),
    ("index.rst", "one-layout", 0, "casestudies.directive", "option :layout:"),
    ("index.rst", "one-class", 0, "casestudies.directive", "option :class:"),
    ("index.rst", "one-flags", 0, "casestudies.directive", "option :new-tab: takes no value"),
    ("index.rst", "one-flags", 0, "casestudies.directive", "option :no-index: takes no value"),
    # unknown ids, wherever they are named
    ("index.rst", "ids-option", 0, "casestudies.ref", "'nope-one'"),
    ("index.rst", "ids-hostile", 0, "casestudies.ref", "'<script>alert(1)</script>'"),
    ("index.rst", "ids-hostile", 0, "casestudies.ref", "'../../etc/passwd'"),
    ("index.rst", "ids-hostile", 0, "casestudies.empty", "matches no entry"),
    ("index.rst", "ids-body", 0, "casestudies.ref", "'nope-two'"),
    ("index.rst", "ids-exclude", 0, "casestudies.ref", "'nope-three'"),
    ("index.rst", "one-unknown", 0, "casestudies.ref", "'nope-four'"),
    ("index.rst", "grid-unknown", 0, "casestudies.ref", "'nope-five'"),
    ("index.rst", "grid-unknown", 0, "casestudies.empty", "matches no entry"),
    # bodies: none, both, not one entry, broken YAML; problems at the body's own lines
    ("index.rst", "no-id-no-body", 0, "casestudies.directive", "needs an entry id"),
    ("index.rst", "both", 0, "casestudies.directive", "not both"),
    ("index.rst", "too-many-arguments", 0, "docutils", "maximum 1 argument(s) allowed"),
    ("index.rst", "body-list", 2, "casestudies.directive", "got a list"),
    ("index.rst", "body-scalar", 2, "casestudies.directive", "got text"),
    ("index.rst", "body-number", 2, "casestudies.directive", "got integer"),
    ("index.rst", "body-broken", 3, "casestudies.data", "YAML syntax error"),
    ("index.rst", "body-two-docs", 3, "casestudies.data", "more than one YAML document"),
    ("index.rst", "body-file-form", 2, "casestudies.directive", "not a data file"),
    ("index.rst", "body-unsafe-tag", 3, "casestudies.data", "non-safe YAML tag"),
    ("index.rst", "body-schema", 2, "casestudies.schema", "'Not A Slug' is not valid"),
    ("index.rst", "body-schema", 3, "casestudies.schema", "name: expected text, got a list"),
    ("index.rst", "body-url", 4, "casestudies.url", "URL scheme 'javascript:'"),
    ("index.rst", "body-logo-outside", 4, "casestudies.image", "outside the source folder"),
    ("index.rst", "body-unknown-field", 4, "casestudies.schema", "unknown field 'colour'"),
    ("index.rst", "body-empty-mapping", 2, "casestudies.schema", "missing required field 'id'"),
    ("index.rst", "body-empty-mapping", 2, "casestudies.schema", "missing required field 'name'"),
    ("index.rst", "body-alias-bomb", 3, "casestudies.schema", "name: expected text, got a list"),
    # the role with malformed text
    ("index.rst", "role-angle", 0, "casestudies.ref", "'<>' in :case-study: role"),
    ("index.rst", "role-text-empty-target", 0, "casestudies.ref", "'' in :case-study: role"),
    ("index.rst", "role-unknown", 0, "casestudies.ref", "'nope-six' in :case-study: role"),
    ("index.rst", "role-script", 0, "casestudies.ref", "'/script' in :case-study: role"),
    ("index.rst", "role-javascript", 0, "casestudies.ref", "'javascript:alert(1)' in :case-study:"),
    # directives in a table cell, a list item, an admonition, ``only``
    ("contexts.rst", "table", 1, "casestudies.ref", "'nope-table'"),
    ("contexts.rst", "list", 0, "casestudies.directive", "option :layout:"),
    ("contexts.rst", "admonition", 6, "casestudies.ref", "'nope-note'"),
    ("contexts.rst", "only", 2, "casestudies.ref", "'nope-only'"),
    ("contexts.rst", "only-latex", 2, "casestudies.ref", "'nope-latex'"),
    ("contexts.rst", "inline-in-admonition", 6, "casestudies.url", "URL scheme 'data:'"),
]

MYST_BODIES: list[Expectation] = [
    # inline entries in MyST: problems at the body's own lines (see the xfail below;
    # "broken" is reported where the YAML ends, on the closing fence, as in reST)
    ("index.md", "body-list", 1, "casestudies.directive", "got a list"),
    ("index.md", "body-scalar", 1, "casestudies.directive", "got text"),
    ("index.md", "body-broken", 2, "casestudies.data", "YAML syntax error"),
    ("index.md", "body-after-options", 4, "casestudies.url", "URL scheme 'javascript:'"),
    ("index.md", "body-unsafe-tag", 2, "casestudies.data", "non-safe YAML tag"),
    ("index.md", "body-schema", 1, "casestudies.schema", "'Not A Slug' is not valid"),
    ("index.md", "body-schema", 2, "casestudies.schema", "name: expected text, got a list"),
    ("index.md", "body-logo-outside", 3, "casestudies.image", "outside the source folder"),
    ("contexts.md", "inline-in-admonition", 4, "casestudies.url", "URL scheme 'data:'"),
]

MYST: list[Expectation] = [
    ("index.md", "cs-layout-script", 0, "casestudies.directive", "option :layout:"),
    ("index.md", "cs-sort", 0, "casestudies.directive", "not 'name; import os'"),
    ("index.md", "cs-limit", 0, "casestudies.directive", "option :limit:"),
    ("index.md", "cs-columns", 0, "casestudies.directive", "option :columns:"),
    ("index.md", "cs-class", 0, "casestudies.directive", "option :class:"),
    ("index.md", "cs-flags", 0, "casestudies.directive", "option :filter-ui: takes no value"),
    ("index.md", "cs-flags", 0, "casestudies.directive", "option :new-tab: takes no value"),
    ("index.md", "cs-flags", 0, "casestudies.directive", "option :no-index: takes no value"),
    ("index.md", "lg-options", 0, "casestudies.directive", "option :link:"),
    ("index.md", "lg-options", 0, "casestudies.directive", "option :logo-width:"),
    ("index.md", "lg-options", 0, "casestudies.directive", "option :captions: takes no value"),
    ("index.md", "one-options", 0, "casestudies.directive", "option :class:"),
    ("index.md", "one-options", 0, "casestudies.directive", "option :no-index: takes no value"),
    ("index.md", "one-options", 0, "casestudies.directive", "option :layout:"),
    ("index.md", "options-yaml-block", 0, "casestudies.directive", "option :layout:"),
    ("index.md", "ids-option", 0, "casestudies.ref", "'nope-one'"),
    ("index.md", "ids-option", 0, "casestudies.ref", "'nope-three'"),
    ("index.md", "ids-body", 0, "casestudies.ref", "'nope-two'"),
    ("index.md", "one-unknown", 0, "casestudies.ref", "'nope-four'"),
    ("index.md", "no-id-no-body", 0, "casestudies.directive", "needs an entry id"),
    ("index.md", "both", 0, "casestudies.directive", "not both"),
    ("index.md", "too-many-arguments", 0, "docutils", "maximum 1 argument(s) allowed"),
    # a body starting with ``---`` is MyST's own option block: its keys are options
    # (MyST-Parser warns about them too, in words and places of its own: see below)
    ("index.md", "body-doc-start-options", 0, "casestudies.directive", "needs an entry id"),
    ("index.md", "role-angle", 0, "casestudies.ref", "'<>' in :case-study: role"),
    ("index.md", "role-text-empty-target", 0, "casestudies.ref", "'' in :case-study: role"),
    ("index.md", "role-unknown", 0, "casestudies.ref", "'nope-six' in :case-study: role"),
    ("index.md", "role-javascript", 0, "casestudies.ref", "'javascript:alert(1)' in :case-study:"),
    ("contexts.md", "table", 2, "casestudies.ref", "'nope-table'"),
    ("contexts.md", "list", 0, "casestudies.directive", "option :layout:"),
    ("contexts.md", "admonition", 6, "casestudies.ref", "'nope-note'"),
    ("contexts.md", "only", 1, "casestudies.ref", "'nope-only'"),
]

_MARKER = re.compile(r"^(?:\.\.|%) case: ([\w-]+)$")


def case_lines(srcdir: Path, doc: str) -> dict[str, int]:
    """case name -> 1-based line of the first non-blank line after its marker."""
    lines = (srcdir / doc).read_text(encoding="utf-8").split("\n")
    found = {}
    for i, line in enumerate(lines):
        match = _MARKER.match(line)
        if match:
            j = i + 1
            while not lines[j].strip():
                j += 1
            found[match.group(1)] = j + 1
    return found


def expected(app, table: list[Expectation]) -> list[tuple[str, int, str, str]]:
    src = Path(app.srcdir)
    marks = {doc: case_lines(src, doc) for doc in {e[0] for e in table}}
    return [(doc, marks[doc][case] + delta, typ, words) for doc, case, delta, typ, words in table]


MYST_OWN = "myst.directive_option"
"""MyST-Parser's own warning about unknown keys in a ``---`` option block: MyST 5
gives one per key at its line, MyST 4 one for all keys at a path of its own
(``index.md.rst``). Not ours to word: checked apart, in any version, by
test_myst_warns_about_the_option_block_itself."""


def ours(app) -> list[Record]:
    """Every warning of the build but MyST's own about option blocks."""
    return [r for r in records(app) if r.type != MYST_OWN]


def check_exactly(app, table: list[Expectation]) -> None:
    """Each expectation matched by one warning at its line with its type; no other warning."""
    want = expected(app, table)
    recs = ours(app)
    left = list(recs)
    missing = []
    for doc, line, typ, words in want:
        match = next((r for r in left if r.path == doc and r.line == line and r.type == typ
                      and words in r.message), None)
        if match is None:
            missing.append((doc, line, typ, words))
        else:
            left.remove(match)
    assert missing == [], "\n".join(
        [f"missing {m}" for m in missing] + [f"got {r}" for r in recs])
    assert [str(r) for r in left] == []


# -- reStructuredText ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def rst_app(build_root, tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        cwd = tmp_path_factory.mktemp("cwd")
        mp.chdir(cwd)
        app = build_root("hostile-directives")
        assert list(cwd.iterdir()) == [], "a YAML tag in a directive body ran code"
    return app


def test_rst_each_bad_input_is_one_located_typed_warning(rst_app) -> None:
    check_exactly(rst_app, RST)


def test_rst_no_untyped_warning_and_no_traceback(rst_app) -> None:
    assert badly_reported(records(rst_app)) == []
    assert "Traceback" not in rst_app.status.getvalue()


def test_rst_bad_options_fall_back_and_still_render(rst_app) -> None:
    page = body(rst_app, "index.html")
    # :layout: <script> -> summary; the script is nowhere
    assert page.select("section#alpha.cs-layout-summary")
    # :columns: refused -> the default 3; :class: keeps only the valid names
    cards = page.select("div.cs-layout-card-group")
    assert cards and all("cs-columns-3" in c["class"] for c in cards)
    classes = {c for s in page.select("section.cs-case-study") for c in s.get("class", [])}
    assert {"ok-class", "also_ok"} <= classes
    assert not any("script" in c or ":" in c for c in classes)
    # :link: javascript: -> the entry's own link
    assert page.select_one("div.cs-logo-grid a")["href"] == "https://example.org/alpha"
    # the flags given values are treated as set
    assert page.select_one("div.cs-filter-chips") is not None


def test_rst_inline_entries_that_survive_render(rst_app) -> None:
    page = body(rst_app, "index.html")
    assert page.select_one("#inline-doc-start h3").get_text().startswith("Inline with a doc")
    assert page.select_one("#inline-unknown") is not None  # an unknown field only warns
    kept = page.select_one("#inline-logo")  # a refused logo drops only the logo
    assert kept is not None and kept.select_one("img") is None
    for gone in ("inline-url", "inline-bomb", "x"):
        assert page.select_one(f"#{gone}") is None


def test_rst_roles_with_bad_text_render_as_plain_escaped_text(rst_app) -> None:
    page = body(rst_app, "index.html")
    unresolved = [s.get_text() for s in page.select("span.cs-unresolved")]
    assert unresolved == ["<>", "text", "nope-six", "<script>alert(1)", "click"]
    assert ":case-study:``" in page.get_text()  # not a role at all: literal text
    good = page.select_one("a span.cs-role")
    assert good.get_text() == "the *alpha*"  # role text is not markup


def test_rst_contexts_render_rubrics_and_keep_going(rst_app) -> None:
    page = body(rst_app, "contexts.html")
    assert page.select_one("td .cs-case-study.cs-no-section p.rubric").get_text() == "Alpha"
    assert page.select_one("li .cs-case-study p.rubric").get_text() == "Beta (media)"
    assert page.select_one("div.admonition .cs-case-study p.rubric") is not None
    assert page.select("section.cs-case-study") == []
    assert page.select_one("#inline-warning") is None  # data: link -> skipped


def test_rst_output_is_safe(rst_app) -> None:
    assert unsafe_output(Path(rst_app.outdir)) == []


# -- MyST -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def myst_app(build_root, tmp_path_factory):
    pytest.importorskip("myst_parser")
    with pytest.MonkeyPatch.context() as mp:
        cwd = tmp_path_factory.mktemp("cwd")
        mp.chdir(cwd)
        app = build_root("hostile-myst")
        assert list(cwd.iterdir()) == [], "a YAML tag in a directive body ran code"
    return app


def test_myst_each_bad_input_is_one_located_typed_warning(myst_app) -> None:
    """Exact, except that the inline bodies' problems may be at any line (a bug, below)."""
    recs = ours(myst_app)
    for doc, line, typ, words in expected(myst_app, MYST):
        assert any(r.path == doc and r.line == line and r.type == typ and words in r.message
                   for r in recs), ((doc, line, typ, words), [str(r) for r in recs])
    for doc, _case, _delta, typ, words in MYST_BODIES:
        assert any(r.path == doc and r.type == typ and words in r.message for r in recs), (
            (doc, typ, words), [str(r) for r in recs])
    assert len(recs) == len(MYST) + len(MYST_BODIES), [str(r) for r in recs]


# Fixed bug, kept as a regression test:
def test_myst_inline_body_problems_at_their_page_lines(myst_app) -> None:
    check_exactly(myst_app, MYST + MYST_BODIES)


def test_myst_warns_about_the_option_block_itself(myst_app) -> None:
    own = [r for r in records(myst_app) if r.type == MYST_OWN]
    assert own and all("'case-study'" in r.message for r in own), [str(r) for r in own]
    assert "'id'" in " ".join(r.message for r in own)
    assert "'name'" in " ".join(r.message for r in own)


def test_myst_no_untyped_warning_and_no_traceback(myst_app) -> None:
    assert badly_reported(records(myst_app)) == []
    assert "Traceback" not in myst_app.status.getvalue()


def test_myst_renders_what_is_good_and_roles_as_text(myst_app) -> None:
    page = body(myst_app, "index.html")
    assert page.select("section#alpha.cs-layout-summary")
    unresolved = [s.get_text() for s in page.select("span.cs-unresolved")]
    assert unresolved == ["<>", "text", "nope-six", "click"]
    assert page.select_one("#inline-after-options") is None  # javascript: link -> skipped
    assert page.select_one("#inline-logo") is not None
    contexts = body(myst_app, "contexts.html")
    assert contexts.select_one("li .cs-case-study p.rubric").get_text() == "Beta (media)"
    assert contexts.select("section.cs-case-study") == []


def test_myst_output_is_safe(myst_app) -> None:
    assert unsafe_output(Path(myst_app.outdir)) == []
