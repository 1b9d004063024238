"""Every builder from the spec: no warnings, the stories present, no HTML or CSS leaking."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from util import warnings

STORY = "How Acme Pay cut incidents by 80"


def _text_of(outdir: Path, pattern: str) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in sorted(Path(outdir).rglob(pattern)))


@pytest.mark.parametrize(("builder", "pattern"), [
    ("html", "*.html"), ("dirhtml", "*.html"), ("singlehtml", "*.html"),
    ("epub", "*.xhtml"), ("text", "*.txt"), ("man", "*.1"), ("texinfo", "*.texi"),
    ("xml", "*.xml"), ("latex", "*.tex"),
])
def test_builder_renders_stories_without_warnings(build_root, builder, pattern):
    app = build_root("basic", builder)
    assert warnings(app) == []
    out = _text_of(app.outdir, pattern)
    assert STORY in out
    assert "Nobody gets paged any more." in out
    if builder not in ("html", "dirhtml", "singlehtml", "epub", "xml"):
        assert "<div" not in out and "cs-filter" not in out and "casestudies.css" not in out


def test_text_builder_degrades_grids_to_readable_text(build_root):
    app = build_root("basic", "text")
    cards = (Path(app.outdir) / "cards.txt").read_text(encoding="utf-8")
    for name in ("Acme Pay", "Bright Bank", "Civic Tech Talk (Public sector)"):
        assert name in cards
    assert "Read more about Acme Pay" in cards
    assert "[image: Acme Pay logo]" in cards
    story = (Path(app.outdir) / "stories" / "acme.txt").read_text(encoding="utf-8")
    assert "-- Jo Bloggs, CTO, Acme Pay" in story
    assert "* **80%** fewer incidents\n\n* **6** weeks to migrate" in story


def test_latex_leaves_svg_logos_out_of_pdf_source(build_root):
    app = build_root("basic", "latex")
    tex = _text_of(app.outdir, "*.tex")
    assert ".svg" not in tex  # pdflatex cannot include SVG: the alt text stands in
    assert "Acme Pay logo" in tex


def test_dirhtml_links_use_directories(build_root):
    app = build_root("basic", "dirhtml")
    roles = (Path(app.outdir) / "roles" / "index.html").read_text(encoding="utf-8")
    assert 'href="../stories/acme/#acme-pay"' in roles


def test_gettext_extracts_entry_texts(build_root):
    app = build_root("basic", "gettext")
    pot = _text_of(app.outdir, "*.pot")
    for text in ("Acme Pay moved *every* payment flow to the platform in six weeks.",
                 "How Acme Pay cut incidents by 80%", "It just works.", "Before",
                 "Incidents every week."):
        assert f'msgid "{text}"' in pot, text
    assert "data/stories.yaml" in pot  # located at the data file


def test_translation_replaces_entry_texts(build_root):
    app = build_root("i18n", confoverrides={"language": "de"})
    assert warnings(app) == []
    page = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert "Wir haben <em>alles</em> umgezogen." in page
    assert "Vorher" in page
    assert "We moved" not in page


class _Handler(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_HEAD(self) -> None:
        self.seen.append(self.path)
        self.send_response(200 if self.path != "/missing" else 404)
        self.end_headers()

    do_GET = do_HEAD

    def log_message(self, *args: object) -> None:
        pass


def test_linkcheck_checks_every_external_entry_link(build_root, tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        src = tmp_path / "src"
        src.mkdir()
        (src / "conf.py").write_text(
            'extensions = ["sphinxext_casestudies"]\ncasestudies_data = ["data.yaml"]\n'
            "linkcheck_timeout = 5\n", encoding="utf-8")
        (src / "data.yaml").write_text(
            f"- id: ok\n  name: Ok\n  link: {base}/ok\n"
            f"- id: gone\n  name: Gone\n  kind: talk\n  link: {base}/missing\n",
            encoding="utf-8")
        (src / "index.rst").write_text("Links\n=====\n\n.. case-studies::\n", encoding="utf-8")
        app = build_root("linkcheck", "linkcheck", src=src)
    finally:
        server.shutdown()
    results = [json.loads(line) for line in
               (Path(app.outdir) / "output.json").read_text(encoding="utf-8").splitlines()]
    status = {r["uri"]: r["status"] for r in results}
    assert status == {f"{base}/ok": "working", f"{base}/missing": "broken"}
