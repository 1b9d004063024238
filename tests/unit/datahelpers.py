"""Shared by the data-layer unit tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from sphinxext_casestudies.data.model import Entry, Problem

Loaded = tuple[list[Entry], list[Problem]]
Load = Callable[..., Loaded]

FIXTURES = Path(__file__).parent.parent / "fixtures" / "data"
SUBTYPES = {"data", "schema", "duplicate", "ref", "image", "url", "empty", "directive",
            "markup", "limit"}


def where(problems: list[Problem] | tuple[Problem, ...]) -> list[tuple[str, int]]:
    """``(subtype, line)`` of each problem, sorted: what most tests assert exactly."""
    return sorted((p.subtype, p.line) for p in problems)


class StringDates(yaml.SafeLoader):
    """A safe loader that keeps dates as the text they were written as (as JSON would)."""


StringDates.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)
