"""The MyST plain-paragraph fast path gives exactly the nodes MyST's parser gives.

As in ``test_plain_rst.py``: each text is turned into nodes twice by the same
:class:`MarkupParser`, once as the extension does it (fast path allowed) and
once forced through markdown-it and MyST's renderer, and the two node trees
are compared attribute by attribute, with source, line and owning document.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any
from unittest.mock import patch

import pytest
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from fast_path_texts import dump, prose, span_mixes
from hypothesis import example, given, settings

from sphinxext_casestudies.data.model import Text
from sphinxext_casestudies.markup import plain_myst
from sphinxext_casestudies.markup.parser import MarkupParser
from sphinxext_casestudies.markup.plain_myst import config_allows, plain_blocks

pytest.importorskip("myst_parser")

from myst_parser.config.main import MdParserConfig

pytestmark = pytest.mark.myst

SOURCE = "/data/stories.yaml"


def _parser(**overrides: Any) -> MarkupParser:
    doc_settings = get_default_settings(Parser)
    page = new_document("/src/index.md", doc_settings)
    if overrides:
        env = type("Env", (), {"myst_config": MdParserConfig(**overrides)})()
        doc_settings.env = env
    return MarkupParser(document=page, srcdir="/src", docdir="/src", allow_raw=False)




def _both(text: str, line: int = 7, parser: MarkupParser | None = None) -> tuple[Any, Any]:
    parser = parser or _parser()
    fast = parser.blocks(Text(text, line), SOURCE, "myst")
    with patch.object(plain_myst, "plain_blocks", return_value=None):
        full = parser.blocks(Text(text, line), SOURCE, "myst")
    return ([dump(n, parser.document) for n in fast], [dump(n, parser.document) for n in full])


PLAIN = [
    "One line of prose.",
    "Two lines\nof prose, one paragraph.",
    "First paragraph.\n\nSecond paragraph,\nover two lines.\n",
    "Blank lines of spaces\n   \nseparate paragraphs too.",
    "\n\nLeading and trailing blank lines\n\n\n",
    "Quotes \"double\" and 'single', dashes -- and ... ellipses; 50% less (really) + more = ok",
    "Ünïcödé words, Łódź and 東京 stay text.",
    "Ends with a question? Or an exclamation!",
    "Numbers inside 2024 and 3x are fine, as is a trailing period.",
    "Inner  double  spaces stay.",
    "Slashes and/or at@example.com and www.example.com stay text without linkify",
    "a\nb\nc",
    "",
    "   \n  \n",
]

SIMPLE = [
    "Some *emphasis*, some **strong** and `code` in a line.",
    "Spans *over several words* and **two words**; then `a b` (with spaces).",
    "A span at the end *here*\nand a second line with `x*y` and (*parenthesised*) words.",
    "Intra *Ünïcödé* and **東京** and `½`!",
    "Paragraph one has *it*.\n\nParagraph two has **it** too?",
    "Digits *2024* and **3x** are spans.",
    "Code `with*stars*inside` is literal.",
    "End with code `x`",
    "*emphasis* here", "`code` first", "**Strong** start\nand *more*.",
]

NOT_SIMPLE = [
    "a *b*c", "a*b* c", "a * b", "a **b* c", "a *b** c", "a *b\nc* d", "a ``b`` c", "a ` b` c",
    "a `b ` c", "a `b", "a *b c", "a ***b*** c", "a *b* *", "a *-b* c", "a *b-* c",
    "a **b *c* d** e", "a *b `c` d* e", "x*y*z", "a \\*b* c", "a *b*_ c", "a *b*' c",
]


@pytest.mark.parametrize("text", SIMPLE)
def test_simple_spans_take_the_fast_path_and_match_the_parser(text: str) -> None:
    assert plain_blocks(text) is not None
    fast, full = _both(text)
    assert fast == full
    assert any(piece[0] in {"emphasis", "strong", "literal"}
               for para in fast for piece in para[6] if piece[0] != "#text")


@pytest.mark.parametrize("text", NOT_SIMPLE)
def test_spans_that_flanking_rules_could_change_are_left_to_the_parser(text: str) -> None:
    assert plain_blocks(text) is None


NOT_PLAIN = [
    "_under_", "a [link](https://example.com)", "an ![image](x.png)",
    "<https://example.com>", "<b>html</b>", "&amp; entity", "escaped \\* star", "a {role}`x`",
    "$x$ math", "~~strike~~", "a | table", "# heading", "Heading\n=======", "Heading\n-------",
    "  indented", "    code", "- a bullet", "+ a bullet", "1. first", "1) first", "> quote",
    "```\nfence\n```", "~~~\nfence\n~~~", ":::{note}\nx\n:::", "(target)=", "% comment",
    "+++ break", "Term\n: definition", "[^1]: footnote", "{{ sub }}", "tab\tinside",
    "hard break  \nnext line", "trailing space \nnext", "Form\x0cfeed", "Carriage\r\nreturn",
    "Line\u2028separator", "nul\x00char", "trailing nbsp\u00a0", "9 lives", "\u00a0lead",
    "key: value",
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


def _config(**changes: Any) -> SimpleNamespace:
    """The settings :func:`config_allows` reads (any MyST version, any extension name)."""
    values = {"enable_extensions": set(), "disable_syntax": [], "commonmark_only": False,
              "gfm_only": False, "sub_delimiters": ("{", "}"), **changes}
    return SimpleNamespace(**values)


def test_the_default_configuration_allows_the_fast_path() -> None:
    assert config_allows(_config())
    assert config_allows(MdParserConfig())


@pytest.mark.parametrize("extensions", [
    {"smartquotes"}, {"replacements"}, {"linkify"}, {"gfm_autolink"}, {"section_ref"},
    {"some_new_extension"}, {"deflist", "smartquotes"}])
def test_extensions_that_change_plain_words_switch_the_fast_path_off(extensions: set[str]) -> None:
    assert not config_allows(_config(enable_extensions=extensions))


@pytest.mark.parametrize("changes", [
    {"commonmark_only": True}, {"gfm_only": True}, {"disable_syntax": ["emphasis"]},
    {"enable_extensions": {"substitution"}, "sub_delimiters": ("a", "b")}])
def test_settings_that_change_the_grammar_switch_the_fast_path_off(changes: dict[str, Any]) -> None:
    assert not config_allows(_config(**changes))


def test_extensions_that_need_markup_characters_keep_the_fast_path() -> None:
    config = MdParserConfig(enable_extensions={
        "attrs_block", "colon_fence", "deflist", "dollarmath", "fieldlist", "substitution"})
    assert config_allows(config)
    fast, full = _both("Plain words.\n\nMore words.", parser=_parser(
        enable_extensions=set(config.enable_extensions)))
    assert fast == full


def test_smart_quotes_reach_the_parser() -> None:
    """With ``smartquotes`` MyST curls quotes itself: the fast path must not run."""
    parser = _parser(enable_extensions={"smartquotes"})
    [paragraph] = parser.blocks(Text('She said "yes".', 1), SOURCE, "myst")
    assert paragraph.astext() == "She said \u201cyes\u201d."


ODD = list("aZé東½ \n\r\x0c\u2028\x85\u00a0.,;!?'\"-()#+=<>&/~%0123456789•*_`[]{}:$|")
SEPARATORS = ["\n", "\n\n", "\n   \n", " ", ". ", "  \n", " \n", "\u2028", "\r\n"]


@settings(max_examples=300, deadline=None)
@given(prose(ODD, SEPARATORS))
@example("a  b\nc")
@example("a *b* c")
@example("a `b` c")
@example("word\n\n\nword")
def test_whatever_the_fast_path_accepts_parses_the_same(text: str) -> None:
    if plain_blocks(text) is not None:
        fast, full = _both(text)
        assert fast == full




@settings(max_examples=400, deadline=None)
@given(span_mixes("`"))
@example("Start *a* (**b**) `c`.")
def test_whatever_span_mix_the_fast_path_accepts_parses_the_same(text: str) -> None:
    if plain_blocks(text) is not None:
        fast, full = _both(text)
        assert fast == full
