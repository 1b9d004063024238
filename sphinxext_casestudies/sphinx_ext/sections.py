"""Entry headings become rubrics where a section cannot stand, or should not be listed.

Layouts always build real sections (so they join the page's toc); inside an
admonition, list, table cell or ``only`` block that is invalid, so this
transform turns such a section into a container with a rubric heading, and
the rest renders the same.  ``:no-contents-entry:`` asks for the same where
a section could stand, to keep a long list of entries out of the page's toc
and the theme's sidebar; the rubric then keeps the heading level the section
would have had (``<h3 class="rubric">`` in HTML), so screen-reader users can
still move from entry to entry by heading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms import SphinxTransform

from sphinxext_casestudies.names import (
    CANONICAL_ATTRIBUTE,
    CASE_STUDY_CLASS,
    ENTRY_ATTRIBUTE,
    FILTER_ATTRIBUTE,
    HEADING_CLASS,
    NO_CONTENTS_ENTRY_ATTRIBUTE,
    NO_SECTION_CLASS,
    STORY_SECTION_CLASS,
)
from sphinxext_casestudies.sphinx_ext.filter_ui import filterable_container, filterable_section

if TYPE_CHECKING:
    from sphinx.application import Sphinx

OUR_SECTIONS = (CASE_STUDY_CLASS, STORY_SECTION_CLASS)
#: Attributes a rendering's box keeps from its section, for later transforms and HTML.
_KEPT = (ENTRY_ATTRIBUTE, CANONICAL_ATTRIBUTE, NO_CONTENTS_ENTRY_ATTRIBUTE, FILTER_ATTRIBUTE)


def _level(section: nodes.section) -> int:
    """The heading level ``section`` has: 1 for the page title."""
    level, parent = 1, section.parent
    while parent is not None:
        level += isinstance(parent, nodes.section)
        parent = parent.parent
    return level


class SectionsWhereTheyCanStand(SphinxTransform):
    default_priority = 200

    def apply(self, **kwargs: object) -> None:
        ours = [s for s in self.document.findall(nodes.section)
                if any(c in s["classes"] for c in OUR_SECTIONS)]
        unlisted = {id(s) for s in ours for n in (s, *_entry_of(s))
                    if NO_CONTENTS_ENTRY_ATTRIBUTE in n}
        levels = {id(s): _level(s) for s in ours if id(s) in unlisted}
        for section in ours:
            if isinstance(section.parent, (nodes.section, nodes.document)) \
                    and id(section) not in unlisted:
                continue
            box_class = (filterable_container if isinstance(section, filterable_section)
                         else nodes.container)
            box = box_class(classes=[*section["classes"], NO_SECTION_CLASS],
                            ids=list(section["ids"]))
            box.source, box.line = section.source, section.line
            for key in _KEPT:
                if key in section:
                    box[key] = section[key]
            for node_id in section["ids"]:
                self.document.ids[node_id] = box
            for child in list(section.children):
                child.parent = None
                if isinstance(child, nodes.title):
                    rubric = nodes.rubric(child.rawsource, "", *child.children,
                                          classes=[HEADING_CLASS])
                    rubric.source, rubric.line = child.source, child.line
                    if id(section) in levels:
                        rubric["heading-level"] = min(levels[id(section)], 6)
                    box += rubric
                else:
                    box += child
            section.replace_self(box)


def _entry_of(section: nodes.section) -> list[nodes.Element]:
    """The entry section a story sub-section belongs to (it follows its entry's choice)."""
    return [a for a in _ancestors(section) if isinstance(a, nodes.Element)
            and CASE_STUDY_CLASS in a.get("classes", ())]


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found, parent = [], node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def setup_sections(app: Sphinx) -> None:
    app.add_transform(SectionsWhereTheyCanStand)
