"""Every directive and the role on MyST pages; data markup parsed by the data's own markup."""

from __future__ import annotations

import pytest

pytest.importorskip("myst_parser")

from util import body, warnings


@pytest.fixture(scope="module")
def myst(build_root):
    return build_root("myst")


def test_no_warnings(myst):
    assert warnings(myst) == []


def test_backtick_fence_selection_in_summary_layout(myst):
    section = body(myst, "index.html").select_one("section#backticks")
    entries = section.select("section.cs-layout-summary")
    assert [e["id"] for e in entries] == ["acme-pay", "md-co"]
    # one level below the "Backticks" h2
    assert entries[0].find("h3") is not None


def test_rst_data_reads_as_rst_on_a_myst_page(myst):
    acme = body(myst, "index.html").select_one("section#acme-pay")
    assert acme.select_one(".cs-headline em").text == "every"


def test_myst_data_reads_as_myst_on_both_kinds_of_page(myst):
    for page in ("page.html", "rst-page.html"):
        entry = body(myst, page).select_one("#md-co")
        assert entry.select_one(".cs-headline strong").text == "MyST"
        assert entry.select_one(".cs-headline code").text == "code"
        assert entry.select_one(".cs-summary a")["href"] == "https://example.com"
        assert len(entry.select(".cs-summary li")) == 2


def test_colon_fence(myst):
    cards = body(myst, "index.html").select("section#colons .cs-card")
    assert [c["id"] for c in cards] == ["civic-talk"]


def test_inline_yaml_body_is_not_taken_for_options(myst):
    card = body(myst, "index.html").select_one("#inline-co")
    assert "cs-card" in card["class"]
    assert card.select_one(".cs-headline em").text == "right here"
    assert card.select_one(".cs-link a")["href"] == "https://example.net/inline"


def test_role_in_myst(myst):
    links = body(myst, "index.html").select("a:has(span.cs-role)")
    assert [(a.text, a["href"]) for a in links] == [
        ("Acme Pay", "https://example.com/acme"),
        ("Markdown", "page.html#md-co"),
    ]


def test_myst_markup_errors_point_into_the_data_file(build_root, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinxext_casestudies", "myst_parser"]\n'
                                 'casestudies_data = ["data.yaml"]\n', encoding="utf-8")
    (src / "data.yaml").write_text(
        "markup: myst\ncase_studies:\n  - id: md\n    name: Md\n    summary: |\n"
        "      Fine paragraph.\n\n      A {nosuchrole}`x` role.\n\n"
        "      ```{nosuchdirective}\n      ```\n", encoding="utf-8")
    (src / "index.md").write_text("# Page\n\n```{case-study} md\n```\n", encoding="utf-8")
    app = build_root("myst-errors", src=src)
    found = warnings(app)
    assert any(w.startswith("data.yaml:8:") and "nosuchrole" in w for w in found), found
    assert any(w.startswith("data.yaml:10:") and "nosuchdirective" in w for w in found), found
    assert body(app, "index.html").select_one("#md .cs-summary p").text == "Fine paragraph."
