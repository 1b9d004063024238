"""Data text in translated builds: what is a catalog message, and how a translation is parsed.

Sphinx's own i18n pass (``sphinx.transforms.i18n.Locale``) would

* extract a logo paragraph as a message (its images' alt texts glued together)
  and, given a translation, replace the images with the translated text;
* translate a metric as one message, losing the value's markup;
* parse every translation with the page's markup, not the data file's.

So, in builds that extract or apply translations only (other builds keep the
doctree as it is), this transform runs just before ``Locale``: logos and
metric values are marked untranslatable, a metric's label becomes its own
message, and a translated data text is parsed here with its entry's markup
(through the same allow-list as the original) and then left alone by
``Locale``.  Messages keep the data file and line as their location.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.i18n import docname_to_domain
from sphinx.util.nodes import extract_messages

from sphinxext_casestudies._compat import builder_class
from sphinxext_casestudies.data.model import Text
from sphinxext_casestudies.markup.parser import MarkupParser
from sphinxext_casestudies.names import (
    LOGO_CLASS,
    LOGO_IMAGE_CLASS,
    METRIC_CLASS,
    METRIC_LABEL_CLASS,
)
from sphinxext_casestudies.render.common import MARKUP
from sphinxext_casestudies.sphinx_ext.config import settings_of
from sphinxext_casestudies.sphinx_ext.domain import get_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _has_class(node: nodes.Node, cls: str) -> bool:
    return isinstance(node, nodes.Element) and cls in node["classes"]


class DataTextTranslation(SphinxTransform):
    default_priority = 19  # just before Sphinx's Locale (20)

    def apply(self, **kwargs: Any) -> None:
        gettext = builder_class(self).name == "gettext"
        if not gettext and self.config.language in (None, "", "en"):
            return
        labels = self.mark_units(labels_as_messages=gettext)
        if not gettext:
            self.translate(labels)

    def mark_units(self, *, labels_as_messages: bool) -> list[nodes.inline]:
        """Logos and metric values are no messages; returns the metric labels.

        For gettext a label becomes its own message (an inline marked
        translatable); elsewhere it must not stay marked, or Sphinx's
        ``RemoveTranslatableInline`` would unwrap it: we translate it ourselves.
        """
        labels = []
        for para in self.document.findall(nodes.paragraph):
            if _has_class(para, LOGO_CLASS):
                para["translatable"] = False
            elif isinstance(para.parent, nodes.list_item) and _has_class(para.parent,
                                                                          METRIC_CLASS):
                para["translatable"] = False  # the value stays; the label is translated
                for label in para.findall(nodes.inline):
                    if _has_class(label, METRIC_LABEL_CLASS):
                        label.source, label.line = para.source, para.line
                        labels.append(label)
                        if labels_as_messages:
                            label["translatable"] = True
        return labels

    def translate(self, labels: list[nodes.inline]) -> None:
        data_files = {entry.source for entry in get_domain(self.env).catalog.entries}
        if not data_files:
            return
        dirs = [os.path.join(self.env.srcdir, d) for d in self.config.locale_dirs]
        textdomain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        catalog, has_catalog = init_locale(dirs, self.config.language, textdomain)
        if not has_catalog:
            return
        settings = settings_of(self.config)
        parser = MarkupParser(document=self.document, srcdir=str(self.env.srcdir),
                              docdir=os.path.dirname(self.document["source"]),
                              allow_raw=settings.allow_raw, gate=settings.gate)
        units = [*extract_messages(self.document), *((label, label.astext()) for label in labels)]
        for node, message in units:
            if node.source not in data_files or isinstance(node, nodes.image):
                continue
            translated = catalog.gettext(message)
            if not translated or translated == message:
                continue
            markup = getattr(node, MARKUP, None)
            if markup is None:  # a plain-text field: its translation is plain text too
                new: list[nodes.Node] = [nodes.Text(translated)]
            else:
                new = parser.inline(Text(translated, node.line or 0), node.source, markup)
                if not all(isinstance(n, (nodes.Text, nodes.Inline)) for n in new):
                    if not isinstance(node, nodes.Inline):  # not one paragraph's text:
                        node["translatable"] = False  # keep the original
                    continue
            node.children = []
            node.extend(new)
            if not isinstance(node, nodes.Inline):
                node["translatable"] = False  # done: Locale would parse it as page markup
                node["translated"] = True


class NoLogoMessages(SphinxPostTransform):
    """gettext: a logo's alt text is no catalog message (images count as translatable)."""

    default_priority = 5
    builders = ("gettext",)

    def run(self, **kwargs: Any) -> None:
        for image in self.document.findall(nodes.image):
            if LOGO_IMAGE_CLASS in image["classes"]:
                image["alt"] = ""
                image["translatable"] = False  # gettext_additional_targets = ["image"]


def setup_i18n(app: Sphinx) -> None:
    app.add_transform(DataTextTranslation)
    app.add_post_transform(NoLogoMessages)
