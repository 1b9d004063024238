"""Recognise MyST text that can only parse to simple paragraphs, and build them directly.

The MyST counterpart of :mod:`.plain_rst`.  Most rich-text fields are prose
with at most some emphasis and code; markdown-it and MyST's renderer turn
such a field into one ``paragraph`` per blank-line-separated block, holding
one ``Text`` per run of words, an ``emphasis``, ``strong`` or ``literal``
per span, and a ``Text("\\n")`` for each soft line break.  That result is
known in advance, so such fields skip the parser.

The test is deliberately narrow.  Text qualifies only when

* it has none of the characters that start markup in CommonMark or in a MyST
  extension, ``_ [ ] < > & \\ { } : $ ~ | # ^`` (emphasis, links
  and images, autolinks and HTML, entities, escapes, roles, directives,
  substitutions, math, strikethrough, tables, headings, footnotes), nor a
  tab or a control character (markdown-it replaces ``NUL`` and folds
  ``\\r``), nor a line break :meth:`str.splitlines` knows but markdown-it
  does not;
* every line is blank (spaces only) or starts with a letter or a span and
  ends with a character that is not white space, so no line can open a block (a list, a
  quote, a fence, indented code, a setext underline, a target, a comment)
  or end in a hard line break, and markdown-it strips nothing from a line;
* ``*`` and backticks appear only as whole spans within one line:
  ``*words*`` and ``**words**`` that start and end with a letter or digit,
  stand after the line start, a space or ``(`` and before the line end, a
  space or ``. , ; ! ? )`` (so every delimiter run can only open or only
  close, and no CommonMark flanking rule is in play), and ```code``` with
  single backticks and no white space at either end (so nothing is
  stripped); spans do not nest;
* the parser it stands in for adds nothing to plain words: see
  :func:`config_allows`.  Typographic replacements, smart quotes and
  linkify change plain prose, so with any of them (or any extension not
  known here, ``gfm_only``, ``commonmark_only`` or ``disable_syntax``) every
  field takes the parser.

Anything else takes the full parser, so the fast path never guesses; the
test suite checks both give the same nodes for a corpus of edge cases and
generated text.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes

from sphinxext_casestudies.markup.plain_rst import SPAN_TEXT, Piece, split_pieces

_NOT_PLAIN = re.compile(
    r"[_\[\]<>&\\{}:$~|#^\t]"                   # markup of CommonMark and MyST's extensions
    r"|[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]"  # controls, \r, other line breaks
    r"|^(?![^\W\d_]| *$|\*\*?[^\W_]|`[^`\s])"   # a line starting other than with a letter,
    #                                                a span, or blank
    r"|\S[^\S\n]+$",                             # a non-blank line ending in white space
    re.MULTILINE,
)

_PIECE = re.compile(
    r"(?P<text>[^*`]+)"
    r"|(?<!`)`(?P<literal>[^`\s](?:[^`\n]*[^`\s])?)`(?!`)"
    rf"|(?<![^ (])\*\*(?P<strong>{SPAN_TEXT})\*\*(?![^ .,;!?)])"
    rf"|(?<![^ (])\*(?P<emphasis>{SPAN_TEXT})\*(?![^ .,;!?)])"
)
"""One piece of a line: words, or a span the module docstring allows."""

_EXTENSIONS_WITHOUT_EFFECT = frozenset({
    "alert", "amsmath", "attrs_block", "attrs_image", "attrs_inline", "colon_fence",
    "deflist", "dollarmath", "fieldlist", "html_admonition", "html_image", "strikethrough",
    "tasklist",
})
"""MyST extensions whose syntax needs a character (or line start) plain text never has."""


def config_allows(config: Any) -> bool:
    """Whether plain text parses under this ``MdParserConfig`` as under the default one."""
    extensions = set(config.enable_extensions)
    if "substitution" in extensions:
        # the delimiters are configurable: safe only while they are excluded characters
        if not all(_NOT_PLAIN.search(str(mark)) for mark in config.sub_delimiters):
            return False
        extensions.discard("substitution")
    return (extensions <= _EXTENSIONS_WITHOUT_EFFECT and not list(config.disable_syntax)
            and not config.commonmark_only and not config.gfm_only)


def plain_blocks(text: str) -> list[tuple[int, list[list[Piece]]]] | None:
    """The paragraphs of ``text`` as (index of first line, pieces of each line).

    None when the text may hold more than the module docstring allows.
    """
    if _NOT_PLAIN.search(text):
        return None
    blocks: list[tuple[int, list[list[Piece]]]] = []
    lines = text.split("\n")
    start = -1
    for index, line in enumerate([*lines, ""]):
        if line.strip(" "):
            if start < 0:
                start = index
        elif start >= 0:
            pieces = [split_pieces(part, _PIECE) for part in lines[start:index]]
            if not all(pieces):
                return None
            blocks.append((start, pieces))
            start = -1
    return blocks


_SPANS = {"emphasis": nodes.emphasis, "strong": nodes.strong}


def paragraphs(blocks: list[tuple[int, list[list[Piece]]]], source: str, first_line: int,
               page: nodes.document) -> list[nodes.Node]:
    """Paragraph nodes as MyST builds them, located in the data file.

    ``first_line`` is the data-file line of the text's first line; like the
    parsed path, every node points at ``page``, and spans carry the source
    and line of their paragraph.
    """
    result: list[nodes.Node] = []
    for index, lines in blocks:
        line_number = first_line + index
        paragraph = nodes.paragraph("\n".join(_raw(pieces) for pieces in lines))
        paragraph.source, paragraph.line = source, line_number
        for number, pieces in enumerate(lines):
            if number:
                paragraph.append(nodes.Text("\n"))
            if pieces[0][0] == "strong":
                # markdown-it leaves an empty text token where a line starts with ``**``
                paragraph.append(nodes.Text(""))
            for kind, text in pieces:
                node: nodes.Node
                if kind == "text":
                    node = nodes.Text(text)
                else:
                    node = (nodes.literal(text, text) if kind == "literal"
                            else _SPANS[kind]("", nodes.Text(text)))
                    node.source, node.line = source, line_number
                paragraph.append(node)
            if pieces[-1][0] == "strong":
                # markdown-it leaves an empty text token after a line's closing ``**``
                paragraph.append(nodes.Text(""))
        for node in paragraph.findall():
            node.document = page
        result.append(paragraph)
    return result


_MARKS = {"text": "", "emphasis": "*", "strong": "**", "literal": "`"}


def _raw(pieces: list[Piece]) -> str:
    """The line as written (a paragraph's ``rawsource`` is its markdown)."""
    return "".join(_MARKS[kind] + text + _MARKS[kind] for kind, text in pieces)
