"""What the differential tests of the two fast paths share (``tests/unit/test_plain_*.py``).

Both compare the fast path's nodes with a parser's, node by node, for
generated texts of the same two shapes; only the characters each syntax
treats as odd and the code span's delimiter differ.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docutils import nodes
from hypothesis import strategies as st


def dump(node: nodes.Node, page: nodes.document) -> Any:
    """A node as nested tuples: tag, rawsource, source, line, owner, attributes, children."""
    owned = node.document is page
    if isinstance(node, nodes.Text):
        return ("#text", str(node), owned)
    assert isinstance(node, nodes.Element)
    return (node.tagname, node.rawsource, node.source, node.line, owned,
            sorted(node.attributes.items()), [dump(child, page) for child in node.children])


def prose(odd: Sequence[str], separators: Sequence[str]) -> st.SearchStrategy[str]:
    """Arbitrary odd characters, or letter-led lines joined by odd separators."""
    words = st.text(alphabet=st.sampled_from([*"abcXYZéß东", *odd]), min_size=1, max_size=12)
    lines = st.builds("".join, st.tuples(st.sampled_from(list("aZéAiI")), words))
    return st.one_of(
        st.text(alphabet=st.sampled_from(list(odd)), max_size=60),
        st.lists(st.tuples(lines, st.sampled_from(list(separators))), max_size=6).map(
            lambda parts: "".join(line + sep for line, sep in parts)),
    )


def span_mixes(code: str) -> st.SearchStrategy[str]:
    """Words, ``*em*``, ``**strong**`` and code spans (delimited by ``code``) with glue between."""
    span_words = st.text(alphabet=st.sampled_from([*"abé東1 -'.", "*", "`"]),
                         min_size=1, max_size=6)
    spans = st.one_of(
        span_words,
        span_words.map(lambda w: f"*{w}*"),
        span_words.map(lambda w: f"**{w}**"),
        span_words.map(lambda w: f"{code}{w}{code}"),
    )
    glue = st.sampled_from(["", " ", "(", ")", ". ", ", ", "!", "\n", "\n\n", "x"])
    return st.tuples(st.sampled_from(["Start ", ""]),
                     st.lists(st.tuples(spans, glue), min_size=1, max_size=6)).map(
        lambda lead_parts: lead_parts[0] + "".join(span + g for span, g in lead_parts[1]))
