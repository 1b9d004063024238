"""Logos in builders that are not HTML: the light logo only, converters first, alt text last.

* Text, man, texinfo and LaTeX have no colour scheme: only the light logo is
  kept (with its link), before anything converts or copies the dark one.
  HTML and epub keep both, shown by the stylesheet's ``only-light``/``only-dark``.
* Logos are ordinary images, so Sphinx's image converters
  (``sphinx.ext.imgconverter``, ``sphinxcontrib.cairosvgconverter``, ...) see
  them like any other image and turn an SVG logo into PDF or PNG for LaTeX.
* Only a logo that is still in a format the builder cannot include after
  the converters ran becomes its alt text (always present): pdflatex would
  otherwise fail late, at PDF time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinxext_casestudies._compat import builder_class
from sphinxext_casestudies.names import LOGO_ALT_CLASS
from sphinxext_casestudies.names import LOGO_IMAGE_CLASS as LOGO

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SVG = "image/svg+xml"
#: Output formats without a light/dark colour scheme.
NO_COLOUR_SCHEME = frozenset({"latex", "text", "man", "texinfo"})
_WRAPPERS = (nodes.reference, addnodes.pending_xref, nodes.inline)


def _supported_types(transform: SphinxPostTransform) -> list[str]:
    return list(getattr(builder_class(transform), "supported_image_types", []))


def _logos(document: nodes.document) -> list[nodes.image]:
    return [image for image in document.findall(nodes.image) if LOGO in image["classes"]]


class LightLogoOnly(SphinxPostTransform):
    """Drop dark logo variants (and the link around each) where no colour scheme exists."""

    default_priority = 8  # before references resolve (10) and images download or convert

    def run(self, **kwargs: Any) -> None:
        if builder_class(self).format not in NO_COLOUR_SCHEME:
            return
        for image in _logos(self.document):
            if "only-dark" not in image["classes"]:
                continue
            # the dark image's own wrappers: its link and the inline holding its hidden words
            target: nodes.Element = image
            while isinstance(target.parent, _WRAPPERS):
                target = target.parent
            target.parent.remove(target)


class LogoAltWhereSvgCannotShow(SphinxPostTransform):
    """After the converters: a logo the builder still cannot include becomes its alt text."""

    default_priority = 250  # after Sphinx's downloader (100) and image converters (200)

    def run(self, **kwargs: Any) -> None:
        supported = _supported_types(self)
        if not supported or SVG in supported:
            return  # text builders print [image: alt]; HTML shows SVG
        for image in _logos(self.document):
            if self._showable(image, supported):
                continue
            alt = image.get("alt", "")
            image.replace_self(nodes.inline(alt, alt, classes=[LOGO_ALT_CLASS]))

    @staticmethod
    def _showable(image: nodes.image, supported: list[str]) -> bool:
        candidates: dict[str, str] = image.get("candidates", {})
        if "?" in candidates:
            return True  # remote: Sphinx's downloader decides
        if "*" in candidates:
            return not str(image["uri"]).lower().endswith(".svg")
        return any(kind in candidates for kind in supported)


def setup_logo_builders(app: Sphinx) -> None:
    app.add_post_transform(LightLogoOnly)
    app.add_post_transform(LogoAltWhereSvgCannotShow)
