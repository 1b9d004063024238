"""Data text in translated builds: gettext extracts data texts (at the data file and line)
but no logo; a French catalog translates a headline, a metric label and a section; the
French build keeps every logo, the metric's value and the markup, and warns about nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from util import body, build, warnings

DATA_RST = """\
- id: mover
  name: Mover
  logo:
    src: logo.svg
    dark: logo-dark.svg
  headline: We moved *everything*.
  metrics:
    - value: 80%
      label: fewer incidents
  sections:
    - title: Before
      body: It was **slow**.
"""
DATA_MYST = """\
markup: myst
case_studies:
  - id: shifter
    name: Shifter
    logo: logo.svg
    headline: We shifted **it all**.
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
FRENCH = {
    "We moved *everything*.": "Nous avons *tout* déplacé.",
    "fewer incidents": "incidents en moins",
    "Before": "Avant",
    "It was **slow**.": "Tout était **lent**.",
    "We shifted **it all**.": "Nous avons **tout** changé.",
}


def project(root: Path, *, myst: bool) -> Path:
    src = root / "src"
    src.mkdir(parents=True)
    files = {"conf.py": ('extensions = ["sphinxext_casestudies"'
                         + (', "myst_parser"' if myst else "") + ']\n'
                         'casestudies_data = ["*.yaml"]\nlocale_dirs = ["locales"]\n'),
             "logo.svg": SVG, "logo-dark.svg": SVG, "mover.yaml": DATA_RST,
             "index.rst": ("Stories\n=======\n\n.. case-study:: mover\n\n"
                           ".. case-studies::\n   :layout: card\n\n.. logo-grid::\n")}
    if myst:
        files["shifter.yaml"] = DATA_MYST
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def translate(src: Path, pot: Path) -> None:
    """A French catalog from the extracted template, as a translator would fill it in."""
    with pot.open("rb") as f:
        catalog = read_po(f, locale="fr")
    for message in catalog:
        if message.id in FRENCH:
            message.string = FRENCH[message.id]
    folder = src / "locales" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with (folder / "index.mo").open("wb") as mo:
        write_mo(mo, catalog)


def logos(app) -> list[tuple[str, str, str]]:
    return [(img["src"], img["alt"], " ".join(img["class"]))
            for img in body(app, "index.html").select("img")]


def run(root: Path, *, myst: bool) -> tuple[object, str, object, object]:
    """gettext (in a copy: its environment is its own), translate, build English and French."""
    src = project(root, myst=myst)
    pot_src = root / "pot"
    shutil.copytree(src, pot_src)
    gettext = build(pot_src, "gettext")
    pot = Path(gettext.outdir) / "index.pot"
    translate(src, pot)
    fr_src = root / "fr"  # a build's output folder is its source folder's: one each
    shutil.copytree(src, fr_src)
    english = build(src)
    french = build(fr_src, confoverrides={"language": "fr"})
    return gettext, pot.read_text(encoding="utf-8"), english, french


@pytest.fixture(scope="module", params=["rst", pytest.param("myst", marks=pytest.mark.myst)])
def builds(request, tmp_path_factory):
    """The same project on reST pages, with or without a second, MyST data file."""
    if request.param == "myst":
        pytest.importorskip("myst_parser")
    return run(tmp_path_factory.mktemp("i18n"), myst=request.param == "myst")


def test_gettext_extracts_data_texts_at_their_lines_and_no_logo(builds):
    gettext, pot, _, _ = builds
    assert warnings(gettext) == []
    with_lines = {"We moved *everything*.": 6, "fewer incidents": 8, "Before": 11,
                  "It was **slow**.": 12}
    for message, line in with_lines.items():
        assert f'mover.yaml:{line}\nmsgid "{message}"' in pot, message
    assert "logo" not in pot.lower()
    assert 'msgid "80%' not in pot  # the value is no message: it stays as it is


def test_french_build_translates_and_keeps_markup_and_logos(builds):
    _, _, english, french = builds
    assert warnings(french) == []
    page = body(french, "index.html")
    assert [str(em) for em in page.select(".cs-headline em")][:1] == ["<em>tout</em>"]
    metric = page.select_one(".cs-metric")
    assert metric.select_one("strong.cs-metric-value").get_text() == "80%"
    assert metric.select_one(".cs-metric-label").get_text() == "incidents en moins"
    assert "Avant" in [h.contents[0] for h in page.select("h2, h3")]
    assert "Tout était <strong>lent</strong>." in str(page)
    assert "We moved" not in page.get_text() and "fewer incidents" not in page.get_text()
    assert [(src, cls) for src, _, cls in logos(french)] == [
        (src, cls) for src, _, cls in logos(english)]
    assert len(logos(english)) >= 5
    assert {alt for _, alt, _ in logos(french)} <= {"Logo de Mover", "Logo de Shifter"}


@pytest.mark.myst
def test_a_translation_is_parsed_with_the_data_files_markup(tmp_path):
    """MyST data on a reST page: ``**tout**`` is MyST's strong (reST would agree here, so
    the check is that the MyST parse ran: a MyST-only construct, a Markdown link)."""
    pytest.importorskip("myst_parser")
    FRENCH["We shifted **it all**."] = "Voir [le site](https://example.org/fr)."
    try:
        _, _, _, french = run(tmp_path, myst=True)
    finally:
        FRENCH["We shifted **it all**."] = "Nous avons **tout** changé."
    assert warnings(french) == []
    link = body(french, "index.html").select_one('.cs-headline a[href="https://example.org/fr"]')
    assert link is not None and link.get_text() == "le site"


def test_logos_stay_out_of_catalogs_that_take_images(tmp_path: Path) -> None:
    """``gettext_additional_targets = ["image"]`` makes images messages: not our logos."""
    src = project(tmp_path, myst=False)
    app = build(src, "gettext", confoverrides={"gettext_additional_targets": ["image"]})
    assert warnings(app) == []
    pot = (Path(app.outdir) / "index.pot").read_text(encoding="utf-8")
    assert "logo" not in pot.lower() and "image::" not in pot
