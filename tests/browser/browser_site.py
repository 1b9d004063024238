"""The docs built per theme and served on 127.0.0.1, and a reusable browser tab.

Imported by conftest.py and, for type names, by the tests; never imports
Playwright at run time, so this folder collects where Playwright is missing.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_helpers import AXE_OURS, CS_SELECTOR, DOCS, Theme, View

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

@dataclass
class Built:
    theme: Theme
    out: Path
    returncode: int
    warnings: str
    log: str


class Sites:
    """Builds the docs per theme (two at a time, in the background) and serves them.

    The first request for any theme starts the builds of every theme the
    collected tests use; each request then waits for its own.
    """

    def __init__(self, root: Path, wanted: list[Theme]) -> None:
        self.root = root
        self.wanted = wanted
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="sphinx-build")
        self._builds: dict[str, Future[Built]] = {}
        self._lock = threading.Lock()
        handler = functools.partial(_QuietHandler, directory=str(root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"

    def _start(self, theme: Theme) -> Future[Built]:
        with self._lock:
            if theme.name not in self._builds:
                self._builds[theme.name] = self._pool.submit(self._build, theme)
            return self._builds[theme.name]

    def build(self, theme: Theme) -> Built:
        future = self._start(theme)
        for other in self.wanted:
            self._start(other)
        return future.result()

    def url(self, theme: Theme, path: str) -> str:
        built = self.build(theme)
        if built.returncode != 0:
            pytest.fail(f"the docs did not build with {theme.html_theme}:\n{built.log[-3000:]}")
        return f"{self.base}/{theme.name}/{path}"

    def _build(self, theme: Theme) -> Built:
        out = self.root / theme.name
        warnfile = self.root / f"{theme.name}.warnings"
        cmd = [sys.executable, "-m", "sphinx", "-b", "html", "-q", "-w", str(warnfile),
               "-d", str(self.root / f"{theme.name}.doctrees"),
               "-D", f"html_theme={theme.html_theme}"]
        for name, value in theme.settings:
            cmd += ["-D", f"{name}={value}"]
        cmd += [str(DOCS), str(out)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=600)
        warnings = warnfile.read_text(encoding="utf-8") if warnfile.exists() else ""
        return Built(theme, out, done.returncode, warnings, done.stdout + done.stderr)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._pool.shutdown(wait=True, cancel_futures=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class Tab:
    """One browser page, reused: tests navigate it instead of opening contexts (slow).

    ``open(view, path)`` sets the viewport and colour scheme, loads the page,
    sets the theme's dark switch and waits for the images.  ``reuse=True``
    skips the load when the tab already shows that view untouched (for
    read-only checks); anything else always loads afresh.
    """

    def __init__(self, browser: Browser, sites: Sites, *, js: bool) -> None:
        self.sites = sites
        self.js = js
        self.context = browser.new_context(viewport={"width": 1280, "height": 900},
                                           java_script_enabled=js, reduced_motion="reduce")
        # Every load starts with empty storage: furo and pydata-sphinx-theme keep a
        # chosen colour scheme in localStorage under the same key ("theme"), and all
        # the sites share one origin, so one theme's dark would leak into the next's light.
        self.context.add_init_script("try { window.localStorage.clear(); } catch (e) {}")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self._showing: tuple[View, str] | None = None

    def open(self, view: View, path: str, *, query: str = "", reuse: bool = False) -> Page:
        key = (view, path + query)
        if reuse and self._showing == key:
            return self.page
        self._showing = None
        page = self.page
        page.set_viewport_size({"width": view.width, "height": 900})
        page.emulate_media(color_scheme="dark" if view.scheme == "dark" else "light")
        self.errors.clear()
        response = page.goto(self.sites.url(view.theme, path) + query)
        # A page the docs no longer have must fail the test, not "pass" with nothing on it.
        assert response is not None and response.ok, f"{view.theme}: {path} did not load"
        self.settle(view)
        self._showing = key if reuse else None
        return page

    def settle(self, view: View) -> None:
        """After a load or reload: the theme's dark switch, then all images done."""
        if view.scheme == "dark" and view.theme.dark_js and self.js:
            self.page.evaluate(f"() => {{ {view.theme.dark_js}; }}")
        if self.js:
            self.page.wait_for_function(
                "() => Array.from(document.images).every(img => img.complete)")
        else:
            self.page.wait_for_load_state("load")

    def close(self) -> None:
        self.context.close()


class Axe:
    """axe-core's script, run on our elements of a page; counts what it checked."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.version = "not run"
        self.runs = 0     # pages checked
        self.rules = 0    # rules that applied to our elements, summed over the pages

    def check(self, page: Page) -> dict[str, Any]:
        """Violations on our elements (``AXE_OURS``), after loading axe into ``page``."""
        page.add_script_tag(content=self.source)
        result: dict[str, Any] = page.evaluate(AXE_OURS, CS_SELECTOR)
        self.version = result["axeVersion"]
        self.runs += 1
        self.rules += len(result["applied"])
        return result
