"""Every field of a data file, described once.

The validator (:mod:`.validate`) and the JSON Schema published for editors
(:func:`json_schema`) are both derived from the tables here, so the two cannot
drift apart: a field added, renamed or constrained here changes both.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, Literal

from sphinxext_casestudies.data.model import KINDS, MARKUPS
from sphinxext_casestudies.names import RESERVED_IDS
from sphinxext_casestudies.trust.links import IMAGE_PATTERN, LINK_PATTERN

Kind = Literal["text", "rich", "int", "bool", "date", "scalar", "list", "object"]
"""``scalar``: text or a number (kept as its literal text); ``rich``: markup text."""

Role = Literal["link", "image"]
"""Extra meaning of a text field: ``link`` (document or URL), ``image`` (path or URL)."""

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
SAFE_INTEGER = 2**53 - 1
"""Integers stay within what every JSON tool reads exactly (and far from str() limits)."""


@dataclass(frozen=True)
class Spec:
    """The type of a value and its constraints (ECMA- and Python-compatible regexes)."""

    kind: Kind
    description: str = ""
    enum: tuple[str, ...] = ()
    pattern: str | None = None
    min_length: int = 0
    minimum: int | None = None
    maximum: int | None = None
    items: Spec | None = None
    fields: tuple[Field, ...] = ()
    shorthand: str | None = None
    role: Role | None = None
    default: str | None = None
    inline: bool = False
    """Rich text read as one line (inline markup), not as blocks."""
    reserved: frozenset[str] = frozenset()
    """Values refused although they match (ids the themes use for their own elements)."""

    @cached_property
    def unconstrained(self) -> bool:
        """Any text of the right type is fine (the validator's fast path)."""
        return not (self.role or self.min_length or self.enum or self.pattern or self.reserved)

    @cached_property
    def required(self) -> tuple[str, ...]:
        """Names of the required sub-fields of an object spec."""
        return tuple(f.name for f in self.fields if f.required)

    @cached_property
    def by_name(self) -> dict[str, Field]:
        """The sub-fields of an object spec by name, built once (specs are constants)."""
        return {f.name: f for f in self.fields}


@dataclass(frozen=True)
class Field:
    """One named field of an object: ``shorthand`` objects accept a bare text as that field."""

    name: str
    spec: Spec
    required: bool = False


def _text(description: str, **kw: Any) -> Spec:
    return Spec("text", description, **kw)


def _rich(description: str, **kw: Any) -> Spec:
    return Spec("rich", description, **kw)


_IMAGE = _text(
    "Path relative to the data file's folder (must stay inside the Sphinx source folder; "
    "'logo.*' picks a candidate per builder) or an http(s) URL.",
    min_length=1, pattern=IMAGE_PATTERN, role="image",
)

LOGO = Spec(
    "object",
    "Logo: a path or URL, or a mapping with src, alt, dark and width.",
    shorthand="src",
    fields=(
        Field("src", _IMAGE, required=True),
        Field("alt", _text("Alternative text; defaults to 'NAME logo'.")),
        Field("dark", _text("Variant shown in dark mode: path or URL like src.",
                            min_length=1, pattern=IMAGE_PATTERN, role="image")),
        Field("width", Spec("int", "Width in CSS pixels; overrides casestudies_logo_width.",
                            minimum=1, maximum=SAFE_INTEGER)),
    ),
)

SECTION = Spec("object", "A part of the story, under its own sub-heading when it has a title.",
               fields=(
                   Field("title", _text(
                       "Sub-heading of the section. Without one, the body follows what comes "
                       "before it, without a heading.", min_length=1)),
                   Field("body", _rich("The text of the section.", min_length=1),
                         required=True),
               ))

QUOTE = Spec("object", "A pull quote.", fields=(
    Field("text", _rich("The quoted words.", min_length=1), required=True),
    Field("author", _text("Who said it.")),
    Field("role", _text("The author's role, e.g. 'CTO, Example Ltd'.")),
))

METRIC = Spec("object", "A key number.", fields=(
    Field("value", Spec("scalar", "The number as shown, e.g. '80%'; a number is kept as "
                        "written (quote values YAML would read as dates).", min_length=1),
          required=True),
    Field("label", _text("What the number measures.", min_length=1), required=True),
))

ENTRY = Spec("object", "One case study, article, talk or video.", fields=(
    Field("id", _text("Unique across all data files. Used by directives and the role, and as "
                      "the HTML id of the entry's heading. Not an element id of Sphinx's "
                      "themes (searchbox, ...).", pattern=SLUG_PATTERN, reserved=RESERVED_IDS),
          required=True),
    Field("name", _text("The organisation or product shown, e.g. 'Gov.UK Pay'.", min_length=1),
          required=True),
    Field("title", _text("Heading of the full story; defaults to name.")),
    Field("kind", _text("What the entry is.", enum=KINDS, default="case-study")),
    Field("industry", _text("E.g. 'finance'. Shown as 'Name (Industry)' in summaries of entries "
                            "that are not case studies; checked against "
                            "casestudies_industries when that is set.", min_length=1)),
    Field("tags", Spec("list", "Free tags, for selection with :tags:.",
                       items=_text("A tag.", min_length=1))),
    Field("logo", LOGO),
    Field("headline", _rich("The one-liner: a quote or claim.", inline=True)),
    Field("link", _text(
        "Where the full story lives: a document of this project, named relative to the source "
        "folder without suffix (a leading '/' means the same), or an http(s) URL.",
        min_length=1, pattern=LINK_PATTERN, role="link")),
    Field("link_text", _text("Text of the link; overrides casestudies_link_text.")),
    Field("summary", _rich("Who they are, in a paragraph or more.")),
    Field("sections", Spec("list", "The story: in the full layout, each titled section under "
                                   "its own sub-heading.", items=SECTION)),
    Field("quotes", Spec("list", "Pull quotes, shown with 'author, role' attribution.",
                         items=QUOTE)),
    Field("metrics", Spec("list", "Key numbers, e.g. '48%' / 'fewer reconciliation tickets'.",
                          items=METRIC)),
    Field("date", Spec("date", "For sorting (:sort: date).", pattern=DATE_PATTERN)),
    Field("order", Spec("int", "For sorting (:sort: order).", minimum=-SAFE_INTEGER,
                        maximum=SAFE_INTEGER)),
    Field("markup", _text("Markup of this entry's rich-text fields, overriding its file's.",
                          enum=MARKUPS)),
    Field("page", Spec("bool", "false: no story page for this entry, even where its kind has "
                               "them (casestudies_pages).")),
))

FILE = Spec("object", "A data file holding a list of entries and its markup.", fields=(
    Field("case_studies", Spec("list", "The entries.", items=ENTRY), required=True),
    Field("markup", _text("Markup of this file's rich-text fields.", enum=MARKUPS)),
))


def type_text(spec: Spec) -> str:
    """The type of a value in words, as the field reference in the docs shows it."""
    if spec.kind == "object":
        names = "{" + ", ".join(f.name for f in spec.fields) + "}"
        if spec.shorthand is not None:
            return f"{type_text(spec.by_name[spec.shorthand].spec)}, or mapping {names}"
        return f"mapping {names}"
    if spec.kind == "list":
        assert spec.items is not None
        return f"list of {type_text(spec.items)}"
    if spec.kind == "rich":
        return "inline markup" if spec.inline else "block markup"
    if spec.enum:
        return " or ".join(", ".join(spec.enum).rsplit(", ", 1))
    if spec.role is not None:
        return _ROLE_TYPES[spec.role]
    if spec.pattern == SLUG_PATTERN:
        return f"slug {SLUG_PATTERN[1:-1]}"
    return _KIND_TYPES[spec.kind]


_ROLE_TYPES = {"link": "document name or http(s) URL", "image": "path or http(s) URL"}
_KIND_TYPES = {"text": "text", "int": "integer", "bool": "boolean", "date": "date YYYY-MM-DD",
               "scalar": "text or number"}


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a data file, for editors and other tools."""
    entry_ref = {"$ref": "#/$defs/entry"}
    entry_list = {"type": "array", "items": entry_ref, "description": "A list of entries."}
    file_schema = _spec_schema(FILE)
    file_schema["properties"]["case_studies"] = {**entry_list,
                                                 "description": "The entries."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "sphinxext-casestudies data file",
        "description": "A list of entries, a mapping with 'case_studies' (and optionally "
                       "'markup'), or one entry.",
        "anyOf": [entry_list, file_schema, entry_ref],
        "$defs": {"entry": _spec_schema(ENTRY)},
    }


def _spec_schema(spec: Spec) -> dict[str, Any]:
    """The JSON Schema of one spec, recursively."""
    if spec.kind == "object":
        schema = _object_schema(spec)
        if spec.shorthand is not None:
            short = spec.by_name[spec.shorthand].spec
            return {"description": spec.description, "anyOf": [_spec_schema(short), schema]}
        return schema
    description = spec.description
    if spec.kind == "rich":
        description = f"{description} {type_text(spec).capitalize()}."
    schema = {"description": description, **_TYPES[spec.kind]}
    if spec.kind == "list":
        assert spec.items is not None
        schema["items"] = _spec_schema(spec.items)
    if spec.enum:
        schema["enum"] = list(spec.enum)
    if spec.pattern:
        schema["pattern"] = spec.pattern
    if spec.min_length:
        schema["minLength"] = spec.min_length
    if spec.minimum is not None:
        schema["minimum"] = spec.minimum
    if spec.maximum is not None:
        schema["maximum"] = spec.maximum
    if spec.default is not None:
        schema["default"] = spec.default
    if spec.reserved:
        schema["not"] = {"enum": sorted(spec.reserved)}
    return schema


def _object_schema(spec: Spec) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": spec.description,
        "properties": {f.name: _spec_schema(f.spec) for f in spec.fields},
        "additionalProperties": False,
    }
    required = [f.name for f in spec.fields if f.required]
    if required:
        schema["required"] = required
    return schema


_TYPES: dict[str, dict[str, Any]] = {
    "text": {"type": "string"},
    "rich": {"type": "string"},
    "int": {"type": "integer"},
    "bool": {"type": "boolean"},
    "date": {"type": "string", "format": "date"},
    "scalar": {"type": ["string", "number"]},
    "list": {"type": "array"},
}
