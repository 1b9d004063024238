"""Checking composed YAML nodes against a :class:`~.schema.Spec` and converting them.

Values are read from node tags and texts directly (never through PyYAML's
constructors, which raise on ``2021-13-45`` and expand aliases), and only as
deep as the spec reaches, so a billion-laughs file costs nothing.  A failed
check records a :class:`~.model.Problem` and yields :data:`BAD`; the caller
drops the entry but keeps checking, so every problem of an entry is reported.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sphinxext_casestudies.data.model import Problem, Subtype, Text
from sphinxext_casestudies.data.nodewalk import merged_pairs
from sphinxext_casestudies.data.schema import DATE_PATTERN, SLUG_PATTERN, Spec
from sphinxext_casestudies.data.wording import describe, hint, key_name, shown
from sphinxext_casestudies.data.yamlnodes import (
    BOOL,
    FLOAT,
    INT,
    MERGE,
    STR,
    TIMESTAMP,
    VALUE,
    Lines,
    may_share_nodes,
)
from sphinxext_casestudies.trust.links import data_url, strip_blanks


class _Bad:
    __slots__ = ()

    def __repr__(self) -> str:
        return "BAD"


BAD: Any = _Bad()
"""Marks a value that failed its check (its problem is already recorded)."""

_TEXT_TAGS = frozenset({STR, VALUE})
_NUMBER_TAGS = frozenset({INT, FLOAT})
_QUOTABLE = frozenset({INT, FLOAT, BOOL, TIMESTAMP})
_EXPECTED = {"text": "text", "rich": "text", "int": "integer", "bool": "true or false",
             "date": "a date YYYY-MM-DD",
             "scalar": "text or number", "list": "a list", "object": "a mapping"}
_PATTERN_HINTS = {SLUG_PATTERN: "use lower-case letters, digits, '-' and '_', "
                                "starting with a letter or digit"}
@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    """A schema pattern as JSON Schema (ECMA) reads it: a final ``$`` is the very end."""
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") else pattern)

_LONGEST_NUMBER = 64
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})\Z")
_INT_CONSTRUCTOR = SafeConstructor()

EXPANSION_FACTOR = 16
"""Aliases and merge keys may repeat content up to this many times the file's size ..."""
EXPANSION_FLOOR = 256 * 1024
"""... plus this many characters, so small files may share a logo or a summary freely."""


class Expansion:
    """What repeating aliased nodes (``*a``, ``<<: *a``) has cost one file so far.

    Each node is converted once per spec.  A repeat is charged what it would
    cost converted again: the size of the value it stands for (its text, and
    everything repeated inside it counted as often as it appears), or for a
    value with problems, the problems it reports again.  Past the budget,
    repeats are refused: a file cannot make the build do work, or write
    pages, out of proportion to its size.
    """

    __slots__ = ("budget", "converted", "refused", "shared", "sizes", "spent")

    def __init__(self, text: str | None) -> None:
        self.budget = (1 << 62 if text is None
                       else EXPANSION_FACTOR * len(text) + EXPANSION_FLOOR)
        self.shared = text is None or may_share_nodes(text)
        """False when no node can be met twice: then nothing is remembered or measured."""
        self.spent = 0
        self.refused = False
        self.converted: dict[tuple[int, int], tuple[Any, int]] = {}
        self.sizes: dict[int, int] = {}

    def charge(self, cost: int) -> bool:
        """Charge one repeat; False once the budget is spent."""
        self.spent += cost
        return self.spent <= self.budget

    def size(self, value: Any) -> int:
        """Characters (plus one per item) of a converted value, repeats counted each time.

        Shared parts are measured once (by identity), so measuring is linear
        in the distinct values, however often they repeat.
        """
        if isinstance(value, str):
            return len(value) + 1
        if isinstance(value, Text):
            return len(value.text) + 1
        if not isinstance(value, (tuple, Obj)):
            return 1
        known = self.sizes.get(id(value))
        if known is None:
            items = value if isinstance(value, tuple) else tuple(value.values.values())
            known = self.sizes[id(value)] = 1 + sum(self.size(item) for item in items)
        return known


_PROBLEM_COST = 64
"""What one problem reported again costs against the budget (a line of log)."""


@dataclass
class Context:
    """Where the nodes come from, the problems found so far, and what repeats cost."""

    path: str
    lines: Lines
    problems: list[Problem] = field(default_factory=list)
    expansion: Expansion = field(default_factory=lambda: Expansion(None))

    def line(self, node: Node) -> int:
        return self.lines.at(node.start_mark.line)

    def report(self, node: Node | int, subtype: Subtype, message: str) -> Any:
        """Record a problem at a node (or line); returns :data:`BAD` for ``return`` chaining."""
        line = node if isinstance(node, int) else self.line(node)
        self.problems.append(Problem(self.path, line, subtype, message))
        return BAD


@dataclass(frozen=True)
class Obj:
    """A checked mapping: converted values by field name, and the node each came from."""

    values: dict[str, Any]
    line: int
    nodes: dict[str, Node]


def convert(spec: Spec, node: Node, where: str, ctx: Context, at: Node | None = None) -> Any:
    """The checked value of ``node`` for ``spec``, or :data:`BAD`.

    A node met again (an alias) gives the value converted the first time (a
    value with problems is converted again, so they are reported where it is
    used), if the file's :class:`Expansion` budget allows; ``at`` is where it
    is used, for the ``limit`` problem.  A file without anchors shares no
    node, so none of this bookkeeping is done for it (about 12% of loading 5000
    entries).
    """
    expansion = ctx.expansion
    if not expansion.shared:
        return _CONVERTERS[spec.kind](spec, node, where, ctx)
    key = (id(node), id(spec))
    known = expansion.converted.get(key)
    if known is not None:
        value, cost = known
        if not expansion.charge(cost):
            if not expansion.refused:
                expansion.refused = True
                ctx.report(at or node, "limit", f"{where}: aliases repeat more than this file "
                           f"may expand to ({EXPANSION_FACTOR} times its size plus "
                           f"{EXPANSION_FLOOR} characters); this and every later repeat "
                           "are refused")
            return BAD
        if value is not BAD:
            return value
    before = len(ctx.problems)
    value = _CONVERTERS[spec.kind](spec, node, where, ctx)
    if known is None:
        cost = (expansion.size(value) if value is not BAD
                else (len(ctx.problems) - before + 1) * _PROBLEM_COST)
        expansion.converted[key] = (value, cost)
    return value


def _wrong_type(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    expected = "text or a mapping" if spec.shorthand else _EXPECTED[spec.kind]
    quote = (" — quote it" if spec.kind in ("text", "rich", "scalar")
             and isinstance(node, ScalarNode) and node.tag in _QUOTABLE else "")
    return ctx.report(node, "schema", f"{where}: expected {expected}, got {describe(node)}{quote}")


def _text(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    if node.tag not in _TEXT_TAGS or type(node) is not ScalarNode:
        return _wrong_type(spec, node, where, ctx)
    if spec.unconstrained:
        return node.value
    return _check_text(spec, str(node.value), node, where, ctx)


def _check_text(spec: Spec, value: str, node: Node, where: str, ctx: Context) -> Any:
    if spec.role is not None:
        return _url_or_name(spec, value, node, where, ctx)
    if len(value) < spec.min_length:
        return ctx.report(node, "schema", f"{where}: must not be empty")
    if spec.enum and value not in spec.enum:
        return ctx.report(node, "schema", f"{where}: {shown(value)} is not one of "
                          f"{', '.join(spec.enum)}{hint(value, spec.enum)}")
    if spec.pattern and not _regex(spec.pattern).search(value):
        why = _PATTERN_HINTS.get(spec.pattern, f"must match {spec.pattern}")
        return ctx.report(node, "schema", f"{where}: {shown(value)} is not valid: {why}")
    if value in spec.reserved:
        return ctx.report(node, "schema", f"{where}: {shown(value)} is reserved: Sphinx's "
                          "themes give this id to an element of their own")
    return value


def _url_or_name(spec: Spec, value: str, node: Node, where: str, ctx: Context) -> Any:
    """A ``link`` or logo path: an http(s) URL (scheme lower-cased) or a name, stripped."""
    value = strip_blanks(value)
    url = data_url(value)
    if url is not None:
        checked, scheme, refusal = url
        if refusal == "scheme":
            return ctx.report(node, "url", f"{where}: URL scheme {shown(scheme + ':')} is not "
                              "allowed (only http and https)")
        if refusal == "malformed":
            return ctx.report(node, "url", f"{where}: malformed URL {shown(checked)}")
        return checked
    if spec.role == "link":
        value = value.lstrip("/")  # "/stories/x" names the same document as "stories/x"
    if not value:
        return ctx.report(node, "schema", f"{where}: must not be empty")
    return value


def _rich(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    if node.tag not in _TEXT_TAGS or type(node) is not ScalarNode:
        return _wrong_type(spec, node, where, ctx)
    text = str(node.value)
    if len(text) < spec.min_length:
        return ctx.report(node, "schema", f"{where}: must not be empty")
    # A block scalar's text starts on the line after its "|" or ">" indicator.
    line = ctx.lines.at(node.start_mark.line + (node.style == "|" or node.style == ">"))
    return Text(text, line)


def _int(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    """An integer; ``3.0`` counts too, as it does for JSON Schema's ``integer``."""
    if not isinstance(node, ScalarNode) or node.tag not in _NUMBER_TAGS:
        return _wrong_type(spec, node, where, ctx)
    text = str(node.value)
    if len(text) > _LONGEST_NUMBER:  # also keeps "1:2:3:..." (quadratic to convert) away
        return ctx.report(node, "schema", f"{where}: number out of range {shown(text)}")
    value = _parse_int(text) if node.tag == INT else _integral(text)
    if value is None:
        return ctx.report(node, "schema",
                          f"{where}: expected integer, got {shown(str(node.value))}")
    if spec.minimum is not None and value < spec.minimum:
        return ctx.report(node, "schema", f"{where}: must be at least {spec.minimum}")
    if spec.maximum is not None and value > spec.maximum:
        return ctx.report(node, "schema", f"{where}: must be at most {spec.maximum}")
    return value


def _parse_int(text: str) -> int | None:
    """YAML 1.1 integer forms (``0x1F``, ``017``, ``1_000``, ``1:30``) without raising."""
    if _DECIMAL.match(text):
        return int(text)
    try:
        return int(_INT_CONSTRUCTOR.construct_yaml_int(ScalarNode(INT, text)))
    except (ValueError, IndexError):  # an explicit !!int on a non-number, or 5000 digits
        return None


def _integral(text: str) -> int | None:
    """The value of a YAML float with no fractional part (``3.0``, ``1.5e+3``), else None."""
    try:
        value = float(_INT_CONSTRUCTOR.construct_yaml_float(ScalarNode(FLOAT, text)))
    except (ValueError, IndexError):
        return None
    return int(value) if value.is_integer() else None


def _bool(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    """``true`` or ``false`` (YAML 1.1's ``yes``/``on`` too, as the safe loader reads them)."""
    if not isinstance(node, ScalarNode) or node.tag != BOOL:
        return _wrong_type(spec, node, where, ctx)
    return str(node.value).lower() in ("true", "yes", "on", "y")


def _date(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    if not isinstance(node, ScalarNode) or node.tag not in (TIMESTAMP, STR):
        return _wrong_type(spec, node, where, ctx)
    value = str(node.value)
    if not _regex(spec.pattern or DATE_PATTERN).match(value) or not _valid_date(value):
        return ctx.report(node, "schema", f"{where}: bad date {shown(value)}, expected YYYY-MM-DD")
    return value


def _valid_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _scalar(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    """Text, or a number kept as the literal text it was written as."""
    if isinstance(node, ScalarNode) and node.tag in _NUMBER_TAGS:
        return str(node.value)
    return _text(spec, node, where, ctx)


def _list(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    if not isinstance(node, SequenceNode):
        return _wrong_type(spec, node, where, ctx)
    item_spec = spec.items
    assert item_spec is not None
    before = len(ctx.problems)
    items = tuple([convert(item_spec, item, f"{where}[{n}]", ctx, node)
                   for n, item in enumerate(node.value, 1)])
    # A problem recorded means an item may be BAD (a refused repeat records one only once).
    clean = len(ctx.problems) == before and not ctx.expansion.refused
    return items if clean or all(i is not BAD for i in items) else BAD


def _object(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    """A mapping of known fields; unknown ones are reported and ignored, not fatal."""
    if type(node) is not MappingNode:
        return _shorthand(spec, node, where, ctx)
    fields = spec.by_name
    prefix = f"{where}." if where else ""
    values: dict[str, Any] = {}
    nodes: dict[str, Node] = {}
    unusual: list[tuple[Node, Node]] = []
    ok = True
    for key, value in node.value:  # the common case, kept tight: 5000 entries < 1 s
        sub = fields.get(key.value) if type(key) is ScalarNode else None
        if sub is None or sub.name in nodes:
            unusual.append((key, value))
            continue
        converted = convert(sub.spec, value, prefix + sub.name, ctx, key)
        values[sub.name] = converted
        nodes[sub.name] = value
        if converted is BAD:
            ok = False
    if unusual and not _unusual_fields(spec, unusual, values, nodes, prefix, ctx):
        ok = False
    for name in spec.required:
        if name not in values:
            ctx.report(node, "schema", f"{where + ': ' if where else ''}missing required "
                       f"field '{name}'")
            ok = False
    return Obj(values, ctx.line(node), nodes) if ok else BAD


def _unusual_fields(spec: Spec, pairs: list[tuple[Node, Node]], values: dict[str, Any],
                    nodes: dict[str, Node], prefix: str, ctx: Context) -> bool:
    """Unknown and repeated fields, and ``<<`` merges; False when the mapping is unusable."""
    ok = True
    unknown: dict[str, Node] = {}
    merges: list[Node] = []
    for key, value in pairs:
        name = key_name(key)
        if key.tag == MERGE:
            merges.append(value)
        elif name in nodes or name in unknown:
            first = nodes.get(name) or unknown[name]
            ctx.report(key, "schema", f"duplicate field {shown(prefix + name)} (first at line "
                       f"{ctx.line(first)})")
            ok = False
        elif name not in spec.by_name:
            unknown[name] = key
            ctx.report(key, "schema", f"unknown field {shown(prefix + name)} ignored"
                       f"{hint(name, tuple(spec.by_name))}")
    if not merges:
        return ok
    merged, wrong = merged_pairs(merges)
    if wrong is not None:
        ctx.report(wrong, "schema", f"<<: can only merge mappings, got {describe(wrong)}")
        return False
    for key, value in merged:
        name = key_name(key)
        sub = spec.by_name.get(name)
        if name in nodes or name in unknown:
            continue  # set in the mapping itself, or by an earlier merge
        if sub is None:
            unknown[name] = key
            ctx.report(key, "schema", f"unknown field {shown(prefix + name)} ignored (merged)"
                       f"{hint(name, tuple(spec.by_name))}")
            continue
        values[name] = converted = convert(sub.spec, value, prefix + name, ctx, key)
        nodes[name] = value
        ok = ok and converted is not BAD
    return ok


def _shorthand(spec: Spec, node: Node, where: str, ctx: Context) -> Any:
    """A bare text standing for ``{shorthand: text}`` (e.g. ``logo: img/x.svg``)."""
    if not (spec.shorthand and isinstance(node, ScalarNode) and node.tag in _TEXT_TAGS):
        return _wrong_type(spec, node, where, ctx)
    short = spec.by_name[spec.shorthand]
    value = convert(short.spec, node, f"{where}.{short.name}" if where else short.name, ctx)
    return BAD if value is BAD else Obj({short.name: value}, ctx.line(node), {short.name: node})


_CONVERTERS: dict[str, Callable[[Spec, Node, str, Context], Any]] = {
    "text": _text, "rich": _rich, "int": _int, "bool": _bool, "date": _date, "scalar": _scalar,
    "list": _list, "object": _object,
}
