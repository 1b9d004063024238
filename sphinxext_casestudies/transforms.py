"""Entry headings become rubrics where a section cannot stand.

Layouts always build real sections (so they join the page's toc); inside an
admonition, list, table cell or ``only`` block that is invalid, so this
transform turns such a section into a container with a rubric heading, and
the rest renders the same.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinxext_casestudies.anchors import CANONICAL, ENTRY

OUR_SECTIONS = ("cs-case-study", "cs-story-section")


class SectionsWhereTheyCanStand(SphinxTransform):
    default_priority = 200

    def apply(self, **kwargs: object) -> None:
        for section in list(self.document.findall(nodes.section)):
            if not any(c in section["classes"] for c in OUR_SECTIONS):
                continue
            if isinstance(section.parent, (nodes.section, nodes.document)):
                continue
            box = nodes.container(classes=[*section["classes"], "cs-no-section"],
                                  ids=list(section["ids"]))
            box.source, box.line = section.source, section.line
            for key in (ENTRY, CANONICAL):  # what EntryAnchors reads next
                if key in section:
                    box[key] = section[key]
            for node_id in section["ids"]:
                self.document.ids[node_id] = box
            for child in list(section.children):
                child.parent = None
                if isinstance(child, nodes.title):
                    rubric = nodes.rubric(child.rawsource, "", *child.children,
                                          classes=["cs-heading"])
                    rubric.source, rubric.line = child.source, child.line
                    box += rubric
                else:
                    box += child
            section.replace_self(box)
