"""linkcheck on data links: reported at the page and the directive's line (Sphinx names the
page; a data file's line there would point at the wrong line), and ``linkcheck_ignore`` and
``linkcheck_anchors`` apply as for page links.  A local server on 127.0.0.1 answers."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from util import build

PAGE = b"<html><body><h1 id='here'>Here</h1></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        found = self.path.split("?")[0] in ("/ok", "/page")
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def do_HEAD(self) -> None:
        found = self.path.split("?")[0] in ("/ok", "/page")
        self.send_response(200 if found else 404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A bounded local server: a daemon thread, shut down when the test ends."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def test_data_links_are_reported_at_the_directive(tmp_path: Path, server: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinxext_casestudies"]\ncasestudies_data = ["data.yaml"]\n'
        f"linkcheck_timeout = 5\nlinkcheck_retries = 1\nlinkcheck_anchors = True\n"
        f"linkcheck_ignore = [{server + '/ignored'!r}]\n", encoding="utf-8")
    (src / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    (src / "data.yaml").write_text(
        "# line 1\n"
        f"- id: ok\n  name: Ok\n  link: {server}/ok\n"
        f"- id: gone\n  name: Gone\n  logo: logo.svg\n  link: {server}/missing\n"
        f"- id: skipped\n  name: Skipped\n  link: {server}/ignored\n"
        f"- id: anchored\n  name: Anchored\n  link: {server}/page#nowhere\n"
        f"- id: rich\n  name: Rich\n  summary: See `the notes <{server}/notes>`__.\n",
        encoding="utf-8")
    (src / "index.rst").write_text(
        "Links\n=====\n\nSome text.\n\n.. case-studies::\n   :layout: full\n",
        encoding="utf-8")
    app = build(src, "linkcheck")
    results = [json.loads(line) for line in
               (Path(app.outdir) / "output.json").read_text(encoding="utf-8").splitlines()]
    found = {(r["uri"], r["status"], r["filename"], r["lineno"]) for r in results}
    assert found == {
        (f"{server}/ok", "working", "index.rst", 6),
        (f"{server}/missing", "broken", "index.rst", 6),
        (f"{server}/ignored", "ignored", "index.rst", 6),
        (f"{server}/page#nowhere", "broken", "index.rst", 6),
        (f"{server}/notes", "broken", "index.rst", 6),
    }
    anchored = next(r for r in results if r["uri"].endswith("#nowhere"))
    assert "nowhere" in anchored["info"]  # linkcheck_anchors applies to data links
