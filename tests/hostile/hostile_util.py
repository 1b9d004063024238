"""Shared helpers of the hostile-input suite: corpus cases, builds, warning records, HTML checks.

Everything here treats the build output as untrusted: warnings are parsed
into records (a message may span lines), and HTML is checked structurally,
because the *text* of hostile data (``javascript:alert(1)`` as a name) is
allowed to show, escaped, while no element, attribute or URL made from it is.
"""

from __future__ import annotations

import codecs
import os
import re
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import util
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
ROOTS = HERE.parent / "roots"

SECRET = "HOSTILE-SECRET-7f3a9c"
"""Content of a file outside the source folder; it must never reach the build output."""

# -- corpus cases ----------------------------------------------------------------------

_HEADER = re.compile(r"^#\s*(expect|build-expect|good|bug):\s*(.*?)\s*$")


@dataclass
class Case:
    """One hostile data file and what loading it must report.

    ``expects`` are (subtype, line) problems of the data layer (and of a
    build); ``build_expects`` only show in a Sphinx build (document links);
    ``goods`` are the ids that still load; ``bug`` marks a known bug.
    """

    name: str
    rel: str  # path relative to the source folder, posix
    expects: Counter[tuple[str, int]] = field(default_factory=Counter)
    build_expects: Counter[tuple[str, int]] = field(default_factory=Counter)
    goods: set[str] = field(default_factory=set)
    bug: str | None = None
    declared: bool = False  # the header says something (``# expect: nothing`` at least)


def header_text(data: bytes) -> str:
    """The file as text, whatever its encoding, good enough to read the header comments."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if len(data) > 1 and data[1:2] == b"\0" and data[0:1] != b"\0":
        return data.decode("utf-16-le", "replace")
    return data.decode("utf-8", "replace").removeprefix("\ufeff")


def parse_case(rel: str, data: bytes) -> Case:
    case = Case(name=Path(rel).stem, rel=rel)
    for line in header_text(data).splitlines():
        match = _HEADER.match(line)
        if not match:
            continue
        kind, value = match.groups()
        case.declared = True
        if value == "nothing":
            continue
        if kind in ("expect", "build-expect"):
            subtype, number = value.split()
            target = case.expects if kind == "expect" else case.build_expects
            target[(subtype, int(number))] += 1
        elif kind == "good":
            case.goods.add(value)
        else:
            case.bug = value
    return case


def committed_cases() -> list[Case]:
    return [parse_case(f"corpus/{p.name}", p.read_bytes()) for p in sorted(CORPUS.glob("*.yaml"))]


# -- cases generated at test time (too big to commit, or needing symlinks) --------------------

def _write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def generated_cases(src: Path, outside: Path) -> list[Case]:
    """Write the generated cases under ``src/generated`` and return their expectations.

    ``outside`` is a folder next to the source folder holding the secret file.
    """
    gen = src / "generated"
    cases: list[Case] = []

    def add(name: str, text: str | bytes, expects: Iterable[tuple[str, int]] = (),
            goods: Iterable[str] = (), build_expects: Iterable[tuple[str, int]] = ()) -> None:
        _write(gen / f"{name}.yaml", text)
        cases.append(Case(name, f"generated/{name}.yaml", Counter(expects),
                          Counter(build_expects), set(goods)))

    add("empty", b"", [("data", 0)])
    add("whitespace-only", "  \n\n   \n", [("data", 0)])
    add("newlines-only", "\n" * 5000, [("data", 0)])

    # A 1 MB headline (valid: no size limit) and a 1 MB single-line name.
    big = ("Lorem ipsum dolor sit amet " * 40000)[: 1 << 20]
    add("huge-headline", f"- id: good-huge-headline\n  name: Huge\n  headline: '{big}'\n",
        goods=["good-huge-headline"])
    add("huge-wrong-type", f"- id: hw\n  name: [{', '.join(['x' * 100] * 10000)}]\n"
        "- {id: good-huge-wrong, name: Good}\n", [("schema", 2)], ["good-huge-wrong"])
    # 200k characters on one line: a flow mapping with 20000 tags.
    tags = ", ".join(f"t{i}" for i in range(20000))
    add("long-line", f"- {{id: good-long-line, name: Long, tags: [{tags}]}}\n"
        f"- {{id: ll-bad, name: N, tags: [{tags}, [x]]}}\n",
        [("schema", 2)], ["good-long-line"])

    # Deep nesting far beyond any recursion limit, flow and block.
    add("deep-flow-100k", "- {id: good-never-deep, name: N}\n- id: df\n  name: "
        + "[" * 100_000 + "]" * 100_000 + "\n", [("limit", 3)])
    add("deep-flow-mappings", "- id: dm\n  name: " + "{a: " * 50_000 + "}" * 50_000 + "\n",
        [("limit", 2)])
    add("deep-dashes-100k", "- " * 100_000 + "x\n", [("limit", 1)])
    # Indented block collections, one level per line: 1500 levels (past libyaml's
    # own limit of 1000 in PyYAML 6.0.4, and past Python's recursion limit in the
    # pure-Python composer) and 3000 levels both trip our nesting guard first, at
    # level 101, on line 101, whatever the YAML library.
    for depth in (1500, 3000):
        add(f"deep-block-indented-{depth}",
            "".join(" " * i + "-\n" for i in range(depth)) + " " * depth + "x\n",
            [("limit", 101)])
        add(f"deep-block-mappings-{depth}",
            "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "x\n",
            [("limit", 101)])

    # Many thousands of entries, with a bad one every 1000 entries (lines 2k+1).
    count = 12_000
    lines = []
    expects = []
    goods = []
    for i in range(count):
        if i % 1000 == 999:
            lines.append(f"- {{id: many-{i}, name: [bad]}}")
            expects.append(("schema", i + 1))
        else:
            lines.append(f"- {{id: many-{i}, name: Entry {i}, tags: [t{i % 7}], order: {i}}}")
            goods.append(f"many-{i}")
    add("many-entries", "\n".join(lines) + "\n", expects, goods)

    # Symlinks inside the source folder pointing outside it.
    (src / "logos").mkdir(exist_ok=True)
    _symlink(outside / "secret.svg", src / "logos" / "evil.svg")
    _symlink(outside, src / "logos" / "evil-dir")
    _symlink(outside / "secret.svg", src / "logos" / "mixed.png")
    shutil.copy(src / "logos" / "ok.svg", src / "logos" / "mixed.svg")
    add("symlinks", "\n".join([
        "- {id: sl-file, name: Kept, logo: ../logos/evil.svg}",  # line 1
        "- {id: sl-dir, name: Kept, logo: ../logos/evil-dir/secret.svg}",  # line 2
        "- {id: sl-candidates, name: Kept, logo: ../logos/mixed.*}",  # line 3
        "- {id: sl-dark, name: Kept, logo: {src: ../logos/ok.svg, dark: ../logos/evil.svg}}",
        f"- {{id: sl-absolute, name: Kept, logo: '{outside / 'secret.svg'}'}}",  # line 5
        "- {id: sl-dotdot, name: Kept, logo: ../../outside/secret.svg}",  # line 6
        "- {id: good-symlinks, name: Good, logo: ../logos/ok.svg}",
    ]) + "\n", [("image", n) for n in range(1, 7)],
        ["sl-file", "sl-dir", "sl-candidates", "sl-dark", "sl-absolute", "sl-dotdot",
         "good-symlinks"])
    # A data file that is itself a symlink to a file outside the source folder is
    # configuration (conf.py names it), so it is read; its logo paths count from the
    # folder it is named in, and stay contained.
    _write(outside / "outside-data.yaml",
           "- {id: good-outside-data, name: Good, logo: ../logos/ok.svg}\n"
           "- {id: od-escape, name: Kept, logo: ../../outside/secret.svg}\n")
    _symlink(outside / "outside-data.yaml", gen / "linked-data.yaml")
    cases.append(Case("linked-data", "generated/linked-data.yaml", Counter([("image", 2)]),
                      Counter(), {"good-outside-data", "od-escape"}))
    return cases


def _symlink(target: Path, link: Path) -> None:
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(target, link)


def prepare_corpus_project(tmp: Path) -> tuple[Path, list[Case]]:
    """``tmp/src``: the corpus root, the committed and generated cases, an index page.

    ``tmp/outside`` holds a secret file no build output may contain.
    """
    src = tmp / "src"
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg"><!-- {SECRET} --></svg>', encoding="utf-8")
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    shutil.copytree(ROOTS / "test-hostile-corpus", src)
    shutil.copytree(CORPUS, src / "corpus")
    cases = committed_cases() + generated_cases(src, outside)
    return src, cases


# -- building ------------------------------------------------------------------------------

def build(srcdir: Path, buildername: str = "html", *,
          listeners: dict[str, Callable[..., Any]] | None = None,
          **confoverrides: Any) -> SphinxTestApp:
    """:func:`util.build`, with config overrides as keywords (as the hostile tests write them)."""
    return util.build(srcdir, buildername, confoverrides=confoverrides, listeners=listeners)


LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'


def make_project(root: Path, data: dict[str, str], page: str, *, suffix: str = ".rst",
                 extensions: tuple[str, ...] = ("sphinxext_casestudies",),
                 conf: str = "") -> Path:
    """``root/src`` with a logo, ``data`` files and an index page; ``root/outside``
    holds the secret, ``src/leak`` is a symlink to it."""
    src = root / "src"
    outside = root / "outside"
    (src / "data").mkdir(parents=True)
    (src / "logos").mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "secret.svg").write_text(f"<svg><!-- {SECRET} --></svg>", encoding="utf-8")
    (outside / "secret.csv").write_text(f"a,{SECRET}\n", encoding="utf-8")
    os.symlink(outside, src / "leak")
    (src / "logos" / "ok.svg").write_text(LOGO, encoding="utf-8")
    (src / "snippet.txt").write_text("Included from inside the source folder.\n",
                                     encoding="utf-8")
    (src / "conf.py").write_text(
        f"extensions = {list(extensions)!r}\n"
        "myst_enable_extensions = ['colon_fence']\n"
        "casestudies_data = ['data/*.yaml']\n"
        "exclude_patterns = ['_build', 'leak']\n"
        "smartquotes = False  # typography would turn the payload's quotes curly\n" + conf,
        encoding="utf-8")
    for name, text in data.items():
        (src / "data" / name).write_text(text, encoding="utf-8")
    (src / f"index{suffix}").write_text(page, encoding="utf-8")
    return src


# -- warnings as records ----------------------------------------------------------------------

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_START = re.compile(r"^(?:(?P<loc>\S.*?): )?(?P<level>WARNING|ERROR|CRITICAL|SEVERE): ")
_TYPE = re.compile(r" \[(?P<type>[A-Za-z][\w.-]*)\]$")
_LOC = re.compile(r"^(?P<path>.*?):(?P<line>\d*)$")


@dataclass
class Record:
    """One warning: where, what level, the message (maybe several lines) and its type."""

    location: str
    level: str
    message: str

    @property
    def type(self) -> str | None:
        match = _TYPE.search(self.message)
        return match.group("type") if match else None

    @property
    def path(self) -> str:
        match = _LOC.match(self.location)
        return match.group("path") if match else self.location

    @property
    def line(self) -> int | None:
        match = _LOC.match(self.location)
        if match is None:
            return None
        return int(match.group("line")) if match.group("line") else 0

    def __str__(self) -> str:
        return f"{self.location}: {self.level}: {self.message}"


def records(app: Any) -> list[Record]:
    """Every warning of a build, paths relative to its source folder."""
    text = _ANSI.sub("", app.warning.getvalue())
    src = str(app.srcdir).rstrip("/") + "/"
    found: list[Record] = []
    for line in text.splitlines():
        match = _START.match(line)
        if match:
            loc = (match.group("loc") or "").replace(src, "")
            found.append(Record(loc, match.group("level"), line[match.end():]))
        elif found:
            found[-1].message += "\n" + line
    return found


def problems_of(recs: Iterable[Record], prefix: str = "casestudies.") -> Counter[
        tuple[str, int, str]]:
    """(path, line, subtype) of our own warnings."""
    return Counter((r.path, r.line or 0, (r.type or "")[len(prefix):]) for r in recs
                   if (r.type or "").startswith(prefix))


ALLOWED_FOREIGN_TYPES = re.compile(r"^(docutils|myst(\.[\w-]+)?)$")
"""Warnings of the markup parsers keep their own type (the spec), located at the data."""


def badly_reported(recs: Iterable[Record], *, foreign: re.Pattern[str] = ALLOWED_FOREIGN_TYPES,
                   ) -> list[str]:
    """Warnings without a location, without an allowed type, or carrying a traceback."""
    bad = []
    for rec in recs:
        typ = rec.type or ""
        if not rec.location or rec.line is None:
            bad.append(f"no location: {rec}")
        elif not (typ.startswith("casestudies.") or foreign.match(typ)):
            bad.append(f"untyped or foreign type: {rec}")
        if "Traceback" in rec.message or "Exception" in rec.message:
            bad.append(f"traceback: {rec}")
    return bad


# -- HTML: nothing executable, nothing injected -------------------------------------------------

_FORBIDDEN_TAGS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
                   "base", "form", "meta", "link", "svg", "math", "template", "noscript",
                   "portal", "dialog"}
_URL_ATTRS = {"href", "src", "srcset", "action", "formaction", "poster", "cite", "background",
              "xlink:href", "data", "codebase", "manifest", "ping", "longdesc", "usemap"}
_SAFE_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_STRIPPED_BY_BROWSERS = re.compile(r"[\x00-\x20\x7f]+")
_STYLE_OK = re.compile(r"^(\s*(width|height)\s*:\s*[\d.]+\s*(px|%|em|pt)?\s*;?)*\s*$")
_RAW_SCRIPT = re.compile(r"<\s*/?\s*script\b", re.I)


def url_scheme(value: str) -> str | None:
    """The scheme a browser would read (tabs, newlines and spaces inside are dropped)."""
    match = _SCHEME.match(_STRIPPED_BY_BROWSERS.sub("", value))
    return match.group(1).lower() if match else None


def unsafe_in_body(body: Any) -> list[str]:
    """Elements, attributes and URLs in ``body`` (a parsed div.body) that could run code."""
    raw = str(body)
    found = [f"raw <script: {m.group()!r}" for m in _RAW_SCRIPT.finditer(raw)]
    for tag in body.find_all(True):
        if tag.name in _FORBIDDEN_TAGS:
            found.append(f"element <{tag.name}>: {str(tag)[:120]!r}")
        for attr, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower().startswith("on"):
                found.append(f"event handler {attr}= on <{tag.name}>")
            elif attr.lower() == "style" and not _STYLE_OK.match(text):
                found.append(f"style {text!r} on <{tag.name}>")
            elif attr.lower() in _URL_ATTRS:
                for url in (text.split(",") if attr.lower() == "srcset" else [text]):
                    scheme = url_scheme(url.strip())
                    if scheme is not None and scheme not in _SAFE_SCHEMES:
                        found.append(f"{attr}={text!r} on <{tag.name}> (scheme {scheme})")
    return found


_STATIC_SCRIPT = re.compile(r"^(\.\./)*_static/[\w.-]+(\?v=[0-9a-f]+)?$")


def unsafe_in_head(soup: BeautifulSoup) -> list[str]:
    """Anything in <head> a data file could have put there (meta refresh, base, scripts)."""
    head = soup.head
    if head is None:
        return []
    found = []
    for tag in head.find_all(True):
        if tag.name == "base":
            found.append(f"<base>: {tag}")
        elif tag.name == "meta":
            if tag.get("http-equiv") or tag.get("name") not in (None, "viewport", "generator"):
                found.append(f"injected <meta>: {tag}")
        elif tag.name == "script":
            if not _STATIC_SCRIPT.match(tag.get("src", "")) or tag.string:
                found.append(f"script in head: {str(tag)[:120]}")
        elif tag.name == "style":
            found.append(f"<style> in head: {str(tag)[:120]}")
        elif tag.name == "link" and url_scheme(tag.get("href", "")) not in (None,):
            found.append(f"external <link> in head: {tag}")
    return found


def html_pages(outdir: Path) -> Iterator[Path]:
    for path in sorted(outdir.rglob("*.html")):
        if path.name not in ("genindex.html", "search.html", "py-modindex.html"):
            yield path


def unsafe_output(outdir: Path) -> list[str]:
    """Every unsafe thing in every page of an HTML build (body and head)."""
    found = []
    for page in html_pages(outdir):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("div.body") or soup.select_one("main") or soup.body
        rel = page.relative_to(outdir)
        found += [f"{rel}: {p}" for p in unsafe_in_body(body)]
        found += [f"{rel}: {p}" for p in unsafe_in_head(soup)]
    return found


def files_containing(root: Path, marker: str) -> list[str]:
    """Files under ``root`` (symlinks not followed) whose bytes contain ``marker``."""
    needle = marker.encode()
    hits = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            if path.is_symlink():
                continue
            try:
                if needle in path.read_bytes():
                    hits.append(str(path.relative_to(root)))
            except OSError:
                continue
    return hits
