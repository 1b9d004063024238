"""Recognise reST text that can only parse to plain paragraphs, and build them directly.

Most rich-text fields are prose without any markup.  Sending them through
docutils' state machine and inliner costs about 0.2 ms a field (two thirds
of the benchmark's fields are plain), while the result is known in advance:
one ``paragraph`` holding one ``Text`` per blank-line-separated block.

The test is deliberately narrow.  Text qualifies only when

* it has none of the characters that start inline markup, a role, a
  reference, a standalone URI or an e-mail address: ``* ` _ | [ \\ : @``
  (nor a tab, which docutils expands, nor a line break other than ``\\n``,
  which :meth:`str.splitlines` would split on where this test does not look);
* every line is blank (spaces only) or starts with a letter, so no line can
  open a list, a table, a directive, a quote, a title underline or a
  definition;
* no line starts like an enumerator (``A.``, ``iv)``).

Anything else takes the full parser, so the fast path never guesses; the
test suite checks both give the same nodes for a corpus of edge cases.
"""

from __future__ import annotations

import re

from docutils import nodes

_NOT_PLAIN = re.compile(
    r"[*`_|\[\\:@\t]"            # inline markup, roles, references, URIs, e-mail
    r"|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"  # line breaks other than \n (splitlines)
    r"|^(?![^\W\d_]| *$)"        # a line that neither starts with a letter nor is blank
    r"|^\w+[.)](?:\s|$)",        # a line that starts like an enumerator
    re.MULTILINE,
)


def plain_blocks(text: str) -> list[tuple[int, str]] | None:
    """The paragraphs of ``text`` as (index of first line, text), or None if it may hold markup."""
    if _NOT_PLAIN.search(text):
        return None
    blocks: list[tuple[int, str]] = []
    start = -1
    lines = text.splitlines()
    for index, line in enumerate([*lines, ""]):
        if line.strip(" "):
            if start < 0:
                start = index
        elif start >= 0:
            blocks.append((start, "\n".join(lines[start:index]).rstrip()))
            start = -1
    return blocks


def paragraphs(blocks: list[tuple[int, str]], source: str, first_line: int,
               page: nodes.document) -> list[nodes.Node]:
    """Paragraph nodes as docutils would build them, located in the data file.

    ``first_line`` is the data-file line of the text's first line; like the
    parsed path, every node points at ``page`` so pickles do not drag a
    scratch document along.
    """
    result: list[nodes.Node] = []
    for index, data in blocks:
        text = nodes.Text(data)
        paragraph = nodes.paragraph(data, "", text)
        paragraph.source, paragraph.line = source, first_line + index
        paragraph.document = text.document = page
        result.append(paragraph)
    return result
