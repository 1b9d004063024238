"""Recognise MyST text that can only parse to plain paragraphs, and build them directly.

The MyST counterpart of :mod:`.plain_rst`.  Most rich-text fields are prose
without markup; markdown-it and MyST's renderer turn such a field into one
``paragraph`` per blank-line-separated block, holding one ``Text`` per line
with a ``Text("\\n")`` for each soft line break between them.  That result is
known in advance, so plain fields skip the parser.

The test is deliberately narrow.  Text qualifies only when

* it has none of the characters that start markup in CommonMark or in a MyST
  extension: ``* _ ` [ ] < > & \\ { } : $ ~ | # ^`` (emphasis, code, links
  and images, autolinks and HTML, entities, escapes, roles, directives,
  substitutions, math, strikethrough, tables, headings, footnotes), nor a
  tab or a control character (markdown-it replaces ``NUL`` and folds
  ``\\r``), nor a line break :meth:`str.splitlines` knows but markdown-it
  does not;
* every line is blank (spaces only) or starts with a letter and ends with a
  character that is not white space, so no line can open a block (a list, a
  quote, a fence, indented code, a setext underline, a target, a comment)
  or end in a hard line break, and markdown-it strips nothing from a line;
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

_NOT_PLAIN = re.compile(
    r"[*_`\[\]<>&\\{}:$~|#^\t]"                 # markup of CommonMark and MyST's extensions
    r"|[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029]"  # controls, \r, other line breaks
    r"|^(?![^\W\d_]| *$)"                        # a line neither blank nor starting with a letter
    r"|\S[^\S\n]+$",                             # a non-blank line ending in white space
    re.MULTILINE,
)

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


def plain_blocks(text: str) -> list[tuple[int, list[str]]] | None:
    """The paragraphs of ``text`` as (index of first line, lines), or None if it may hold markup."""
    if _NOT_PLAIN.search(text):
        return None
    blocks: list[tuple[int, list[str]]] = []
    lines = text.split("\n")
    start = -1
    for index, line in enumerate([*lines, ""]):
        if line.strip(" "):
            if start < 0:
                start = index
        elif start >= 0:
            blocks.append((start, lines[start:index]))
            start = -1
    return blocks


def paragraphs(blocks: list[tuple[int, list[str]]], source: str, first_line: int,
               page: nodes.document) -> list[nodes.Node]:
    """Paragraph nodes as MyST builds them, located in the data file.

    ``first_line`` is the data-file line of the text's first line; like the
    parsed path, every node points at ``page``.
    """
    result: list[nodes.Node] = []
    for index, lines in blocks:
        paragraph = nodes.paragraph("\n".join(lines))
        for number, line in enumerate(lines):
            if number:
                paragraph += nodes.Text("\n")
            paragraph += nodes.Text(line)
        paragraph.source, paragraph.line = source, first_line + index
        paragraph.document = page
        for child in paragraph.children:
            child.document = page
        result.append(paragraph)
    return result
