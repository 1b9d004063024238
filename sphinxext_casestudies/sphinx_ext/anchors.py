"""Which rendering of an entry carries the bare entry id on its page.

Layouts claim ids in document order while the page is parsed, so the first
rendering of an entry, or a page title that slugs to the entry id, would take
``#<id>``.  Links from outside (``page.html#govuk-pay``) and our own role must
land on the entry's canonical rendering whatever else the page holds, so
after parsing this transform hands the bare id to the canonical rendering
(else the first one), taking it from

* another rendering of the same entry, which gets the suffix instead;
* a section whose id was made from its title (the page title), which gets
  the next free suffix (docs: layouts, "Anchors").

An id the author set explicitly (a ``.. _govuk-pay:`` label) is the author's:
it is left alone and the entry keeps its suffixed id.  The final anchors of
canonical renderings are noted for the domain here, not by the directive,
which cannot know what the rest of the page will hold.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinxext_casestudies.names import CANONICAL_ATTRIBUTE
from sphinxext_casestudies.names import ENTRY_ATTRIBUTE as ENTRY
from sphinxext_casestudies.sphinx_ext.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Set by a directive on a canonical rendering (value: the directive's line); consumed here.


class EntryAnchors(SphinxTransform):
    # After SectionsWhereTheyCanStand (200), which moves ids onto rubric boxes,
    # and before the reference transforms (260 and later) read ``nameids``.
    default_priority = 205

    def apply(self, **kwargs: object) -> None:
        docname = self.env.docname
        domain = get_domain(self.env)
        if docname not in domain.docs:
            return  # this page shows no entry: nothing to move
        renderings: dict[str, list[nodes.Element]] = {}
        for node in self.document.findall(nodes.Element):
            if ENTRY in node and node["ids"]:
                renderings.setdefault(node[ENTRY], []).append(node)
        for entry_id, found in renderings.items():
            winner = next((n for n in found if CANONICAL_ATTRIBUTE in n), found[0])
            self._give_bare_id(entry_id, winner)
            for node in found:
                if CANONICAL_ATTRIBUTE in node:
                    domain.note_canonical(docname, entry_id, node["ids"][0],
                                          int(node.attributes.pop(CANONICAL_ATTRIBUTE)))

    def _give_bare_id(self, entry_id: str, winner: nodes.Element) -> None:
        if entry_id in winner["ids"]:
            return
        holder = self.document.ids.get(entry_id)
        if holder is None:  # nobody has it (it cannot be claimed otherwise; kept safe)
            self._swap(winner, winner["ids"][0], None, entry_id)
        elif holder.get(ENTRY) == entry_id or self._implicit(holder, entry_id):
            self._swap(winner, winner["ids"][0], holder, entry_id)

    def _implicit(self, holder: nodes.Element, node_id: str) -> bool:
        """Whether ``node_id`` was made from ``holder``'s title, not set by the author."""
        names = [n for n in holder["names"] if self.document.nameids.get(n) == node_id]
        return bool(names) and not any(self.document.nametypes.get(n) for n in names)

    def _swap(self, a: nodes.Element, a_id: str, b: nodes.Element | None, b_id: str) -> None:
        """``a`` takes ``b_id`` and ``b`` takes ``a_id``, everywhere the document records ids."""
        doc = self.document
        a["ids"][a["ids"].index(a_id)] = b_id
        doc.ids[b_id] = a
        if b is None:
            del doc.ids[a_id]
        else:
            b["ids"][b["ids"].index(b_id)] = a_id
            doc.ids[a_id] = b
        swapped = {a_id: b_id, b_id: a_id}
        for name, node_id in list(doc.nameids.items()):
            if node_id in swapped:
                doc.nameids[name] = swapped[node_id]
        for node in doc.findall(nodes.Element):
            if node.get("refid") in swapped:
                node["refid"] = swapped[node["refid"]]


def setup_anchors(app: Sphinx) -> None:
    app.add_transform(EntryAnchors)
