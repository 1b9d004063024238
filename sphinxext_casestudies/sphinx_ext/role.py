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

from sphinxext_casestudies.names import DOMAIN, ROLE_CLASS, UNKNOWN_ATTRIBUTE, UNRESOLVED_CLASS
from sphinxext_casestudies.render.common import story_xref
from sphinxext_casestudies.reporting import warn
from sphinxext_casestudies.sphinx_ext.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains import Domain



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
            return [nodes.inline(self.rawtext, text, classes=[ROLE_CLASS, UNRESOLVED_CLASS])], []
        domain.note_entry(self.env.docname, entry)
        domain.note_ref(self.env.docname, entry.id)
        text = self.title if self.has_explicit_title else entry.name
        return [self.xref(entry.id, text, entry.link or "")], []

    def xref(self, entry_id: str, text: str, link: str, *,
             unknown: bool = False) -> addnodes.pending_xref:
        xref = story_xref(
            entry_id, link, nodes.inline(text, text, classes=[ROLE_CLASS]), self.env.docname,
            rawtext=self.rawtext,
            # an unknown id's text is a stand-in: intersphinx may put the entry's name there
            explicit=self.has_explicit_title or not unknown, unknown=unknown)
        self.set_source_info(xref)
        return xref


def warn_unknown(app: Sphinx, domain: Domain, node: addnodes.pending_xref) -> bool | None:
    """``warn-missing-reference``: our own located ``ref`` warning, not Sphinx's generic one."""
    if not node.get(UNKNOWN_ATTRIBUTE):
        return None
    warn(f"unknown case study id {node['reftarget']!r} in :{DOMAIN}:entry: role", "ref",
         node)
    return True


def setup_role(app: Sphinx) -> None:
    """``:case-study:``, and ``:casestudies:entry:`` (the same, resolvable through intersphinx)."""
    app.add_role("case-study", CaseStudyRole())
    app.add_role_to_domain(DOMAIN, "entry", CaseStudyRole(defer_unknown=True))
    app.connect("warn-missing-reference", warn_unknown)
