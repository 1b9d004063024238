"""Directive option values, checked by us so a bad one is a located ``casestudies`` warning.

Docutils' own converters raise, which aborts the whole directive with an
untyped error; here each bad value is reported and replaced by its default,
and the rest of the directive renders.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sphinxext_casestudies.data.model import KINDS
from sphinxext_casestudies.data.select import Selection, parse_sort
from sphinxext_casestudies.data.wording import hint
from sphinxext_casestudies.render.full import PARTS

Report = Callable[[str], None]
_SPLIT = re.compile(r"[\s,]+")
_CLASS = re.compile(r"^-?[_a-zA-Z]+[_a-zA-Z0-9-]*$")

LINK_TARGETS = ("entry", "story", "none")
MAX_COLUMNS = 6


def split_list(value: str | None) -> tuple[str, ...]:
    """``a, b c`` -> ``("a", "b", "c")``: commas and/or white space separate."""
    if not value:
        return ()
    return tuple(part for part in _SPLIT.split(value.strip()) if part)


def split_commas(value: str | None) -> tuple[str, ...]:
    """Industries and tags may hold spaces, so only commas separate them."""
    if not value:
        return ()
    return tuple(part.strip() for part in value.split(",") if part.strip())


def flag(name: str, options: dict[str, str | None], report: Report) -> bool:
    if name not in options:
        return False
    value = options[name]
    if value not in (None, ""):
        report(f"option :{name}: takes no value (got {value!r}); treated as set")
    return True


_ASCII_DIGITS = re.compile(r"[0-9]{1,9}")


def positive_int(name: str, value: str | None, report: Report, *, maximum: int) -> int | None:
    """A whole number written in ASCII digits (``str.isdigit`` also takes "²" and "٣")."""
    if value is None:
        return None
    text = value.strip()
    if _ASCII_DIGITS.fullmatch(text) and 0 < int(text) <= maximum:
        return int(text)
    report(f"option :{name}: must be a whole number from 1 to {maximum}, not {value!r}; ignored")
    return None


def choice(name: str, value: str | None, choices: tuple[str, ...], report: Report,
           default: str) -> str:
    if value is None:
        return default
    text = value.strip()
    if text in choices:
        return text
    report(f"option :{name}: must be one of {', '.join(choices)}, not {value!r}; "
           f"using {default!r}")
    return default


def classes(value: str | None, report: Report) -> list[str]:
    found = []
    for name in split_list(value):
        if _CLASS.match(name):
            found.append(name)
        else:
            report(f"option :class: value {name!r} is not a valid CSS class name; ignored")
    return found


def parts(value: str | None, layout: str, report: Report) -> tuple[str, ...]:
    """``:parts:`` of the ``full`` layout, in the order given; empty means all of them.

    Unknown and repeated names are reported and dropped; when none is left the
    whole story shows rather than an empty one.
    """
    if value is None:
        return ()
    if layout != "full":
        report(f"option :parts: applies to the full layout only, not {layout!r}; ignored")
        return ()
    found: list[str] = []
    for name in split_list(value):
        if name in found:
            report(f"option :parts: names {name!r} twice; the first place counts")
        elif name in PARTS:
            found.append(name)
        else:
            report(f"option :parts: {name!r} is not one of {', '.join(PARTS)}{hint(name, PARTS)}; "
                   "ignored")
    if not found:
        report("option :parts: names no part; showing all of them")
    return tuple(found)


@dataclass(frozen=True)
class Display:
    """Options of how entries show, shared by the selecting directives."""

    classes: tuple[str, ...] = ()
    columns: int | None = None
    filter_ui: bool = False
    new_tab: bool = False


SELECTION_OPTIONS = ("ids", "kind", "industry", "tags", "exclude", "source", "sort", "limit")


def selection(options: dict[str, str | None], body: list[str], report: Report) -> Selection:
    """The declarative selection; nothing in it is ever evaluated as code."""
    ids = split_list(options.get("ids")) + tuple(
        part for line in body for part in split_list(line))
    kinds = split_commas(options.get("kind"))
    for kind in kinds:
        if kind not in KINDS:
            report(f"option :kind: value {kind!r} is not one of {', '.join(KINDS)}")
    sort = options.get("sort")
    if sort is not None and parse_sort(sort.strip()) is None:
        report(f"option :sort: must be name, date, order, industry or id (with - in front "
               f"for descending), not {sort!r}; using data order")
        sort = None
    source = options.get("source")
    return Selection(
        ids=ids,
        kinds=kinds,
        industries=split_commas(options.get("industry")),
        tags=split_commas(options.get("tags")),
        exclude=split_list(options.get("exclude")),
        source=source.strip() if source and source.strip() else None,
        sort=sort.strip() if sort else None,
        limit=positive_int("limit", options.get("limit"), report, maximum=10**6),
    )


def display(options: dict[str, str | None], report: Report) -> Display:
    return Display(
        classes=tuple(classes(options.get("class"), report)),
        columns=positive_int("columns", options.get("columns"), report, maximum=MAX_COLUMNS),
        filter_ui=flag("filter-ui", options, report),
        new_tab=flag("new-tab", options, report),
    )
