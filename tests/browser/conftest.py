"""Browser tests: the docs built once per theme, served on 127.0.0.1, driven by Chromium.

Run with ``tox -e browser`` (which sets ``CS_BROWSER=1``).  Anywhere else,
e.g. in the main ``py3`` env, every test here is skipped at collection.

* Chromium: ``$CS_CHROMIUM``, else ``/usr/bin/chromium`` (``tools/ensure_chromium.py``
  installs it where it can); missing: the tests skip with that reason.
* axe-core: ``$CS_AXE_JS`` (a path to ``axe.min.js``), else ``npm install axe-core@4``
  once into pytest's cache folder; no npm: the accessibility tests skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from browser_helpers import CS_PAGES, NARROW, SHOWCASE, THEMES, VIEWS, Theme, View
from browser_site import CHROMIUM_ARGS, Sites, Tab, chromium_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

HERE = Path(__file__).parent
ENABLED = os.environ.get("CS_BROWSER") == "1"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if ENABLED:
        return
    skip = pytest.mark.skip(reason="browser tests run only with CS_BROWSER=1 (tox -e browser)")
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(skip)


# -- building the docs, once per theme -------------------------------------------------

def _themes_of(items: list[pytest.Item]) -> list[Theme]:
    seen: dict[str, Theme] = {}
    for item in items:
        callspec = getattr(item, "callspec", None)
        for value in (callspec.params.values() if callspec else ()):
            for part in (value if isinstance(value, tuple) else (value,)):
                theme = part.theme if isinstance(part, View) else part
                if isinstance(theme, Theme):
                    seen.setdefault(theme.name, theme)
    return list(seen.values()) or list(THEMES)


@pytest.fixture(scope="session")
def sites(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    missing = [t.html_theme for t in _themes_of(request.session.items)
               if not _importable(t.html_theme)]
    if missing:
        pytest.skip(f"theme packages not installed: {', '.join(missing)} (tox -e browser)")
    served = Sites(tmp_path_factory.mktemp("sites"), _themes_of(request.session.items))
    yield served
    served.close()


def _importable(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


# -- the browser -------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium at /usr/bin/chromium (nor $CS_CHROMIUM): run "
                    "`python tools/ensure_chromium.py` as root, or `apt-get install chromium`")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="playwright is not installed (tox -e browser)")
    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def _tabs(browser: Browser, sites: Sites) -> Iterator[dict[bool, Tab]]:
    tabs: dict[bool, Tab] = {}
    yield tabs
    for tab in tabs.values():
        tab.close()


@pytest.fixture
def tab(_tabs: dict[bool, Tab], browser: Browser, sites: Sites) -> Tab:
    """The shared tab, JavaScript on."""
    if True not in _tabs:
        _tabs[True] = Tab(browser, sites, js=True)
    return _tabs[True]


@pytest.fixture
def nojs_tab(_tabs: dict[bool, Tab], browser: Browser, sites: Sites) -> Tab:
    """A second shared tab with JavaScript disabled."""
    if False not in _tabs:
        _tabs[False] = Tab(browser, sites, js=False)
    return _tabs[False]


@pytest.fixture(scope="session", params=VIEWS, ids=str)
def view(request: pytest.FixtureRequest) -> View:
    """Session scope, so pytest runs every check of one view together on one page load."""
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def showcase(view: View, tab: Tab) -> tuple[View, Page]:
    """The showcase page at ``view``, loaded once for all checks that only look or Tab."""
    return view, tab.open(view, SHOWCASE, reuse=True)


@pytest.fixture(scope="session", params=[(t, p) for t in THEMES for p in CS_PAGES],
                ids=lambda tp: f"{tp[0]}-{tp[1]}")
def theme_and_page(request: pytest.FixtureRequest) -> tuple[Theme, str]:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def phone_page(theme_and_page: tuple[Theme, str], tab: Tab) -> tuple[View, Page]:
    """Every page showing our output, per theme, at 375 px (light); loaded once for its checks."""
    theme, path = theme_and_page
    view = View(theme, NARROW, "light")
    return view, tab.open(view, path, reuse=True)


# -- axe-core ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def axe_source(pytestconfig: pytest.Config, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of axe.min.js (axe-core 4, from the npm registry)."""
    given = os.environ.get("CS_AXE_JS")
    if given:
        return Path(given).read_text(encoding="utf-8")
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm not found: cannot install axe-core from the npm registry, "
                    "accessibility checks skipped (or set CS_AXE_JS to an axe.min.js)")
    cache = getattr(pytestconfig, "cache", None)
    folder = cache.mkdir("cs-axe-core") if cache else tmp_path_factory.mktemp("axe")
    script = folder / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        try:
            done = subprocess.run(
                [npm, "install", "--prefix", str(folder), "--no-audit", "--no-fund",
                 "--no-package-lock", "axe-core@4"],
                capture_output=True, text=True, check=False, timeout=300,
                stdin=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError) as exc:
            pytest.skip(f"`npm install axe-core@4` failed to run: {exc}")
        if done.returncode != 0 or not script.exists():
            pytest.skip("`npm install axe-core@4` failed, accessibility checks skipped:\n"
                        + (done.stdout + done.stderr)[-1500:])
    return script.read_text(encoding="utf-8")
