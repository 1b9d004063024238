"""Reading a data file: its three forms, encodings, YAML-level errors."""

from __future__ import annotations

from pathlib import Path

from sphinxext_casestudies.data.loader import load_file

from .datahelpers import Load, where


def test_list_of_entries(load: Load) -> None:
    entries, problems = load("""
        - id: a
          name: A
        - id: b
          name: B
    """)
    assert problems == []
    assert [(e.id, e.line, e.markup) for e in entries] == [("a", 1, "rst"), ("b", 3, "rst")]


def test_mapping_with_case_studies_and_markup(load: Load) -> None:
    entries, problems = load("""
        markup: myst
        case_studies:
          - id: a
            name: A
    """)
    assert problems == []
    assert [(e.id, e.line, e.markup) for e in entries] == [("a", 3, "myst")]


def test_file_markup_overrides_the_default(load: Load) -> None:
    entries, _ = load("case_studies: [{id: a, name: A}]\n", default_markup="myst")
    assert entries[0].markup == "myst"
    entries, _ = load("markup: rst\ncase_studies: [{id: a, name: A}]\n", default_markup="myst")
    assert entries[0].markup == "rst"


def test_single_entry(load: Load) -> None:
    entries, problems = load("id: solo\nname: Solo\n")
    assert problems == []
    assert [(e.id, e.line) for e in entries] == [("solo", 1)]


def test_single_entry_without_id_is_still_an_entry(load: Load) -> None:
    entries, problems = load("name: No id\n")
    assert entries == []
    assert where(problems) == [("schema", 1)]
    assert "missing required field 'id'" in problems[0].message


def test_entry_source_is_the_path_as_given(load: Load, tmp_path: Path) -> None:
    entries, _ = load("- {id: a, name: A}\n", name="sub/x.yaml")
    assert entries[0].source == str(tmp_path / "sub" / "x.yaml")


def test_scalar_top_level(load: Load) -> None:
    entries, problems = load("# a\n# b\njust text\n")
    assert entries == []
    assert where(problems) == [("schema", 3)]
    assert "got text" in problems[0].message


def test_explicit_null_top_level(load: Load) -> None:
    _, problems = load("# nothing\n~\n")
    assert where(problems) == [("schema", 2)]
    assert "got null" in problems[0].message


def test_mapping_without_id_or_case_studies_hints(load: Load) -> None:
    _, problems = load("x: 1\ncase_study:\n  - id: a\n")
    assert where(problems) == [("schema", 1)]
    assert "did you mean 'case_studies'?" in problems[0].message


def test_case_studies_must_be_a_list(load: Load) -> None:
    entries, problems = load("case_studies:\n  id: a\n  name: A\n")
    assert entries == []
    assert where(problems) == [("schema", 2)]


def test_case_studies_null(load: Load) -> None:
    entries, problems = load("case_studies:\n")
    assert entries == []
    assert where(problems) == [("schema", 1)]
    assert "got null" in problems[0].message


def test_bad_markup_drops_the_file(load: Load) -> None:
    entries, problems = load("markup: md\ncase_studies: [{id: a, name: A}]\n")
    assert entries == []
    assert where(problems) == [("schema", 1)]
    assert "'md' is not one of rst, myst" in problems[0].message


def test_unknown_top_level_key_is_ignored(load: Load) -> None:
    entries, problems = load("case_studies: [{id: a, name: A}]\nmarkups: rst\n")
    assert [e.id for e in entries] == ["a"]
    assert where(problems) == [("schema", 2)]
    assert "unknown top-level field 'markups' ignored (did you mean 'markup'?)" \
        in problems[0].message


def test_duplicate_top_level_key_drops_the_file(load: Load) -> None:
    entries, problems = load("case_studies: [{id: a, name: A}]\ncase_studies: []\n")
    assert entries == []
    assert where(problems) == [("schema", 2)]


def test_empty_file(load: Load) -> None:
    entries, problems = load("")
    assert entries == []
    assert where(problems) == [("data", 0)]
    assert problems[0].message == "empty data file"


def test_only_comments(load: Load) -> None:
    entries, problems = load("# nothing here\n\n# at all\n")
    assert entries == []
    assert [(p.subtype, p.line, p.message) for p in problems] == [("data", 0, "empty data file")]


def test_empty_list_is_fine(load: Load) -> None:
    assert load("[]\n") == ([], [])
    assert load("case_studies: []\n") == ([], [])


def test_utf8_bom_is_stripped(load: Load) -> None:
    entries, problems = load("\ufeff- id: a\n  name: Ä\n".encode())
    assert problems == []
    assert entries[0].name == "Ä"


def test_not_utf8_reports_the_line_of_the_bad_byte(load: Load) -> None:
    entries, problems = load(b"- id: a\n  name: A\n- id: b\n  name: caf\xe9\n")
    assert entries == []
    assert where(problems) == [("data", 4)]
    assert "not UTF-8" in problems[0].message and "0xe9" in problems[0].message


def test_utf16_is_not_utf8(load: Load) -> None:
    _, problems = load("- id: a\n  name: A\n".encode("utf-16"))
    assert where(problems) == [("data", 1)]


def test_missing_file(tmp_path: Path) -> None:
    entries, problems = load_file(str(tmp_path / "nope.yaml"), srcdir=str(tmp_path))
    assert entries == []
    assert where(problems) == [("data", 0)]
    assert "cannot read data file" in problems[0].message


def test_folder_instead_of_file(tmp_path: Path) -> None:
    _, problems = load_file(str(tmp_path), srcdir=str(tmp_path))
    assert where(problems) == [("data", 0)]


def test_syntax_error_line(load: Load) -> None:
    _, problems = load("- id: a\n  name: A\n - id: b\n")
    assert where(problems) == [("data", 3)]
    assert problems[0].message.startswith("YAML syntax error: ")


def test_unclosed_flow_collection(load: Load) -> None:
    _, problems = load("- id: a\n  tags: [a, b\n")
    assert [p.subtype for p in problems] == ["data"]
    assert problems[0].line >= 2


def test_tab_indentation(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n\tkind: talk\n")
    assert entries == []
    assert where(problems) == [("data", 3)]
    assert "tab" in problems[0].message


def test_control_character(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n- id: b\n  name: \x07bell\n")
    assert entries == []
    assert where(problems) == [("data", 4)]


def test_control_character_after_multibyte_text(load: Load) -> None:
    """libyaml counts bytes: the line must still be right after non-ASCII text."""
    _, problems = load("- id: a\n  name: Ääääääää\n\n- id: b\n  name: \x07\n")
    assert where(problems) == [("data", 5)]


def test_more_than_one_document(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n---\n- id: b\n  name: B\n")
    assert entries == []
    assert where(problems) == [("data", 3)]
    assert "more than one YAML document" in problems[0].message


def test_explicit_document_markers_are_fine(load: Load) -> None:
    entries, problems = load("%YAML 1.1\n---\n- id: a\n  name: A\n...\n")
    assert problems == []
    assert entries[0].line == 3


def test_entry_that_is_not_a_mapping(load: Load) -> None:
    entries, problems = load("- id: a\n  name: A\n- [x]\n- plain\n")
    assert [e.id for e in entries] == ["a"]
    assert where(problems) == [("schema", 3), ("schema", 4)]


def test_bad_entry_leaves_the_others(load: Load) -> None:
    entries, problems = load("""
        - id: a
          name: A
        - id: b
          name: 12
        - id: c
          name: C
    """)
    assert [e.id for e in entries] == ["a", "c"]
    assert where(problems) == [("schema", 4)]


def test_crlf_line_ends(load: Load) -> None:
    entries, problems = load(b"- id: a\r\n  name: A\r\n- id: b\r\n  name: 1\r\n")
    assert [e.id for e in entries] == ["a"]
    assert where(problems) == [("schema", 4)]


def test_yaml_only_line_breaks_do_not_shift_lines(load: Load) -> None:
    """YAML 1.1 breaks lines at U+2028/U+0085 too; problems are reported at editors' lines."""
    entries, problems = load('- {id: a, name: "x\u2028y", title: "c\x85d"}\n'
                             "- id: b\n  name: [broken]\n- id: c\n  summary: 's\u2029t'\n"
                             "  name: 1\n")
    assert entries[0].name == "x\u2028y"
    assert where(problems) == [("schema", 3), ("schema", 6)]


def test_yaml_only_line_breaks_in_rich_text_lines(load: Load) -> None:
    entries, _ = load('- id: a\n  name: "A\u2028B"\n  summary: |\n    S\n')
    assert entries[0].summary is not None and entries[0].summary.line == 4


def test_cr_only_line_ends(load: Load) -> None:
    entries, problems = load(b"# old Mac\r- id: a\r  name: [bad]\r- {id: b, name: B}\r")
    assert [e.id for e in entries] == ["b"]
    assert where(problems) == [("schema", 3)]


def test_not_utf8_line_with_cr_only_line_ends(load: Load) -> None:
    _, problems = load(b"- id: a\r  name: A\r- id: b\r  name: caf\xe9\r")
    assert where(problems) == [("data", 4)]


def test_syntax_error_line_after_a_line_separator(load: Load) -> None:
    _, problems = load('- {id: a, name: "x\u2028y"}\n- id: b\n name: B\n')
    assert [p.subtype for p in problems] == ["data"] and problems[0].line in (2, 3)
