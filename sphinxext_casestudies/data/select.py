"""Which entries a ``case-studies`` or ``logo-grid`` directive shows, in which order.

Options are data, never code: every filter is a plain membership test, and the
``:source:`` glob is matched as a path pattern without touching the disk.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sphinxext_casestudies.data.model import Catalog, Entry

SORT_KEYS: tuple[str, ...] = ("name", "date", "order", "industry", "id")


@dataclass(frozen=True)
class Selection:
    """The selection options of a directive, already split into values."""

    ids: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    source: str | None = None
    sort: str | None = None
    limit: int | None = None


def parse_sort(value: str) -> tuple[str, bool] | None:
    """``"-date"`` -> ``("date", True)`` (descending); None when not a known key."""
    value = value.strip()
    descending = value.startswith("-")
    key = value[1:] if descending else value
    return (key, descending) if key in SORT_KEYS else None


def select(catalog: Catalog, selection: Selection, *,
           confdir: str) -> tuple[list[Entry], list[str]]:
    """The selected entries, and the ids named in ``ids``/``exclude`` that do not exist."""
    unknown = [i for i in _unique(selection.ids + selection.exclude) if i not in catalog]
    if selection.ids:
        entries = [e for e in (catalog.get(i) for i in _unique(selection.ids)) if e is not None]
    else:
        entries = list(catalog.entries)
    entries = [e for e in entries if _matches(e, selection, confdir)]
    if selection.sort:
        entries = _sorted(entries, selection.sort)
    if selection.limit is not None:
        entries = entries[:max(selection.limit, 0)]
    return entries, unknown


def _unique(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _matches(entry: Entry, selection: Selection, confdir: str) -> bool:
    """Any-of within one option, all of the options given."""
    return (entry.id not in selection.exclude
            and (not selection.kinds or entry.kind in selection.kinds)
            and (not selection.industries or entry.industry in selection.industries)
            and (not selection.tags or not set(entry.tags).isdisjoint(selection.tags))
            and (selection.source is None
                 or source_matches(entry.source, selection.source, confdir)))


def source_matches(path: str, pattern: str, confdir: str) -> bool:
    """Whether ``path`` is matched by the glob ``pattern`` (relative to ``confdir``).

    ``*`` and ``?`` stay inside one folder, ``**`` spans any number of
    folders, like the patterns of ``casestudies_data``.
    """
    if os.path.isabs(pattern):
        return _match_parts(_parts(os.path.abspath(path)), _parts(os.path.normpath(pattern)))
    # Relative to confdir on both sides, so confdir's own name is never read as a pattern.
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(confdir))
    return _match_parts(_parts(relative), _parts(os.path.normpath(pattern)))


def _parts(path: str) -> tuple[str, ...]:
    return tuple(p for p in path.replace(os.sep, "/").split("/") if p and p != ".")


def _match_parts(path: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Segment-wise glob match; ``**`` matches zero or more segments (memoised, no blow-up)."""

    @functools.cache
    def match(i: int, j: int) -> bool:
        if j == len(pattern):
            return i == len(path)
        if pattern[j] == "**":
            return match(i, j + 1) or (i < len(path) and match(i + 1, j))
        return i < len(path) and fnmatch.fnmatchcase(path[i], pattern[j]) and match(i + 1, j + 1)

    return match(0, 0)


def _sorted(entries: list[Entry], sort: str) -> list[Entry]:
    """Stable sort by one key; entries without a value come last in either direction."""
    parsed = parse_sort(sort)
    if parsed is None:
        return entries
    key, descending = parsed
    value = _SORT_VALUES[key]
    present = [e for e in entries if value(e) is not None]
    missing = [e for e in entries if value(e) is None]
    present.sort(key=value, reverse=descending)
    return present + missing


_SORT_VALUES: dict[str, Callable[[Entry], Any]] = {
    "name": lambda e: e.name.casefold(),
    "date": lambda e: e.date,
    "order": lambda e: e.order,
    "industry": lambda e: e.industry.casefold() if e.industry else None,
    "id": lambda e: e.id,
}

