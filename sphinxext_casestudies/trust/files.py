"""The trust boundary, files: which files a name in data may make Sphinx read.

A file is read only when every path Sphinx could make of the name resolves
inside the source folder: one leading ``/`` is source-relative (``//`` is
absolute for Sphinx), ``..`` and symbolic links are followed, every
``name.*`` candidate counts, and NUL or undecodable characters are refused.
A name with a URL scheme is judged by :mod:`.links` first.

Nothing here imports Sphinx or docutils (the ``validate`` command uses it too).
"""

from __future__ import annotations

import glob
import os
import posixpath
from dataclasses import dataclass
from functools import cached_property

from sphinxext_casestudies.trust.links import WEB_SCHEMES, url_scheme


def source_uri(relpath: str) -> str:
    """The image URI Sphinx reads as ``relpath`` inside the source folder (one ``/``)."""
    return "/" + relpath


@dataclass(frozen=True)
class Resolved:
    """Where a name resolves: ``path`` relative to the source folder (posix), or why not.

    ``why`` is a message with ``{}`` where the caller puts the name, quoted its way.

    ``subtype`` is ``image`` for a file outside the source folder or missing,
    ``url`` for a scheme that is not allowed; ``remote`` is true for an
    http(s) URL (nothing is read then).
    """

    path: str | None = None
    why: str | None = None
    subtype: str = "image"
    remote: bool = False
    files: tuple[str, ...] = ()
    """The files on disk the name stands for (every ``name.*`` candidate)."""


class SourceFolder:
    """Decides whether names in data stay inside one Sphinx source folder.

    Each distinct (name, base folder) pair is resolved once: logos are
    often shared by many entries.
    """

    def __init__(self, srcdir: str) -> None:
        self.srcdir = os.path.abspath(srcdir)
        self._seen: dict[tuple[str, str, str], Resolved] = {}

    @cached_property
    def real_srcdir(self) -> str:
        return os.path.realpath(self.srcdir)

    def logo(self, src: str, base_dir: str) -> Resolved:
        """A logo path, relative to the data file's folder ``base_dir``; it must exist.

        Absolute paths are refused: the data file's folder is the only base.
        """
        key = (src, base_dir, "logo")
        if key not in self._seen:
            self._seen[key] = self._resolve(src, base_dir, "logo")
        return self._seen[key]

    def markup_file(self, uri: str, docdir: str, what: str = "image") -> Resolved:
        """An image or download named in data markup, resolved as Sphinx will resolve it.

        Relative to the page's folder ``docdir``; exactly one leading ``/``
        means the source folder (Sphinx reads ``//etc/x`` as ``/etc/x``).
        A URL must be http(s).  A missing file is Sphinx's to report.
        """
        key = (uri, docdir, what)
        if key not in self._seen:
            self._seen[key] = self._resolve(uri, docdir, what)
        return self._seen[key]

    def _resolve(self, name: str, base_dir: str, what: str) -> Resolved:
        logo = what == "logo"
        scheme = url_scheme(name)
        if scheme is not None:
            if scheme in WEB_SCHEMES:
                return Resolved(path=name, remote=True)
            return Resolved(why=f"{what} {{}} has scheme {scheme!r}; only http and https "
                            "are allowed", subtype="url")
        if _unusable(name):
            return Resolved(why=f"{what} path {{}} holds a NUL or undecodable character")
        if logo and (os.path.isabs(name) or name.startswith(("/", "\\"))):
            return Resolved(why="logo path {} must be relative to the data file's folder")
        if name.startswith("/"):
            # Sphinx strips one "/" only: what is left may itself be absolute ("//etc").
            joined = os.path.join(self.srcdir, name[1:])
        else:
            joined = os.path.join(os.path.abspath(base_dir), name)
        joined = os.path.normpath(joined)
        try:
            candidates = self._candidates(joined, name)
            inside = all(self._inside(c) for c in {joined, *candidates})
        except (OSError, ValueError):
            return Resolved(why=f"{what} path {{}} cannot be resolved")
        if not inside:
            return Resolved(why=f"{what} {{}} resolves outside the source folder")
        if logo and not candidates:
            return Resolved(why="logo file {} not found")
        return Resolved(path=self._relative(joined), files=tuple(sorted(candidates)))

    @staticmethod
    def _candidates(joined: str, name: str) -> list[str]:
        """Files Sphinx may pick for ``name``: every match of ``name.*``, else the file itself.

        Sphinx globs the whole path of a ``.*`` name (folders included), so
        the pattern is not escaped: what Sphinx could match is checked.
        """
        if name.endswith(".*"):
            return [c for c in glob.glob(joined) if os.path.isfile(c)]
        matches = [joined] if os.path.isfile(joined) else []
        if glob.has_magic(joined):  # harmless for Sphinx, but one rule for all: check them
            matches += [c for c in glob.glob(joined) if os.path.isfile(c)]
        return matches

    def _inside(self, path: str) -> bool:
        real, root = os.path.realpath(path), self.real_srcdir
        return real == root or real.startswith(root.rstrip(os.sep) + os.sep)

    def _relative(self, path: str) -> str:
        """``path`` relative to srcdir as spelled, else via real paths (symlinked folders)."""
        rel = os.path.relpath(path, self.srcdir)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            rel = os.path.relpath(os.path.realpath(path), self.real_srcdir)
        return posixpath.join(*rel.split(os.sep))


def _unusable(name: str) -> bool:
    """NUL, or a lone surrogate (undecodable bytes): no file system call may see them."""
    if "\x00" in name:
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
