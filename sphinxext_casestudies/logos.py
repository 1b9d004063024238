"""Logos in builders that cannot show them: SVG-only logos become their alt text.

pdflatex (and texinfo, man) cannot include SVG, the format logos usually
come in, and the build would fail late, at PDF time.  The alt text is always
present, so it stands in; ``logo.*`` with a PNG or PDF beside the SVG keeps a
real image in those outputs.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

SVG = "image/svg+xml"


def _supported_types(transform: SphinxPostTransform) -> list[str]:
    builder_cls = getattr(transform.env, "_builder_cls", None)
    if builder_cls is None:
        builder_cls = type(transform.app.builder)
    return list(getattr(builder_cls, "supported_image_types", []))


class LogoAltWhereSvgCannotShow(SphinxPostTransform):
    default_priority = 8  # before Sphinx's image converter and downloader

    def run(self, **kwargs: Any) -> None:
        supported = _supported_types(self)
        if not supported or SVG in supported:
            return  # text builders print [image: alt]; HTML shows SVG
        for image in list(self.document.findall(nodes.image)):
            if "cs-logo-img" not in image["classes"] or self._showable(image, supported):
                continue
            if "only-dark" in image["classes"]:
                linked = isinstance(image.parent, (nodes.reference, addnodes.pending_xref))
                target = image.parent if linked else image
                target.parent.remove(target)  # the light variant's alt text is enough
                continue
            alt = image.get("alt", "")
            image.replace_self(nodes.inline(alt, alt, classes=["cs-logo-alt"]))

    @staticmethod
    def _showable(image: nodes.image, supported: list[str]) -> bool:
        candidates: dict[str, str] = image.get("candidates", {})
        if "?" in candidates:
            return True  # remote: Sphinx's downloader decides
        if "*" in candidates:
            return not str(image["uri"]).lower().endswith(".svg")
        return any(kind in candidates for kind in supported)
