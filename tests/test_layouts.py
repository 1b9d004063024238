"""The four layouts, logo grid and role, rendered by a real HTML build (test-basic)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes
from util import body, html, warnings


@pytest.fixture(scope="module")
def basic(build_root):
    return build_root("basic")


def test_builds_without_warnings(basic):
    assert warnings(basic) == []


def test_summary_sections_are_real_sections_with_entry_ids(basic):
    page = body(basic, "summary.html")
    sections = page.select("section.cs-layout-summary")
    assert [s["id"] for s in sections] == ["acme-pay", "brightbank", "civic-talk"]
    # one level below the page's h1
    assert [s.find("h2").contents[0].strip() for s in sections] == [
        "Acme Pay", "Bright Bank", "Civic Tech Talk (Public sector)"]
    first = sections[0]
    assert first.select_one("blockquote.cs-headline em").text == "every"
    links = first.select("p.cs-logo a")
    assert [a["href"] for a in links] == ["stories/acme.html", "stories/acme.html"]
    assert [a.img["class"][-1] for a in links] == ["only-light", "only-dark"]
    assert all(a.img["alt"] == "Acme Pay logo" for a in links)
    assert sections[1].select_one("p.cs-logo a")["href"] == "https://example.com/brightbank"


def test_summary_headings_join_the_toc(basic):
    toc = basic.env.tocs["summary"]
    assert [ref["anchorname"] for ref in toc.findall(lambda n: "anchorname" in n)] == [
        "", "#acme-pay", "#brightbank", "#civic-talk"]


def test_full_layout_order_and_parts(basic):
    story = body(basic, "stories/acme.html").select_one("section#acme-pay")
    assert "cs-layout-full" in story["class"]
    parts = [c for c in story.children if getattr(c, "name", None)]
    kinds = [p.name if p.name in ("h2", "section") else p["class"][0] for p in parts]
    assert kinds == ["h2", "cs-logo", "cs-headline", "cs-metrics", "cs-summary",
                     "cs-quote", "cs-quote", "section", "section"]
    assert story.h2.contents[0].strip() == "How Acme Pay cut incidents by 80%"
    assert [m.text.strip() for m in story.select(".cs-metric-value")] == ["80%", "6"]
    assert story.select_one(".cs-quote .attribution").text == "—Jo Bloggs, CTO, Acme Pay"
    # the second quote has no author: no attribution at all
    assert story.select(".cs-quote")[1].select_one(".attribution") is None
    # link points at this very page: left out
    assert story.select_one(".cs-link") is None
    # logos in the full story are not links
    assert story.select_one(".cs-logo a") is None
    subs = story.select("section.cs-story-section")
    assert [s["id"] for s in subs] == ["acme-pay-before", "acme-pay-after"]
    assert [s.h3.contents[0].strip() for s in subs] == ["Before", "After"]


def test_cards_in_a_grid_with_one_link_each(basic):
    grid = body(basic, "cards.html").select_one(".cs-case-studies")
    assert {"cs-grid", "cs-columns-2", "cs-layout-card-group"} <= set(grid["class"])
    cards = grid.select(".cs-card")
    # :sort: -date
    assert [c["id"] for c in cards] == ["civic-talk", "acme-pay", "brightbank"]
    for card in cards:
        assert len(card.find_all("a")) == 1
    assert cards[1].a["href"] == "stories/acme.html"
    assert cards[1].a.text == "Read more about Acme Pay"


def test_logo_grid_links_to_the_story(basic):
    grid = body(basic, "grid.html").select_one(".cs-logo-grid")
    assert "cs-columns-3" in grid["class"]
    tiles = grid.select(".cs-logo-grid-item")
    assert len(tiles) == 3
    assert tiles[0].a["href"] == "stories/acme.html#acme-pay"
    # no canonical rendering: falls back to the entry's link
    assert tiles[1].a["href"] == "https://example.com/brightbank"
    assert [t.select_one(".cs-caption").text for t in tiles] == [
        "Acme Pay", "Bright Bank", "Civic Tech Talk"]


def test_role_links_to_canonical_place_else_link(basic):
    links = body(basic, "roles.html").select("p a")
    assert [(a.text, a["href"]) for a in links] == [
        ("Acme Pay", "stories/acme.html#acme-pay"),
        ("the bank", "https://example.com/brightbank"),
    ]


def test_logos_are_copied_and_css_added_once(basic):
    out = basic.outdir
    assert (out / "_images" / "acme.svg").is_file()
    assert (out / "_images" / "acme-dark.svg").is_file()
    assert (out / "_static" / "casestudies.css").is_file()
    links = html(basic, "summary.html").select('link[href*="casestudies.css"]')
    assert len(links) == 1


def test_filter_ui_chips_and_data_attributes(basic):
    page = body(basic, "filter.html")
    bars = page.select(".cs-filter-chips")
    assert [b["data-cs-group"] for b in bars] == ["cs-filter", "cs-filter-2"]
    assert all(b.has_attr("hidden") for b in bars)  # shown by the script only
    chips = bars[0].select("button[data-cs-facet=industry]")
    assert [(c["data-cs-value"], c.text) for c in chips] == [
        ("finance", "Finance"), ("public", "Public sector")]
    assert [c["data-cs-value"] for c in bars[0].select("button[data-cs-facet=tags]")] == [
        "payments", "api", "banking"]
    cards = page.select('.cs-card[data-cs-group="cs-filter"]')
    assert [(c["id"], c["data-cs-industry"], c["data-cs-tags"]) for c in cards] == [
        ("acme-pay", "finance", "payments api"), ("brightbank", "finance", "banking"),
        ("civic-talk", "public", "")]
    tiles = page.select('.cs-logo-grid-item[data-cs-group="cs-filter-2"]')
    assert len(tiles) == 3
    assert (out_js := basic.outdir / "_static" / "casestudies.js").is_file(), out_js


def test_new_tab_only_on_request(basic):
    external = body(basic, "filter.html").select(".cs-logo-grid a.external")
    assert external and all(a["target"] == "_blank" and a["rel"] == ["noopener"]
                            for a in external)
    assert all(not a.has_attr("target") for a in body(basic, "summary.html").select("a"))


def test_doctrees_do_not_carry_scratch_documents(basic):
    """Parsed data fields must not drag their scratch document (and env) into pickles."""
    doctree = basic.env.get_doctree("stories/acme")
    foreign = [n for n in doctree.findall() if n.document not in (None, doctree)]
    assert foreign == []


def test_logos_are_located_at_their_data_file_lines(basic):
    """Sphinx's image warnings and its i18n pass read a node's location: the line of its src."""
    doctree = basic.env.get_doctree("summary")
    located = [(Path(image.source).name, image.line) for image in doctree.findall(nodes.image)]
    assert located == [("stories.yaml", 8), ("stories.yaml", 8),
                       ("stories.yaml", 38), ("stories.yaml", 47)]
