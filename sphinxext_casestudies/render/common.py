"""Building blocks every layout shares: the render context, ids, logos, links, quotes.

All output is standard docutils nodes with ``cs-`` classes, so every builder
renders something sensible; only links to documents are ``pending_xref`` nodes
of our domain (resolved per builder at write time, keeping images inside).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from docutils import nodes
from sphinx import addnodes

from sphinxext_casestudies.data.model import Entry, Logo, Quote, Text
from sphinxext_casestudies.markup.parser import MarkupParser
from sphinxext_casestudies.names import (
    DOMAIN,
    HEADLINE_CLASS,
    LINK_ATTRIBUTE,
    LINK_CLASS,
    LOGO_CLASS,
    LOGO_IMAGE_CLASS,
    METRIC_CLASS,
    METRIC_LABEL_CLASS,
    METRIC_VALUE_CLASS,
    METRICS_CLASS,
    QUOTE_CLASS,
    UNKNOWN_ATTRIBUTE,
    VISUALLY_HIDDEN_CLASS,
)
from sphinxext_casestudies.translations import _, default_alt
from sphinxext_casestudies.trust.files import source_uri

_T = TypeVar("_T", bound=nodes.TextElement)


MARKUP = "cs_markup"
"""Python attribute (not a node attribute: doctrees stay as they are) on data text nodes
parsed from rich text, naming their markup, so a translation is parsed the same way."""


def note_markup(parsed: list[nodes.Node], markup: str) -> list[nodes.Node]:
    """Remember which markup these data nodes came from (see :mod:`..i18n`)."""
    for top in parsed:
        for node in top.findall(nodes.TextElement):
            setattr(node, MARKUP, markup)
    return parsed

LINK_TEXTS: dict[str, str] = {
    "case-study": _("Read more"),
    "article": _("Read the article"),
    "talk": _("Watch the talk"),
    "video": _("Watch the video"),
}
"""Default link text per kind (lazily translated: ``str()`` reads the build's language)."""


@dataclass
class RenderContext:
    """What a layout needs from the page it renders into."""

    docname: str
    document: nodes.document
    markup: MarkupParser
    link_text: str | Mapping[str, str] | None
    """``casestudies_link_text``: one text for every kind, ``{kind: text}``, or None."""
    logo_width: int
    industries: Mapping[str, str]
    new_tab: bool = False
    parts: tuple[str, ...] = ()
    """What the ``full`` layout shows, in order (``:parts:``); empty: all, in the default order."""
    story_pages: Mapping[str, str] = field(default_factory=dict)
    """entry id -> docname of its story page (``casestudies_pages``)."""
    #: Told about every rich-text field parsed here, so the build knows what pages show.
    on_text: Callable[[Entry, Text], None] | None = None

    # -- text ------------------------------------------------------------------

    def industry_label(self, entry: Entry) -> str | None:
        if entry.industry is None:
            return None
        return self.industries.get(entry.industry, entry.industry)

    def more_text(self, entry: Entry) -> str:
        """The entry's ``link_text``, else the setting for its kind, else our default."""
        if entry.link_text:
            return entry.link_text
        if isinstance(self.link_text, str):
            return self.link_text
        default = LINK_TEXTS.get(entry.kind, LINK_TEXTS["case-study"])
        return (self.link_text or {}).get(entry.kind) or str(default)

    def display_name(self, entry: Entry) -> str:
        """``Name (industry)`` for articles, talks and videos; ``Name`` for case studies."""
        label = self.industry_label(entry)
        if entry.kind != "case-study" and label:
            return f"{entry.name} ({label})"
        return entry.name

    def blocks(self, entry: Entry, text: Text) -> list[nodes.Node]:
        if self.on_text is not None:
            self.on_text(entry, text)
        return note_markup(self.markup.blocks(text, entry.source, entry.markup), entry.markup)

    def inline(self, entry: Entry, text: Text) -> list[nodes.Node]:
        if self.on_text is not None:
            self.on_text(entry, text)
        return note_markup(self.markup.inline(text, entry.source, entry.markup), entry.markup)

    # -- ids -------------------------------------------------------------------

    def claim_id(self, base: str, node: nodes.Element) -> str:
        """Give ``node`` the id ``base`` or, when the page has it already, ``base-2``, ..."""
        ids = self.document.ids
        candidate, n = base, 1
        while candidate in ids:
            n += 1
            candidate = f"{base}-{n}"
        ids[candidate] = node
        node["ids"].append(candidate)
        return candidate

    # -- links -----------------------------------------------------------------

    def link(self, entry: Entry, content: nodes.Node, **attrs: str) -> nodes.Element | None:
        """A link from ``content`` to the entry's ``link``; None when it has none."""
        if entry.link is None:
            return None
        if entry.link_is_url:
            ref = nodes.reference("", "", content, refuri=entry.link, **attrs)
            if self.new_tab:
                ref["target"] = "_blank"
                ref["rel"] = "noopener"
            return ref
        return doc_link(entry.link, content, self.docname)

    def story(self, entry: Entry, content: nodes.Node) -> nodes.Element | None:
        """A link to the entry's story: its story page when it has one, else its ``link``."""
        page = self.story_pages.get(entry.id)
        if page is not None and page != self.docname:
            return doc_link(page, content, self.docname)
        return self.link(entry, content)

    def links_to_this_page(self, entry: Entry) -> bool:
        return entry.link == self.docname


def doc_link(docname: str, content: nodes.Node, refdoc: str) -> addnodes.pending_xref:
    """A link to a document of this project, resolved per builder."""
    return addnodes.pending_xref(
        "", content, refdomain=DOMAIN, reftype="doc", reftarget=docname,
        refdoc=refdoc, refexplicit=True, refwarn=False,
    )


def text_node(cls: type[_T], entry: Entry, text: str, line: int, **attrs: object) -> _T:
    """A text element located in the data file, so gettext and warnings find it."""
    node = cls(text, text, **attrs)
    node.source = entry.source
    node.line = line or entry.line
    return node


# -- logos ---------------------------------------------------------------------

def logo_images(logo: Logo, name: str, width: int, source: str, line: int, *,
                override: bool = False) -> list[nodes.image]:
    """One image, or a light and a dark one shown by the theme's colour scheme.

    ``width`` is the directive's ``:logo-width:`` when ``override`` (it wins),
    else the configured default (the entry's own ``width`` wins).  Each image
    is located at ``source:line`` in the data file: Sphinx's image warnings
    then point there, and its i18n pass does not have to patch in a location
    (it renders every such node as XML for a debug message, even unlogged).
    """
    size = width if override else (logo.width or width)
    images = []
    variants: list[tuple[str, list[str]]] = [(logo.src, ["only-light"] if logo.dark else [])]
    if logo.dark:
        variants.append((logo.dark, ["only-dark"]))
    for src, extra in variants:
        uri = src if Logo.is_url(src) else source_uri(src)
        alt = logo.alt if logo.alt_given else default_alt(name)  # ours: translated
        image = nodes.image(uri=uri, alt=alt, width=f"{size}px",
                            classes=[LOGO_IMAGE_CLASS, "no-scaled-link", *extra])
        image.source, image.line = source, line
        images.append(image)
    return images


def logo_paragraph(ctx: RenderContext, entry: Entry, *, width: int | None = None,
                   target: str = "entry", named: bool = False) -> nodes.paragraph | None:
    """The entry's logo(s), each linked on its own (two images cannot share a link).

    ``target`` is ``entry`` (the entry's link), ``story`` (its canonical
    rendering, resolved by the domain), ``page`` (its story page, else its
    link) or ``none``.  ``named``: where the
    logo is the entry's only link, the link also says where it goes ("Read
    more about NAME", visually hidden), so a screen reader does not announce
    a bare "NAME logo".
    """
    if entry.logo is None:
        return None
    para = nodes.paragraph(classes=[LOGO_CLASS])
    para.source, para.line = entry.source, entry.logo.line or entry.line
    for image in logo_images(entry.logo, entry.name, width or ctx.logo_width, para.source,
                             para.line, override=width is not None):
        wrapped: nodes.Node | None = None
        content: nodes.Node = image
        if named and target != "none":
            words = f": {ctx.more_text(entry)}{about(entry.name)}"
            content = nodes.inline("", "", image, visually_hidden(words))
        if target == "entry":
            wrapped = ctx.link(entry, content)
        elif target == "page":
            wrapped = ctx.story(entry, content)
        elif target == "story":
            wrapped = story_link(entry, content, ctx.docname)
        para += wrapped if wrapped is not None else image
    return para


def story_link(entry: Entry, content: nodes.Node, refdoc: str) -> addnodes.pending_xref:
    """A link to the entry's canonical ``full`` rendering, else to its ``link``."""
    return story_xref(entry.id, entry.link or "", content, refdoc)


def story_xref(entry_id: str, link: str, content: nodes.Node, refdoc: str, *,
               rawtext: str = "", explicit: bool = True,
               unknown: bool = False) -> addnodes.pending_xref:
    """The story-link rule, one home for the renderers and the ``:case-study:`` role.

    The domain resolves it at write time (every page is read by then): to
    the entry's canonical ``full`` rendering, else to ``link`` (its own
    URL or document).  ``unknown``: the id is not in the data (warned late,
    so intersphinx may still resolve it).
    """
    xref = addnodes.pending_xref(
        rawtext, content, refdomain=DOMAIN, reftype="entry", reftarget=entry_id,
        refdoc=refdoc, refexplicit=explicit, refwarn=unknown, **{LINK_ATTRIBUTE: link},
    )
    if unknown:
        xref[UNKNOWN_ATTRIBUTE] = True
    return xref


def read_more(ctx: RenderContext, entry: Entry, *, label: str | None = None,
              story: bool = False) -> nodes.paragraph | None:
    """``Read more`` (or ``link_text``) as its own paragraph; None without a link.

    ``story``: to the entry's story page when it has one (else its link).
    """
    text = ctx.more_text(entry)
    content = nodes.inline(text, text)
    if label:
        content += visually_hidden(about(label))
    ref = ctx.story(entry, content) if story else ctx.link(entry, content)
    if ref is None:
        return None
    return nodes.paragraph("", "", ref, classes=[LINK_CLASS])


def about(name: str) -> str:
    """What makes a link's words ("Read the article") name its entry for a screen reader,
    where many such links sit side by side."""
    return " " + str(_("about %s")) % name


def visually_hidden(text: str) -> nodes.inline:
    """Text for screen readers only (the stylesheet hides it; other builders show it)."""
    return nodes.inline(text, text, classes=[VISUALLY_HIDDEN_CLASS])


# -- quotes, headline, metrics -----------------------------------------------------

def headline_quote(ctx: RenderContext, entry: Entry) -> nodes.block_quote | None:
    if entry.headline is None:
        return None
    inline = ctx.inline(entry, entry.headline)
    if not inline:
        return None  # a blank headline: an empty block quote would break Sphinx
    quote = nodes.block_quote(classes=[HEADLINE_CLASS])
    if inline and all(isinstance(n, (nodes.Text, nodes.Inline)) for n in inline):
        para = nodes.paragraph(entry.headline.text, "", *inline)
        para.source, para.line = entry.source, entry.headline.line
        note_markup([para], entry.markup)
        quote += para
    else:
        quote.extend(inline)
    return quote


def attribution_text(quote: Quote) -> str | None:
    parts = [p for p in (quote.author, quote.role) if p]
    return ", ".join(parts) if parts else None


def pull_quote(ctx: RenderContext, entry: Entry, quote: Quote) -> nodes.block_quote | None:
    """A block quote with ``author, role`` as its attribution; None for a blank quote."""
    parsed = ctx.blocks(entry, quote.text)
    if not parsed:
        return None
    block = nodes.block_quote(classes=[QUOTE_CLASS])
    block.extend(parsed)
    who = attribution_text(quote)
    if who:
        block += text_node(nodes.attribution, entry, who, quote.line)
    return block


def metrics_list(entry: Entry) -> nodes.bullet_list | None:
    if not entry.metrics:
        return None
    items = nodes.bullet_list(classes=[METRICS_CLASS])
    for metric in entry.metrics:
        para = nodes.paragraph()
        para.source, para.line = entry.source, metric.line or entry.line
        para += nodes.strong(metric.value, metric.value, classes=[METRIC_VALUE_CLASS])
        para += nodes.Text(" ")
        para += nodes.inline(metric.label, metric.label, classes=[METRIC_LABEL_CLASS])
        items += nodes.list_item("", para, classes=[METRIC_CLASS])
    return items
