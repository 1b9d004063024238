"""Recognise reST text that can only parse to simple paragraphs, and build them directly.

Most rich-text fields are prose with at most some emphasis and literals.
Sending them through docutils' state machine and inliner costs about 0.2 ms
a field, while the result is known in advance: one ``paragraph`` per
blank-line-separated block, holding a ``Text`` per run of words and an
``emphasis``, ``strong`` or ``literal`` per span.

The test is deliberately narrow.  Text qualifies only when

* it has none of the characters that start a role, a reference, a
  substitution, a standalone URI or an e-mail address: ``_ | [ \\ : @``
  (nor a tab, which docutils expands, nor a line break other than ``\\n``,
  which :meth:`str.splitlines` would split on where this test does not look);
* every line is blank (spaces only) or starts with a letter or a span, so
  no line can open a list, a table, a directive, a quote, a title underline
  or a definition;
* no paragraph starts like an enumerator (``A.``, ``iv)``); later lines of
  a paragraph are its text whatever they start with;
* ``*`` and backticks appear only as whole spans within one line:
  ``*words*`` and ``**words**`` that start and end with a letter or digit,
  and ````code```` with no white space at either end, each after a line
  start, white space or ``(`` and before the end, white space or
  ``. , ; ! ? )``, so docutils' inline-markup recognition rules all hold;
  spans do not nest, and with ``character_level_inline_markup`` (other
  rules) there are no spans at all.

Anything else takes the full parser, so the fast path never guesses; the
test suite checks both give the same nodes for a corpus of edge cases.
"""

from __future__ import annotations

import re

from docutils import nodes

_NOT_PLAIN = re.compile(
    r"[_|\[\\:@\t]"              # roles, references, substitutions, URIs, e-mail
    r"|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"  # line breaks other than \n (splitlines)
    r"|^(?![^\W\d_]| *$|\*\*?[^\W_]|``[^`\s])"  # a line starting other than with a
    #                                        letter, a span, or blank
    r"|(?:\A|^ *\n)(?: *\n)*\w+[.)](?:\s|$)",  # a block whose first line starts like an enumerator
    re.MULTILINE,
)


_WORD = r"[^\W_]"
SPAN_TEXT = rf"{_WORD}(?:[^*`\n]*{_WORD})?"
"""The words of an emphasis or strong span, in either syntax: within one line, a letter or
digit at both ends, no ``*`` or backtick inside."""
_BEFORE = r"(?<![^\s(])"
_AFTER = r"(?![^\s.,;!?)])"
_PIECE = re.compile(
    r"(?P<text>[^*`]+)"
    rf"|{_BEFORE}``(?P<literal>[^`\s)](?:[^`\n]*[^`\s])?)``{_AFTER}"
    rf"|{_BEFORE}\*\*(?P<strong>{SPAN_TEXT})\*\*{_AFTER}"
    rf"|{_BEFORE}\*(?P<emphasis>{SPAN_TEXT})\*{_AFTER}"
)
"""One piece of a paragraph: words (line breaks included), or a span the docstring allows."""

Piece = tuple[str, str]
"""``("text" | "emphasis" | "strong" | "literal", its text)``."""


def plain_blocks(text: str, spans: bool = True) -> list[tuple[int, str, list[Piece]]] | None:
    """The paragraphs of ``text`` as (index of first line, text, pieces).

    None when the text may hold more than the module docstring allows;
    ``spans=False`` allows no ``*`` or backtick at all.
    """
    if _NOT_PLAIN.search(text) or (not spans and ("*" in text or "`" in text)):
        return None
    blocks: list[tuple[int, str, list[Piece]]] = []
    start = -1
    lines = text.splitlines()
    for index, line in enumerate([*lines, ""]):
        if line.strip(" "):
            if start < 0:
                start = index
        elif start >= 0:
            data = "\n".join(lines[start:index]).rstrip()
            pieces = split_pieces(data, _PIECE)
            if not pieces:
                return None
            blocks.append((start, data, pieces))
            start = -1
    return blocks


def split_pieces(data: str, piece: re.Pattern[str]) -> list[Piece]:
    """``data`` cut into the pieces ``piece`` names (a ``text`` group and one per span kind).

    [] when some ``*`` or backtick is not part of a whole span.  Shared by
    both syntaxes; each has its own pattern.
    """
    if "*" not in data and "`" not in data:
        return [("text", data)]
    pieces: list[Piece] = []
    position = 0
    while position < len(data):
        match = piece.match(data, position)
        if match is None:
            return []
        kind = match.lastgroup or "text"
        pieces.append((kind, match.group(kind)))
        position = match.end()
    return pieces


_MARKS = {"emphasis": "*", "strong": "**", "literal": "``"}
_SPANS = {"emphasis": nodes.emphasis, "strong": nodes.strong, "literal": nodes.literal}


def paragraphs(blocks: list[tuple[int, str, list[Piece]]], source: str, first_line: int,
               page: nodes.document) -> list[nodes.Node]:
    """Paragraph nodes as docutils would build them, located in the data file.

    ``first_line`` is the data-file line of the text's first line; like the
    parsed path, every node points at ``page`` so pickles do not drag a
    scratch document along.
    """
    result: list[nodes.Node] = []
    for index, data, pieces in blocks:
        paragraph = nodes.paragraph(data, "", *(
            nodes.Text(text) if kind == "text"
            else _SPANS[kind](_MARKS[kind] + text + _MARKS[kind], text)
            for kind, text in pieces))
        paragraph.source, paragraph.line = source, first_line + index
        for node in paragraph.findall():
            node.document = page
        result.append(paragraph)
    return result
