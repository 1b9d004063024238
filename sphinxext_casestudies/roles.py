"""``:case-study:`id``` and ``:case-study:`text <id>```: a link to the entry's canonical place.

``:casestudies:entry:`` is the same role, registered in our domain, so it also
serves intersphinx's ``:external+NAME:casestudies:entry:``: an id this project
does not know may then live in another project's inventory, so the warning
waits until no resolver (ours, intersphinx) found it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.nodes import Node, system_message
from sphinx import addnodes
from sphinx.util.docutils import ReferenceRole

from sphinxext_casestudies.domain import get_domain
from sphinxext_casestudies.render.common import DOMAIN
from sphinxext_casestudies.warnings import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains import Domain

#: Marks a reference to an id the project's data does not hold (for the late warning).
UNKNOWN = "cs-unknown"


class CaseStudyRole(ReferenceRole):
    """Resolved at write time by the domain: canonical ``full`` rendering, else ``link``."""

    def __init__(self, *, defer_unknown: bool = False) -> None:
        super().__init__()
        self.defer_unknown = defer_unknown

    def run(self) -> tuple[list[Node], list[system_message]]:
        domain = get_domain(self.env)
        entry_id = self.target.strip()
        entry = domain.catalog.get(entry_id)
        if entry is None:
            domain.note_missing(self.env.docname, entry_id)
            if self.defer_unknown:
                text = self.title if self.has_explicit_title else entry_id
                return [self.xref(entry_id, text, "", unknown=True)], []
            warn(f"unknown case study id {entry_id!r} in :case-study: role", "ref",
                 self.get_location())
            text = self.title if self.has_explicit_title else entry_id
            return [nodes.inline(self.rawtext, text, classes=["cs-role", "cs-unresolved"])], []
        domain.note_entry(self.env.docname, entry)
        domain.note_ref(self.env.docname, entry.id)
        text = self.title if self.has_explicit_title else entry.name
        return [self.xref(entry.id, text, entry.link or "")], []

    def xref(self, entry_id: str, text: str, link: str, *,
             unknown: bool = False) -> addnodes.pending_xref:
        xref = addnodes.pending_xref(
            self.rawtext, nodes.inline(text, text, classes=["cs-role"]),
            refdomain=DOMAIN, reftype="entry", reftarget=entry_id, refdoc=self.env.docname,
            # an unknown id's text is a stand-in: intersphinx may put the entry's name there
            refexplicit=self.has_explicit_title or not unknown, refwarn=unknown,
            **{"cs-link": link},
        )
        if unknown:
            xref[UNKNOWN] = True
        self.set_source_info(xref)
        return xref


def warn_unknown(app: Sphinx, domain: Domain, node: addnodes.pending_xref) -> bool | None:
    """``warn-missing-reference``: our own located ``ref`` warning, not Sphinx's generic one."""
    if not node.get(UNKNOWN):
        return None
    warn(f"unknown case study id {node['reftarget']!r} in :{DOMAIN}:entry: role", "ref",
         node)
    return True
