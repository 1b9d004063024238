"""URL schemes of links and logos; logo files: present, relative, inside the source folder."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from sphinxext_casestudies.data.loader import load_file
from sphinxext_casestudies.data.model import Entry, Logo

from .datahelpers import Load, where

One = Callable[..., Entry]


@pytest.fixture
def logos(tmp_path: Path) -> Path:
    """``tmp_path/logos`` with acme.svg, acme-dark.svg and beta.png."""
    folder = tmp_path / "logos"
    folder.mkdir()
    for name in ("acme.svg", "acme-dark.svg", "beta.png"):
        (folder / name).write_text("<svg/>")
    return folder


# -- URL schemes ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "javascript:alert(1)", " JavaScript:alert(1)", "JAVASCRIPT:x", "data:text/html,hi",
    "file:///etc/passwd", "vbscript:msgbox", "mailto:a@b.c", "ftp://example.com/x",
    "\tjavascript:x", "java\tscript:x", "java\nscript:x", "java\rscript:x", "\x01javascript:x",
    " \x1f data:x", "ht\ttp://example.com",
])
@pytest.mark.parametrize("field", ["link", "logo", "logo:\n  src: https://x.org/a.png\n  dark"])
def test_other_schemes_drop_the_entry(load: Load, field: str, value: str) -> None:
    text = f"id: e\nname: E\n{field}: {json.dumps(value)}\n"  # JSON strings are YAML too
    entries, problems = load(text)
    assert entries == []
    assert [p.subtype for p in problems] == ["url"]
    assert "is not allowed (only http and https)" in problems[0].message


@pytest.mark.parametrize("value", ["http:x", "https:", "https:/x", "https://", "http:// x"])
def test_malformed_http_urls(load: Load, value: str) -> None:
    _, problems = load(f"id: e\nname: E\nlink: '{value}'\n")
    assert where(problems) == [("url", 3)]


@pytest.mark.parametrize(("value", "stored"), [
    ("https://example.com/a.png", "https://example.com/a.png"),
    ("HTTP://EXAMPLE.COM/A.PNG", "http://EXAMPLE.COM/A.PNG"),
    (" https://example.com/a.png ", "https://example.com/a.png"),
])
def test_logo_urls_are_kept(one: One, value: str, stored: str) -> None:
    logo = one(f"id: e\nname: E\nlogo: '{value}'\n").logo
    assert logo == Logo(stored, "E logo", line=3)
    assert Logo.is_url(logo.src)


# -- logo files ----------------------------------------------------------------------------

def test_logo_path_relative_to_the_data_file(one: One, logos: Path) -> None:
    e = one("id: e\nname: Acme\nlogo: logos/acme.svg\n")
    assert e.logo == Logo("logos/acme.svg", "Acme logo", line=3)


def test_logo_mapping(one: One, logos: Path) -> None:
    e = one("id: e\nname: Acme\nlogo:\n  src: ./logos/acme.svg\n  alt: A\n"
            "  dark: logos/../logos/acme-dark.svg\n  width: 120\n")
    assert e.logo == Logo("logos/acme.svg", "A", "logos/acme-dark.svg", 120, 4)


def test_logo_in_a_sub_folder_is_stored_relative_to_srcdir(load: Load, logos: Path) -> None:
    entries, problems = load("id: e\nname: E\nlogo: ../logos/acme.svg\n", name="data/x.yaml")
    assert problems == []
    assert entries[0].logo is not None and entries[0].logo.src == "logos/acme.svg"


def test_logo_wildcard(one: One, logos: Path) -> None:
    assert one("id: e\nname: E\nlogo: logos/beta.*\n").logo == Logo("logos/beta.*", "E logo",
                                                                   line=3)


def test_logo_wildcard_without_candidate(load: Load, logos: Path) -> None:
    entries, problems = load("id: e\nname: E\nlogo: logos/gamma.*\n")
    assert entries[0].logo is None
    assert where(problems) == [("image", 3)]


def test_missing_logo_drops_only_the_logo(load: Load, logos: Path) -> None:
    entries, problems = load("id: e\nname: E\nheadline: H\nlogo: logos/nope.svg\n")
    assert [(e.id, e.logo, e.headline is not None) for e in entries] == [("e", None, True)]
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("image", 4, "logo.src: logo file 'logos/nope.svg' not found")]


def test_missing_dark_variant_drops_only_the_variant(load: Load, logos: Path) -> None:
    entries, problems = load("id: e\nname: E\nlogo:\n  src: logos/acme.svg\n"
                             "  dark: logos/nope.svg\n")
    assert entries[0].logo == Logo("logos/acme.svg", "E logo", None, None, 4)
    assert where(problems) == [("image", 5)]


def test_logo_folder_is_not_a_file(load: Load, logos: Path) -> None:
    entries, problems = load("id: e\nname: E\nlogo: logos\n")
    assert entries[0].logo is None
    assert where(problems) == [("image", 3)]


@pytest.mark.parametrize("value", ["/etc/hosts", "'\\\\server\\share\\x.png'"])
def test_absolute_logo_path(load: Load, value: str) -> None:
    entries, problems = load(f"id: e\nname: E\nlogo: {value}\n")
    assert entries[0].logo is None
    assert where(problems) == [("image", 3)]
    assert "must be relative" in problems[0].message


def test_logo_outside_the_source_folder(tmp_path: Path) -> None:
    srcdir = tmp_path / "docs"
    srcdir.mkdir()
    (tmp_path / "secret.svg").write_text("<svg/>")
    data = srcdir / "data.yaml"
    data.write_text("id: e\nname: E\nlogo: ../secret.svg\n")
    entries, problems = load_file(str(data), srcdir=str(srcdir))
    assert entries[0].logo is None
    assert [(p.subtype, p.line, p.message) for p in problems] == [
        ("image", 3, "logo.src: logo '../secret.svg' resolves outside the source folder")]


def test_missing_logo_outside_says_outside(tmp_path: Path) -> None:
    """Containment is checked first: no probing of files outside the source folder."""
    data = tmp_path / "data.yaml"
    data.write_text("id: e\nname: E\nlogo: ../../../nope/x.svg\n")
    _, problems = load_file(str(data), srcdir=str(tmp_path))
    assert "resolves outside the source folder" in problems[0].message


def test_data_file_outside_srcdir_with_logo_inside(tmp_path: Path) -> None:
    srcdir = tmp_path / "docs"
    (srcdir / "img").mkdir(parents=True)
    (srcdir / "img" / "a.svg").write_text("<svg/>")
    data = tmp_path / "data.yaml"
    data.write_text("id: e\nname: E\nlogo: docs/img/a.svg\n")
    entries, problems = load_file(str(data), srcdir=str(srcdir))
    assert problems == []
    assert entries[0].logo is not None and entries[0].logo.src == "img/a.svg"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_pointing_out_is_caught(tmp_path: Path) -> None:
    srcdir = tmp_path / "docs"
    srcdir.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (srcdir / "logo.svg").symlink_to(tmp_path / "secret.txt")
    (srcdir / "data.yaml").write_text("id: e\nname: E\nlogo: logo.svg\n")
    entries, problems = load_file(str(srcdir / "data.yaml"), srcdir=str(srcdir))
    assert entries[0].logo is None
    assert where(problems) == [("image", 3)]
    assert "outside the source folder" in problems[0].message


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_wildcard_candidate_pointing_out_is_caught(tmp_path: Path) -> None:
    srcdir = tmp_path / "docs"
    srcdir.mkdir()
    (tmp_path / "secret.png").write_text("secret")
    (srcdir / "logo.svg").write_text("<svg/>")
    (srcdir / "logo.png").symlink_to(tmp_path / "secret.png")
    (srcdir / "data.yaml").write_text("id: e\nname: E\nlogo: logo.*\n")
    entries, problems = load_file(str(srcdir / "data.yaml"), srcdir=str(srcdir))
    assert entries[0].logo is None
    assert where(problems) == [("image", 3)]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_srcdir_reached_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "img").mkdir(parents=True)
    (real / "img" / "a.svg").write_text("<svg/>")
    (tmp_path / "link").symlink_to(real)
    (real / "data.yaml").write_text("id: e\nname: E\nlogo: img/a.svg\n")
    entries, problems = load_file(str(real / "data.yaml"), srcdir=str(tmp_path / "link"))
    assert problems == []
    assert entries[0].logo is not None and entries[0].logo.src == "img/a.svg"


def test_logo_checks_are_per_load(tmp_path: Path) -> None:
    """A logo added between two loads is seen by the second (no stale cache)."""
    data = tmp_path / "data.yaml"
    data.write_text("id: e\nname: E\nlogo: late.svg\n")
    assert where(load_file(str(data), srcdir=str(tmp_path))[1]) == [("image", 3)]
    (tmp_path / "late.svg").write_text("<svg/>")
    assert load_file(str(data), srcdir=str(tmp_path))[1] == []


def test_logo_type_problems(load: Load) -> None:
    _, problems = load("id: e\nname: E\nlogo: [a]\n")
    assert [(p.line, p.message) for p in problems] == [
        (3, "logo: expected text or a mapping, got a list")]
    _, problems = load("id: e\nname: E\nlogo: {src: 'https://x.org/a.png', width: wide}\n")
    assert [(p.line, p.message) for p in problems] == [
        (3, "logo.width: expected integer, got text")]
    _, problems = load("id: e\nname: E\nlogo: {src: 'https://x.org/a.png', size: 3}\n")
    assert [(p.subtype, p.message) for p in problems] == [
        ("schema", "unknown field 'logo.size' ignored")]
