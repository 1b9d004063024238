"""The trust rules in one module (issue 15): URL schemes, and paths resolved as Sphinx will.

The last test keeps them in one home: no other module of the package parses
schemes or checks containment.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from sphinxext_casestudies.trust import links as trust
from sphinxext_casestudies.trust.files import SourceFolder
from sphinxext_casestudies.trust.links import data_url, is_web_url, link_allowed
from sphinxext_casestudies.trust.svg import svg_text_problem


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``src`` with ``logos/ok.svg`` and ``logos/ok.png``, a symlink out, ``outside`` beside."""
    src, outside = tmp_path / "src", tmp_path / "outside"
    (src / "logos").mkdir(parents=True)
    (src / "pages").mkdir()
    outside.mkdir()
    (src / "logos" / "ok.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (src / "logos" / "ok.png").write_bytes(b"\x89PNG")
    (outside / "secret.txt").write_text("secret")
    (outside / "mixed.png").write_bytes(b"\x89PNG")
    os.symlink(outside, src / "leak")
    os.symlink(outside / "mixed.png", src / "logos" / "mixed.png")
    (src / "logos" / "mixed.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    return src


@pytest.mark.parametrize(("name", "inside"), [
    ("/logos/ok.svg", True),  # one "/": the source folder
    ("../logos/ok.svg", True),  # relative to the page's folder
    ("/logos/ok.*", True),
    ("//{outside}/secret.txt", False),  # "//" is absolute for Sphinx: one "/" is stripped
    ("///{outside}/secret.txt", False),
    ("/../outside/secret.txt", False),
    ("../../outside/secret.txt", False),
    ("/leak/secret.txt", False),  # a symbolic link out
    ("/logos/mixed.*", False),  # one candidate of several is a link out
    ("/l*gos/mixed.*", False),  # Sphinx globs the folders of a candidate name too
    ("/{outside}/secret.txt", True),  # one "/" again: a folder "tmp/..." in the source folder
    ("/logos/ok\x00.svg", False),
    ("/logos/ok\udcff.svg", False),
])
def test_markup_files_resolve_as_sphinx_does(tree: Path, name: str, inside: bool) -> None:
    name = name.replace("{outside}", str(tree.parent / "outside").lstrip("/"))
    found = SourceFolder(str(tree)).markup_file(name, str(tree / "pages"))
    assert (found.why is None) is inside, found
    if not inside:
        assert found.subtype == "image"


@pytest.mark.parametrize(("uri", "subtype"), [
    ("javascript:alert(1)", "url"), ("data:image/svg+xml;base64,x", "url"),
    ("file:///etc/passwd", "url"), ("java\tscript:x", "url"), ("https://example.org/a.png", None),
])
def test_markup_file_urls(tree: Path, uri: str, subtype: str | None) -> None:
    found = SourceFolder(str(tree)).markup_file(uri, str(tree))
    assert (found.subtype if found.why else None) == subtype
    assert found.remote is (subtype is None)


def test_logos_are_relative_to_the_data_file_and_must_exist(tree: Path) -> None:
    folder = SourceFolder(str(tree))
    assert folder.logo("ok.svg", str(tree / "logos")).path == "logos/ok.svg"
    assert folder.logo("ok.*", str(tree / "logos")).files == (
        str(tree / "logos" / "ok.png"), str(tree / "logos" / "ok.svg"))
    assert "must be relative" in (folder.logo("/logos/ok.svg", str(tree)).why or "")
    assert "not found" in (folder.logo("nope.svg", str(tree)).why or "")
    assert "outside" in (folder.logo("../leak/secret.txt", str(tree / "logos")).why or "")
    assert "NUL" in (folder.logo("ok\x00.svg", str(tree / "logos")).why or "")


def test_link_schemes() -> None:
    for ok in ("https://x.org", "http://x.org", "mailto:a@x.org", "page.html#a", "#a",
               "../x", "//x.org/a"):
        assert link_allowed(ok), ok
    for bad in ("javascript:x", " JaVaScRiPt:x", "java\nscript:x", "data:text/html,x",
                "vbscript:x", "file:///etc/passwd"):
        assert not link_allowed(bad), bad
    assert is_web_url("https://x.org") and not is_web_url("stories/x")
    assert data_url("stories/x") is None
    assert data_url(" HTTPS://x.org/a ") == ("https://x.org/a", "https", None)
    assert data_url("javascript:x") == ("javascript:x", "javascript", "scheme")
    assert data_url("https:x") == ("https:x", "https", "malformed")


@pytest.mark.parametrize(("svg", "words"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>', None),
    ('<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/><style>a{fill:url(#g)}</style>'
     '</svg>', None),
    ('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
     '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg/>', None),
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>', "<script>"),
    ('<svg><SCRIPT>x</SCRIPT></svg>', "<script>"),
    ('<svg><foreignObject><div/></foreignObject></svg>', "<foreignobject>"),
    ('<svg onload="x"/>', "event handler"),
    ('<svg><rect ONCLICK="x"/></svg>', "event handler"),
    ('<svg xmlns:l="http://www.w3.org/1999/xlink"><a l:href=" jav&#9;ascript:x"/></svg>',
     "javascript:"),
    ('<svg><rect><set attributeName="fill" to="javascript:x"/></rect></svg>', "javascript:"),
    ('<svg><image href="https://x.org/a.png"/></svg>', "outside itself"),
    ('<svg><image href="file:///etc/passwd"/></svg>', "outside itself"),
    ('<svg><style>@import "https://x.org/a.css";</style></svg>', "style"),
    ('<svg><rect style="fill:url(https://x.org/a)"/></svg>', "style"),
    ('<?xml-stylesheet href="https://x.org/a.css"?><svg/>', "xml-stylesheet"),
    ('<svg><a><set attributeName="xlink:href" to="data:text/html,x"/></a></svg>', "animates"),
    ('<svg><style>@\\69mport "https://x.org/a.css";</style></svg>', "CSS escape"),
    ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>', "internal subset"),
    ('<svg', "well-formed"),
])
def test_svg_check(svg: str, words: str | None) -> None:
    problem = svg_text_problem(svg.encode())
    if words is None:
        assert problem is None
    else:
        assert problem is not None and words in problem, problem


_RULES = re.compile(r"realpath|commonpath|startswith\(\(\"https?://|\[A-Za-z\]\[A-Za-z0-9\+")


def test_the_trust_rules_live_in_one_module() -> None:
    package = Path(trust.__file__).parent.parent
    offenders = [f"{path.relative_to(package)}:{n}" for path in sorted(package.rglob("*.py"))
                 if path.parent.name != "trust"
                 for n, line in enumerate(path.read_text().splitlines(), 1)
                 if _RULES.search(line)]
    assert offenders == []
