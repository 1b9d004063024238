"""Bugs found by the hostile suite: one minimal reproduction each.

Fixed bugs stay here as regression tests (their comment says what broke).  An
open bug is a strict xfail whose reason says what is wrong and where; when it
is fixed the test passes, the strict xfail fails, and the marker is removed.
(Corpus cases can be marked ``# bug:`` the same way; one more open bug is in
test_hostile_directives.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hostile_util import (
    SECRET,
    build,
    files_containing,
    make_project,
    records,
    unsafe_in_head,
    unsafe_output,
)
from util import body

from sphinxext_casestudies.cli.main import main as cli
from sphinxext_casestudies.data.loader import load_files

FULL = """\
Page
====

.. case-studies::
   :layout: full
"""


def entry(extra: str, entry_id: str = "a") -> str:
    return f"- id: {entry_id}\n  name: Entry {entry_id}\n" + extra


# Fixed bug: a `.. meta::` directive in data markup puts <meta http-equiv=refresh> (or any meta)
# into the page <head> (markup.MarkupParser.sanitize keeps docutils meta nodes)
def test_meta_directive_in_data_cannot_reach_the_head(tmp_path: Path) -> None:
    data = entry("  summary: |\n    .. meta::\n       :http-equiv=refresh: 0; "
                 "url=https://evil.example/\n       :description: injected\n")
    app = build(make_project(tmp_path, {"d.yaml": data}, FULL))
    soup = BeautifulSoup((Path(app.outdir) / "index.html").read_text("utf-8"), "html.parser")
    assert unsafe_in_head(soup) == []


HIJACK_PAGE = """\
Page
====

.. case-studies::
   :layout: full

See the `docs`_ and the `manual`_.

.. _docs: https://example.org/docs
"""


# Fixed bug: an external target `.. _docs: javascript:...` in data markup resolves the page's
# own `docs`_ reference (even when the page defines `docs` later) to href=javascript:;
# sanitize() only checks reference nodes, not target nodes carrying a refuri
def test_data_targets_cannot_hijack_the_pages_links(tmp_path: Path) -> None:
    data = entry("  summary: |\n    Hello.\n\n    .. _docs: javascript:alert(1)\n\n"
                 "    .. _manual: javascript:alert(2)\n")
    app = build(make_project(tmp_path, {"d.yaml": data}, HIJACK_PAGE))
    links = {a.get_text(): a.get("href") for a in body(app, "index.html").select("p a")}
    assert links.get("docs") == "https://example.org/docs"
    assert not str(links.get("manual", "")).lower().startswith("javascript")
    assert unsafe_output(Path(app.outdir)) == []


# Fixed bug: the :download: role (and MyST {download}) in data markup copies files from outside
# the source folder (via '..', an absolute path or a symlink) into _downloads/; sanitize() does
# not check download_reference nodes
def test_download_role_cannot_publish_files_outside_the_source_folder(tmp_path: Path) -> None:
    data = entry("  summary: |\n    :download:`one <../outside/secret.txt>`, "
                 ":download:`two <leak/secret.txt>`, :download:`three </../outside/secret.csv>`.\n")
    extensions: tuple[str, ...] = ("sphinxext_casestudies",)
    files = {"d.yaml": data}
    try:
        import myst_parser  # noqa: F401
    except ImportError:
        pass
    else:
        extensions += ("myst_parser",)
        files["m.yaml"] = ("markup: myst\ncase_studies:\n" + entry(
            "  summary: |\n    {download}`four <../outside/secret.svg>`\n", "m"))
    app = build(make_project(tmp_path, files, FULL, extensions=extensions))
    assert files_containing(Path(app.outdir), SECRET) == []


# Fixed bug, kept as a regression test:
def test_image_candidates_cannot_reach_outside_through_a_symlink(tmp_path: Path) -> None:
    data = entry("  summary: |\n    .. image:: logos/evil.*\n\n    .. figure:: /logos/evil.*\n")
    src = make_project(tmp_path, {"d.yaml": data}, FULL)
    (src / "logos" / "evil.svg").symlink_to(tmp_path / "outside" / "secret.svg")
    app = build(src)
    assert files_containing(Path(app.outdir), SECRET) == []


# Fixed bug, kept as a regression test:
def test_refused_links_in_markup_are_located_at_their_line(tmp_path: Path) -> None:
    data = entry("  summary: |\n    First paragraph.\n\n    A `link <javascript:alert(1)>`_.\n")
    app = build(make_project(tmp_path, {"d.yaml": data}, FULL))
    (url,) = [r for r in records(app) if r.type == "casestudies.url"]
    assert (url.path, url.line) == ("data/d.yaml", 6)


# Fixed bug: Sphinx directives in data markup that log with a (docname, line) location were
# mislocated: code-block ':emphasize-lines: 99' -> 'data/d.yaml.rst:4: WARNING' (the data path
# taken for a docname), csv-table ':file: /etc/passwd' -> 'index.rst:<data line>'
def test_sphinx_directive_warnings_in_markup_are_located_at_the_data_file(tmp_path: Path) -> None:
    data = entry("  summary: |\n    .. code-block:: python\n       :emphasize-lines: 99\n\n"
                 "       x = 1\n\n    .. csv-table:: t\n       :file: /etc/passwd\n")
    app = build(make_project(tmp_path, {"d.yaml": data}, FULL))
    recs = records(app)
    assert recs
    for rec in recs:  # (Sphinx's own code-block warning carries no type: not ours to add)
        assert rec.path == "data/d.yaml", str(rec)


HUGE_INTS = {
    "hex": "0x" + "f" * 5000,
    "binary": "0b" + "1" * 20000,
    "sexagesimal": ":".join(["59"] * 3000),
}


# Fixed bug: an integer beyond Python's 4300-digit str limit (order: 0xfff..., 5000 hex digits)
# passes validation, then model.Entry.content_fingerprint -> repr(int) raises ValueError: a
# traceback from load_files, a crashed Sphinx build, 'internal error' from validate
@pytest.mark.parametrize("form", sorted(HUGE_INTS))
def test_huge_integers_do_not_crash(tmp_path: Path, form: str) -> None:
    data = (f"- {{id: big-order, name: N, order: {HUGE_INTS[form]}}}\n"
            f"- {{id: big-width, name: N, logo: {{src: ../logos/ok.svg, "
            f"width: {HUGE_INTS[form]}}}}}\n"
            "- {id: fine, name: Fine}\n")
    src = make_project(tmp_path, {"d.yaml": data}, FULL)
    catalog = load_files([str(src / "data" / "d.yaml")], srcdir=str(src))
    assert "fine" in {e.id for e in catalog.entries}
    app = build(src)
    assert body(app, "index.html").select_one("section#fine") is not None


# Fixed bug: auto-numbered/auto-symbol footnote references ([#]_, [*]_) in data markup crash the
# HTML writer: KeyError 'refid' in sphinx/writers/html5.py visit_footnote_reference (the scratch
# document's footnotes are never numbered)
@pytest.mark.parametrize("text", ["'See [#]_.'", "'See [*]_.'",
                                  "|\n    See [#]_.\n\n    .. [#] The note."])
def test_footnote_references_in_markup_do_not_crash(tmp_path: Path, text: str) -> None:
    data = entry(f"  headline: {text}\n" if text.startswith("'") else f"  summary: {text}\n")
    data += "- {id: fine, name: Fine}\n"
    app = build(make_project(tmp_path, {"d.yaml": data}, FULL))
    assert body(app, "index.html").select_one("section#fine") is not None


# Fixed bug: an empty or blank headline (headline: '' is valid) or a blank quote text renders an
# empty block_quote; Sphinx's HandleCodeBlocks transform replaces it by nothing and docutils
# asserts 'Losing \"classes\" attribute' -> the build crashes
@pytest.mark.parametrize(("layout", "extra"), [
    (layout, extra) for extra in ("  headline: ''\n", "  headline: '   '\n")
    for layout in ("full", "summary", "card")] + [
    (layout, "  quotes: [{text: ' '}]\n") for layout in ("full", "quote")])
def test_empty_headline_or_quote_does_not_crash(tmp_path: Path, layout: str,
                                                extra: str) -> None:
    page = f"Page\n====\n\n.. case-studies::\n   :layout: {layout}\n"
    app = build(make_project(tmp_path, {"d.yaml": entry(extra) + "- {id: b, name: B}\n"},
                             page))
    assert body(app, "index.html").select_one("#b") is not None


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


# Fixed bug: control characters from data values (CR, ESC sequences such as '\\r\\e[2K' that
# erase the line, OSC 8 hyperlinks) are echoed raw in messages: convert.shown() escapes only
# newlines, so a hostile file can hide or forge its own warnings in CI logs
def test_messages_never_echo_terminal_control_characters(tmp_path: Path, capsys) -> None:
    data = ('- {id: "ok\\r\\e[2Kall good", name: N}\n'
            '- {id: b, name: N, kind: "\\e]8;;https://evil.example/\\e\\\\click\\e]8;;\\e\\\\"}\n'
            '- {id: c, name: N, logo: "\\e[2Jred.svg"}\n')
    src = make_project(tmp_path, {"d.yaml": data}, FULL)
    assert cli(["validate", "--srcdir", str(src), str(src / "data" / "d.yaml")]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 3
    assert _CONTROL.findall(out) == []
    app = build(src)
    assert _CONTROL.findall(re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())) == []


# Fixed bug, kept as a regression test:
def test_whole_file_problems_print_one_colon(tmp_path: Path) -> None:
    app = build(make_project(tmp_path, {"d.yaml": "# nothing but a comment\n"}, FULL))
    text = app.warning.getvalue()
    assert "empty data file" in text
    assert "d.yaml::" not in text
