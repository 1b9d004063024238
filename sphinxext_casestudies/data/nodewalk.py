"""Walks over a composed node tree: refusing non-safe tags, applying ``<<`` merges.

Every walk visits each node once (aliases share nodes, and anchors can even
make cycles), so no file can make them slow, however its aliases are laid out.
"""

from __future__ import annotations

from collections.abc import Iterator

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sphinxext_casestudies.data.model import Problem
from sphinxext_casestudies.data.wording import escaped
from sphinxext_casestudies.data.yamlnodes import (
    BOOL,
    CORE,
    FLOAT,
    INT,
    MAP,
    MERGE,
    NULL,
    SEQ,
    STR,
    TIMESTAMP,
    VALUE,
    Lines,
)

_FITTING_TAGS: dict[type[Node], frozenset[str]] = {
    ScalarNode: frozenset({STR, INT, FLOAT, BOOL, NULL, TIMESTAMP, MERGE, VALUE}),
    SequenceNode: frozenset({SEQ}),
    MappingNode: frozenset({MAP}),
}
_ALL_SAFE = frozenset().union(*_FITTING_TAGS.values())


def short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` -> ``!!python/object``, as users write it."""
    return "!!" + tag[len(CORE):] if tag.startswith(CORE) else tag


def unsafe_nodes(root: Node, text: str) -> list[Node]:
    """Nodes whose tag is not a core YAML tag fitting their kind, each once.

    Shared (aliased) nodes are visited once, so anchors cannot make this slow;
    a text without ``!`` cannot hold an explicit tag, so it is not walked.
    """
    if "!" not in text:
        return []
    return [node for node in _each_once(root)
            if node.tag not in _FITTING_TAGS.get(type(node), ())]


def tag_problem(node: Node, path: str, lines: Lines) -> Problem:
    """The ``data`` problem of a node :func:`unsafe_nodes` found."""
    tag = escaped(short_tag(str(node.tag)))
    if node.tag in _ALL_SAFE:  # e.g. "!!int [1]": safe, but not for a list
        kind = {ScalarNode: "a scalar", SequenceNode: "a list"}.get(type(node), "a mapping")
        return Problem(path, lines.of(node), "data", f"YAML tag {tag} does not fit {kind}")
    return Problem(path, lines.of(node), "data", f"non-safe YAML tag {tag} refused")


def tainted(root: Node, bad: list[Node]) -> set[int]:
    """Ids of every node from which a bad node can be reached (the bad ones included)."""
    if not bad:
        return set()
    parents: dict[int, list[Node]] = {}
    for node in _each_once(root):
        for child in _children(node):
            parents.setdefault(id(child), []).append(node)
    marked = {id(n) for n in bad}
    todo = list(bad)
    while todo:
        for parent in parents.get(id(todo.pop()), ()):
            if id(parent) not in marked:
                marked.add(id(parent))
                todo.append(parent)
    return marked


def _each_once(root: Node) -> Iterator[Node]:
    """Every node reachable from ``root``, each once (aliases share nodes, anchors loop)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        stack.extend(_children(node))


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def merged_pairs(sources: list[Node]) -> tuple[list[tuple[Node, Node]], Node | None]:
    """Key/value pairs that ``<<`` merges bring, earlier sources first (YAML 1.1 merge keys).

    Depth-first with each node once, so neither recursive anchors nor merge
    chains can loop or blow up; also returns a source that is not a mapping.
    """
    pairs: list[tuple[Node, Node]] = []
    stack = list(reversed(sources))
    visited: set[int] = set()
    while stack:
        source = stack.pop()
        if id(source) in visited:
            continue
        visited.add(id(source))
        if isinstance(source, SequenceNode):
            stack.extend(reversed(source.value))
        elif isinstance(source, MappingNode):
            nested = [value for key, value in source.value if key.tag == MERGE]
            pairs.extend((key, value) for key, value in source.value if key.tag != MERGE)
            stack.extend(reversed(nested))
        else:
            return pairs, source
    return pairs, None
