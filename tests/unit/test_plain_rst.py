"""The plain-paragraph fast path gives exactly the nodes docutils' parser gives.

Each text is parsed twice by the same :class:`MarkupParser`: once as the
extension does it (fast path allowed) and once forced through docutils'
state machine, and the two node trees are compared attribute by attribute,
with source, line and owning document.
"""

from __future__ import annotations

from typing import Any
from unittest.mock import patch

import pytest
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from fast_path_texts import dump, prose, span_mixes
from hypothesis import example, given, settings

from sphinxext_casestudies.data.model import Text
from sphinxext_casestudies.markup.parser import MarkupParser
from sphinxext_casestudies.markup.plain_rst import plain_blocks

SOURCE = "/data/stories.yaml"


def _parser(**overrides: Any) -> MarkupParser:
    doc_settings = get_default_settings(Parser)
    for name, value in overrides.items():
        setattr(doc_settings, name, value)
    page = new_document("/src/index.rst", doc_settings)
    return MarkupParser(document=page, srcdir="/src", docdir="/src", allow_raw=False)




def _both(text: str, line: int = 7) -> tuple[Any, Any]:
    parser = _parser()
    fast = parser.blocks(Text(text, line), SOURCE, "rst")
    with patch("sphinxext_casestudies.markup.parser.plain_blocks", return_value=None):
        full = parser.blocks(Text(text, line), SOURCE, "rst")
    return ([dump(n, parser.document) for n in fast], [dump(n, parser.document) for n in full])


PLAIN = [
    "One line of prose.",
    "Line one ends. Then\nplatform. Their docs, no enumerator inside a paragraph.",
    "Two lines\nof prose, one paragraph.",
    "First paragraph.\n\nSecond paragraph,\nover two lines.\n",
    "Trailing spaces stay inside   \nbut not at the end   \n",
    "Blank lines of spaces\n   \nseparate paragraphs too.",
    "\n\nLeading and trailing blank lines\n\n\n",
    "Quotes \"double\" and 'single', dashes -- and ... ellipses; 50% less (really) & more <b>",
    "Ünïcödé words, Łódź and 東京 stay text.",
    "Ends with a colon-free question?",
    "Numbers inside 2024 and 3x are fine, as is a trailing period.",
    "",
    "   \n  \n",
]

SIMPLE = [
    "Some *emphasis*, some **strong** and ``code`` in a line.",
    "Spans *over several words* and **two words**; then ``a b`` (with spaces).",
    "A span at the end *here*\nand a second line with ``x*y`` and (*parenthesised*) words.",
    "Intra *Ünïcödé* and **東京** and ``½``!",
    "Paragraph one has *it*.\n\nParagraph two has **it** too?",
    "Digits *2024* and **3x** are spans, and ``--flag`` or ``.yaml`` literals.",
    "End with a literal ``x``",
    "*emphasis* here", "``literal``", "**Strong** start\nand *more*.",
]

NOT_SIMPLE = [
    "a *b*c", "a*b* c", "a * b", "a **b* c", "a *b** c", "a *b\nc* d", "a `b` c", "a ``b c",
    "a `` b`` c", "a ``b `` c", "a *b c", "a ***b*** c", "a *b* *", "a *-b* c", "a *b-* c",
    "a **b *c* d** e", "x*y*z", "a \\*b* c", "a *b*_ c", "a *b*' c", "(``)``", "a ``b``c",
    "a ```b``` c", "* a bullet", "** b", "*\nx", "Text\n\nA. first of a block",
    "Text\n  \niv) fourth",
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_spans_take_the_fast_path_and_match_the_parser(text: str) -> None:
    assert plain_blocks(text) is not None
    fast, full = _both(text)
    assert fast == full
    assert any(child[0] in {"emphasis", "strong", "literal"} for para in fast
               for child in para[6])


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_spans_that_recognition_rules_could_change_are_left_to_the_parser(text: str) -> None:
    assert plain_blocks(text) is None


def test_character_level_inline_markup_gets_no_spans() -> None:
    assert plain_blocks("a *b* c", spans=False) is None
    assert plain_blocks("a b c", spans=False) is not None
    parser = _parser(character_level_inline_markup=True)
    [paragraph] = parser.blocks(Text("x*y* and *z*", 1), SOURCE, "rst")
    assert [node.astext() for node in paragraph.findall(nodes.emphasis)] == ["y", "z"]


NOT_PLAIN = [
    "a `default role` x", "a `link <https://example.com>`_",
    "name_ reference",
    "see [1]_", "a |sub| stitution", "escaped \\* star", "a :role:`x`", "https://example.com",
    "mail me@example.com", "tab\tinside", "  indented quote", "- a bullet", "+ a bullet",
    "1. first", "A. first", "iv) fourth", "(a) first", "#. auto", "Term\n   definition",
    "Title\n=====", ">>> 1 + 1", "| line block", "+---+\n| a |\n+---+", "=== ===\na b\n=== ===",
    ".. note:: x", "__ https://example.com", "Paragraph::\n\n   literal", "• bullet",
    "-- attribution", "9 lives", "Line one\n2nd line", "Hello\u2028\u2028- item",
    "Form\x0cfeed", "Carriage\r\nreturn",
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_text_takes_the_fast_path_and_matches_the_parser(text: str) -> None:
    assert plain_blocks(text) is not None
    fast, full = _both(text)
    assert fast == full


@pytest.mark.parametrize("text", NOT_PLAIN)
def test_text_that_may_hold_markup_is_left_to_the_parser(text: str) -> None:
    assert plain_blocks(text) is None


def test_the_first_line_of_a_field_without_a_known_line_is_line_1() -> None:
    fast, full = _both("First.\n\nSecond.", line=0)
    assert fast == full
    assert [para[3] for para in fast] == [1, 3]


def test_pep_and_rfc_references_switch_the_fast_path_off() -> None:
    parser = _parser(pep_references=True)
    [paragraph] = parser.blocks(Text("As PEP 8 says.", 1), SOURCE, "rst")
    assert [ref["refuri"] for ref in paragraph.findall(nodes.reference)] == [
        "https://peps.python.org/pep-0008"]


ODD = list("aZé東½ \n\r\x0c\u2028\x85.,;!?'\"-()#+=<>&/~%0123456789•")
SEPARATORS = ["\n", "\n\n", "\n   \n", " ", ". ", "\u2028", "\r\n"]


@settings(max_examples=300, deadline=None)
@given(prose(ODD, SEPARATORS))
def test_whatever_the_fast_path_accepts_parses_the_same(text: str) -> None:
    if plain_blocks(text) is not None:
        fast, full = _both(text)
        assert fast == full




@settings(max_examples=400, deadline=None)
@given(span_mixes("``"))
@example("Start *a* (**b**) ``c``.")
def test_whatever_span_mix_the_fast_path_accepts_parses_the_same(text: str) -> None:
    if plain_blocks(text) is not None:
        fast, full = _both(text)
        assert fast == full
