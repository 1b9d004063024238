"""``:case-study:`id``` and ``:case-study:`text <id>```: a link to the entry's canonical place."""

from __future__ import annotations

from docutils import nodes
from docutils.nodes import Node, system_message
from sphinx import addnodes
from sphinx.util.docutils import ReferenceRole

from sphinxext_casestudies.domain import get_domain
from sphinxext_casestudies.render.common import DOMAIN
from sphinxext_casestudies.warnings import warn


class CaseStudyRole(ReferenceRole):
    """Resolved at write time by the domain: canonical ``full`` rendering, else ``link``."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        domain = get_domain(self.env)
        entry_id = self.target.strip()
        entry = domain.catalog.get(entry_id)
        if entry is None:
            domain.note_missing(self.env.docname, entry_id)
            warn(f"unknown case study id {entry_id!r} in :case-study: role", "ref",
                 self.get_location())
            text = self.title if self.has_explicit_title else entry_id
            return [nodes.inline(self.rawtext, text, classes=["cs-role", "cs-unresolved"])], []
        domain.note_entry(self.env.docname, entry)
        domain.note_ref(self.env.docname, entry.id)
        text = self.title if self.has_explicit_title else entry.name
        xref = addnodes.pending_xref(
            self.rawtext, nodes.inline(text, text, classes=["cs-role"]),
            refdomain=DOMAIN, reftype="entry", reftarget=entry.id, refdoc=self.env.docname,
            refexplicit=True, refwarn=False, **{"cs-link": entry.link or ""},
        )
        self.set_source_info(xref)
        return [xref], []
