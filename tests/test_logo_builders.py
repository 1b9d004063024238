"""Logos in every builder: image converters see SVG logos (LaTeX gets PDF/PNG), builders
without a colour scheme show the light logo only, epub keeps both like HTML."""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path

import pytest
from util import html, warnings

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
       b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe"
       b"\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")
"""A 1x1 PNG: what the stand-in converter writes."""


def _text_of(outdir: Path, pattern: str) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace")
                   for p in sorted(Path(outdir).rglob(pattern)))


@pytest.fixture(scope="module")
def html_logos(build_root) -> tuple[int, int]:
    """How many light and dark Acme Pay logos the HTML build of the same project shows."""
    app = build_root("basic")
    pages = [html(app, str(p.relative_to(app.outdir))) for p in Path(app.outdir).rglob("*.html")]
    return (sum(len(page.select('img.only-light[alt="Acme Pay logo"]')) for page in pages),
            sum(len(page.select('img.only-dark[alt="Acme Pay logo"]')) for page in pages))


@pytest.mark.parametrize(("builder", "pattern"), [
    ("text", "*.txt"), ("man", "*.1"), ("texinfo", "*.texi"), ("latex", "*.tex"),
])
def test_builders_without_colour_scheme_show_the_light_logo_only(build_root, html_logos,
                                                                 builder, pattern):
    app = build_root("basic", builder)
    assert warnings(app) == []
    out = " ".join(_text_of(app.outdir, pattern).split())  # text wraps lines
    assert "acme-dark" not in out
    # as many Acme Pay logos as HTML has light ones (HTML has a dark one beside each)
    light, dark = html_logos
    assert out.count("Acme Pay logo") == light == dark > 0


def test_text_shows_each_logo_once(build_root):
    app = build_root("basic", "text")
    summary = " ".join((Path(app.outdir) / "summary.txt").read_text(encoding="utf-8").split())
    assert summary.count("[image: Acme Pay logo]") == 1


def test_epub_keeps_both_logos_and_the_stylesheet(build_root):
    app = build_root("basic", "epub")
    assert warnings(app) == []
    page = html(app, "summary.xhtml")
    sources = [img["src"] for img in page.select(".cs-logo img")]
    assert [s for s in sources if "acme" in s] == ["_images/acme.svg", "_images/acme-dark.svg"]
    assert page.select_one('link[href$="casestudies.css"]') is not None
    css = (Path(app.outdir) / "_static" / "casestudies.css").read_text(encoding="utf-8")
    assert ".cs-logo img.only-dark" in css


def _included_graphics(app) -> list[str]:
    tex = _text_of(app.outdir, "*.tex")
    return re.findall(r"\\sphinxincludegraphics(?:\[[^]]*\])?\{\{([^}]*)\}(\.[a-z]+)\}", tex)


def test_without_a_converter_latex_gets_alt_text(build_root):
    app = build_root("basic", "latex")
    assert not [g for g in _included_graphics(app) if "acme" in g[0]]
    assert "Acme Pay logo" in _text_of(app.outdir, "*.tex")


def test_cairosvg_converter_turns_svg_logos_into_pdf(build_root):
    app = build_root("basic", "latex",
                     confoverrides={"extensions": ["sphinxext_casestudies",
                                                   "sphinxcontrib.cairosvgconverter"]})
    assert warnings(app) == []
    graphics = _included_graphics(app)
    assert ("acme", ".pdf") in graphics and ("brightbank", ".pdf") in graphics
    assert not [g for g in graphics if "dark" in g[0]]
    assert (Path(app.outdir) / "acme.pdf").read_bytes().startswith(b"%PDF")


def test_imgconverter_turns_svg_logos_into_png(build_root, tmp_path):
    """``sphinx.ext.imgconverter`` with a stand-in for ImageMagick written here, so the test
    sees what Sphinx asks the converter for without needing ImageMagick installed."""
    stub = tmp_path / "magick"
    stub.write_text(
        f"#!{sys.executable}\nimport sys\n"
        "if sys.argv[1:] == ['-version']:\n    print('Version: ImageMagick stand-in')\n"
        f"else:\n    open(sys.argv[-1], 'wb').write({PNG!r})\n", encoding="utf-8")
    stub.chmod(stub.stat().st_mode | stat.S_IXUSR)
    app = build_root("basic", "latex", confoverrides={
        "extensions": ["sphinxext_casestudies", "sphinx.ext.imgconverter"],
        "image_converter": str(stub), "image_converter_args": []})
    assert warnings(app) == []
    graphics = _included_graphics(app)
    assert ("acme", ".png") in graphics and ("civic", ".png") in graphics
    assert not [g for g in graphics if "dark" in g[0]]
    assert (Path(app.outdir) / "acme.png").read_bytes() == PNG
