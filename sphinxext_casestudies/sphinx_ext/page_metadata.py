"""Page metadata: what a page says about itself in ``<head>``, and what it must not.

Two jobs, one event (``html-page-context``):

**Story pages** get ``<meta name="description">`` and schema.org JSON-LD.

Gathered while the page is read (from the rendered entry, so markup is
already text) and kept in the page's :class:`~.domain.DocRecord`; written
into the page's ``<head>`` at ``html-page-context``.  The same description
and the logo are handed to sphinxext-opengraph through the page's metadata
fields (``og:description``, ``og:image``), a copy per page, so the
environment is never changed while writing; a field the author set wins.

schema.org has no "case study" type.  A story page is an ``Article`` (a
written piece, with ``headline``, ``description``, ``datePublished`` and
``keywords``) whose ``about`` is the customer, an ``Organization`` with its
``name`` and ``logo``; ``genre`` says "case study".  That is what search
engines read for articles, and it says who the story is about.

**Every page**: our logos and screen-reader words never become its description.
Extensions such as sphinxext-opengraph make ``og:description`` from the first
text of the page's doctree at ``html-page-context``.  A page that starts with
our directive would be described by logo alt texts (light and dark) and the
visually hidden "Read more about NAME".  Those nodes step aside, replaced by
comments (which such scrapers skip), while other handlers read the doctree,
and come back right after; the HTML is already written by then.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from docutils import nodes

from sphinxext_casestudies.data.model import Entry, Logo
from sphinxext_casestudies.names import (
    HEADLINE_CLASS,
    LOGO_CLASS,
    SUMMARY_CLASS,
    VISUALLY_HIDDEN_CLASS,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_SENTENCE_END = re.compile(r"(?<=[.!?])\s")
_SPACES = re.compile(r"\s+")


def description(rendered: nodes.Element) -> str:
    """The headline's text, else the first sentence of the summary; "" when neither.

    Both are children of the rendering (see :mod:`.render.full`): no tree walk.
    """
    parts = {cls: child for child in rendered.children if isinstance(child, nodes.Element)
             for cls in child["classes"] if cls in (HEADLINE_CLASS, SUMMARY_CLASS)}
    if HEADLINE_CLASS in parts:
        return _SPACES.sub(" ", parts[HEADLINE_CLASS].astext()).strip()
    if SUMMARY_CLASS in parts:
        para = next(parts[SUMMARY_CLASS].findall(nodes.paragraph), None)
        text = _SPACES.sub(" ", (para or parts[SUMMARY_CLASS]).astext()).strip()
        return _SENTENCE_END.split(text, maxsplit=1)[0]
    return ""


def page_meta(entry: Entry, rendered: nodes.Element) -> dict[str, str]:
    """What the page's ``<head>`` needs, as plain strings (stored in the environment)."""
    about: dict[str, Any] = {"@type": "Organization", "name": entry.name}
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Article",
                            "genre": "case study", "headline": entry.heading, "about": about}
    text = description(rendered)
    if text:
        data["description"] = text
    if entry.date:
        data["datePublished"] = entry.date
    if entry.tags:
        data["keywords"] = list(entry.tags)
    if entry.link_is_url:
        data["isBasedOn"] = entry.link
    return {"description": text, "logo": entry.logo.src if entry.logo else "",
            "jsonld": json.dumps(data, sort_keys=True)}


def script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment in it, whatever the text."""
    text = json.dumps(data, ensure_ascii=True, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def setup_page_metadata(app: Sphinx) -> None:
    # Around every handler of default priority (500), sphinxext-opengraph's among
    # them: it reads the description we set, and the doctree without our words.
    app.connect("html-page-context", step_aside, priority=450)
    app.connect("html-page-context", add_page_meta, priority=450)
    app.connect("html-page-context", come_back, priority=550)


def logo_url(app: Sphinx, context: dict[str, Any], logo: str) -> tuple[str, str]:
    """The logo's URL relative to the page, and absolute when the site's URL is known."""
    if not logo:
        return "", ""
    if Logo.is_url(logo):
        return logo, logo
    found = app.env.images.get(logo)
    if found is None:
        return "", ""
    target = f"{app.builder.imagedir}/{found[1]}"
    base = getattr(app.config, "ogp_site_url", None) or app.config.html_baseurl
    absolute = urljoin(base.rstrip("/") + "/", target) if base else ""
    return context["pathto"](target, 1), absolute


def add_page_meta(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                  doctree: nodes.document | None) -> None:
    from sphinxext_casestudies.sphinx_ext.domain import get_domain

    record = get_domain(app.env).docs.get(pagename)
    if doctree is None or record is None or not record.page:
        return
    meta = record.page
    relative, absolute = logo_url(app, context, meta["logo"])
    data = json.loads(meta["jsonld"])
    if relative:
        data["image"] = data["about"]["logo"] = absolute or relative
    tags = context.get("metatags", "")
    text = meta["description"]
    if text and 'name="description"' not in tags:
        tags += f'\n<meta name="description" content="{html.escape(text, quote=True)}" />'
    tags += f'\n<script type="application/ld+json">{script_json(data)}</script>\n'
    context["metatags"] = tags
    fields = dict(context.get("meta") or {})
    if text:
        fields.setdefault("og:description", text)
    if absolute:
        fields.setdefault("og:image", absolute)
    context["meta"] = fields


# -- every page: our words step aside while other handlers read the doctree --

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
