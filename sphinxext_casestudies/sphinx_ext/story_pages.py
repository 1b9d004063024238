"""Story pages: one document per entry, generated from the data (docs: story-pages).

Sphinx has no public way to add a document without a file, and everything
after reading (``html_copy_source``, mtimes, ``_sources``, every builder)
expects one.  So each generated page is a real file, but not in the source
folder: one generated folder inside the doctree folder (the build output,
already ignored by watchers and version control) holds a one-line reST stub
per page (``.. case-study:: <id>``) and the index.  At ``env-get-outdated``,
after Sphinx has found the project's own files, the stubs are registered as
documents of the project under ``<casestudies_pages>/<id>``; a project file
with the same name was found first and wins.

A stub's text depends on the entry id only, so a stub is written when it
is new or its text changed (mtimes stay put otherwise, so file watchers see
nothing), and removed when its entry goes.  What the page shows is tracked
like any page's: the directive in it notes the entry's fingerprint, so an
edit re-reads exactly the pages that show the entry.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.project import Project

from sphinxext_casestudies.data.model import Catalog, Entry
from sphinxext_casestudies.reporting import warn
from sphinxext_casestudies.sphinx_ext.config import conf_line, settings_of
from sphinxext_casestudies.translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The generated folder, inside the doctree folder.
GENERATED = "casestudies-pages"
INDEX = "index"


def story_pages(catalog: Catalog, folder: str, kinds: Iterable[str]) -> dict[str, str]:
    """entry id -> the docname of its story page, in data order; empty without a folder."""
    folder = folder.strip("/")
    if not folder:
        return {}
    wanted = set(kinds)
    return {entry.id: f"{folder}/{entry.id}" for entry in catalog.entries
            if entry.kind in wanted and entry.page and entry.id != INDEX}


def index_clashes(catalog: Catalog, kinds: Iterable[str]) -> list[Entry]:
    """Entries that would get a story page named like the folder's index (id ``index``)."""
    wanted = set(kinds)
    return [e for e in catalog.entries if e.id == INDEX and e.kind in wanted and e.page]


def page_text(entry_id: str) -> str:
    """A story page: the entry in its ``full`` layout, whose heading is the page title."""
    return f".. case-study:: {entry_id}\n"


def index_text(title: str, pages: Mapping[str, str]) -> str:
    """The folder's index: a title, the entries as summaries, a toctree of the pages."""
    lines = [title, "=" * (2 * len(title)), ""]
    if pages:
        lines += [".. case-studies::", "   :layout: summary", "   :ids: " + " ".join(pages),
                  "", ".. toctree::", "   :hidden:", ""]
        lines += [f"   /{docname}" for docname in pages.values()]
    return "\n".join(lines) + "\n"


def generated_dir(app: Sphinx) -> Path:
    return Path(app.doctreedir) / GENERATED


def wanted_files(app: Sphinx, pages: Mapping[str, str],
                 found: Iterable[str]) -> dict[str, str]:
    """docname -> stub text, for the pages the project does not write itself."""
    folder = settings_of(app.config).pages
    if not folder:
        return {}
    if ".rst" not in app.config.source_suffix:
        warn("casestudies_pages needs '.rst' in source_suffix (the generated pages are "
             "reStructuredText); no story pages are generated", "config",
             f"{Path(app.confdir, 'conf.py')}:{conf_line(str(app.confdir), 'source_suffix')}")
        return {}
    project_docs = set(found)
    wanted = {docname: page_text(entry_id) for entry_id, docname in pages.items()
              if docname not in project_docs}
    index = f"{folder}/{INDEX}"
    if index not in project_docs:
        wanted[index] = index_text(str(_("Case studies")), pages)
    return wanted


def sync_files(root: Path, wanted: Mapping[str, str]) -> set[str]:
    """Write the stubs whose text changed and remove the others; the docnames written."""
    written: set[str] = set()
    for docname, text in wanted.items():
        path = root / f"{docname}.rst"
        data = text.encode("utf-8")
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.add(docname)
    keep = {root / f"{docname}.rst" for docname in wanted}
    if root.is_dir():
        for folder, _dirs, files in os.walk(root, topdown=False):
            for name in files:
                path = Path(folder, name)
                if path not in keep:
                    path.unlink()
            if folder != str(root) and not os.listdir(folder):
                os.rmdir(folder)
    return written


def dependency_changed(env: BuildEnvironment, docname: str) -> bool:
    """Sphinx's own test for a page it found itself, which it skipped for a stub.

    A dependency (a logo file, a translation catalog) missing, or modified
    after the page was last read (``all_docs`` holds that time in microseconds).
    """
    read_at = env.all_docs[docname]
    for dep in env.dependencies.get(docname, ()):
        try:
            modified = -(-Path(env.srcdir, dep).stat().st_mtime_ns // 1000)  # rounded up
        except OSError:
            return True
        if modified > read_at:
            return True
    return False


class StoryProject(Project):
    """Sphinx's project, where a stub's name relative to the source folder is its docname's.

    A stub lives outside the source folder, but Sphinx derives a page's
    source suffix (``_sources/``) and the folder its relative paths start
    from (``relfn2path``) from ``doc2path(docname, False)``: for a story page
    that is ``<folder>/<id>.rst``, as if it were a file of the project.
    """

    story_stubs: frozenset[str] = frozenset()

    def doc2path(self, docname: str, absolute: bool) -> Any:
        path = super().doc2path(docname, absolute)
        if not absolute and docname in self.story_stubs:
            return type(path)(f"{docname}.rst")
        return path


def register_pages(app: Sphinx, env: BuildEnvironment, pages: Mapping[str, str],
                   generated_before: Mapping[str, str], added: set[str], changed: set[str],
                   removed: set[str]) -> dict[str, str]:
    """Make the stubs documents of this build; returns docname -> stub path (for next time).

    Called at ``env-get-outdated``, after Sphinx's own discovery: the stubs
    join ``found_docs`` and Sphinx's docname/path maps, and the ``added``,
    ``changed`` and ``removed`` sets Sphinx computed without them are set
    right.  A page that changes between generated and hand-written is read
    again, whatever the mtimes say.
    """
    root = generated_dir(app)
    project = app.project
    names = project._docname_to_path  # private: Sphinx has no public API for this
    paths = project._path_to_docname
    for path, docname in list(paths.items()):
        # A doctree folder inside the source folder: Sphinx found our stubs as its own.
        if root in Path(app.srcdir, path).parents:
            project.docnames.discard(docname)
            del paths[path]
            names.pop(docname, None)
            added.discard(docname)
            changed.discard(docname)
    wanted = wanted_files(app, pages, env.found_docs)
    written = sync_files(root, wanted)
    now: dict[str, str] = {}
    for docname in wanted:
        path = root / f"{docname}.rst"
        project.docnames.add(docname)
        names[docname] = path
        paths[path] = docname
        now[docname] = str(path)
        removed.discard(docname)
        if docname not in env.all_docs:
            added.add(docname)
        elif (docname in written or docname not in generated_before
              or dependency_changed(env, docname)):
            changed.add(docname)
    for docname in generated_before:
        if docname not in now and docname in env.found_docs:
            changed.add(docname)  # a hand-written page replaced the generated one
    if now and type(project) is Project:
        project.__class__ = StoryProject  # the one Sphinx made, so every holder sees it
    if isinstance(project, StoryProject):
        project.story_stubs = frozenset(now)
    return now
