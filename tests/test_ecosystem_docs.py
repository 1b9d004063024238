"""The examples of docs/ecosystem.md, built: intersphinx from a second project, the
translation settings, the SVG converter and sphinxext-opengraph."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from util import body, build, html, warnings

SNIPPETS = Path(__file__).parent.parent / "docs" / "snippets" / "ecosystem"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
DATA = """\
- id: northwind-ledger
  name: Northwind Ledger
  logo: logo.svg
  headline: Northwind closes its books in a day.
  link: https://example.com/northwind
"""


def snippet(name: str) -> str:
    return (SNIPPETS / name).read_text(encoding="utf-8")


def project(folder: Path, conf: str, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    (folder / "_data").mkdir()
    (folder / "_data" / "customers.yaml").write_text(DATA, encoding="utf-8")
    (folder / "_data" / "logo.svg").write_text(SVG, encoding="utf-8")
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


STORY = "Customers\n=========\n\n.. case-study:: northwind-ledger\n"
BASE = 'casestudies_data = ["_data/*.yaml"]\n'


@pytest.mark.parametrize("suffix", [".rst", pytest.param(".md", marks=pytest.mark.myst)])
def test_intersphinx_example(tmp_path: Path, suffix: str) -> None:
    published = build(project(tmp_path / "pact", 'extensions = ["sphinxext_casestudies"]\n'
                              + BASE, {"index.rst": STORY}))
    inventory = Path(published.outdir) / "objects.inv"
    conf = snippet("intersphinx-conf.py")
    assert '"pact": ("https://docs.pact.example/", None)' in conf
    if suffix == ".md":
        pytest.importorskip("myst_parser")
        conf = conf.replace('"sphinx.ext.intersphinx"]', '"sphinx.ext.intersphinx", "myst_parser"]')
    # the example's inventory (None: fetched from the address) read from the built file
    conf = conf.replace("None)", f"{str(inventory)!r})")
    page = ("# Links\n\n" if suffix == ".md" else "Links\n=====\n\n") + snippet(
        f"intersphinx-link{suffix}")
    app = build(project(tmp_path / "other", conf, {f"index{suffix}": page}))
    assert warnings(app) == []
    links = [(a.get_text(), a["href"]) for a in body(app, "index.html").select("p a")]
    story = "https://docs.pact.example/index.html#northwind-ledger"
    assert links == [("Northwind Ledger", story), ("how Northwind did it", story)]


def test_i18n_example(tmp_path: Path) -> None:
    app = build(project(tmp_path / "de", snippet("i18n-conf.py"),
                        {"index.rst": STORY + "\n.. case-studies::\n   :layout: card\n"}))
    assert warnings(app) == []
    page = html(app, "index.html")
    assert page.select_one(".cs-link a span").contents[0] == "Weiterlesen"
    assert page.select_one("img")["alt"] == "Logo von Northwind Ledger"


def test_svg_converter_example(tmp_path: Path) -> None:
    app = build(project(tmp_path / "pdf", snippet("svg-converter-conf.py") + BASE,
                        {"index.rst": STORY}), "latex")
    assert warnings(app) == []
    tex = "".join(p.read_text(encoding="utf-8") for p in Path(app.outdir).glob("*.tex"))
    assert re.search(r"\\sphinxincludegraphics(\[[^]]*\])?\{\{logo\}\.pdf\}", tex)
    assert (Path(app.outdir) / "logo.pdf").read_bytes().startswith(b"%PDF")


def test_opengraph_example(tmp_path: Path) -> None:
    app = build(project(tmp_path / "og", snippet("opengraph-conf.py") + BASE,
                        {"index.rst": STORY}))
    assert warnings(app) == []
    meta = html(app, "index.html").select_one('meta[property="og:description"]')
    assert "Northwind closes its books in a day." in meta["content"]
    assert "logo" not in meta["content"]


@pytest.mark.parametrize("suffix", [".rst", pytest.param(".md", marks=pytest.mark.myst)])
def test_domain_role_example_links_to_the_story(tmp_path: Path, suffix: str) -> None:
    """docs/snippets/entry-domain-role: all three references reach the same story."""
    pytest.importorskip("myst_parser")  # the docs' conf.py loads it
    from test_docs_snippets import _project

    class Folders:
        def mktemp(self, name: str) -> Path:
            (tmp_path / name).mkdir()
            return tmp_path / name

    app = build(_project(Folders(), suffix))
    assert warnings(app) == []
    links = [a["href"] for a in body(app, "snip/entry-domain-role.html").select("p a")]
    assert links == ["../stories/northwind-ledger.html"] * 3
