"""Rich text no page renders is still checked, at the data file and line (SPEC "Builds").

test-unshown shows ``summary-only`` as a summary (its sections unrendered),
``never-shown`` nowhere, and ``all-shown`` in full on a page; each has a
broken reference somewhere in its rich text.
"""

from __future__ import annotations

import shutil
import time
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from util import ROOTS, warnings

from sphinxext_casestudies.sphinx_ext.domain import get_domain

DATA = "data/entries.yaml"
CHECKED = [
    f"{DATA}:10: WARNING: undefined label: 'missing-in-section' [ref.ref]",
    f"{DATA}:16: WARNING: unknown document: 'no-such-doc' [ref.doc]",
    f"{DATA}:18: WARNING: Inline interpreted text or phrase reference start-string "
    "without end-string. [docutils]",
    f"{DATA}:20: WARNING: undefined label: 'missing-in-quote' [ref.ref]",
]
NITPICKY = f"{DATA}:10: WARNING: py:func reference target not found: nowhere_at_all [ref.func]"
ON_PAGE = f"{DATA}:25: WARNING: undefined label: 'missing-on-page' [ref.ref]"


def _build(src: Path, **conf) -> tuple[SphinxTestApp, list[str]]:
    app = SphinxTestApp("html", srcdir=src, confoverrides=conf, status=StringIO(),
                        warning=StringIO(), parallel=conf.pop("parallel", 0))
    read: list[str] = []
    app.connect("env-before-read-docs", lambda _a, _e, docnames: read.extend(docnames))
    try:
        app.build()
    finally:
        app.cleanup()
    return app, sorted(read)


@pytest.fixture
def src(tmp_path: Path) -> Path:
    shutil.copytree(ROOTS / "test-unshown", tmp_path / "src")
    return tmp_path / "src"


def _sorted(app) -> list[str]:
    return sorted(w.strip() for w in warnings(app))


@pytest.mark.parametrize("parallel", [0, 2])
def test_unshown_rich_text_is_checked_under_nitpicky(src, parallel):
    app, _ = _build(src, nitpicky=True, parallel=parallel)
    assert _sorted(app) == sorted([*CHECKED, NITPICKY, ON_PAGE])


def test_without_nitpicky_as_sphinx_does_for_pages(src):
    app, _ = _build(src)
    assert _sorted(app) == sorted([*CHECKED, ON_PAGE])  # no py:func warning


def test_a_page_that_shows_the_text_checks_it_once(src):
    app, _ = _build(src)
    assert [w for w in warnings(app) if "missing-on-page" in w] == [ON_PAGE]


def test_an_edit_to_an_unshown_entry_rechecks_it_and_reads_no_page(src):
    _build(src)
    app, read = _build(src)
    assert (read, warnings(app)) == ([], [])  # nothing changed: nothing re-checked
    time.sleep(0.01)
    data = src / DATA
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("missing-in-quote", "still-missing"), encoding="utf-8")
    app, read = _build(src)
    assert read == []
    assert _sorted(app) == sorted([
        f"{DATA}:16: WARNING: unknown document: 'no-such-doc' [ref.doc]",
        CHECKED[2],
        f"{DATA}:20: WARNING: undefined label: 'still-missing' [ref.ref]",
    ])


def test_showing_a_field_moves_its_check_to_the_page(src):
    _build(src)
    time.sleep(0.01)
    full = src / "full.rst"
    full.write_text(full.read_text(encoding="utf-8") + "\n.. case-study:: never-shown\n",
                    encoding="utf-8")
    app, read = _build(src)
    assert read == ["full"]
    # the page now parses and resolves never-shown's fields; the check has nothing left
    found = _sorted(app)
    assert found == sorted([CHECKED[1], CHECKED[2], CHECKED[3], ON_PAGE])


def test_an_entry_shown_in_full_is_not_hashed_for_the_check(src):
    """Nothing of it is left to check; ``-j`` would hash it again in the main process."""
    app, _ = _build(src, parallel=2)
    checked = get_domain(app.env).checked
    assert checked["all-shown"] == ""
    assert len(checked["summary-only"]) == 32 and len(checked["never-shown"]) == 32


@pytest.mark.myst
def test_myst_data_is_checked_too(src):
    pytest.importorskip("myst_parser")
    app, _ = _build(src, casestudies_data=["data/*.yaml", "myst/*.yaml"])
    assert "myst/entries.yaml:6: WARNING: undefined label: 'missing-in-myst' [ref.ref]" in [
        w.strip() for w in warnings(app)]
