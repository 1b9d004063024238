"""Cross-document bookkeeping: canonical renderings, links, and what each page depends on.

Per document the domain keeps a :class:`DocRecord`: the entries it renders
canonically (for the role and ``logo-grid :link: story``), the entries it
refers to, and a digest of every entry and selection result it shows.  With
those, a data edit re-reads exactly the pages whose output changes
(``env-get-outdated``) and re-writes pages whose role targets moved
(``env-get-updated``), where Sphinx's own todo list goes stale.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from sphinxext_casestudies.data.model import Catalog, Entry, Text
from sphinxext_casestudies.data.richtext import field_key
from sphinxext_casestudies.data.select import Selection, select
from sphinxext_casestudies.names import DOMAIN, LINK_ATTRIBUTE
from sphinxext_casestudies.reporting import warn
from sphinxext_casestudies.translations import _
from sphinxext_casestudies.trust.links import is_web_url

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


@dataclass
class DocRecord:
    """What one document shows, so an edit can be matched to the pages it affects."""

    canonical: list[tuple[str, str, int]] = field(default_factory=list)  # id, anchor, line
    entries: dict[str, str] = field(default_factory=dict)  # id -> fingerprint ("" = missing)
    selections: dict[Selection, str] = field(default_factory=dict)  # -> digest of result
    refs: set[str] = field(default_factory=set)  # ids whose canonical place it links to
    texts: set[tuple[str, str]] = field(default_factory=set)  # (id, field key) it parsed
    names: dict[str, str] = field(default_factory=dict)  # canonical id -> entry name
    page: dict[str, str] = field(default_factory=dict)  # a story page's metadata (pagemeta)


def selection_digest(entries: Iterable[Entry]) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for entry in entries:
        digest.update(f"{entry.id}\0{entry.fingerprint}\0".encode())
    return digest.hexdigest()


class CaseStudiesDomain(Domain):
    """Holds plain per-document data; the catalog itself is loaded once per build."""

    name = DOMAIN
    label = "Case studies"
    data_version = 3
    #: Canonical places are ``entry`` objects: objects.inv, intersphinx, ``:any:``, search.
    object_types = {"entry": ObjType(_("case study"), "entry")}
    #: The object priority Sphinx calls "default" (shown in search results, not first).
    OBJECT_PRIORITY = 1
    # docs: docname -> DocRecord; checked: entry id -> digest of what the last check saw;
    # generated: story page docname -> its stub file (see pages.py)
    initial_data = {"docs": {}, "checked": {}, "generated": {}}

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.catalog = Catalog()
        self.confdir = ""
        #: entry id -> docname of its story page (generated or hand-written), this build
        self.story_pages: dict[str, str] = {}
        self._canonical_before: dict[str, tuple[str, str]] = {}
        self._places: dict[str, list[tuple[str, str, int]]] | None = None

    @property
    def docs(self) -> dict[str, DocRecord]:
        return cast(dict[str, DocRecord], self.data["docs"])

    @property
    def generated(self) -> dict[str, str]:
        return cast(dict[str, str], self.data.setdefault("generated", {}))

    def may_be_canonical(self, entry_id: str, docname: str) -> bool:
        """A ``full`` rendering away from the entry's story page counts as ``:no-index:``."""
        return self.story_pages.get(entry_id, docname) == docname

    @property
    def checked(self) -> dict[str, str]:
        return cast(dict[str, str], self.data["checked"])

    def record(self, docname: str) -> DocRecord:
        self._places = None
        return self.docs.setdefault(docname, DocRecord())

    # -- noting, while a document is read ------------------------------------------

    def note_entry(self, docname: str, entry: Entry) -> None:
        self.record(docname).entries[entry.id] = entry.fingerprint

    def note_missing(self, docname: str, entry_id: str) -> None:
        self.record(docname).entries[entry_id] = ""

    def note_selection(self, docname: str, selection: Selection, result: list[Entry]) -> None:
        self.record(docname).selections[selection] = selection_digest(result)

    def note_canonical(self, docname: str, entry_id: str, anchor: str, line: int) -> None:
        record = self.record(docname)
        record.canonical.append((entry_id, anchor, line))
        entry = self.catalog.get(entry_id)
        record.names[entry_id] = entry.name if entry is not None else entry_id

    def note_page(self, docname: str, meta: dict[str, str]) -> None:
        self.record(docname).page = meta

    def note_ref(self, docname: str, entry_id: str) -> None:
        self.record(docname).refs.add(entry_id)

    def note_text(self, docname: str, entry: Entry, text: Text) -> None:
        """A page parsed this field of a project entry (inline entries are not tracked)."""
        key = field_key(entry, text)
        if key is not None and self.catalog.get(entry.id) is entry:
            self.record(docname).texts.add((entry.id, key))

    def shown_texts(self) -> set[tuple[str, str]]:
        """Every (entry id, field key) some page renders."""
        return {shown for record in self.docs.values() for shown in record.texts}

    # -- Domain protocol -------------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self._places = None
        self.docs.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        self._places = None
        for docname in docnames:
            if docname in otherdata["docs"]:
                self.docs[docname] = otherdata["docs"][docname]

    def canonical_places(self) -> dict[str, list[tuple[str, str, int]]]:
        """entry id -> every (docname, anchor, line) rendering it canonically, sorted."""
        if self._places is not None:
            return self._places
        places: dict[str, list[tuple[str, str, int]]] = {}
        for docname in sorted(self.docs):
            for entry_id, anchor, line in self.docs[docname].canonical:
                places.setdefault(entry_id, []).append((docname, anchor, line))
        self._places = places
        return places

    def canonical_place(self, entry_id: str) -> tuple[str, str] | None:
        found = self.canonical_places().get(entry_id)
        return (found[0][0], found[0][1]) if found else None

    def object_place(self, entry_id: str) -> tuple[str, str] | None:
        """Where the role, ``:any:`` and ``objects.inv`` send readers: the story page (its
        top), else the canonical rendering; one answer for all three."""
        page = self.story_pages.get(entry_id)
        if page is not None and page in self.env.all_docs:
            return page, ""
        return self.canonical_place(entry_id)

    def entry_name(self, entry_id: str) -> str:
        """The name noted with an entry's canonical rendering (the catalog is gone by then)."""
        for docname, _anchor, _line in self.canonical_places().get(entry_id, []):
            name = self.docs[docname].names.get(entry_id)
            if name is not None:
                return name
        return entry_id

    def check_consistency(self) -> None:
        """Two canonical ``full`` renderings of one entry: the role could not choose."""
        for entry_id, places in self.canonical_places().items():
            first_doc, _, first_line = places[0]
            for docname, _, line in places[1:]:
                warn(
                    f"entry {entry_id!r} has two canonical renderings (first in "
                    f"{self.env.doc2path(first_doc)}:{first_line}); add :no-index: "
                    "to all but one",
                    "ref", (docname, line),
                )

    def resolve_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str,
        target: str, node: pending_xref, contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == "doc":
            if target not in env.all_docs:
                return None
            return make_refnode(builder, fromdocname, target, None, contnode)
        if typ != "entry":
            return None
        place = self.object_place(target)
        if place is not None:
            return make_refnode(builder, fromdocname, place[0], place[1] or None, contnode)
        link = node.get(LINK_ATTRIBUTE) or ""
        if is_web_url(link):
            return nodes.reference("", "", contnode, refuri=link, internal=False)
        if link and link in env.all_docs:
            return make_refnode(builder, fromdocname, link, None, contnode)
        return None

    def resolve_any_xref(
        self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
        node: pending_xref, contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """``:any:`` finds an entry's canonical place (its object), not its outside ``link``.

        Without explicit text the link says the entry's name, as the role's does.
        """
        place = self.object_place(target)
        if place is None:
            return []
        if not node.get("refexplicit"):
            name = self.entry_name(target)
            contnode = nodes.literal(name, name, classes=contnode.get("classes", []))
        return [(f"{self.name}:entry",
                 make_refnode(builder, fromdocname, place[0], place[1] or None, contnode))]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """One ``entry`` object per entry with a canonical place: the one the role links to."""
        for entry_id in sorted({*self.canonical_places(), *self.story_pages}):
            place = self.object_place(entry_id)
            if place is not None:
                yield (entry_id, self.entry_name(entry_id), "entry", place[0], place[1],
                       self.OBJECT_PRIORITY)

    # -- incremental builds ----------------------------------------------------------

    def outdated_docs(self, catalog: Catalog) -> set[str]:
        """Documents whose rendered entries or selection results differ under ``catalog``."""
        stale: set[str] = set()
        for docname, record in self.docs.items():
            if any((catalog.get(i).fingerprint if i in catalog else "") != fp  # type: ignore[union-attr]
                   for i, fp in record.entries.items()):
                stale.add(docname)
                continue
            for selection, digest in record.selections.items():
                result, _ = select(catalog, selection, confdir=self.confdir)
                if selection_digest(result) != digest:
                    stale.add(docname)
                    break
        return stale

    def remember_canonical(self) -> None:
        """Snapshot where entries live before reading, to spot moves afterwards."""
        self._canonical_before = {
            entry_id: (places[0][0], places[0][1])
            for entry_id, places in self.canonical_places().items()
        }

    def docs_with_moved_refs(self) -> set[str]:
        """Pages linking to an entry whose canonical place changed in this build."""
        now = {
            entry_id: (places[0][0], places[0][1])
            for entry_id, places in self.canonical_places().items()
        }
        moved = {i for i in set(now) | set(self._canonical_before)
                 if now.get(i) != self._canonical_before.get(i)}
        if not moved:
            return set()
        return {docname for docname, record in self.docs.items() if record.refs & moved}


def get_domain(env: BuildEnvironment) -> CaseStudiesDomain:
    return cast(CaseStudiesDomain, env.get_domain(CaseStudiesDomain.name))


def setup_domain(app: Sphinx) -> None:
    app.add_domain(CaseStudiesDomain)
