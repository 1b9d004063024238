"""Parallel reading gives the same pages; the stylesheet stays out of non-HTML builds."""

from __future__ import annotations

from pathlib import Path

from util import warnings


def _pages(outdir: Path) -> dict[str, str]:
    return {str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
            for p in sorted(outdir.rglob("*.html"))}


def test_parallel_build_matches_serial(build_root):
    serial = build_root("basic")
    parallel = build_root("basic", parallel=2)
    assert warnings(parallel) == []
    assert _pages(serial.outdir) == _pages(parallel.outdir)


def test_parallel_canonical_places_merge(build_root):
    app = build_root("directive-errors", parallel=2)
    canon = [w for w in warnings(app) if "two canonical renderings" in w]
    assert len(canon) == 1


def test_no_css_in_latex_build(build_root):
    app = build_root("basic", "latex")
    out = Path(app.outdir)
    assert not (out / "_static" / "casestudies.css").exists()
    tex = "".join(p.read_text(encoding="utf-8") for p in out.glob("*.tex"))
    assert "casestudies.css" not in tex
    assert "How Acme Pay cut incidents by 80" in tex


def test_docs_parallel_build_is_byte_identical(build_root, tmp_path):
    import shutil

    import pytest

    pytest.importorskip("myst_parser")
    docs = Path(__file__).parent.parent / "docs"
    pages = []
    for jobs in (0, 2):
        src = tmp_path / f"docs-j{jobs}"
        shutil.copytree(docs, src, ignore=shutil.ignore_patterns("_build"))
        app = build_root("docs", parallel=jobs, src=src)
        assert warnings(app) == []
        pages.append(_pages(app.outdir))
    assert pages[0].keys() == pages[1].keys()
    assert pages[0] == pages[1]
