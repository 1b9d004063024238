"""Browser tests: the docs built once per theme, served on 127.0.0.1, driven by Chromium.

Run with ``tox -e browser`` (which sets ``CS_BROWSER=1``).  Anywhere else,
e.g. in the main ``py3`` env, every test here is skipped at collection.  With
``CS_BROWSER=1`` nothing skips: what the run needs and lacks fails it.

* Chromium: ``$CS_CHROMIUM``, else ``/usr/bin/chromium`` (``tools/ensure_chromium.py``
  installs Debian's package where it can, and fails the env where it cannot).
* axe-core: the ``axe.min.js`` that the PyPI package ``axe-playwright-python``
  ships (a dependency of the browser env); nothing is fetched at run time.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[2] / "tools"))  # ensure_chromium: one home

from browser_helpers import CS_PAGES, NARROW, SHOWCASE, THEMES, VIEWS, Theme, View
from browser_site import Axe, Sites, Tab
from ensure_chromium import CHROMIUM_ARGS, find_chromium

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
        pytest.fail(f"theme packages not installed: {', '.join(missing)} (use tox -e browser)")
    served = Sites(tmp_path_factory.mktemp("sites"), _themes_of(request.session.items))
    yield served
    served.close()


def _importable(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


# -- the browser -------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = find_chromium()
    if path is None:
        pytest.fail("no Chromium at /usr/bin/chromium (nor $CS_CHROMIUM): run "
                    "`python tools/ensure_chromium.py` as root, or "
                    "`apt-get install chromium chromium-driver`")
    if not _importable("playwright"):
        pytest.fail("playwright is not installed (use tox -e browser)")
    from playwright import sync_api

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

AXE_PACKAGE = "axe_playwright_python"
_AXE_RUNS = pytest.StashKey[list[Axe]]()


@pytest.fixture(scope="session")
def axe(pytestconfig: pytest.Config) -> Axe:
    """axe-core 4 as ``axe-playwright-python`` ships it; missing, the run fails."""
    if not _importable(AXE_PACKAGE):
        pytest.fail(f"{AXE_PACKAGE} is not installed, so axe-core cannot run (use tox -e browser)")
    script = importlib.resources.files(AXE_PACKAGE) / "axe.min.js"
    if not script.is_file():
        pytest.fail(f"{AXE_PACKAGE} ships no axe.min.js: the accessibility checks cannot run")
    runner = Axe(script.read_text(encoding="utf-8"))
    pytestconfig.stash.setdefault(_AXE_RUNS, []).append(runner)
    return runner


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    """How many pages axe-core checked: the number a green run must not hide."""
    for runner in config.stash.get(_AXE_RUNS, []):
        terminalreporter.write_line(
            f"axe-core {runner.version}: {runner.runs} page checks, "
            f"{runner.rules} rule runs on our elements")
