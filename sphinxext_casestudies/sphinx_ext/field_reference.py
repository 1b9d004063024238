"""``casestudies-fields``: the data format's field reference, generated from the schema.

The validator and the JSON Schema are derived from :mod:`.data.schema`; this
directive derives the docs' table from it too, so the three cannot disagree.
It is a separate, opt-in extension (``sphinxext_casestudies.sphinx_ext.field_reference``), used
by this project's own docs and available to anyone documenting their data::

    .. casestudies-fields::          (the fields of an entry)
    .. casestudies-fields:: file     (the top-level keys of a data file)
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinxext_casestudies._version import __version__
from sphinxext_casestudies.data import schema
from sphinxext_casestudies.reporting import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

_HEADER = ("field", "type", "required", "meaning")
_WIDTHS = (18, 24, 8, 50)


def rows(spec: schema.Spec, prefix: str = "", *,
         nested: bool = True) -> Iterator[tuple[str, str, bool, str]]:
    """``(name, type, required, meaning)`` per field, then (if ``nested``) its sub-fields.

    A sub-field is named by its path: ``logo.src``, ``sections[].title``.
    """
    for field in spec.fields:
        name = prefix + field.name
        meaning = field.spec.description
        if field.spec.default is not None:
            meaning += f" Default: {field.spec.default}."
        yield name, schema.type_text(field.spec), field.required, meaning
        inner, path = field.spec, name
        if inner.kind == "list" and inner.items is not None:
            inner, path = inner.items, name + "[]"
        if nested and inner.kind == "object":
            yield from rows(inner, path + ".")


class FieldReference(SphinxDirective):
    """A table of every field of an entry (or of a data file's top level)."""

    optional_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        which = self.arguments[0] if self.arguments else "entry"
        if which not in ("entry", "file"):
            warn(f"casestudies-fields takes 'entry' or 'file', not {which!r}", "directive",
                 self.get_location())
            return []
        # Read from the module now, not bound at import: one live definition.
        found = rows(schema.ENTRY) if which == "entry" else rows(schema.FILE, nested=False)
        return [self._table(found)]

    def _table(self, found: Iterator[tuple[str, str, bool, str]]) -> nodes.table:
        table = nodes.table(classes=["casestudies-fields"])
        group = nodes.tgroup(cols=len(_HEADER))
        table += group
        group.extend(nodes.colspec(colwidth=width) for width in _WIDTHS)
        head, body = nodes.thead(), nodes.tbody()
        head += self._row([nodes.Text(text) for text in _HEADER])
        for name, type_, required, meaning in found:
            body += self._row([nodes.literal(name, name), nodes.Text(type_),
                               nodes.Text("yes" if required else ""), nodes.Text(meaning)])
        group += head
        group += body
        self.set_source_info(table)
        return table

    @staticmethod
    def _row(cells: list[nodes.Node]) -> nodes.row:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", nodes.paragraph("", "", cell))
        return row


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("casestudies-fields", FieldReference)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
