"""``:filter-ui:``: industry and tag chips that narrow a selection in the browser.

The chips and the per-entry values are plain data on the nodes; only the HTML
builder turns them into ``data-`` attributes (escaped by docutils) that the
static script reads, so no JavaScript is ever built from strings.  Without
JavaScript the chips stay ``hidden`` and every entry shows.  Other builders
see ordinary sections and containers, and no chips at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxext_casestudies._compat import builder_class
from sphinxext_casestudies.data.model import Entry
from sphinxext_casestudies.names import (
    CHIP_CLASS,
    CHIP_MODE_CLASS,
    CHIP_SET_CLASS,
    DATA_FACET,
    DATA_GROUP,
    DATA_INDUSTRY,
    DATA_MODE,
    DATA_SHOWING,
    DATA_TAGS,
    DATA_VALUE,
    FILTER_ATTRIBUTE,
    FILTER_CHIPS_CLASS,
    FILTER_GROUP_ATTRIBUTE,
    FILTER_ID_PREFIX,
    FILTER_INDUSTRIES_ATTRIBUTE,
    FILTER_STATUS_CLASS,
    FILTER_TAGS_ATTRIBUTE,
    chip_set_class,
)
from sphinxext_casestudies.translations import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class filterable_section(nodes.section):
    """A section carrying filter values; any builder but HTML treats it as a section."""


class filterable_container(nodes.container):
    """A container carrying filter values."""


class filter_chips(nodes.General, nodes.Element):
    """The chip bar; dropped outside HTML by :class:`DropChipsOutsideHtml`."""


MAX_FILTER_TAGS = 50
"""Tags of one entry offered as filters (its first distinct ones) ..."""
MAX_TAG_LENGTH = 256
"""... each at most this long; longer tags still select entries, but get no chip."""


def filter_tags(tags: tuple[str, ...]) -> list[str]:
    """The tags an entry offers as filters: distinct, bounded in number and length.

    Every rendering writes them into an HTML attribute, so repeated or huge
    tags would cost page size out of proportion to the data.
    """
    kept = [tag for tag in dict.fromkeys(tags) if len(tag) <= MAX_TAG_LENGTH]
    return kept[:MAX_FILTER_TAGS]


def make_filterable(node: nodes.Element, group: str, industry: str | None,
                    tags: tuple[str, ...]) -> nodes.Element:
    """Re-class a rendered entry so HTML can attach its filter values."""
    cls = filterable_section if isinstance(node, nodes.section) else filterable_container
    new = cls(node.rawsource, *node.children, **node.attributes)
    new.source, new.line = node.source, node.line
    new[FILTER_ATTRIBUTE] = {"group": group, "industry": industry or "",
                        "tags": " ".join(filter_tags(tags))}
    return new


_DATA = {"group": DATA_GROUP, "industry": DATA_INDUSTRY, "tags": DATA_TAGS}
_BARE = nodes.inline()  # starttag() copies a node's ids and classes; inner tags want none


def _data_attrs(node: nodes.Element) -> dict[str, str]:
    values: dict[str, str] = node.get(FILTER_ATTRIBUTE, {})
    return {_DATA[key]: value for key, value in values.items()}


def visit_filterable_section(self: Any, node: filterable_section) -> None:
    self.section_level += 1
    self.body.append(self.starttag(node, "section", **_data_attrs(node)))


def depart_filterable_section(self: Any, node: filterable_section) -> None:
    self.section_level -= 1
    self.body.append("</section>\n")


def visit_filterable_container(self: Any, node: filterable_container) -> None:
    self.body.append(self.starttag(node, "div", CLASS="docutils container",
                                   **_data_attrs(node)))


def depart_filterable_container(self: Any, node: filterable_container) -> None:
    self.body.append("</div>\n")


def visit_filter_chips(self: Any, node: filter_chips) -> None:
    """``<div hidden>`` with one ``<button>`` per value; the script unhides it.

    The words the script shows come from here, translated, as ``data-`` attributes
    (``{shown}``/``{total}`` are filled in by the script), never from the script.
    """
    group = node[FILTER_GROUP_ATTRIBUTE]
    self.body.append(self.starttag(node, "div", hidden="hidden", role="group",
                                   **{DATA_GROUP: group,
                                      DATA_SHOWING: str(_("Showing {shown} of {total}")),
                                      "aria-label": str(_("Filter the entries below"))}))
    for facet, values in (("industry", node[FILTER_INDUSTRIES_ATTRIBUTE]),
                          ("tags", [(t, t) for t in node[FILTER_TAGS_ATTRIBUTE]])):
        if not values:
            continue
        chip_set = f"{CHIP_SET_CLASS} {chip_set_class(facet)}"
        self.body.append(self.starttag(_BARE, "span", "", CLASS=chip_set))
        for value, label in values:
            self.body.append(self.starttag(
                _BARE, "button", "", CLASS=CHIP_CLASS, type="button",
                **{"aria-pressed": "false", DATA_FACET: facet, DATA_VALUE: value}))
            self.body.append(self.encode(label) + "</button>")
        self.body.append("</span>")
    if node[FILTER_TAGS_ATTRIBUTE]:
        self.body.append(self.starttag(_BARE, "button", "", CLASS=f"{CHIP_CLASS} {CHIP_MODE_CLASS}",
                                       type="button", **{DATA_MODE: "any",
                                                         "aria-pressed": "false"}))
        self.body.append(self.encode(str(_("Match all tags"))) + "</button>")
    self.body.append(f'<span class="{FILTER_STATUS_CLASS}" aria-live="polite"></span></div>\n')
    raise nodes.SkipNode


def add_filter_ui(ctx_claim_id: Any, entries: list[Entry], rendered: list[nodes.Element],
                  industry_label: Any) -> tuple[filter_chips, list[nodes.Element]]:
    """Chips for the industries and tags of ``entries``; the entries re-classed to carry them."""
    bar = filter_chips(classes=[FILTER_CHIPS_CLASS])
    group = ctx_claim_id(FILTER_ID_PREFIX, bar)
    industries: dict[str, str] = {}
    tags: dict[str, None] = {}
    for entry in entries:
        if entry.industry:
            industries.setdefault(entry.industry, industry_label(entry) or entry.industry)
        tags.update(dict.fromkeys(filter_tags(entry.tags)))
    bar[FILTER_GROUP_ATTRIBUTE] = group
    bar[FILTER_INDUSTRIES_ATTRIBUTE] = list(industries.items())
    bar[FILTER_TAGS_ATTRIBUTE] = list(tags)
    items = [make_filterable(node, group, entry.industry, entry.tags)
             for entry, node in zip(entries, rendered, strict=True)]
    return bar, items


class DropChipsOutsideHtml(SphinxPostTransform):
    """Chips only make sense in a browser; other builders never see them."""

    default_priority = 100

    def run(self, **kwargs: Any) -> None:
        if builder_class(self).format == "html":
            return
        for node in list(self.document.findall(filter_chips)):
            node.parent.remove(node)


def setup_filter_ui(app: Sphinx) -> None:
    """The filter nodes: their HTML here, plain sections and containers in other builders."""
    app.add_node(filterable_section, html=(visit_filterable_section, depart_filterable_section))
    app.add_node(filterable_container,
                 html=(visit_filterable_container, depart_filterable_container))
    app.add_node(filter_chips, html=(visit_filter_chips, None))
    app.add_post_transform(DropChipsOutsideHtml)
