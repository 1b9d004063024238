"""Turning YAML text into a composed node tree, without ever running or expanding anything.

Only *composing* is done (no construction), so no tag can run code and no
alias is expanded; nodes keep their marks, so every problem has a line.  Two
measured traps are handled here: libyaml's composer recurses in C and crashes
the process on deep nesting (guarded by :func:`nesting_problem`), and the
garbage collector dominates the time of composing big files (paused).
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
"""Deepest nesting of collections accepted (the schema needs 4)."""
_CHEAP_LIMIT = 5000
"""Below this conservative bound, nesting cannot crash libyaml (measured fine at 20000)."""

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
    except RecursionError:  # the pure-Python composer recurses too
        return None, [Problem(path, lines.first_line, "data", "YAML nested too deeply")]
    except UnicodeError as err:  # lone surrogates in text handed over by a caller
        return None, [Problem(path, lines.first_line, "data", f"unreadable text: {err}")]


def _compose(text: str) -> Node | None:
    loader = _LOADER(text)
    try:
        return loader.get_single_node()  # type: ignore[no-any-return]
    finally:
        loader.dispose()


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
    mark = err.problem_mark or err.context_mark
    line = lines.at(mark.line) if mark is not None else 0
    if "expected a single document" in str(err.context):
        return Problem(path, line, "data", "more than one YAML document (a data file holds one)")
    where = f" ({err.context})" if err.context else ""
    return Problem(path, line, "data", f"YAML syntax error: {err.problem}{where}")


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
    """A problem when collections nest deeper than :data:`MAX_DEPTH`, else None.

    Cheap conservative bounds first (any file of normal shape stops there);
    only a suspicious file has its real depth measured with the event parser,
    which, unlike the composer, is iterative in libyaml.
    """
    block_bound = 2 * _longest_line(text)  # indentation, "- - -", "? ? ?"
    if text.count("[") + text.count("{") + block_bound <= _CHEAP_LIMIT:
        return None
    if _flow_bound(text) + block_bound <= _CHEAP_LIMIT:
        return None
    return _measured_depth_problem(text, path, lines or Lines(text))


def _longest_line(text: str) -> int:
    """Length of the longest line (splitting is measured faster than any regex here)."""
    return max(map(len, text.split("\n")))


_BRACKET = re.compile(r"[\[\]{}]")
_OPAQUE = re.compile(r"[\"'#!]")
_NOT_BRACKET = re.compile(r"[^\[\]{}]")


def _flow_bound(text: str) -> int:
    """An upper bound of flow nesting that does not count one-line collections.

    A line without quotes, comments or tags whose brackets balance (never
    closing more than it opened) cannot leave flow nesting deeper than it
    found it: inside flow context such a line's closers are real, and outside
    it (block scalars, multi-line quoted text) nothing nests at all.  Every
    other line counts all its openers and none of its closers.
    """
    bound = 0
    end = -1
    for bracket in _BRACKET.finditer(text):
        if bracket.start() < end:
            continue  # a line already looked at
        start = text.rfind("\n", 0, bracket.start()) + 1
        end = text.find("\n", bracket.start())
        end = len(text) if end < 0 else end
        line = text[start:end]
        if _OPAQUE.search(line) or not _balanced(_NOT_BRACKET.sub("", line)):
            bound += line.count("[") + line.count("{")
    return bound


def _balanced(brackets: str) -> bool:
    depth = 0
    for char in brackets:
        depth += 1 if char in "[{" else -1
        if depth < 0:
            return False
    return depth == 0


def _measured_depth_problem(text: str, path: str, lines: Lines) -> Problem | None:
    """The real nesting depth, from parse events (iterative, so deep input is safe)."""
    depth = 0
    try:
        with gc_paused():
            for event in yaml.parse(text, Loader=_LOADER):
                if isinstance(event, yaml.CollectionStartEvent):
                    depth += 1
                    if depth > MAX_DEPTH:
                        line = event.start_mark.line if event.start_mark else 0
                        return Problem(path, lines.at(line), "data",
                                       f"YAML nested deeper than {MAX_DEPTH} levels")
                elif isinstance(event, yaml.CollectionEndEvent):
                    depth -= 1
    except yaml.YAMLError:
        return None  # composing reports the same error, before reaching any depth
    return None


