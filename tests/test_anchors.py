"""The bare entry id belongs to the entry's canonical rendering (SPEC "Layouts").

test-anchors has each case once as reST (ids ``*-rst``) and once as MyST
(``*-md``): a page showing an entry in summary, card, full, then summary
again; pages whose title slugs to the entry id, in ``summary`` and ``full``;
a page where the author labelled something with the entry id; and a page
linking to all of them with the role and ``logo-grid :link: story``.
"""

from __future__ import annotations

import pytest
from util import body, warnings


@pytest.fixture(scope="module")
def anchors(build_root):
    return build_root("anchors")


def _ids(app, page, selector):
    return [n["id"] for n in body(app, f"{page}.html").select(selector)]


def test_builds_without_warnings(anchors):
    assert warnings(anchors) == []


def test_canonical_full_keeps_the_bare_id_whatever_comes_first(anchors, s):
    entry = f"order-{s}"
    page = f"order-{s}"
    assert _ids(anchors, page, "section.cs-layout-full") == [entry]
    others = _ids(anchors, page, "section.cs-layout-summary") + _ids(anchors, page, ".cs-card")
    assert len(others) == 3 and len(set(others)) == 3
    assert all(i.startswith(f"{entry}-") for i in others)
    # the full story's sub-sections are found under the full rendering
    subs = body(anchors, f"{page}.html").select(f"section#{entry} section.cs-story-section")
    assert len(subs) == 1


@pytest.mark.parametrize("layout", ["summary", "full"])
def test_entry_heading_wins_over_a_page_title_with_the_same_slug(anchors, s, layout):
    entry = page = f"{layout}-title-{s}"
    assert _ids(anchors, page, f"section.cs-layout-{layout}") == [entry]
    title = body(anchors, f"{page}.html").select_one("section")  # the page's own section
    assert title.h1 is not None
    assert title["id"] == f"{entry}-2"
    # the page's toc (and the theme's sidebar) follow
    toc = anchors.env.tocs[page]
    anchornames = [r["anchorname"] for r in toc.findall(lambda n: "anchorname" in n)]
    assert f"#{entry}" in anchornames


def test_an_id_the_author_set_stays_the_authors(anchors, s):
    entry = page = f"labelled-{s}"
    labelled = body(anchors, f"{page}.html").select_one(f"#{entry}")
    assert labelled.name != "section"  # the author's target, not our entry
    assert _ids(anchors, page, "section.cs-layout-full") == [f"{entry}-2"]


def test_role_and_story_links_follow_the_canonical_rendering(anchors, s):
    page = body(anchors, f"links-{s}.html")
    expected = [f"order-{s}.html#order-{s}", "https://example.com/summary-title",
                f"full-title-{s}.html#full-title-{s}", f"labelled-{s}.html#labelled-{s}-2"]
    assert [a["href"] for a in page.select("p a")][:4] == expected
    assert [a["href"] for a in page.select(".cs-logo-grid a")] == expected
