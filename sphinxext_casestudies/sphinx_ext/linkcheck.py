"""linkcheck: a data link is reported at the page and the directive's line.

Sphinx's linkcheck names the page a link stands on and the line of the
nearest located node.  For a link from a data file that line is the data
file's, so the report would name the page with a line of another file.
Sphinx has no way to name the data file there, so such links take the line
of the directive that rendered them (the nearest node located on the page).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _self_and_ancestors(node: nodes.Node) -> Iterator[nodes.Node]:
    current: nodes.Node | None = node
    while current is not None:
        yield current
        current = current.parent


def _is_link(node: nodes.Node) -> bool:
    return isinstance(node, (nodes.reference, nodes.image))


class DataLinksAtTheDirective(SphinxPostTransform):
    default_priority = 790  # before Sphinx's HyperlinkCollector (800)
    builders = ("linkcheck",)

    def run(self, **kwargs: Any) -> None:
        page = self.document.get("source")
        for link in list(self.document.findall(_is_link)):
            located = next((n for n in _self_and_ancestors(link) if n.source), None)
            if located is None or located.source == page:
                continue
            directive = next((n for n in _self_and_ancestors(located)
                              if n.source == page and n.line), None)
            if directive is not None:
                link.source, link.line = page, directive.line


def setup_linkcheck(app: Sphinx) -> None:
    app.add_post_transform(DataLinksAtTheDirective)
