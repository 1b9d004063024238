"""Logo paths: relative to the data file, present, inside the source folder, safe to publish.

Where a path may point is :mod:`sphinxext_casestudies.trust.links`'s decision; this
module words the answer for the data layer and refuses SVG files that could
run script when opened directly (see :mod:`sphinxext_casestudies.trust.svg`).
"""

from __future__ import annotations

from sphinxext_casestudies.data.wording import shown
from sphinxext_casestudies.trust.files import SourceFolder
from sphinxext_casestudies.trust.svg import svg_problem


class LogoResolver:
    """Checks logo paths against one source folder, each distinct path once.

    Logos are often shared by many entries; one resolver lives for one load,
    so a file added or removed between two builds is seen by the next one.
    """

    def __init__(self, srcdir: str) -> None:
        self.folder = SourceFolder(srcdir)
        self._svg: dict[str, str | None] = {}

    def resolve(self, src: str, base_dir: str) -> tuple[str | None, str | None]:
        """``(path relative to srcdir in posix form, None)`` or ``(None, why it is refused)``.

        ``logo.*`` (Sphinx's candidate syntax) counts as present when any
        candidate exists; each candidate must stay inside the source folder,
        and no SVG among them may hold script or external references.
        """
        found = self.folder.logo(src, base_dir)
        if found.why is not None:
            return None, found.why.format(shown(src))
        for path in found.files:
            if path not in self._svg:
                self._svg[path] = svg_problem(path)
            if self._svg[path] is not None:
                return None, f"logo {shown(src)}: {self._svg[path]}"
        return found.path, None

