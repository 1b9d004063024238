"""Every entry field's rule, with the exact subtype and line of each problem."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sphinxext_casestudies.data.model import Entry, Metric, Quote, Section, Text

from .datahelpers import Load, where

One = Callable[..., Entry]


def entry(fields: str) -> str:
    """An entry with ``id``/``name`` on lines 1-2 and ``fields`` from line 3 on."""
    return "id: e\nname: E\n" + fields


def test_minimal_entry_defaults(one: One) -> None:
    e = one(entry(""))
    assert (e.id, e.name, e.kind, e.title, e.tags, e.logo, e.link, e.link_line) == (
        "e", "E", "case-study", None, (), None, None, 0)
    assert e.heading == "E"


def test_every_entry_gets_its_fingerprint(one: One) -> None:
    e = one(entry("headline: hi\n"))
    other = one(entry("headline: ho\n"))
    assert len(e.fingerprint) == 32 and e.fingerprint != other.fingerprint


def test_fingerprint_ignores_position(load: Load) -> None:
    (a,), _ = load("- {id: a, name: A, headline: x}\n")
    (b,), _ = load("# moved\n\n- {id: a, name: A, headline: x}\n")
    assert a.line != b.line and a.fingerprint == b.fingerprint


# -- id and name ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["acme", "a", "0day", "a-b_c", "x9"])
def test_good_ids(one: One, value: str) -> None:
    assert one(f"id: {value}\nname: N\n").id == value


@pytest.mark.parametrize("value", ["Acme", "-a", "_a", "a b", "a.b", "'é'", "''"])
def test_bad_ids(load: Load, value: str) -> None:
    entries, problems = load(f"name: N\nid: {value}\n")
    assert entries == []
    assert where(problems) == [("schema", 2)]
    assert problems[0].message.startswith("id: ")


def test_id_must_be_text(load: Load) -> None:
    _, problems = load("id: 2021\nname: N\n")
    assert [(p.line, p.message) for p in problems] == [
        (1, "id: expected text, got integer — quote it")]


def test_missing_id_and_name_reported_together(load: Load) -> None:
    entries, problems = load("- kind: talk\n")
    assert entries == []
    assert where(problems) == [("schema", 1), ("schema", 1)]
    assert {p.message for p in problems} == {"missing required field 'id'",
                                             "missing required field 'name'"}


@pytest.mark.parametrize(("value", "got"), [
    ("yes", "boolean — quote it"), ("no", "boolean — quote it"), ("true", "boolean — quote it"),
    ("2021", "integer — quote it"), ("1.5", "number — quote it"),
    ("2021-03-04", "date — quote it"), ("~", "null"), ("", "null"), ("[a]", "a list"),
    ("{a: 1}", "a mapping"),
])
def test_text_field_wrong_types(load: Load, value: str, got: str) -> None:
    _, problems = load(f"id: e\nname: {value}\n")
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("schema", 2, f"name: expected text, got {got}")]


@pytest.mark.parametrize("value", ["'yes'", '"2021"', "!!str 2021", "Gov.UK Pay", "'null'"])
def test_quoted_text_is_text(one: One, value: str) -> None:
    assert one(f"id: e\nname: {value}\n").name.strip("'\"") in value


def test_empty_name(load: Load) -> None:
    _, problems = load("id: e\nname: ''\n")
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("schema", 2, "name: must not be empty")]


# -- simple optional fields -------------------------------------------------------------------

def test_title_kind_industry_tags(one: One) -> None:
    e = one(entry("title: T\nkind: talk\nindustry: finance\ntags: [a, b-c]\n"))
    assert (e.title, e.kind, e.industry, e.tags, e.heading) == ("T", "talk", "finance",
                                                                ("a", "b-c"), "T")


@pytest.mark.parametrize("kind", ["case-study", "article", "talk", "video"])
def test_kinds(one: One, kind: str) -> None:
    assert one(entry(f"kind: {kind}\n")).kind == kind


def test_bad_kind_hints(load: Load) -> None:
    _, problems = load(entry("kind: artcle\n"))
    assert where(problems) == [("schema", 3)]
    assert problems[0].message == ("kind: 'artcle' is not one of case-study, article, talk, "
                                   "video (did you mean 'article'?)")


def test_tags_must_be_a_list_of_text(load: Load) -> None:
    _, problems = load(entry("tags: python\n"))
    assert where(problems) == [("schema", 3)]
    _, problems = load(entry("tags:\n  - ok\n  - 2021\n  - yes\n"))
    assert where(problems) == [("schema", 5), ("schema", 6)]
    assert problems[0].message == "tags[2]: expected text, got integer — quote it"


def test_industry_vocabulary(load: Load) -> None:
    entries, problems = load(entry("industry: finace\n"),
                             industries={"finance": "Finance", "retail": "Retail"})
    assert [e.industry for e in entries] == ["finace"]  # reported, kept
    assert where(problems) == [("schema", 3)]
    assert "not in casestudies_industries (did you mean 'finance'?)" in problems[0].message
    assert load(entry("industry: retail\n"), industries={"retail": "R"})[1] == []
    assert load(entry("industry: anything\n"), industries={})[1] == []


# -- rich text and its lines ------------------------------------------------------------------

def test_plain_rich_text_line(one: One) -> None:
    e = one(entry("headline: Hello *world*\n"))
    assert e.headline == Text("Hello *world*", 3)


def test_quoted_rich_text_line(one: One) -> None:
    assert one(entry('\n\nheadline: "Quoted"\n')).headline == Text("Quoted", 5)


def test_literal_block_starts_on_the_next_line(one: One) -> None:
    e = one(entry("summary: |\n  Line one.\n\n  Line two.\n"))
    assert e.summary == Text("Line one.\n\nLine two.\n", 4)


def test_folded_block_and_chomping(one: One) -> None:
    e = one(entry("summary: >-  # comment\n  a\n  b\n"))
    assert e.summary == Text("a b", 4)


def test_block_with_leading_blank_line(one: One) -> None:
    e = one(entry("summary: |\n\n  text\n"))
    assert e.summary == Text("\ntext\n", 4)


def test_rich_text_must_be_text(load: Load) -> None:
    _, problems = load(entry("summary:\n  - a\n"))
    assert [(p.line, p.message) for p in problems] == [(4, "summary: expected text, got a list")]


# -- sections, quotes, metrics -------------------------------------------------------------

def test_sections_quotes_metrics(one: One) -> None:
    e = one(entry("""\
sections:
  - title: Before
    body: |
      It hurt.
  - {title: After, body: Better}
quotes:
  - text: Great.
    author: Ann
    role: CTO
  - text: Short.
metrics:
  - value: 80%
    label: stability
  - {value: 3, label: x}
  - {value: 1.50, label: y}
  - {value: 0x10, label: z}
"""))
    assert e.sections == (Section("Before", Text("It hurt.\n", 6), 4),
                          Section("After", Text("Better", 7), 7))
    assert e.quotes == (Quote(Text("Great.", 9), "Ann", "CTO", 9),
                        Quote(Text("Short.", 12), None, None, 12))
    assert e.metrics == (Metric("80%", "stability", 14), Metric("3", "x", 16),
                         Metric("1.50", "y", 17), Metric("0x10", "z", 18))


def test_section_problems(load: Load) -> None:
    _, problems = load(entry("sections:\n  - title: T\n  - body: B\n  - title: yes\n    body: x\n"
                             "  - oops\n"))
    assert [(p.line, p.message) for p in sorted(problems, key=lambda p: p.line)] == [
        (4, "sections[1]: missing required field 'body'"),
        (6, "sections[3].title: expected text, got boolean — quote it"),
        (8, "sections[4]: expected a mapping, got text"),
    ]


def test_section_title_is_optional_and_entry_markup_overrides_the_files(one: One) -> None:
    lines = entry("markup: rst\nsections:\n  - body: Untitled.\n  - title: T\n    body: B\n")
    e = one("markup: myst\ncase_studies:\n" + "".join(
        ("  - " if n == 0 else "    ") + line + "\n"
        for n, line in enumerate(lines.splitlines())))
    assert e.markup == "rst"
    assert [(s.title, s.body.text) for s in e.sections] == [(None, "Untitled."), ("T", "B")]


def test_entry_markup_must_be_rst_or_myst(load: Load) -> None:
    entries, problems = load(entry("markup: md\n"))
    assert entries == []
    assert [(p.subtype, p.message) for p in problems] == [
        ("schema", "markup: 'md' is not one of rst, myst")]


def test_unknown_field_in_an_item_is_ignored(load: Load) -> None:
    entries, problems = load(entry("quotes:\n  - text: Hi\n    auther: Bo\n"))
    assert entries[0].quotes == (Quote(Text("Hi", 4), None, None, 4),)
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("schema", 5, "unknown field 'quotes[1].auther' ignored (did you mean 'author'?)")]


def test_metric_value_must_be_text_or_number(load: Load) -> None:
    _, problems = load(entry("metrics:\n  - {value: yes, label: L}\n  - {value: ~, label: L}\n"))
    assert where(problems) == [("schema", 4), ("schema", 5)]


# -- link, date, order ------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "stored"), [
    ("stories/acme", "stories/acme"),
    ("/stories/acme", "stories/acme"),
    ("https://example.com/x", "https://example.com/x"),
    ("  http://example.com  ", "http://example.com"),
    ("HTTP://Example.com/A", "http://Example.com/A"),
    ("stories/acme.html#part", "stories/acme.html#part"),
])
def test_link_forms(one: One, value: str, stored: str) -> None:
    e = one(entry(f"link: '{value}'\n"))
    assert (e.link, e.link_line) == (stored, 3)


@pytest.mark.parametrize("value", ["''", "/", "' / '", "//", "' '"])
def test_empty_link(load: Load, value: str) -> None:
    _, problems = load(entry(f"link: {value}\n"))
    assert where(problems) == [("schema", 3)]


def test_link_text(one: One) -> None:
    assert one(entry("link_text: Full story\n")).link_text == "Full story"


@pytest.mark.parametrize("value", ["2021-03-04", "'2021-03-04'", "!!timestamp 2021-03-04",
                                   "2020-02-29"])
def test_good_dates(one: One, value: str) -> None:
    assert one(entry(f"date: {value}\n")).date == value.strip("'").split()[-1]


@pytest.mark.parametrize("value", ["2021-13-45", "2021-02-29", "2021-3-4", "'04/03/2021'",
                                   "2021-03-04 10:00:00", "2021-03-04T10:00:00Z",
                                   "'20210304'", "'2021-W09'", "!!timestamp nonsense"])
def test_bad_dates(load: Load, value: str) -> None:
    _, problems = load(entry(f"date: {value}\n"))
    assert where(problems) == [("schema", 3)]
    assert problems[0].message.startswith("date: bad date")


def test_date_of_wrong_type(load: Load) -> None:
    _, problems = load(entry("date: 2021\n"))
    assert [(p.line, p.message) for p in problems] == [
        (3, "date: expected a date YYYY-MM-DD, got integer")]


@pytest.mark.parametrize(("value", "number"), [
    ("0", 0), ("-3", -3), ("+7", 7), ("1_000", 1000), ("0x1F", 31), ("0b101", 5), ("017", 15),
    ("1:30", 90), ("!!int '12'", 12), ("3.0", 3), ("1.5e+3", 1500), ("-0.0", 0),
])
def test_order_int_forms(one: One, value: str, number: int) -> None:
    assert one(entry(f"order: {value}\n")).order == number


@pytest.mark.parametrize(("value", "message"), [
    ("true", "order: expected integer, got boolean"),
    ("'3'", "order: expected integer, got text"),
    ("1.5", "order: expected integer, got '1.5'"),
    (".inf", "order: expected integer, got '.inf'"),
    ("!!int 'abc'", "order: expected integer, got 'abc'"),
    ("!!int '" + "9" * 5000 + "'", "order: number out of range '" + "9" * 57 + "...'"),
    ("0x" + "f" * 5000, "order: number out of range '0x" + "f" * 55 + "...'"),
    ("1" + ":1" * 100_000, "order: number out of range '1" + ":1" * 28 + "...'"),
    ("9007199254740992", "order: must be at most 9007199254740991"),
    ("-9007199254740992", "order: must be at least -9007199254740991"),
    ("1.0e+300", "order: must be at most 9007199254740991"),
])
def test_bad_order(load: Load, value: str, message: str) -> None:
    _, problems = load(entry(f"order: {value}\n"))
    assert [(p.subtype, p.line, p.message) for p in problems] == [("schema", 3, message)]


# -- unknown fields, several problems ---------------------------------------------------------

def test_unknown_field_hint_and_entry_kept(load: Load) -> None:
    entries, problems = load(entry("headlin: Hi\nfavourite_colour: blue\n"))
    assert len(entries) == 1 and entries[0].headline is None
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("schema", 3, "unknown field 'headlin' ignored (did you mean 'headline'?)"),
        ("schema", 4, "unknown field 'favourite_colour' ignored"),
    ]


def test_non_text_key_is_an_unknown_field(load: Load) -> None:
    entries, problems = load(entry("? [a, b]\n: x\n1: y\n"))
    assert len(entries) == 1
    assert where(problems) == [("schema", 3), ("schema", 5)]


def test_every_problem_of_an_entry_is_reported(load: Load) -> None:
    entries, problems = load("""
        - id: Bad
          name: yes
          kind: nope
          date: 2021-13-01
          order: x
          link: javascript:void(0)
          tags: {a: 1}
          logo: {width: -1}
          extra: 1
    """)
    assert entries == []
    assert where(problems) == [("schema", 1), ("schema", 2), ("schema", 3), ("schema", 4),
                               ("schema", 5), ("schema", 7), ("schema", 8), ("schema", 8),
                               ("schema", 9), ("url", 6)]


def test_duplicate_field(load: Load) -> None:
    entries, problems = load(entry("kind: talk\nname: Again\n"))
    assert entries == []
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("schema", 4, "duplicate field 'name' (first at line 2)")]


# -- merge keys and anchors -------------------------------------------------------------------

def test_merge_key_shares_fields(load: Load) -> None:
    entries, problems = load("""
        - &base
          id: base
          name: Base
          industry: retail
          tags: [x]
        - <<: *base
          id: child
          tags: [y]
        - <<: [{kind: talk}, *base]
          id: third
    """)
    assert problems == []
    assert [(e.id, e.name, e.industry, e.tags, e.kind) for e in entries] == [
        ("base", "Base", "retail", ("x",), "case-study"),
        ("child", "Base", "retail", ("y",), "case-study"),
        ("third", "Base", "retail", ("x",), "talk"),
    ]


def test_merged_unknown_field_is_reported(load: Load) -> None:
    entries, problems = load("- &a {id: a, name: A, extra: 1}\n- {<<: *a, id: b}\n")
    assert [e.id for e in entries] == ["a", "b"]
    assert where(problems) == [("schema", 1), ("schema", 1)]


def test_merge_of_a_non_mapping(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n  <<: [{kind: talk}, 3]\n")
    assert entries == []
    assert [(p.line, p.message) for p in problems] == [
        (3, "<<: can only merge mappings, got integer")]


def test_shared_logo_anchor(one: One, load: Load, tmp_path: object) -> None:
    entries, problems = load("""
        - {id: a, name: A, logo: &l {src: 'https://x.org/l.png', alt: L}}
        - {id: b, name: B, logo: *l}
    """)
    assert problems == []
    assert entries[0].logo == entries[1].logo


def test_patterns_end_at_the_very_end(load: Load) -> None:
    """Python's ``$`` also matches before a final newline; JSON Schema's does not."""
    _, problems = load('name: N\nid: "acme\\n"\n')
    assert where(problems) == [("schema", 2)]
    _, problems = load('name: N\nid: a\ndate: "2021-03-04\\n"\n')
    assert where(problems) == [("schema", 3)]


def test_largest_order_and_width(one: One) -> None:
    e = one(entry("order: 9007199254740991\nlogo: {src: 'https://x.org/a.png', "
                  "width: 9007199254740991}\n"))
    assert e.order == 2**53 - 1
    assert e.logo is not None and e.logo.width == 2**53 - 1


def test_messages_escape_control_characters(load: Load) -> None:
    """A hostile value must not be able to erase or forge lines of a CI log."""
    _, problems = load('- {id: "ok\\r\\e[2Kall good", name: N}\n'
                       '- {id: b, name: N, kind: "\\e]8;;https://evil.example/\\e\\\\x"}\n'
                       '- {id: c, name: N, extra\\u2028: 1, kind: "\\u202eevil"}\n')
    messages = "".join(p.message for p in problems)
    assert len(problems) == 4
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u202e"
                   for c in messages)
    assert "ok\\r\\x1b[2Kall good" in messages
