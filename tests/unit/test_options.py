"""Directive option values: whole numbers are ASCII digits, anything else warns and is ignored."""

from __future__ import annotations

import pytest

from sphinxext_casestudies.sphinx_ext.options import positive_int


@pytest.mark.parametrize(("text", "expected"), [
    ("1", 1), (" 42 ", 42), ("1000000", 1_000_000),
])
def test_whole_numbers_are_taken(text: str, expected: int) -> None:
    said: list[str] = []
    assert positive_int("limit", text, said.append, maximum=10**6) == expected
    assert said == []


@pytest.mark.parametrize("text", [
    "²", "¹²", "٣", "३", "\uff11\uff12", "0", "-1", "+3", "1e3", "3.0", "1_000", "", "1000001",
    "99999999999999999999999999999999999999",
])
def test_anything_else_is_reported_and_ignored(text: str) -> None:
    said: list[str] = []
    assert positive_int("limit", text, said.append, maximum=10**6) is None
    assert said == [f"option :limit: must be a whole number from 1 to 1000000, not {text!r}; "
                    "ignored"]
