"""Generate the benchmark projects: the same case studies four times.

``ext/`` keeps N entries as YAML data files (``markup: rst``) and renders
them with the extension's directives on reST pages; ``rst/`` holds the same
visible content hand-written in reStructuredText, the floor Sphinx cannot go
under.  ``ext-md/`` and ``md/`` are the same pair in MyST: data files with
``markup: myst`` and Markdown pages using the directive, against the same
content hand-written in MyST Markdown.  All four have the same pages,
headings, images, links and words, so their build costs compare
(``tests/test_bench_parity.py`` builds them with the text builder and
compares the text).

Everything is derived from ``seed`` and each entry's index (one random stream
per entry), so a given ``(n_entries, n_pages, seed)`` always produces the same
bytes.

Usage::

    python bench/generate.py bench/out/n1000-p100 --entries 1000 --pages 100
    python bench/generate.py bench/out/n1000-p100 --edit-headline 500
    python bench/generate.py bench/out/load --entries 5000 --single-file [--markup myst]

This module is a script, not part of the package: tests never import it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import posixpath
import random
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

Entry = dict[str, Any]

DATA_FILES = 10
ENTRIES_PER_LOGO = 5
LOGO_WIDTH = 150
LINK_TEXTS = {"case-study": "Read more", "article": "Read the article",
              "talk": "Watch the talk", "video": "Watch the video"}
"""The extension's default link text per kind (``render.common.LINK_TEXTS``)."""
MANIFEST = "manifest.json"
SIDES = ("ext", "rst", "ext-md", "md")
"""The generated projects: (data + directives, hand-written) in reST, then in MyST."""


VOCABULARY_FILE = Path(__file__).with_name("vocabulary.json")


def _vocabulary() -> dict[str, tuple[str, ...]]:
    """The fixed word lists (``vocabulary.json``); their order is part of the output."""
    raw = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    return {key: tuple(items) for key, items in raw.items() if not key.startswith("_")}


_VOCAB = _vocabulary()
INDUSTRIES = _VOCAB["industries"]
KINDS = ("case-study",) * 16 + ("article",) * 2 + ("talk", "video")
TAGS = _VOCAB["tags"]
ORG_FIRST = _VOCAB["org_first"]
ORG_SECOND = _VOCAB["org_second"]
FIRST_NAMES = _VOCAB["first_names"]
LAST_NAMES = _VOCAB["last_names"]
ROLES = _VOCAB["roles"]
SECTION_TITLES = _VOCAB["section_titles"]
OUTCOMES = _VOCAB["outcomes"]
METRIC_LABELS = _VOCAB["metric_labels"]
LITERALS = _VOCAB["literals"]
WORDS = _VOCAB["words"]


# -- content ------------------------------------------------------------------


def _words(rng: random.Random, low: int, high: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(rng.randint(low, high))]


def _sentence(rng: random.Random, low: int = 6, high: int = 12) -> str:
    text = " ".join(_words(rng, low, high))
    return text[0].upper() + text[1:] + "."


def _marked_sentence(rng: random.Random) -> str:
    """A sentence with one ``*emphasis*`` and one ````literal````."""
    head = " ".join(_words(rng, 3, 6))
    emph = " ".join(_words(rng, 1, 2))
    tail = " ".join(_words(rng, 2, 5))
    text = f"{head} *{emph}* with ``{rng.choice(LITERALS)}`` {tail}"
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, sentences: tuple[int, int], marked: bool) -> str:
    parts = [_sentence(rng) for _ in range(rng.randint(*sentences))]
    if marked:
        parts.insert(rng.randint(0, len(parts)), _marked_sentence(rng))
    return _wrap(" ".join(parts))


def _wrap(text: str, width: int = 78) -> str:
    """Break ``text`` into lines of at most ``width`` characters (no hyphenation)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def _block(rng: random.Random, paragraphs: tuple[int, int], marked: bool) -> str:
    count = rng.randint(*paragraphs)
    return "\n\n".join(_paragraph(rng, (2, 3), marked and i == 0) for i in range(count)) + "\n"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def org_name(seed: int, logo_index: int) -> str:
    """The organisation owning logo ``logo_index`` (several entries share one)."""
    rng = random.Random(f"{seed}:org:{logo_index}")
    return f"{rng.choice(ORG_FIRST)} {rng.choice(ORG_SECOND)}"


def logo_count(n_entries: int) -> int:
    return max(1, -(-n_entries // ENTRIES_PER_LOGO))


def logo_file(logo_index: int) -> str:
    return f"logo-{logo_index:04d}.svg"


def page_of(index: int, n_entries: int, n_pages: int) -> int:
    """The 0-based page entry ``index`` renders on (pages get equal shares)."""
    return index * n_pages // n_entries


def page_doc(page: int) -> str:
    return f"pages/page-{page + 1:03d}"


def make_entry(index: int, n_entries: int, n_pages: int, seed: int = 0) -> Entry:
    """Entry ``index``: realistic fields, about 1.6 KB of YAML.

    ``logo`` holds the bare file name; writers prefix the folder they need.
    """
    rng = random.Random(f"{seed}:entry:{index}")
    logo_index = index % logo_count(n_entries)
    name = org_name(seed, logo_index)
    kind = rng.choice(KINDS)
    outcome = rng.choice(OUTCOMES).format(n=rng.randint(2, 9) * 10)
    entry: Entry = {
        "id": f"{_slug(name)}-{index:05d}",
        "name": name,
        "title": f"How {name} {outcome}",
        "kind": kind,
        "industry": rng.choice(INDUSTRIES),
        "tags": rng.sample(TAGS, rng.randint(1, 3)),
        "logo": logo_file(logo_index),
        "headline": _headline(rng),
        "link": _link(rng, kind, index, n_entries, n_pages),
        "summary": _block(rng, (1, 2), marked=True),
        "sections": _sections(rng),
        "quotes": _quotes(rng),
        "metrics": _metrics(rng),
        "date": dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 2900)),
        "order": index,
    }
    return entry


def _headline(rng: random.Random) -> str:
    words = _words(rng, 8, 13)
    words[rng.randrange(len(words))] = f"*{rng.choice(WORDS)}*"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _link(rng: random.Random, kind: str, index: int, n_entries: int, n_pages: int) -> str:
    if kind == "case-study":
        return page_doc(page_of(index, n_entries, n_pages))
    return f"https://example.{rng.choice(('com', 'org', 'net'))}/{kind}s/{index:05d}"


def _sections(rng: random.Random) -> list[dict[str, str]]:
    titles = rng.sample(SECTION_TITLES, rng.randint(2, 3))
    return [{"title": title, "body": _block(rng, (1, 1), marked=False)} for title in titles]


def _quotes(rng: random.Random) -> list[dict[str, str]]:
    quotes = []
    for _ in range(rng.randint(1, 2)):
        author = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        text = " ".join(_sentence(rng, 8, 14) for _ in range(rng.randint(1, 2)))
        quotes.append({"text": text, "author": author, "role": rng.choice(ROLES)})
    return quotes


def _metrics(rng: random.Random) -> list[dict[str, str]]:
    labels = rng.sample(METRIC_LABELS, rng.randint(2, 3))
    return [{"value": _metric_value(rng), "label": label} for label in labels]


def _metric_value(rng: random.Random) -> str:
    form = rng.randrange(3)
    if form == 0:
        return f"{rng.randint(2, 9) * 10}%"
    return f"{rng.randint(2, 12)}x" if form == 1 else str(rng.randint(2, 400))


def make_entries(n_entries: int, n_pages: int, seed: int = 0) -> list[Entry]:
    return [make_entry(i, n_entries, n_pages, seed) for i in range(n_entries)]


# -- YAML ---------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Block scalars (``|``) for multi-line text, as people write it by hand."""


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(document: object) -> str:
    return yaml.dump(
        document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000, indent=2
    )


def data_document(entries: list[Entry], logo_prefix: str, markup: str = "rst") -> dict[str, Any]:
    """A data file's content: ``{markup, case_studies}``, logos relative to the file.

    ``entries`` are written in reST; with ``markup="myst"`` their rich text is
    converted (:func:`myst_entry`).
    """
    convert = myst_entry if markup == "myst" else dict
    items = [{**convert(entry), "logo": f"{logo_prefix}{entry['logo']}"} for entry in entries]
    return {"markup": markup, "case_studies": items}


_RST_LITERAL = re.compile(r"``([^`]+)``")


def myst_text(text: str) -> str:
    """Generated reST rich text in MyST: the only difference is the literal (``x`` -> `x`)."""
    return _RST_LITERAL.sub(r"`\1`", text)


def myst_entry(entry: Entry) -> Entry:
    """``entry`` with its rich-text fields in MyST (headline, summary, bodies, quotes)."""
    return {
        **entry,
        "headline": myst_text(entry["headline"]),
        "summary": myst_text(entry["summary"]),
        "sections": [{**sec, "body": myst_text(sec["body"])} for sec in entry["sections"]],
        "quotes": [{**quote, "text": myst_text(quote["text"])} for quote in entry["quotes"]],
    }


def data_file_name(number: int) -> str:
    return f"data/stories-{number:02d}.yaml"


# -- logos --------------------------------------------------------------------

_LOGO_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">
  <title>{name}</title>
  <rect width="300" height="100" rx="12" fill="{bg}"/>
  <circle cx="50" cy="50" r="30" fill="{fg}"/>
  <text x="95" y="60" font-family="sans-serif" font-size="26" fill="{fg}">{name}</text>
</svg>
"""


def write_logos(folder: Path, n_entries: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(logo_count(n_entries)):
        rng = random.Random(f"{seed}:logo:{index}")
        svg = _LOGO_SVG.format(
            name=org_name(seed, index),
            bg=f"#{rng.randrange(0xC0, 0x100):02x}{rng.randrange(0xC0, 0x100):02x}f0",
            fg=f"#{rng.randrange(0x40):02x}{rng.randrange(0x80):02x}{rng.randrange(0x100):02x}",
        )
        (folder / logo_file(index)).write_text(svg, encoding="utf-8")


# -- Sphinx projects ----------------------------------------------------------

_CONF = '''\
"""Benchmark project generated by bench/generate.py: do not edit."""

project = "Case studies benchmark"
author = "bench"
exclude_patterns = ["_build"]
{extra}'''

_EXT_CONF_EXTRA = 'extensions = ["sphinxext_casestudies"]\ncasestudies_data = ["data/*.yaml"]\n'
# attrs_block: the hand-written side gives quotes their attribution with it
_MD_CONF_EXTRA = 'extensions = ["myst_parser"]\nmyst_enable_extensions = ["attrs_block"]\n'
_EXT_MD_CONF_EXTRA = (
    'extensions = ["myst_parser", "sphinxext_casestudies"]\n'
    'myst_enable_extensions = ["attrs_block"]\ncasestudies_data = ["data/*.yaml"]\n'
)


def _heading(text: str, char: str) -> str:
    return f"{text}\n{char * len(text)}\n"


def index_rst(n_pages: int) -> str:
    docs = "".join(f"   {page_doc(p)}\n" for p in range(n_pages))
    intro = "Customer stories, generated for the benchmark.\n"
    return f"{_heading('Case studies', '=')}\n{intro}\n.. toctree::\n   :maxdepth: 1\n\n{docs}"


def page_title(page: int) -> str:
    return f"Stories, page {page + 1}"


def ext_page(page: int, entries: list[Entry]) -> str:
    ids = ", ".join(entry["id"] for entry in entries)
    directive = f".. case-studies::\n   :ids: {ids}\n   :layout: full\n"
    return f"{_heading(page_title(page), '=')}\n{directive}"


def rst_page(page: int, entries: list[Entry]) -> str:
    doc = page_doc(page)
    return _heading(page_title(page), "=") + "".join(rst_entry(e, doc) for e in entries)


def _indent(text: str, prefix: str = "   ") -> str:
    return "\n".join(prefix + line if line else line for line in text.rstrip("\n").split("\n"))


def _shown_link(entry: Entry, doc: str) -> str | None:
    """The entry's link as shown in ``full`` layout: left out when it is this page."""
    link: str = entry["link"]
    return None if link == doc else link


def _link_uri(link: str, doc: str) -> str:
    """``link`` as a URI usable from ``doc``'s HTML page."""
    if link.startswith(("https://", "http://")):
        return link
    depth = doc.count("/")
    return "../" * depth + link + ".html"


def rst_entry(entry: Entry, doc: str) -> str:
    """One entry by hand, in the ``full`` layout's order (see SPEC.md, Layouts)."""
    link = _shown_link(entry, doc)
    parts = [
        "\n" + _heading(entry["title"], "-"),
        _rst_logo(entry),
        # an empty comment ends the image directive, so the quote is not its content
        "..\n",
        _indent(entry["headline"]) + "\n",
        "".join(f"- **{m['value']}** {m['label']}\n" for m in entry["metrics"]),
        entry["summary"],
        "\n".join(_rst_quote(q) for q in entry["quotes"]),
    ]
    if link is not None:
        parts.append(f"`{LINK_TEXTS[entry['kind']]} <{_link_uri(link, doc)}>`__\n")
    parts.extend(
        "\n" + _heading(section["title"], "~") + "\n" + section["body"]
        for section in entry["sections"]
    )
    return "\n".join(parts)


def _rst_logo(entry: Entry) -> str:
    """The logo as the ``full`` layout shows it: not linked, not a link to itself."""
    lines = [
        f".. image:: /logos/{entry['logo']}",
        f"   :alt: {entry['name']} logo",
        f"   :width: {LOGO_WIDTH}px",
        "   :class: no-scaled-link",
    ]
    return "\n".join(lines) + "\n"


def _rst_quote(quote: dict[str, str]) -> str:
    text = _indent(_wrap(quote["text"]))
    return f"{text}\n\n   -- {quote['author']}, {quote['role']}\n"


# -- the MyST pages ------------------------------------------------------------


def index_md(n_pages: int) -> str:
    docs = "".join(f"{page_doc(p)}\n" for p in range(n_pages))
    intro = "Customer stories, generated for the benchmark.\n"
    return f"# Case studies\n\n{intro}\n```{{toctree}}\n:maxdepth: 1\n\n{docs}```\n"


def ext_md_page(page: int, entries: list[Entry]) -> str:
    ids = ", ".join(entry["id"] for entry in entries)
    directive = f"```{{case-studies}}\n:ids: {ids}\n:layout: full\n```\n"
    return f"# {page_title(page)}\n\n{directive}"


def md_page(page: int, entries: list[Entry]) -> str:
    doc = page_doc(page)
    return f"# {page_title(page)}\n" + "".join(md_entry(myst_entry(e), doc) for e in entries)


def md_entry(entry: Entry, doc: str) -> str:
    """One entry by hand in MyST, as :func:`rst_entry` writes it in reST."""
    link = _shown_link(entry, doc)
    parts = [
        f"\n## {entry['title']}\n",
        _md_logo(entry),
        _quoted(entry["headline"]) + "\n",
        "".join(f"- **{m['value']}** {m['label']}\n" for m in entry["metrics"]),
        entry["summary"],
        "\n".join(_md_quote(q) for q in entry["quotes"]),
    ]
    if link is not None:
        parts.append(f"[{LINK_TEXTS[entry['kind']]}]({_md_link(link, doc)})\n")
    parts.extend(f"\n### {section['title']}\n\n{section['body']}" for section in entry["sections"])
    return "\n".join(parts)


def _md_logo(entry: Entry) -> str:
    lines = [
        f"```{{image}} /logos/{entry['logo']}",
        f":alt: {entry['name']} logo",
        f":width: {LOGO_WIDTH}px",
        ":class: no-scaled-link",
        "```",
    ]
    return "\n".join(lines) + "\n"


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.rstrip("\n").split("\n"))


def _md_quote(quote: dict[str, str]) -> str:
    attribution = f"{quote['author']}, {quote['role']}"
    return f'{{attribution="{attribution}"}}\n{_quoted(_wrap(quote["text"]))}\n'


def _md_link(link: str, doc: str) -> str:
    """``link`` as a MyST link from ``doc``: a URL, or the page's source file."""
    if link.startswith(("https://", "http://")):
        return link
    return posixpath.relpath(f"{link}.md", posixpath.dirname(doc))


# -- writing the projects -------------------------------------------------------


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def pages_of(entries: list[Entry], n_pages: int) -> list[list[Entry]]:
    pages: list[list[Entry]] = [[] for _ in range(n_pages)]
    for index, entry in enumerate(entries):
        pages[page_of(index, len(entries), n_pages)].append(entry)
    return pages


def data_files_of(entries: list[Entry]) -> list[list[Entry]]:
    """Entries dealt round-robin over the data files, so a page draws on several."""
    count = min(DATA_FILES, len(entries))
    return [entries[number::count] for number in range(count)]


def write_ext_project(root: Path, entries: list[Entry], n_pages: int, seed: int) -> None:
    _write(root / "conf.py", _CONF.format(extra=_EXT_CONF_EXTRA))
    _write(root / "index.rst", index_rst(n_pages))
    write_logos(root / "logos", len(entries), seed)
    for number, chunk in enumerate(data_files_of(entries)):
        _write(root / data_file_name(number), dump_yaml(data_document(chunk, "../logos/")))
    for page, chunk in enumerate(pages_of(entries, n_pages)):
        _write(root / f"{page_doc(page)}.rst", ext_page(page, chunk))


def write_rst_project(root: Path, entries: list[Entry], n_pages: int, seed: int) -> None:
    _write(root / "conf.py", _CONF.format(extra=""))
    _write(root / "index.rst", index_rst(n_pages))
    write_logos(root / "logos", len(entries), seed)
    for page, chunk in enumerate(pages_of(entries, n_pages)):
        _write(root / f"{page_doc(page)}.rst", rst_page(page, chunk))


def write_ext_md_project(root: Path, entries: list[Entry], n_pages: int, seed: int) -> None:
    _write(root / "conf.py", _CONF.format(extra=_EXT_MD_CONF_EXTRA))
    _write(root / "index.md", index_md(n_pages))
    write_logos(root / "logos", len(entries), seed)
    for number, chunk in enumerate(data_files_of(entries)):
        document = data_document(chunk, "../logos/", "myst")
        _write(root / data_file_name(number), dump_yaml(document))
    for page, chunk in enumerate(pages_of(entries, n_pages)):
        _write(root / f"{page_doc(page)}.md", ext_md_page(page, chunk))


def write_md_project(root: Path, entries: list[Entry], n_pages: int, seed: int) -> None:
    _write(root / "conf.py", _CONF.format(extra=_MD_CONF_EXTRA))
    _write(root / "index.md", index_md(n_pages))
    write_logos(root / "logos", len(entries), seed)
    for page, chunk in enumerate(pages_of(entries, n_pages)):
        _write(root / f"{page_doc(page)}.md", md_page(page, chunk))


WRITERS = {"ext": write_ext_project, "rst": write_rst_project,
           "ext-md": write_ext_md_project, "md": write_md_project}


def generate(out_dir: Path | str, n_entries: int, n_pages: int, seed: int = 0) -> Path:
    """Write the projects of :data:`SIDES` under ``out_dir`` (replacing them) and a manifest."""
    if n_entries < 1 or not 1 <= n_pages <= n_entries:
        raise ValueError("need 1 <= pages <= entries")
    out = Path(out_dir)
    entries = make_entries(n_entries, n_pages, seed)
    for side in SIDES:
        shutil.rmtree(out / side, ignore_errors=True)
        WRITERS[side](out / side, entries, n_pages, seed)
    manifest = {"entries": n_entries, "pages": n_pages, "seed": seed}
    _write(out / MANIFEST, json.dumps(manifest, indent=2) + "\n")
    return out


def generate_data_file(out_dir: Path | str, n_entries: int, seed: int = 0,
                       markup: str = "rst") -> Path:
    """One data file of ``n_entries`` entries and its logos: ``out_dir/entries.yaml``
    (``entries-myst.yaml`` for ``markup="myst"``).

    Used for the load benchmark; document links point at 100 imaginary pages.
    """
    out = Path(out_dir)
    entries = make_entries(n_entries, min(100, n_entries), seed)
    write_logos(out / "logos", n_entries, seed)
    path = out / ("entries.yaml" if markup == "rst" else f"entries-{markup}.yaml")
    _write(path, dump_yaml(data_document(entries, "logos/", markup)))
    return path


def edit_headline(out_dir: Path | str, index: int, suffix: str = " Updated today.") -> str:
    """Append ``suffix`` to entry ``index``'s headline on every side.

    Rewrites the one data file holding the entry (ext, ext-md) and the one page
    showing it (rst, md); every other byte stays the same.  Returns that page's
    docname.
    """
    out = Path(out_dir)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    n_entries, n_pages = manifest["entries"], manifest["pages"]
    entries = make_entries(n_entries, n_pages, manifest["seed"])
    entries[index]["headline"] += suffix
    files = data_files_of(entries)
    number = index % len(files)
    page = page_of(index, n_entries, n_pages)
    shown = pages_of(entries, n_pages)[page]
    for side, markup in (("ext", "rst"), ("ext-md", "myst")):
        data = dump_yaml(data_document(files[number], "../logos/", markup))
        _write(out / side / data_file_name(number), data)
    _write(out / "rst" / f"{page_doc(page)}.rst", rst_page(page, shown))
    _write(out / "md" / f"{page_doc(page)}.md", md_page(page, shown))
    return page_doc(page)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--single-file", action="store_true", help="write one data file (load benchmark)"
    )
    parser.add_argument("--markup", choices=("rst", "myst"), default="rst",
                        help="markup of the --single-file data [rst]")
    action.add_argument(
        "--edit-headline",
        type=int,
        metavar="INDEX",
        help="in an existing out_dir, edit entry INDEX's headline; print the page showing it",
    )
    args = parser.parse_args(argv)
    if args.single_file:
        print(generate_data_file(args.out_dir, args.entries, args.seed, args.markup))
    elif args.edit_headline is not None:
        print(edit_headline(args.out_dir, args.edit_headline))
    else:
        print(generate(args.out_dir, args.entries, args.pages, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
