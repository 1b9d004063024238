"""How problems word what they found: quoted values, node kinds, "did you mean" hints."""

from __future__ import annotations

import difflib
import re

from yaml.nodes import Node, ScalarNode, SequenceNode

from sphinxext_casestudies.data.yamlnodes import (
    BOOL,
    FLOAT,
    INT,
    MERGE,
    NULL,
    STR,
    TIMESTAMP,
    VALUE,
)

_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SCALAR_NAMES = {STR: "text", VALUE: "text", MERGE: "text", INT: "integer", FLOAT: "number",
                 BOOL: "boolean", NULL: "null", TIMESTAMP: "date"}


def shown(value: str) -> str:
    """A value quoted for a message: cut short, control characters escaped.

    Messages must stay one readable line, and a hostile file must not be able
    to erase or forge lines of a CI log with terminal escape sequences.
    """
    value = value if len(value) <= 60 else value[:57] + "..."
    return "'" + escaped(value) + "'"


def escaped(text: str) -> str:
    """``text`` with control, line-separator and bidi-override characters as escapes."""
    return _UNSHOWABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def describe(node: Node) -> str:
    """What a node holds, in the words of a message: "boolean", "list", ..."""
    if isinstance(node, ScalarNode):
        return _SCALAR_NAMES.get(node.tag, "text")
    return "a list" if isinstance(node, SequenceNode) else "a mapping"


def hint(name: str, choices: list[str] | tuple[str, ...]) -> str:
    """`` (did you mean 'x'?)`` when ``name`` is a likely typo of one of ``choices``."""
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def key_name(key: Node) -> str:
    """A mapping key as text: scalars by their value, collections by their kind."""
    return str(key.value) if isinstance(key, ScalarNode) else f"<{describe(key)}>"
