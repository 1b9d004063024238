"""Our stylesheet and script are linked only from pages that use them (SPEC "Output").

test-basic has pages with entries (summary, cards, grid, stories/acme), one
with ``:filter-ui:`` (filter), and pages without entries (index, and roles,
whose links need no styling), plus Sphinx's own genindex and search.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from util import ROOTS, html

CSS = "_static/casestudies.css"
JS = "_static/casestudies.js"
STYLED = {"summary", "cards", "grid", "stories/acme", "filter"}
SCRIPTED = {"filter"}
PAGES = {"index", "roles", "genindex", "search", *STYLED}


def _assets(app, page: str) -> set[str]:
    """Which of our two files ``page`` links (query strings and ``../`` ignored)."""
    soup = html(app, page)
    hrefs = [tag.get("href", "") for tag in soup.select("link[rel=stylesheet]")]
    hrefs += [tag.get("src", "") for tag in soup.select("script[src]")]
    return {name for name in (CSS, JS) for href in hrefs if href.split("?")[0].endswith(name)}


def _linked(app, pages=PAGES) -> dict[str, set[str]]:
    return {page: _assets(app, f"{page}.html") for page in sorted(pages)}


def _expected(styled=STYLED, scripted=SCRIPTED, pages=PAGES) -> dict[str, set[str]]:
    return {page: ({CSS} if page in styled else set()) | ({JS} if page in scripted else set())
            for page in sorted(pages)}


@pytest.mark.parametrize("parallel", [0, 2])
def test_only_pages_with_entries_link_our_assets(build_root, parallel):
    app = build_root("basic", parallel=parallel)
    assert _linked(app) == _expected()
    # the files themselves are copied once, for the pages that link them
    assert (Path(app.outdir) / CSS).is_file()
    assert (Path(app.outdir) / JS).is_file()


def test_the_script_has_defer(build_root):
    app = build_root("basic")
    scripts = html(app, "filter.html").select('script[src*="casestudies.js"]')
    assert len(scripts) == 1 and scripts[0].has_attr("defer")


def test_dirhtml_and_singlehtml(build_root):
    dirhtml = build_root("basic", "dirhtml")
    assert _assets(dirhtml, "roles/index.html") == set()
    assert _assets(dirhtml, "cards/index.html") == {CSS}
    assert _assets(dirhtml, "filter/index.html") == {CSS, JS}
    single = build_root("basic", "singlehtml")
    assert _assets(single, "index.html") == {CSS, JS}  # one page showing everything


def test_incremental_build_adds_and_drops_assets(build_root, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-basic", src)
    app = build_root("basic", src=src)
    assert _linked(app) == _expected()
    time.sleep(0.01)  # mtimes have a coarse resolution on some file systems
    roles = src / "roles.rst"
    roles.write_text(roles.read_text(encoding="utf-8")
                     + "\n.. case-studies::\n   :ids: brightbank\n   :filter-ui:\n",
                     encoding="utf-8")
    filt = src / "filter.rst"
    filt.write_text(filt.read_text(encoding="utf-8").replace("   :filter-ui:\n", ""),
                    encoding="utf-8")
    app = build_root("basic", src=src)
    assert _linked(app) == _expected(styled=STYLED | {"roles"}, scripted={"roles"})


@pytest.mark.parametrize("builder", ["latex", "text", "xml", "man", "texinfo"])
def test_no_asset_in_non_html_builds(build_root, builder):
    app = build_root("basic", builder)
    out = Path(app.outdir)
    leaked = [p for p in out.rglob("*") if p.name.startswith("casestudies.")]
    assert leaked == []
    written = "".join(p.read_text(encoding="utf-8", errors="replace")
                      for p in out.rglob("*") if p.is_file())
    assert "Acme Pay" in written  # the build did render entries
    assert "casestudies.css" not in written
    assert "casestudies.js" not in written
