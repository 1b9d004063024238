"""Link texts: the entry's own, else ``casestudies_link_text`` (one text or per kind), else
our default per kind, translated into the build's language (test-authoring, links-*)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("myst_parser")

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from sphinx import locale
from util import body, matching

from sphinxext_casestudies.data.model import KINDS
from sphinxext_casestudies.render.common import LINK_TEXTS
from sphinxext_casestudies.translations import CATALOG

PAGES = ["links-rst.html", "links-md.html"]


def texts(app, page: str) -> list[str]:
    """The visible text of each card's link (without the hidden "about NAME")."""
    return [str(a.span.contents[0]) for a in body(app, page).select(".cs-link a")]


def test_every_kind_has_a_default() -> None:
    assert set(LINK_TEXTS) == set(KINDS)


@pytest.mark.parametrize("page", PAGES)
def test_defaults_per_kind(build_root, page):
    app = build_root("authoring")
    assert texts(app, page) == ["Read more", "Read the article", "Watch the talk",
                                "Watch the video", "Our own words"]


@pytest.mark.parametrize("page", PAGES)
def test_a_mapping_sets_some_kinds(build_root, page):
    app = build_root("authoring", confoverrides={
        "casestudies_link_text": {"talk": "Hear it", "case-study": "The story"}})
    assert matching(app, "config") == []
    assert texts(app, page) == ["The story", "Read the article", "Hear it",
                                "Watch the video", "Our own words"]


def test_one_text_for_every_kind(build_root):
    app = build_root("authoring", confoverrides={"casestudies_link_text": "Continue"})
    assert texts(app, "links-rst.html") == ["Continue"] * 4 + ["Our own words"]


@pytest.mark.parametrize("value", [{"podcast": "Listen"}, {"talk": ""}, {"talk": 3}, 7])
def test_a_bad_value_warns_and_keeps_the_defaults(build_root, value):
    app = build_root("authoring", confoverrides={"casestudies_link_text": value})
    found = matching(app, "config")
    assert len(found) == 1 and "casestudies_link_text must be" in found[0], found
    assert texts(app, "links-rst.html")[:3] == ["Read more", "Read the article",
                                                "Watch the talk"]


GERMAN = {"Read more": "Weiterlesen", "Read the article": "Zum Artikel",
          "Watch the talk": "Zum Vortrag", "Watch the video": "Zum Video"}


@pytest.fixture
def german_catalog(tmp_path: Path):
    """Our catalog in German, registered the way Sphinx registers an extension's catalog."""
    catalog = Catalog(locale="de", domain=CATALOG)
    for english, german in GERMAN.items():
        catalog.add(english, german)
    folder = tmp_path / "locale" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    with open(folder / f"{CATALOG}.mo", "wb") as mo:
        write_mo(mo, catalog)
    locale.init([str(tmp_path / "locale")], "de", CATALOG)
    yield
    locale.translators.pop(("general", CATALOG), None)


@pytest.mark.parametrize("page", PAGES)
def test_defaults_are_translated(build_root, german_catalog, page):
    app = build_root("authoring", confoverrides={"language": "de"})
    assert texts(app, page) == [*GERMAN.values(), "Our own words"]
