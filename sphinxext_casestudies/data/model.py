"""The validated shape of case-study data: what loading produces and rendering consumes.

Everything here is plain, immutable and picklable, so entries can live in the
Sphinx environment, cross process boundaries in parallel builds and be compared
for incremental rebuilds.  Nothing here imports Sphinx or docutils.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Literal

from sphinxext_casestudies.trust.links import is_web_url

Subtype = Literal["data", "schema", "duplicate", "ref", "image", "url", "empty", "markup", "limit",
                  "directive", "config"]
Markup = Literal["rst", "myst"]

KINDS: tuple[str, ...] = ("case-study", "article", "talk", "video")
MARKUPS: tuple[str, ...] = ("rst", "myst")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located at a file and line (1-based; 0 = whole file)."""

    path: str
    line: int
    subtype: Subtype
    message: str

    def format(self) -> str:
        """``path:line: message [subtype]``, the ``validate`` command's line format."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} [{self.subtype}]"


@dataclass(frozen=True)
class Text:
    """A rich-text field's source text and the data-file line its first line sits on.

    ``line`` is the line of the first line of ``text`` itself (for a block
    scalar ``|``, the line after the key), so parser messages can be mapped
    back into the data file by adding the offset inside ``text``.
    """

    text: str
    line: int


@dataclass(frozen=True)
class Logo:
    """A logo: ``src``/``dark`` are URLs or paths relative to the Sphinx source folder (posix)."""

    src: str
    alt: str
    dark: str | None = None
    width: int | None = None
    line: int = 0
    #: False when ``alt`` is our default ("NAME logo"), which a build words in its language.
    alt_given: bool = field(default=True, compare=False)

    @staticmethod
    def is_url(src: str) -> bool:
        return is_web_url(src)


@dataclass(frozen=True)
class Section:
    """A part of the story; without a ``title`` its body follows what comes before it."""

    title: str | None
    body: Text
    line: int = 0


@dataclass(frozen=True)
class Quote:
    text: Text
    author: str | None = None
    role: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Metric:
    value: str
    label: str
    line: int = 0


@dataclass(frozen=True)
class Entry:
    """One validated case study, article, talk or video.

    ``link`` is either an http(s) URL or a document name relative to the source
    folder (no leading slash, no suffix).  ``source`` is the data file (or, for
    an inline entry, the document's source file) and ``line`` the entry's line.
    """

    id: str
    name: str
    source: str
    line: int
    markup: Markup = "rst"
    title: str | None = None
    kind: str = "case-study"
    industry: str | None = None
    tags: tuple[str, ...] = ()
    logo: Logo | None = None
    headline: Text | None = None
    link: str | None = None
    link_line: int = 0
    link_text: str | None = None
    summary: Text | None = None
    sections: tuple[Section, ...] = ()
    quotes: tuple[Quote, ...] = ()
    metrics: tuple[Metric, ...] = ()
    date: str | None = None
    order: int | None = None
    page: bool = True
    """False: no story page, even where the entry's kind has them."""

    @property
    def heading(self) -> str:
        """The full story's heading: ``title``, else ``name``."""
        return self.title or self.name

    @property
    def link_is_url(self) -> bool:
        return self.link is not None and is_web_url(self.link)

    @cached_property
    def fingerprint(self) -> str:
        """A digest of everything that shows when rendered (not of line numbers).

        Used to decide which documents an edit makes stale: moving an entry
        within its file changes lines, not what readers see.  Computed on first
        use only: ``validate`` never needs it (a quarter of its time).
        """
        digest = hashlib.blake2b(digest_size=16)
        for f in fields(self):
            if f.name in ("line", "link_line", "source"):
                continue
            digest.update(f.name.encode())
            digest.update(_strip_lines(getattr(self, f.name)).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()


def _strip_lines(value: object) -> str:
    """``repr`` of a field value without any ``line`` numbers in it."""
    if isinstance(value, Text):
        return repr(value.text)
    if isinstance(value, (Logo, Section, Quote, Metric)):
        return repr(tuple(_strip_lines(getattr(value, f.name)) for f in fields(value)
                          if f.name != "line"))
    if isinstance(value, tuple):
        return repr(tuple(_strip_lines(v) for v in value))
    return repr(value)


@dataclass(frozen=True)
class Catalog:
    """Every valid entry of a project's data files, in data order, plus what was wrong."""

    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()

    def get(self, entry_id: str) -> Entry | None:
        return self._index.get(entry_id)

    @property
    def _index(self) -> dict[str, Entry]:
        index = self.__dict__.get("_index_cache")
        if index is None:
            index = {e.id: e for e in self.entries}
            object.__setattr__(self, "_index_cache", index)
        return index

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._index
