"""Logo paths: relative to the data file, present, and inside the Sphinx source folder.

A data file must not be able to publish arbitrary files of the build machine
(``../../etc/passwd``, a symlink pointing out), so every path is resolved with
:func:`os.path.realpath` and contained in the source folder's real path.
"""

from __future__ import annotations

import glob
import os
import posixpath
from functools import cached_property

from sphinxext_casestudies.data.wording import shown


class LogoResolver:
    """Checks logo paths against one source folder, each distinct path once.

    Logos are often shared by many entries; one resolver lives for one load,
    so a file added or removed between two builds is seen by the next one.
    """

    def __init__(self, srcdir: str) -> None:
        self.srcdir = os.path.abspath(srcdir)
        self._seen: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    @cached_property
    def real_srcdir(self) -> str:
        return os.path.realpath(self.srcdir)

    def resolve(self, src: str, base_dir: str) -> tuple[str | None, str | None]:
        """``(path relative to srcdir in posix form, None)`` or ``(None, why it is refused)``.

        ``logo.*`` (Sphinx's candidate syntax) counts as present when any
        candidate exists; each candidate must stay inside the source folder.
        """
        key = (src, base_dir)
        if key not in self._seen:
            self._seen[key] = self._resolve(src, base_dir)
        return self._seen[key]

    def _resolve(self, src: str, base_dir: str) -> tuple[str | None, str | None]:
        if os.path.isabs(src) or src.startswith(("/", "\\")):
            return None, f"logo path {shown(src)} must be relative to the data file's folder"
        joined = os.path.normpath(os.path.join(os.path.abspath(base_dir), src))
        if src.endswith(".*"):
            candidates = [c for c in glob.glob(glob.escape(joined[:-2]) + ".*")
                          if os.path.isfile(c)]
        else:
            candidates = [joined] if os.path.isfile(joined) else []
        if not all(self._inside(c) for c in {joined, *candidates}):
            return None, f"logo {shown(src)} resolves outside the source folder"
        if not candidates:
            return None, f"logo file {shown(src)} not found"
        return self._relative(joined), None

    def _inside(self, path: str) -> bool:
        real, root = os.path.realpath(path), self.real_srcdir
        return real == root or real.startswith(root.rstrip(os.sep) + os.sep)

    def _relative(self, path: str) -> str:
        """``path`` relative to srcdir as spelled, else via real paths (symlinked folders)."""
        rel = os.path.relpath(path, self.srcdir)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):
            rel = os.path.relpath(os.path.realpath(path), self.real_srcdir)
        return posixpath.join(*rel.split(os.sep))
