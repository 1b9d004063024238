"""Every word of ours follows the build's ``language``: marked in code, translated in the
catalogs we ship (compiled ``.mo`` up to date), and no English of ours in a German build."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from util import html, warnings

import sphinxext_casestudies
from sphinxext_casestudies.translations import CATALOG

PACKAGE = Path(sphinxext_casestudies.__file__).parent
LANGUAGES = ["de", "es", "fr", "ja", "pt_BR", "zh_CN"]
PLACEHOLDERS = re.compile(r"%s|\{shown\}|\{total\}")


def po_path(language: str) -> Path:
    return PACKAGE / "locale" / language / "LC_MESSAGES" / f"{CATALOG}.po"


def marked_words() -> set[str]:
    """Every ``_("...")`` in the package, found the way ``pybabel extract`` finds them."""
    found = extract_from_dir(str(PACKAGE), method_map=[("**.py", "python")],
                             keywords={"_": None})
    return {message for _, _, message, _, _ in found}


def test_words_are_marked() -> None:
    """The list the catalogs must cover (a guard against extraction finding nothing)."""
    assert {"Read more", "about %s", "%s logo", "Filter the entries below", "Match all tags",
            "Showing {shown} of {total}"} <= marked_words()


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalog_translates_every_marked_word(language: str) -> None:
    with po_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=CATALOG)
    messages = {m.id: m.string for m in catalog if m.id}
    assert set(messages) == marked_words()
    for english, translated in messages.items():
        assert translated and translated != english, english
        assert sorted(PLACEHOLDERS.findall(translated)) == sorted(PLACEHOLDERS.findall(english))
    assert not [m.id for m in catalog if m.id and m.fuzzy]


def messages_of(mo: bytes) -> dict[object, object]:
    """A compiled catalog's messages (its header aside, which names babel's version)."""
    return {m.id: m.string for m in read_mo(io.BytesIO(mo)) if m.id}


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalog_is_up_to_date(language: str) -> None:
    """The shipped ``.mo`` holds what babel compiles from the ``.po`` beside it."""
    with po_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=CATALOG)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    shipped = po_path(language).with_suffix(".mo").read_bytes()
    assert messages_of(shipped) == messages_of(compiled.getvalue()), (
        f"run: pybabel compile -D {CATALOG} -d sphinxext_casestudies/locale -l {language}")
    assert len(messages_of(shipped)) == len(marked_words())


def test_the_script_holds_no_words() -> None:
    """The filter script's words come from the page (translated), never from the script."""
    script = (PACKAGE / "static" / "casestudies.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines()
                     if not line.lstrip().startswith(("//", "/*", "*")))
    for word in ("Showing", " of ", "Match", "Filter"):
        assert word not in code


NAMES = "(?:Acme Pay|Bright Bank|Civic Tech Talk)"
SKIPPED_ATTRIBUTES = {"class", "href", "src", "id", "data-cs-group", "data-cs-value",
                      "data-cs-facet", "data-cs-industry", "data-cs-tags"}


def english_of_ours() -> list[re.Pattern[str]]:
    patterns = []
    for message in marked_words():
        pattern = re.escape(message).replace("%s", NAMES)
        pattern = pattern.replace(r"\{shown\}", r"\S+").replace(r"\{total\}", r"\S+")
        patterns.append(re.compile(pattern))
    return patterns


def page_words(app, page: str) -> list[str]:
    """The page body's text and every attribute that reaches people (alt, aria-label, data-)."""
    soup = html(app, page)
    main = soup.select_one("div.body")
    words = [main.get_text(" ")]
    for tag in main.find_all(True):
        words.extend(str(v) for k, v in tag.attrs.items() if k not in SKIPPED_ATTRIBUTES)
    return words


@pytest.fixture(scope="module")
def german(build_root):
    return build_root("basic", confoverrides={"language": "de"})


@pytest.mark.parametrize("page", ["cards.html", "filter.html", "summary.html",
                                  "grid.html", "stories/acme.html"])
def test_a_german_build_has_no_english_words_of_ours(german, page):
    assert warnings(german) == []
    words = "\n".join(page_words(german, page))
    for pattern in english_of_ours():
        assert not pattern.search(words), (pattern.pattern, words)


def test_german_words_reach_the_page(german):
    soup = html(german, "filter.html")
    bar = soup.select_one(".cs-filter-chips")
    assert bar["aria-label"] == "Die folgenden Einträge filtern"
    assert bar["data-cs-showing"] == "{shown} von {total} angezeigt"
    assert bar.select_one("[data-cs-mode]").get_text() == "Alle Schlagwörter müssen passen"
    assert "Logo von Acme Pay" in {img["alt"] for img in soup.select("img")}
    links = {a.get_text() for a in html(german, "cards.html").select(".cs-link a")}
    assert "Weiterlesen über Acme Pay" in links


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_is_used_by_a_build(build_root, language):
    with po_path(language).open("rb") as po:
        catalog = read_po(po, locale=language, domain=CATALOG)
    app = build_root("basic", confoverrides={"language": language})
    links = {str(span.contents[0]) for span in html(app, "cards.html").select(".cs-link a span")}
    assert catalog["Read more"].string in links
    assert catalog["Watch the talk"].string in links
