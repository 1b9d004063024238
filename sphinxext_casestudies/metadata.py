"""Page metadata: our logos and screen-reader words never become a page's description.

Extensions such as sphinxext-opengraph make ``og:description`` from the first
text of the page's doctree at ``html-page-context``.  A page that starts with
our directive would be described by logo alt texts (light and dark) and the
visually hidden "Read more about NAME".  Those nodes step aside, replaced by
comments (which such scrapers skip), while other handlers read the doctree,
and come back right after; the HTML is already written by then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinxext_casestudies.render.common import LOGO_CLASS, VISUALLY_HIDDEN_CLASS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_HIDDEN = "cs_hidden"  # Python attribute of the stand-in comment: the node it replaced


def _not_page_text(node: nodes.Element) -> bool:
    return ((isinstance(node, nodes.paragraph) and LOGO_CLASS in node["classes"])
            or (isinstance(node, nodes.inline) and VISUALLY_HIDDEN_CLASS in node["classes"]))


def step_aside(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: nodes.document | None) -> None:
    if doctree is None:
        return
    for node in [n for n in doctree.findall(nodes.Element) if _not_page_text(n)]:
        if node.parent is None:
            continue  # inside a node that stepped aside already
        stand_in = nodes.comment()
        setattr(stand_in, _HIDDEN, node)
        node.replace_self(stand_in)


def come_back(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
              doctree: nodes.document | None) -> None:
    if doctree is None:
        return
    for stand_in in list(doctree.findall(nodes.comment)):
        hidden = getattr(stand_in, _HIDDEN, None)
        if hidden is not None:
            stand_in.replace_self(hidden)


def setup_metadata(app: Sphinx) -> None:
    # around every handler of default priority (500), sphinxext-opengraph's among them
    app.connect("html-page-context", step_aside, priority=450)
    app.connect("html-page-context", come_back, priority=550)
