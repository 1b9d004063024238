"""Authoring real stories: ``:parts:``, untitled sections, per-entry markup (test-authoring).

Every page exists as reST and as MyST with the same directives; both must
give the same output.
"""

from __future__ import annotations

from unittest.mock import patch

import pytest

pytest.importorskip("myst_parser")

from util import body, matching, warnings

from sphinxext_casestudies.markup import parser as markup


@pytest.fixture(scope="module")
def authoring(build_root):
    calls: list[tuple[str, bool]] = []
    real = markup.plain_blocks

    def spy(text: str, spans: bool = True) -> list[str] | None:
        found = real(text, spans)
        calls.append((text, found is not None))
        return found

    with patch("sphinxext_casestudies.markup.parser.plain_blocks", spy):
        app = build_root("authoring")
    app.plain_calls = calls
    return app


def _tags(element) -> list[str]:
    """Each child element as its tag, or its first class for paragraphs, divs and quotes."""
    found = []
    for child in element.find_all(recursive=False):
        if child.name in ("section",) or not child.get("class"):
            found.append(child.name if child.name != "p" else f"p:{child.text.strip()}")
        else:
            found.append(child["class"][0])
    return found


def test_untitled_sections_lead_and_continue(authoring):
    story = body(authoring, "full.html").select_one("section#story")
    assert _tags(story) == ["h2", "cs-logo", "cs-headline", "cs-metrics", "cs-summary",
                            "cs-quote", "cs-link", "p:An untitled opening.",
                            "p:A second untitled opening.", "section", "section"]
    before, after = story.select("section.cs-story-section")
    assert before["id"] == "story-before"
    # an untitled section after a titled one continues that section's body
    assert _tags(before) == ["h3", "p:Pain.", "p:More pain, still before."]
    assert _tags(after) == ["h3", "p:Calm."]


def test_untitled_sections_stay_out_of_the_toc(authoring):
    toc = authoring.env.tocs["full"]
    anchors = [ref["anchorname"] for ref in toc.findall(lambda n: "anchorname" in n)]
    assert anchors == ["", "#story", "#story-before", "#story-after"]


@pytest.mark.parametrize("page", ["parts-rst.html", "parts-md.html"])
def test_parts_in_the_order_given(authoring, page):
    html = body(authoring, page)
    some = html.select_one("section#some .cs-case-study")
    # no title: no heading and no section, but the entry's id all the same
    assert some.name == "div" and some["id"] == "story"
    assert _tags(some) == ["cs-headline", "cs-quote"]
    selection = html.select_one("section#selection section.cs-case-study")
    # the title is the heading, so it opens the rendering wherever it is listed
    assert _tags(selection) == ["h3", "cs-metrics"]


@pytest.mark.parametrize("page", ["parts-rst.html", "parts-md.html"])
def test_titled_sections_stay_last_when_sections_is_not(authoring, page):
    story = body(authoring, page).select_one("section#sections-not-last section.cs-case-study")
    assert _tags(story) == ["h3", "p:An untitled opening.", "p:A second untitled opening.",
                            "cs-quote", "cs-link", "section", "section"]


@pytest.mark.parametrize("page", ["parts-rst.html", "parts-md.html"])
def test_without_title_story_sections_become_rubrics(authoring, page):
    box = body(authoring, page).select_one("section#no-title .cs-case-study")
    assert _tags(box) == ["cs-logo", "p:An untitled opening.", "p:A second untitled opening.",
                          "cs-story-section", "cs-story-section"]
    assert [r.text for r in box.select(".cs-story-section > p.rubric")] == ["Before", "After"]


def test_rst_and_myst_pages_agree(authoring):
    def shape(page: str) -> list[str]:
        html = body(authoring, page)
        return [str(s) for s in html.select(".cs-case-study")]

    assert shape("parts-rst.html") == shape("parts-md.html")
    assert shape("markup-rst.html") == shape("markup-md.html")


def test_part_mistakes_are_directive_warnings_at_the_directive(authoring):
    found = matching(authoring, "directive")
    for page, lines in (("parts-rst.rst", (37, 37, 41)), ("parts-md.md", (35, 35, 40))):
        mine = [w for w in found if w.startswith(page)]
        assert [int(w.split(":")[1]) for w in mine] == list(lines), mine
        assert "'metric' is not one of title, logo" in mine[0]
        assert "did you mean 'metrics'?" in mine[0]
        assert "names 'headline' twice" in mine[1]
        assert "applies to the full layout only" in mine[2]
    assert len(found) == 6
    assert [w for w in warnings(authoring) if w not in found] == []


@pytest.mark.parametrize("page", ["parts-rst.html", "parts-md.html"])
def test_part_mistakes_still_render(authoring, page):
    html = body(authoring, page)
    mistaken, summary = html.select("section#mistakes .cs-case-study")
    assert _tags(mistaken) == ["cs-headline"]
    assert "cs-layout-summary" in summary["class"]


@pytest.mark.parametrize("page", ["markup-rst.html", "markup-md.html"])
def test_entry_markup_overrides_its_files(authoring, page):
    html = body(authoring, page)
    # a MyST entry in a reST file, and a reST entry in a MyST file
    assert html.select_one("#myst-in-rst .cs-summary a")["href"] == "https://example.com/site"
    assert html.select_one("#rst-in-myst .cs-headline a")["href"] == "https://example.com/rst"


def test_plain_text_of_a_rst_entry_in_a_myst_file_takes_the_fast_path(authoring):
    assert ("Plain prose, no markup at all.", True) in authoring.plain_calls
    # MyST text never reaches the reST fast path
    assert not [text for text, _ in authoring.plain_calls if "[the site]" in text]
