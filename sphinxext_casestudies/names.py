"""Every name the extension shares with other code: the domain, node attributes, CSS classes.

These strings are a protocol between modules that never import each other's
logic: the renderers set a class, the stylesheet styles it, the script finds
it, the transforms and the page metadata look for it, and the docs list it
("Styling" in ``docs/layouts.rst``).  Each is defined here once; a test
checks the stylesheet, the script and the docs against this module, and
that no other module spells a ``cs-`` name itself.

Conventions: ``*_CLASS`` is a CSS class in the output, ``*_ATTRIBUTE`` a
docutils node attribute (never written to HTML), ``DATA_*`` an HTML
``data-`` attribute the script reads, and the ``*_class`` functions build
the classes that carry a value.  Nothing here imports anything.
"""

from __future__ import annotations

DOMAIN = "casestudies"
"""Our Sphinx domain: ``:casestudies:entry:``, and the entries in ``objects.inv``."""

# -- HTML ids ------------------------------------------------------------------

RESERVED_IDS = frozenset({
    "search-documentation", "search-progress", "search-results", "searchbox", "searchlabel",
    "sidebarbutton",
})
"""Element ids Sphinx's bundled themes and its search script rely on (search box, results).

An entry's heading carries its id as HTML id; an entry called ``searchbox``
would take over the theme's search box (its script and styles).  Ids that
data markup defines are prefixed instead (see :mod:`.markup.parser`).
"""
FILTER_ID_PREFIX = "cs-filter"
"""Ids of filter chip bars (``cs-filter``, ``cs-filter-1``, ...), one per filtered group."""

# -- node attributes -------------------------------------------------------------

ENTRY_ATTRIBUTE = "cs-entry"
"""On the outermost node of every rendered entry or logo tile: the entry's id."""
CANONICAL_ATTRIBUTE = "cs-canonical"
"""On the rendering that carries the bare entry id as its HTML anchor."""
NO_CONTENTS_ENTRY_ATTRIBUTE = "cs-no-contents-entry"
"""On an entry section whose heading must not become a table-of-contents entry."""
LINK_ATTRIBUTE = "cs-link"
"""On a story link: the entry's own ``link``, the target when it has no canonical place."""
UNKNOWN_ATTRIBUTE = "cs-unknown"
"""On a ``:cs:entry:`` reference to an id the data does not hold (for the late warning)."""
FILTER_ATTRIBUTE = "cs-filter"
"""On a filterable entry: its filter group, industry and tags."""
FILTER_GROUP_ATTRIBUTE = "cs-group"
FILTER_INDUSTRIES_ATTRIBUTE = "cs-industries"
FILTER_TAGS_ATTRIBUTE = "cs-tags"
"""On a chip bar: its group id, and the industries and tags it offers."""

# -- HTML data- attributes the filter script reads -----------------------------------

DATA_GROUP = "data-cs-group"
DATA_SHOWING = "data-cs-showing"
DATA_FACET = "data-cs-facet"
DATA_VALUE = "data-cs-value"
DATA_MODE = "data-cs-mode"
DATA_INDUSTRY = "data-cs-industry"
DATA_TAGS = "data-cs-tags"

# -- CSS classes ---------------------------------------------------------------------

CASE_STUDY_CLASS = "cs-case-study"
CASE_STUDIES_CLASS = "cs-case-studies"
GRID_CLASS = "cs-grid"
CARD_CLASS = "cs-card"
CARD_TITLE_CLASS = "cs-card-title"
LOGO_CLASS = "cs-logo"
LOGO_IMAGE_CLASS = "cs-logo-img"
LOGO_ALT_CLASS = "cs-logo-alt"
LOGO_GRID_CLASS = "cs-logo-grid"
LOGO_GRID_ITEM_CLASS = "cs-logo-grid-item"
CAPTION_CLASS = "cs-caption"
HEADLINE_CLASS = "cs-headline"
QUOTE_CLASS = "cs-quote"
METRICS_CLASS = "cs-metrics"
METRIC_CLASS = "cs-metric"
METRIC_VALUE_CLASS = "cs-metric-value"
METRIC_LABEL_CLASS = "cs-metric-label"
SUMMARY_CLASS = "cs-summary"
LINK_CLASS = "cs-link"
VISUALLY_HIDDEN_CLASS = "cs-visually-hidden"
STORY_SECTION_CLASS = "cs-story-section"
NO_SECTION_CLASS = "cs-no-section"
HEADING_CLASS = "cs-heading"
ROLE_CLASS = "cs-role"
UNRESOLVED_CLASS = "cs-unresolved"
FILTER_CHIPS_CLASS = "cs-filter-chips"
CHIP_SET_CLASS = "cs-chip-set"
CHIP_CLASS = "cs-chip"
CHIP_MODE_CLASS = "cs-chip-mode"
FILTER_STATUS_CLASS = "cs-filter-status"


def layout_class(layout: str) -> str:
    return f"cs-layout-{layout}"


def layout_group_class(layout: str) -> str:
    return f"cs-layout-{layout}-group"


def kind_class(kind: str) -> str:
    return f"cs-kind-{kind}"


def columns_class(columns: int) -> str:
    return f"cs-columns-{columns}"


def chip_set_class(facet: str) -> str:
    """``cs-chip-industry`` or ``cs-chip-tags``, beside :data:`CHIP_SET_CLASS`."""
    return f"cs-chip-{facet}"


CLASS_TEMPLATES = (layout_class, layout_group_class, kind_class, columns_class, chip_set_class)
"""The classes that carry a value, for the test that checks the docs and the stylesheet."""
