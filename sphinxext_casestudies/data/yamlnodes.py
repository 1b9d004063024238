"""Turning YAML text into a composed node tree, without ever running or expanding anything.

Only *composing* is done (no construction), so no tag can run code and no
alias is expanded; nodes keep their marks, so every problem has a line.  Two
measured traps are handled here: the composers recurse (libyaml's in C, which
crashed the process before libyaml had a limit of its own; PyYAML's in
Python) on deep nesting, guarded by :func:`nesting_problem` below every
library limit, and the garbage collector dominates the time of composing big
files (paused).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from yaml.nodes import Node

from sphinxext_casestudies.data.model import Problem

MAX_DEPTH = 100
"""Deepest nesting of collections accepted (the schema needs 4; libyaml's own limit is 1000)."""

_LOADER: Any = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
if _LOADER is None:  # pragma: no cover - depends on the PyYAML build
    _LOADER = yaml.SafeLoader

CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL, TIMESTAMP = (
    CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp"))
MERGE, VALUE, SEQ, MAP = (CORE + t for t in ("merge", "value", "seq", "map"))


_YAML_ONLY_BREAKS = "\x85\u2028\u2029"
_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_EDITOR_BREAK = re.compile(b"\r\n|[\r\n]")


class Lines:
    """YAML's 0-based line numbers as the 1-based lines editors and Sphinx show.

    ``first_line`` shifts text embedded in another file (a directive body).
    YAML 1.1 also breaks lines at U+0085, U+2028 and U+2029, which editors
    do not: only a text holding one of those (rare) gets a table of editor lines.
    """

    __slots__ = ("first_line", "table", "text")

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line
        self.table: list[int] | None = None
        if any(char in text for char in _YAML_ONLY_BREAKS):
            table = [0]
            for match in _YAML_BREAK.finditer(text):
                table.append(table[-1] + (match.group() not in _YAML_ONLY_BREAKS))
            self.table = table

    def at(self, yaml_line: int) -> int:
        if self.table is not None:
            yaml_line = self.table[min(yaml_line, len(self.table) - 1)]
        return yaml_line + self.first_line

    def of(self, node: Node) -> int:
        return self.at(node.start_mark.line)

    def at_offset(self, offset: int, *, in_bytes: bool = False) -> int:
        """The line of a character (or UTF-8 byte) offset into the text."""
        data = self.text.encode("utf-8", "surrogatepass")
        if not in_bytes:
            offset = len(self.text[:offset].encode("utf-8", "surrogatepass"))
        return line_at(data, offset) + self.first_line - 1


_MAYBE_ANCHOR = re.compile(r"(?<!\w)&")


def may_share_nodes(text: str) -> bool:
    """False only when no node of ``text`` can be reached twice.

    Only an alias (``*a``, ``<<: *a``) shares a node, and it needs an anchor
    (``&a``).  An anchor starts a token, so it never follows a letter, digit
    or ``_``: those continue the scalar, tag or name before it.  So ``R&D``
    or a URL's ``?a=1&b=2`` rule nothing out, and a text with no other ``&``
    holds no anchor.  (A stray ``&`` after a space only costs the check.)
    """
    return _MAYBE_ANCHOR.search(text) is not None


def line_at(data: bytes, offset: int) -> int:
    """1-based line of a byte offset, counting LF, CRLF and CR line ends like editors."""
    return len(_EDITOR_BREAK.findall(data, 0, offset)) + 1


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text without a BOM, or a problem at the line of the first bad byte."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = line_at(data, err.start)
        bad = data[err.start:err.start + 1].hex()
        return None, [Problem(path, line, "data", f"not UTF-8: byte 0x{bad} cannot be decoded")]
    return text.removeprefix("\ufeff"), []


def compose(text: str, path: str, lines: Lines | None = None,
            ) -> tuple[Node | None, list[Problem]]:
    """The single document's root node (None for an empty one), or the problem why not."""
    lines = lines or Lines(text)
    deep = nesting_problem(text, path, lines)
    if deep is not None:
        return None, [deep]
    try:
        with gc_paused():
            return _compose(text), []
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, path, lines)]
    except yaml.YAMLError as err:  # the pure-Python reader checks characters up front
        return None, [_reader_problem(err, path, lines)]
    except RecursionError:  # the pure-Python composer recurses (the guard keeps it shallow)
        return None, [Problem(path, lines.first_line, "limit", "YAML nested too deeply")]
    except UnicodeError as err:  # lone surrogates in text handed over by a caller
        return None, [Problem(path, lines.first_line, "data", f"unreadable text: {err}")]


def _compose(text: str) -> Node | None:
    loader = _LOADER(text)
    try:
        root: Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    if root is not None and _LOADER is yaml.SafeLoader and _SURROGATE_ESCAPE.search(text):
        _refuse_surrogates(root)
    return root


_SURROGATE_ESCAPE = re.compile(r"\\(?:u[dD][89a-fA-F]|U0000[dD][89a-fA-F])")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _refuse_surrogates(root: Node) -> None:
    """Refuse a lone surrogate escape (``"\\ud800"``) as libyaml does.

    PyYAML's pure-Python scanner accepts one and builds text that no UTF-8
    page can hold; libyaml refuses it at the scalar.  Only text holding such
    an escape is walked.
    """
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node.value, str):
            if _SURROGATE.search(node.value):
                raise yaml.MarkedYAMLError(
                    "while parsing a quoted scalar", node.start_mark,
                    "found invalid Unicode character escape code", node.start_mark)
        else:
            for item in node.value:
                stack.extend(item if isinstance(item, tuple) else (item,))


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the garbage collector: composing makes many objects and no cycles worth a pass.

    Callers keep it paused until the node tree is freed again (by reference
    counting), so no collection ever walks the tree: measured 3-10x faster.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _syntax_problem(err: yaml.MarkedYAMLError, path: str, lines: Lines) -> Problem:
    """The syntax error at the same line whichever loader found it.

    At the end of a text without a final line break libyaml points at the
    line after the last one, the pure-Python loader at the last one: the last
    real line it is.  A tab where YAML wants spaces is worded the same way for
    both (they disagree, and it is the most common mistake).
    """
    mark = err.problem_mark or err.context_mark
    line = 0
    if mark is not None:
        line = lines.at(min(mark.line, len(_YAML_BREAK.findall(lines.text))))
    if "expected a single document" in str(err.context):
        return Problem(path, line, "data", "more than one YAML document (a data file holds one)")
    if mark is not None and _char_at(lines.text, mark.line, mark.column) == "\t":
        return Problem(path, line, "data", "YAML syntax error: a tab character where YAML "
                       "needs spaces (YAML is indented with spaces only)")
    where = f" ({err.context})" if err.context else ""
    return Problem(path, line, "data", f"YAML syntax error: {err.problem}{where}")


def _char_at(text: str, line: int, column: int) -> str:
    rows = _YAML_BREAK.split(text, maxsplit=line + 1)
    row = rows[line] if line < len(rows) else ""
    return row[column:column + 1]


def _reader_problem(err: yaml.YAMLError, path: str, lines: Lines) -> Problem:
    """A reader error (e.g. a control character): its position is a character or byte offset."""
    position = getattr(err, "position", None)
    line = 0
    if isinstance(position, int):  # libyaml counts bytes of the UTF-8 text
        line = lines.at_offset(position, in_bytes=_LOADER is not yaml.SafeLoader)
    reason = getattr(err, "reason", None) or str(err)
    return Problem(path, line, "data", f"unreadable YAML: {reason}")


# --- nesting guard --------------------------------------------------------------------

def nesting_problem(text: str, path: str, lines: Lines | None = None) -> Problem | None:
    """A ``limit`` problem when collections nest deeper than :data:`MAX_DEPTH`, else None.

    Ours runs before any limit of the YAML library (libyaml 0.2.5 as bundled
    with PyYAML 6.0.4 stops at 1000 levels with a message of its own; the
    pure-Python composer recurses until Python's recursion limit), so a file
    nested too deep gets the same warning whatever PyYAML was installed.
    Cheap conservative bounds come first (any file of normal shape stops
    there); only a suspicious file has its real depth measured with the event
    parser, which, unlike the composers, is iterative in both loaders.
    """
    openers = text.count("[") + text.count("{")
    flow = openers if openers <= MAX_DEPTH else _flow_bound(text)
    lead = (MAX_DEPTH - flow) // 2
    if lead > 0 and not _has_lead(text, lead):
        return None
    return _measured_depth_problem(text, path, lines or Lines(text))


_BREAKS = "\n\r\x85\u2028\u2029"
_LEADS: dict[tuple[int, bool], re.Pattern[str]] = {}


def _has_lead(text: str, length: int) -> bool:
    """Whether a line starts with ``length`` characters of indentation and block indicators.

    Block collections nest only by starting further right (a sequence may share
    its parent mapping's column, nothing else may), and each starts either at
    its line's indentation or after indicators (``- - -``, ``? -``) on it.  So
    when no line starts with ``length`` such characters, block nesting is at
    most ``2 * length`` deep.  A plain search: about 3 ms a megabyte.
    """
    odd_breaks = any(char in text for char in "\r\x85\u2028\u2029")
    pattern = _LEADS.get((length, odd_breaks))
    if pattern is None:
        start = f"[{_BREAKS}]" if odd_breaks else "\n"
        pattern = re.compile(f"{start}(?:[ \t]|[-?:](?=[ \t{_BREAKS}])){{{length}}}")
        _LEADS[length, odd_breaks] = pattern
    return bool(pattern.search(text) or pattern.match("\n" + text[:length + 1]))


_BRACKET = re.compile(r"[\[\]{}]")
_OPAQUE = re.compile(r"[\"'#!]")
_NOT_BRACKET = re.compile(r"[^\[\]{}]")


def _flow_bound(text: str) -> int:
    """An upper bound of flow nesting, cheap for the one-line collections data is full of.

    A line without quotes, comments or tags whose brackets balance (never
    closing more than it opened) cannot leave flow nesting deeper than it
    found it: inside flow context such a line's closers are real, and outside
    it (block scalars, multi-line quoted text) nothing nests at all.  Such a
    line adds only its own peak, once for the whole file; every other line
    counts all its openers and none of its closers.
    """
    bound = peak = 0
    end = -1
    for bracket in _BRACKET.finditer(text):
        if bracket.start() < end:
            continue  # a line already looked at
        start = text.rfind("\n", 0, bracket.start()) + 1
        end = text.find("\n", bracket.start())
        end = len(text) if end < 0 else end
        line = text[start:end]
        inner = -1 if _OPAQUE.search(line) else _balanced_peak(_NOT_BRACKET.sub("", line))
        if inner < 0:
            bound += line.count("[") + line.count("{")
        else:
            peak = max(peak, inner)
    return bound + peak


def _balanced_peak(brackets: str) -> int:
    """The deepest point of balanced brackets, or -1 when they do not balance."""
    depth = peak = 0
    for char in brackets:
        depth += 1 if char in "[{" else -1
        if depth < 0:
            return -1
        peak = max(peak, depth)
    return peak if depth == 0 else -1


def _measured_depth_problem(text: str, path: str, lines: Lines) -> Problem | None:
    """The real nesting depth, from parse events (iterative, so deep input is safe).

    libyaml's scanner reads ahead of the events it has handed out (up to a
    simple key's 1024 characters), so its own depth limit can fire before we
    have seen :data:`MAX_DEPTH` levels; then the pure-Python parser, which has
    no limit, measures again.  Only a suspicious file that is also broken
    pays for that second pass.
    """
    problem, failed = _depth_from_events(text, path, lines, _LOADER)
    if failed and _LOADER is not yaml.SafeLoader:
        problem, failed = _depth_from_events(text, path, lines, yaml.SafeLoader)
    return problem


def _depth_from_events(text: str, path: str, lines: Lines,
                       loader: Any) -> tuple[Problem | None, bool]:
    """The problem when nesting passes :data:`MAX_DEPTH`, and whether parsing failed first."""
    depth = 0
    try:
        with gc_paused():
            for event in yaml.parse(text, Loader=loader):
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        line = event.start_mark.line if event.start_mark else 0
                        return Problem(path, lines.at(line), "limit",
                                       f"YAML nested deeper than {MAX_DEPTH} levels"), False
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
    except yaml.YAMLError:
        return None, True  # composing reports the same error, if not the depth
    return None, False
