"""An entry's rich-text fields, each under a key that survives edits elsewhere in the file.

Pages note which fields they rendered by these keys, and the build checks
the rest (:mod:`sphinxext_casestudies.sphinx_ext.checking`).  Keys name the field's place
in the entry (``sections[1]``), not its line, so moving an entry inside its
file changes no key.
"""

from __future__ import annotations

from collections.abc import Iterator

from sphinxext_casestudies.data.model import Entry, Text


def rich_texts(entry: Entry) -> Iterator[tuple[str, Text]]:
    """``(key, text)`` for every rich-text field the entry has, in data order."""
    if entry.headline is not None:
        yield "headline", entry.headline
    if entry.summary is not None:
        yield "summary", entry.summary
    for index, section in enumerate(entry.sections):
        yield f"sections[{index}]", section.body
    for index, quote in enumerate(entry.quotes):
        yield f"quotes[{index}]", quote.text


def field_key(entry: Entry, text: Text) -> str | None:
    """The key of ``text`` if it is one of ``entry``'s own fields (the same object)."""
    return next((key for key, own in rich_texts(entry) if own is text), None)
