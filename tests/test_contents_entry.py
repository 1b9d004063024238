"""``:no-contents-entry:`` keeps entry headings out of the toc and sidebar, but keeps them
headings (rubrics with the section's heading level) with their ids; and a ``summary``
logo, the entry's only link there, says where it goes.

test-contents has the same page in reST (ids ``*-rst``) and MyST (``*-md``).
"""

from __future__ import annotations

import pytest
from util import body, warnings


@pytest.fixture(scope="module")
def contents(build_root):
    return build_root("contents")


def _toc(app, page):
    toc = app.env.tocs[page]
    return [ref["anchorname"] for ref in toc.findall(lambda n: "anchorname" in n)]


def test_builds_without_warnings(contents):
    assert warnings(contents) == []


def test_unlisted_entries_stay_out_of_the_toc(contents, s):
    assert _toc(contents, f"list-{s}") == ["", f"#listed-{s}"]


def test_unlisted_entries_keep_heading_level_and_id(contents, s):
    page = body(contents, f"list-{s}.html")
    listed = page.select_one(f"section#listed-{s}")
    assert listed.h2 is not None
    summary = page.select_one(f"div#unlisted-{s}")
    assert {"cs-layout-summary", "cs-no-section"} <= set(summary["class"])
    heading = summary.select_one("h2.rubric")
    assert heading.text.strip() == f"Unlisted {s} (finance)"
    story = page.select_one(f"div#story-{s}")
    assert story.select_one("h2.rubric").text.strip() == f"Story {s}"
    subs = story.select("div.cs-story-section")
    assert [sub["id"] for sub in subs] == [f"story-{s}-before", f"story-{s}-after"]
    assert [sub.select_one("h3.rubric").text.strip() for sub in subs] == ["Before", "After"]


def test_unlisted_entries_keep_filtering_and_role_links(contents, s):
    page = body(contents, f"list-{s}.html")
    summary = page.select_one(f"div#unlisted-{s}")
    assert summary["data-cs-group"] == "cs-filter"
    assert summary["data-cs-industry"] == "finance"
    assert page.select_one(f"p a[href$='#story-{s}']") is not None


def test_summary_logo_link_names_its_destination(contents, s):
    links = body(contents, f"list-{s}.html").select(f"#unlisted-{s} p.cs-logo a")
    assert len(links) == 2  # light and dark, each its own link
    for link in links:
        assert link["href"] == "https://example.com/unlisted"
        assert link.img["alt"] == f"Unlisted {s} logo"
        hidden = link.select_one(".cs-visually-hidden")
        assert hidden.text == f": Read the article about Unlisted {s}"


def test_unlisted_rubrics_in_latex(build_root):
    app = build_root("contents", "latex")
    assert not [w for w in warnings(app) if "casestudies" in w or "rubric" in w]
    tex = "".join(p.read_text(encoding="utf-8") for p in app.outdir.glob("*.tex"))
    assert "Story rst" in tex and "Before" in tex
