"""SVG files from data must not be able to run script on the docs' origin.

Shown through ``<img>``, an SVG cannot run script; opened directly (a
reader clicks "open image in new tab", or a link points at ``_images/x.svg``)
it runs like a page of the site.  So an SVG named by data is refused (not
cleaned: a cleaner has to know every SVG and HTML trick, a refusal only has
to find one) when it holds

* a ``script``, ``foreignObject``, ``iframe``, ``object``, ``embed``,
  ``handler`` or ``listener`` element;
* an event-handler attribute (``onload``, ``onclick``, ...);
* a reference to anything outside the file: ``href``/``xlink:href`` not
  starting with ``#`` (other than ``data:image/...``), ``url(...)`` or
  ``@import`` in styles, an ``xml-stylesheet`` instruction;
* a ``javascript:`` URL in any attribute (``<set to="javascript:...">``), or
  an animation of a link target (``<set attributeName="href" ...>``);
* a CSS escape in a style (``@\\69mport`` is ``@import``);
* an entity declaration (entity expansion bombs) or anything that is not
  well-formed XML.

Parsed with the standard library's expat, with entity declarations and
external entities refused before any expansion; no runtime dependency.
"""

from __future__ import annotations

import re
from typing import Any
from xml.parsers import expat

from sphinxext_casestudies.trust.links import as_browsers_read

MAX_SVG_BYTES = 8 * 1024 * 1024
"""Larger files are refused unread: no logo needs this much."""

_ELEMENTS = frozenset({"script", "foreignobject", "iframe", "object", "embed", "handler",
                       "listener", "frame", "frameset", "applet", "base", "meta"})
_HREFS = frozenset({"href", "src", "action", "formaction"})
_ANIMATIONS = frozenset({"set", "animate", "animatemotion", "animatetransform"})
_IMAGE_DATA = re.compile(r"data:image/(png|jpe?g|gif|webp);", re.I)
_URL_IN_STYLE = re.compile(r"url\s*\(\s*(['\"]?)\s*(?!#)", re.I)
_IMPORT = re.compile(r"@import", re.I)
_JAVASCRIPT = re.compile(r"(java|vb)script\s*:", re.I)


class _Refused(Exception):
    """Why the file is refused; stops the parser at the first finding."""


def svg_problem(path: str) -> str | None:
    """Why the SVG at ``path`` may not be published, or None (also for other formats)."""
    if not path.lower().endswith((".svg", ".svgz")):
        return None
    if path.lower().endswith(".svgz"):
        return "compressed SVG (.svgz) cannot be checked; use .svg"
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_SVG_BYTES + 1)
    except OSError as err:
        return f"cannot be read: {err.strerror or err}"
    if len(data) > MAX_SVG_BYTES:
        return f"SVG larger than {MAX_SVG_BYTES // (1024 * 1024)} MiB"
    return svg_text_problem(data)


def svg_text_problem(data: bytes) -> str | None:
    """Why this SVG document is refused, or None when it holds nothing active or external."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(why: str) -> Any:
        raise _Refused(why)

    def start(name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1].lower()
        if local in _ELEMENTS:
            refuse(f"SVG holds a <{local}> element")
        for attr, value in attrs.items():
            attr_local = attr.rsplit(" ", 1)[-1].lower()
            if attr_local.startswith("on"):
                refuse(f"SVG holds an event handler ({attr_local}=)")
            bare = as_browsers_read(value)
            if _JAVASCRIPT.search(bare):
                refuse("SVG holds a javascript: URL")
            if attr_local in _HREFS and bare and not bare.startswith("#") \
                    and not _IMAGE_DATA.match(bare):
                refuse(f"SVG refers to {value[:60]!r} outside itself")
            if attr_local == "style":
                style(value)
            if attr_local == "attributename" and local in _ANIMATIONS \
                    and value.rsplit(":", 1)[-1].lower() in _HREFS:
                refuse(f"SVG animates a link target (<{local} attributeName={value!r}>)")

    def style(text: str) -> None:
        if _IMPORT.search(text) or _URL_IN_STYLE.search(text):
            refuse("SVG style refers to something outside the file (url() or @import)")
        if "\\" in text:  # CSS escapes spell @import or url( past any pattern
            refuse("SVG style holds a CSS escape (\\)")

    def text_in_style(data: str) -> None:
        if stack and stack[-1] == "style":
            styles.append(data)

    stack: list[str] = []
    styles: list[str] = []

    def start_element(name: str, attrs: dict[str, str]) -> None:
        stack.append(name.rsplit(" ", 1)[-1].lower())
        start(name, attrs)

    def end_element(name: str) -> None:
        if stack.pop() == "style":
            style("".join(styles))
            styles.clear()

    def instruction(target: str, data: str) -> None:
        if target.lower() == "xml-stylesheet":
            refuse("SVG loads a stylesheet (xml-stylesheet)")

    parser.StartElementHandler = start_element
    parser.EndElementHandler = end_element
    parser.CharacterDataHandler = text_in_style
    parser.ProcessingInstructionHandler = instruction
    parser.EntityDeclHandler = lambda *args: refuse("SVG declares entities")
    parser.ExternalEntityRefHandler = lambda *args: refuse("SVG refers to an external entity")
    parser.StartDoctypeDeclHandler = _doctype(refuse)
    try:
        parser.Parse(data, True)
    except _Refused as why:
        return str(why)
    except expat.ExpatError as err:
        return f"not a well-formed SVG file ({expat.ErrorString(err.code)}, line {err.lineno})"
    return None


def _doctype(refuse: Any) -> Any:
    """A DOCTYPE naming a public DTD is common (editors write it); an internal subset is not."""
    def handler(name: str, sysid: str | None, pubid: str | None, has_internal: int) -> None:
        if has_internal:
            refuse("SVG has a DOCTYPE with an internal subset")
    return handler
