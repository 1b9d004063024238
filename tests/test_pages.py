"""Story pages generated from the data (SPEC "Story pages"), with real builds."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from sphinx.testing.util import SphinxTestApp
from util import ROOTS, body, build, html, matching, warnings

STORIES = ["customers/acme", "customers/beta", "customers/gamma"]


class Project:
    """``tests/roots/test-pages`` copied once and built again and again."""

    def __init__(self, src: Path) -> None:
        self.src = src

    def build(self, buildername: str = "html", **kwargs: Any) -> tuple[SphinxTestApp, list[str]]:
        read: list[str] = []
        app = build(self.src, buildername, listeners={
            "env-before-read-docs": lambda _a, _e, docnames: read.extend(docnames)}, **kwargs)
        return app, sorted(read)

    def edit(self, relpath: str, old: str, new: str) -> None:
        path = self.src / relpath
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, relpath)
        time.sleep(0.01)  # mtimes have a coarse resolution on some file systems
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def generated(self) -> dict[str, float]:
        root = self.src / "_build" / "doctrees" / "casestudies-pages"
        return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*")
                if p.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Project:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-pages", src)
    return Project(src)


def _source_files(src: Path) -> dict[str, int]:
    return {str(p.relative_to(src)): p.stat().st_mtime_ns for p in src.rglob("*")
            if "_build" not in p.relative_to(src).parts}


# -- real documents ------------------------------------------------------------------

def test_every_story_gets_a_document_and_nothing_else(project):
    app, read = project.build()
    assert warnings(app) == []
    assert sorted(app.env.found_docs) == [*STORIES, "customers/index", "elsewhere", "index"]
    assert read == sorted(app.env.found_docs)
    # title = entry title (else name); delta has page: false, talk-one is a talk
    assert app.env.titles["customers/acme"].astext() == "How Acme ships faster"
    assert app.env.titles["customers/gamma"].astext() == "Gamma Inc"
    assert app.env.titles["customers/index"].astext() == "Case studies"
    assert app.env.toctree_includes["customers/index"] == STORIES
    assert "customers/acme" in app.env.toctree_includes["index"] or \
        "customers/index" in app.env.toctree_includes["index"]
    page = body(app, "customers/acme.html")
    assert page.select_one("section.cs-layout-full#acme h1").get_text().startswith("How Acme")
    assert [h.get_text().rstrip("¶") for h in page.select("h2")] == ["Before", "After"]
    assert page.select_one("p.cs-link a")["href"] == "https://example.com/acme"


def test_story_pages_are_in_the_search_index(project):
    app, _ = project.build()
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1:text.rindex(")")])
    for docname in [*STORIES, "customers/index"]:
        assert docname in index["docnames"]
    acme = index["docnames"].index("customers/acme")
    assert "How Acme ships faster" in index["titles"][acme]
    assert acme in _as_list(index["terms"]["anvil"])


def _as_list(value: int | list[int]) -> list[int]:
    return value if isinstance(value, list) else [value]


def test_role_summary_logo_and_doc_links_go_to_the_story_page(project):
    app, _ = project.build()
    links = {a.get_text(): a["href"] for a in body(app, "index.html").select("a")
             if a.select_one(".cs-role")}
    assert links == {"Acme Corp": "customers/acme.html", "Beta Ltd": "customers/beta.html"}
    # a full rendering elsewhere counts as :no-index: (no "two canonical" warning above)
    assert app.env.get_domain("casestudies").canonical_place("acme")[0] == "customers/acme"
    summary = body(app, "elsewhere.html").select("section.cs-layout-summary")
    assert [s.select_one(".cs-logo a, .cs-link a")["href"] for s in summary] == [
        "customers/acme.html", "customers/beta.html"]


def test_without_pages_nothing_is_generated(project):
    app, _ = project.build(confoverrides={"casestudies_pages": ""})
    assert sorted(app.env.found_docs) == ["customers/beta", "elsewhere", "index"]
    assert project.generated() == {}
    # the summary logo goes to the entry's link (none for acme's full rendering elsewhere)
    links = {a.get_text(): a["href"] for a in body(app, "index.html").select("a")
             if a.select_one(".cs-role")}
    assert links["Acme Corp"] == "elsewhere.html#acme"


def test_page_kinds_and_page_false(project):
    app, _ = project.build(confoverrides={"casestudies_page_kinds": ["talk"]})
    assert sorted(d for d in app.env.found_docs if d.startswith("customers/")) == [
        "customers/beta", "customers/index", "customers/talk-one"]
    project.edit("data/stories.yaml", "page: false", "page: true")
    app, _ = project.build()
    assert "customers/delta" in app.env.found_docs


def test_page_must_be_a_boolean(project):
    project.edit("data/stories.yaml", "page: false", "page: 'no'")
    app, _ = project.build()
    assert matching(app, "schema") == [
        "data/stories.yaml:26: WARNING: page: expected true or false, got text "
        "[casestudies.schema]"]
    assert "customers/delta" not in app.env.found_docs  # the bad entry is skipped


@pytest.mark.parametrize(("builder", "output"), [
    ("html", "customers/gamma.html"),
    ("dirhtml", "customers/gamma/index.html"),
    ("singlehtml", "index.html"),
    ("epub", "customers/gamma.xhtml"),
    ("latex", "pages.tex"),
    ("text", "customers/gamma.txt"),
    ("man", "pages.1"),
    ("texinfo", "pages.texi"),
    ("xml", "customers/gamma.xml"),
])
def test_every_builder_writes_the_stories(project, builder, output):
    app, _ = project.build(builder)
    assert warnings(app) == []
    text = (Path(app.outdir) / output).read_text(encoding="utf-8")
    assert "Gamma was here." in text


def test_latex_holds_the_stories_in_order(project):
    app, _ = project.build("latex")
    tex = (Path(app.outdir) / "pages.tex").read_text(encoding="utf-8")
    at = [tex.index(s) for s in ("Case studies", "How Acme ships faster", "It is fast.",
                                 "Beta, by hand", "Gamma was here.")]
    assert at == sorted(at)


def test_gettext_collects_the_generated_title(project):
    app, _ = project.build("gettext")
    pot = (Path(app.outdir) / "customers.pot").read_text(encoding="utf-8")
    assert 'msgid "Case studies"' in pot
    assert 'msgid "How Acme ships faster"' in pot


# -- the source folder stays the user's ---------------------------------------------

def test_source_folder_untouched_and_stubs_rewritten_only_on_change(project):
    before = _source_files(project.src)
    project.build()
    assert _source_files(project.src) == before
    first = project.generated()
    assert sorted(first) == ["customers/acme.rst", "customers/gamma.rst", "customers/index.rst"]
    time.sleep(0.01)
    project.build()
    assert project.generated() == first  # same mtimes: watchers see nothing
    project.edit("data/stories.yaml", "Gamma was here.", "Gamma was here, twice.")
    project.build()
    assert project.generated() == first  # a stub does not hold the entry's text
    project.edit("data/stories.yaml", "- id: gamma", "- id: gamma2")
    project.build()
    now = project.generated()
    assert sorted(now) == ["customers/acme.rst", "customers/gamma2.rst", "customers/index.rst"]
    assert now["customers/acme.rst"] == first["customers/acme.rst"]
    assert now["customers/index.rst"] != first["customers/index.rst"]


# -- hand-written wins -----------------------------------------------------------------

def test_hand_written_page_wins_and_is_listed(project):
    app, _ = project.build()
    assert warnings(app) == []
    page = body(app, "customers/beta.html")
    assert page.h1.get_text().startswith("Beta, by hand")
    assert "Written by hand." in page.get_text()
    index = html(app, "customers/index.html")
    assert "customers/beta" in app.env.toctree_includes["customers/index"]
    assert index.select_one('a[href="beta.html"]') is not None


def test_hand_written_index_wins(project):
    (project.src / "customers" / "index.rst").write_text(
        "Our customers\n=============\n\n.. toctree::\n   :glob:\n\n   *\n", encoding="utf-8")
    app, _ = project.build()
    assert warnings(app) == []
    assert app.env.titles["customers/index"].astext() == "Our customers"
    assert "customers/index.rst" not in project.generated()


def test_switching_between_generated_and_hand_written_rereads(project):
    project.build()
    (project.src / "customers" / "gamma.rst").write_text(
        "Gamma by hand\n=============\n", encoding="utf-8")
    app, read = project.build()
    assert "customers/gamma" in read
    assert app.env.titles["customers/gamma"].astext() == "Gamma by hand"
    (project.src / "customers" / "gamma.rst").unlink()
    app, read = project.build()
    assert "customers/gamma" in read
    assert app.env.titles["customers/gamma"].astext() == "Gamma Inc"


# -- incremental and parallel ------------------------------------------------------------

def test_editing_one_entry_rereads_its_page_and_the_pages_that_show_it(project):
    project.build()
    assert project.build()[1] == []
    project.edit("data/stories.yaml", "It is fast.", "It is very fast.")
    app, read = project.build()
    assert read == ["customers/acme", "customers/index", "elsewhere", "index"]
    assert "It is very fast." in body(app, "customers/acme.html").get_text()
    project.edit("data/stories.yaml", "Gamma was here.", "Gamma is here.")
    assert project.build()[1] == ["customers/gamma", "customers/index"]


def test_removing_an_entry_removes_its_page(project):
    project.build()
    (project.src / "elsewhere.rst").write_text(
        "Elsewhere\n=========\n\n:case-study:`gamma` and :doc:`customers/gamma`\n",
        encoding="utf-8")
    app, _ = project.build()
    assert warnings(app) == []
    project.edit("data/stories.yaml", "- id: gamma", "- id: gone")
    app, read = project.build()
    assert "customers/gamma" not in app.env.all_docs
    assert "customers/gamma" not in app.env.toctree_includes["customers/index"]
    text = (Path(app.outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert '"customers/gamma"' not in text
    assert "elsewhere" in read
    assert any("unknown case study id 'gamma'" in w for w in matching(app, "ref"))
    assert any("unknown document: 'customers/gamma'" in w for w in warnings(app))


def _files(outdir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(outdir)): p.read_bytes() for p in sorted(outdir.rglob("*"))
            if p.is_file() and p.name != ".buildinfo"}


def test_parallel_output_is_byte_identical(tmp_path):
    outputs = []
    for jobs in (0, 2):
        src = tmp_path / f"j{jobs}" / "src"
        shutil.copytree(ROOTS / "test-pages", src)
        app = build(src, parallel=jobs)
        assert warnings(app) == []
        outputs.append(_files(Path(app.outdir)))
    assert outputs[0].keys() == outputs[1].keys()
    assert outputs[0] == outputs[1]


# -- page metadata ---------------------------------------------------------------------

def _head(app: SphinxTestApp, page: str) -> tuple[str | None, dict[str, Any]]:
    soup = html(app, page)
    meta = soup.find("meta", attrs={"name": "description"})
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return (meta["content"] if meta else None), json.loads(scripts[0].string)


def test_description_and_json_ld_cannot_break_out(project):
    app, _ = project.build()
    description, data = _head(app, "customers/acme.html")
    hostile = 'Deploys went from weekly to daily "with" </script><b>x</b>'
    assert description == hostile
    assert data == {
        "@context": "https://schema.org", "@type": "Article", "genre": "case study",
        "headline": "How Acme ships faster", "description": hostile,
        "about": {"@type": "Organization", "name": "Acme Corp",
                  "logo": "https://example.org/docs/_images/acme.svg"},
        "image": "https://example.org/docs/_images/acme.svg",
        "datePublished": "2024-05-01", "keywords": ["ci", "speed"],
        "isBasedOn": "https://example.com/acme",
    }
    raw = (Path(app.outdir) / "customers/acme.html").read_text(encoding="utf-8")
    assert raw.count("</script><b>") == 0


def test_description_falls_back_to_the_summary_first_sentence(project):
    app, _ = project.build()
    assert _head(app, "customers/gamma.html")[0] == "Gamma was here."
    assert _head(app, "customers/beta.html")[0] == "Beta builds bridges."  # hand-written
    for page in ("index.html", "elsewhere.html", "customers/index.html"):
        soup = html(app, page)
        assert soup.find("script", type="application/ld+json") is None
        assert soup.find("meta", attrs={"name": "description"}) is None


def test_opengraph_takes_our_description_and_logo(project):
    app, _ = project.build(confoverrides={
        "extensions": ["sphinxext_casestudies", "sphinxext.opengraph"],
        "ogp_site_url": "https://example.org/docs/"})
    assert warnings(app) == []
    soup = html(app, "customers/acme.html")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:description"] == 'Deploys went from weekly to daily "with" </script><b>x</b>'
    assert og["og:image"] == "https://example.org/docs/_images/acme.svg"
    assert len(soup.find_all("meta", attrs={"name": "description"})) == 1


def test_without_rst_suffix_no_pages_and_a_config_warning(project):
    (project.src / "index.txt").write_text("Pages\n=====\n", encoding="utf-8")
    for name in ("index.rst", "elsewhere.rst", "customers/beta.rst"):
        (project.src / name).unlink()
    app, _ = project.build(confoverrides={"source_suffix": {".txt": "restructuredtext"}})
    assert [w for w in matching(app, "config")] == [
        "conf.py:1: WARNING: casestudies_pages needs '.rst' in source_suffix (the generated "
        "pages are reStructuredText); no story pages are generated [casestudies.config]"]
    assert sorted(app.env.found_docs) == ["index"]


def test_an_entry_named_index_gets_no_page_and_a_warning(project):
    with (project.src / "data" / "stories.yaml").open("a", encoding="utf-8") as data:
        data.write("- id: index\n  name: Index Ltd\n")
    app, _ = project.build()
    assert matching(app, "ref") == [
        "data/stories.yaml:32: WARNING: entry 'index' gets no story page: that name is the "
        "story pages' index (set page: false, or choose another id) [casestudies.ref]"]
    assert app.env.titles["customers/index"].astext() == "Case studies"


def test_a_changed_logo_rereads_the_pages_that_show_it(project):
    project.build()
    logo = project.src / "logos" / "acme.svg"
    later = time.time_ns() + 5_000_000_000
    os.utime(logo, ns=(later, later))
    assert project.build()[1] == ["customers/acme", "customers/index", "elsewhere"]


@pytest.mark.parametrize("value", ["../outside", "/abs/../x", 3, "a b"])
def test_a_bad_folder_is_a_config_warning_and_no_pages(project, value):
    app, _ = project.build(confoverrides={"casestudies_pages": value})
    assert [w.split(" must be ")[0] for w in matching(app, "config")] == [
        "conf.py:4: WARNING: casestudies_pages"]
    assert sorted(app.env.found_docs) == ["customers/beta", "elsewhere", "index"]
    assert project.generated() == {}
