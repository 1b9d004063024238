"""One entry's node -> a validated :class:`~.model.Entry`, with every problem it has.

The checks come from :data:`.schema.ENTRY` through :mod:`.convert`; this module
adds what a schema cannot say: logo files on disk, the industries vocabulary,
and the defaults the model expects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from yaml.nodes import MappingNode, Node

from sphinxext_casestudies.data.fields import BAD, Context, Expansion, Obj, convert
from sphinxext_casestudies.data.logo_paths import LogoResolver
from sphinxext_casestudies.data.model import Entry, Logo, Markup, Metric, Problem, Quote, Section
from sphinxext_casestudies.data.schema import ENTRY
from sphinxext_casestudies.data.wording import describe, hint, shown
from sphinxext_casestudies.data.yamlnodes import Lines

_DEFAULT_KIND = ENTRY.by_name["kind"].spec.default


@dataclass(frozen=True)
class LoadOptions:
    """What an entry is checked against besides its own text."""

    path: str
    srcdir: str
    base_dir: str
    markup: Markup = "rst"
    industries: Mapping[str, str] | None = None
    lines: Lines = field(default_factory=lambda: Lines(""), compare=False)
    """Maps YAML lines to file lines (and shifts a directive body's lines)."""
    logos: LogoResolver | None = field(default=None, compare=False)
    """Shared by the entries of one load, so each distinct logo path is checked once."""
    expansion: Expansion | None = field(default=None, compare=False)
    """Shared by the entries of one file: what repeating its aliases has cost so far."""


def validate_entry(node: Node, options: LoadOptions) -> tuple[Entry | None, list[Problem]]:
    """The entry, or None when any schema/url problem drops it; all problems either way."""
    ctx = Context(options.path, options.lines,
                  expansion=options.expansion or Expansion(options.lines.text))
    if not isinstance(node, MappingNode):
        ctx.report(node, "schema", f"an entry must be a mapping, got {describe(node)}")
        return None, ctx.problems
    obj = convert(ENTRY, node, "", ctx)
    if obj is BAD:
        return None, ctx.problems
    fields = _fields(obj, options, ctx)
    _check_industry(fields["industry"], obj, options, ctx)
    return Entry(**fields), ctx.problems


def _fields(obj: Obj, options: LoadOptions, ctx: Context) -> dict[str, Any]:
    """Keyword arguments of :class:`Entry`, defaults and nested parts filled in."""
    v = obj.values
    return dict(
        id=v["id"], name=v["name"], source=options.path, line=obj.line,
        markup=v.get("markup", options.markup), title=v.get("title"),
        kind=v.get("kind", _DEFAULT_KIND),
        industry=v.get("industry"), tags=v.get("tags", ()),
        logo=_logo(v.get("logo"), v["name"], options, ctx),
        headline=v.get("headline"), link=v.get("link"),
        link_line=ctx.line(obj.nodes["link"]) if "link" in obj.nodes else 0,
        link_text=v.get("link_text"), summary=v.get("summary"),
        sections=tuple(Section(s.values.get("title"), s.values["body"], s.line)
                       for s in v.get("sections", ())),
        quotes=tuple(Quote(q.values["text"], q.values.get("author"), q.values.get("role"),
                           q.line) for q in v.get("quotes", ())),
        metrics=tuple(Metric(m.values["value"], m.values["label"], m.line)
                      for m in v.get("metrics", ())),
        date=v.get("date"), order=v.get("order"), page=v.get("page", True),
    )


def _logo(obj: Obj | None, name: str, options: LoadOptions, ctx: Context) -> Logo | None:
    """The logo with its paths checked on disk; an ``image`` problem drops only the logo."""
    if obj is None:
        return None
    src = _image(obj, "src", options, ctx)
    if src is None:
        return None
    given = obj.values.get("alt")
    return Logo(src=src, alt=given if given is not None else f"{name} logo",
                alt_given=given is not None,
                dark=_image(obj, "dark", options, ctx), width=obj.values.get("width"),
                line=obj.line)


def _image(obj: Obj, field: str, options: LoadOptions, ctx: Context) -> str | None:
    value: Any = obj.values.get(field)
    if value is None or Logo.is_url(value):
        return value  # type: ignore[no-any-return]
    resolver = options.logos or LogoResolver(options.srcdir)
    resolved, why = resolver.resolve(value, options.base_dir)
    if why is not None:
        ctx.report(obj.nodes[field], "image", f"logo.{field}: {why}")
    return resolved


def _check_industry(industry: str | None, obj: Obj, options: LoadOptions, ctx: Context) -> None:
    """An industry outside a non-empty vocabulary is reported; the entry stays."""
    known = options.industries
    if not known or industry is None or industry in known:
        return
    ctx.report(obj.nodes["industry"], "schema",
               f"industry {shown(industry)} is not in casestudies_industries"
               f"{hint(industry, tuple(known))}")
