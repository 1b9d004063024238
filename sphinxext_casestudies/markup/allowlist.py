"""What data markup may use: an allow-list of directives, roles and MyST extensions.

Data files are edited by people who do not maintain the build, so their
markup does not inherit every directive and role the project has (``ifconfig``
evaluates Python, ``testcode`` runs it, ``automodule`` imports, ``graphviz``
reads files, ``toctree`` rewrites the site's navigation).  While a field is
parsed, docutils' two lookup functions (the ones Sphinx itself patches to add
domains, and MyST calls as well) are wrapped: a name outside the list gets a
stand-in that reports a ``markup`` warning at the data file and line and
renders nothing (a directive) or its text (a role).  New directives of a new
Sphinx release are refused until someone decides they are safe.

The reasons for each exclusion are in ``docs/data-format.rst``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles

from sphinxext_casestudies.reporting import warn

DIRECTIVES = frozenset({
    # admonitions
    "admonition", "attention", "caution", "danger", "error", "hint", "important", "note",
    "tip", "warning", "seealso",
    # literal and code blocks, quotes, tables written inline
    "code", "code-block", "sourcecode", "parsed-literal", "epigraph", "highlights",
    "pull-quote", "table", "list-table", "csv-table", "rubric", "math",
    # images and figures (their files are checked by the sanitizer)
    "image", "figure", "figure-md",
})
"""Directives data markup may use."""

REFUSED_OPTIONS: dict[str, frozenset[str]] = {
    "csv-table": frozenset({"file", "url", "encoding"}),  # reads files or fetches URLs
    "math": frozenset({"label"}),  # registers a project-wide equation label
}
"""Options that would read a file or change the project, on directives that are allowed."""

ROLES = frozenset({
    # emphasis, code, abbreviations, sub/superscript, math
    "emphasis", "strong", "literal", "code", "samp", "kbd", "abbreviation", "ab", "abbr",
    "acronym", "ac", "subscript", "sub", "superscript", "sup", "math", "title-reference",
    "title", "t", "dfn", "guilabel", "menuselection", "file", "command", "program",
    # cross-references inside the project
    "ref", "doc", "term", "any", "std:ref", "std:doc", "std:term", "case-study",
    "casestudies:entry",
    # the project's default role: `text` (the maintainer chose it in conf.py)
    "",
})
"""Roles data markup may use."""

MYST_EXTENSIONS = frozenset({
    "alert", "amsmath", "attrs_block", "attrs_image", "attrs_inline", "colon_fence", "deflist",
    "dollarmath", "fieldlist", "gfm_autolink", "html_admonition", "html_image", "linkify",
    "replacements", "section_ref", "smartquotes", "strikethrough", "tasklist",
})
"""MyST syntax extensions a project may have enabled that data markup keeps.

``substitution`` is the one left out: it renders Jinja with the Sphinx
environment in reach.  Its ``{{ ... }}`` is still recognised, so it can be
refused with a warning instead of showing as text (see :mod:`.markup`).
"""


class _AnyOption(dict[str, Callable[[str], Any]]):
    """An option spec that accepts every option, so a refused directive parses whatever it has."""

    def __contains__(self, key: object) -> bool:
        return True

    def __missing__(self, key: str) -> Callable[[str], Any]:
        return directives.unchanged


class _Refused(Directive):
    """Stands in for a directive data markup may not use: a warning, no output."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = _AnyOption()
    why: ClassVar[str] = ""

    def run(self) -> list[nodes.Node]:
        refuse(self.why, self.state.document["source"], self.lineno)
        return []


def refuse(why: str, source: str, line: int, setting: str = "casestudies_markup_allow") -> None:
    """The ``markup`` warning of a refused construct, at the data file and line.

    ``setting`` names the configuration value that would allow it (if any).
    """
    see = f" (see {setting})" if setting else ""
    warn(f"{why} is not allowed in data markup{see}", "markup", f"{source}:{line}")


class Gate:
    """The allow-list of one build: the built-in one and ``casestudies_markup_allow``."""

    active: ClassVar[Gate | None] = None
    """The gate of the field being parsed (for MyST's ``eval-rst``, which is no lookup)."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self.extra = frozenset(name.lower() for name in extra)
        self._guarded: dict[type[Any], type[Any]] = {}

    def directive_allowed(self, name: str, found: Any = None) -> bool:
        """Whether ``name`` may be used; ``found`` is what it resolved to, if known."""
        name = name.lower()
        return name in self.extra or (name in DIRECTIVES and _stock(found))

    def role_allowed(self, name: str, found: Any = None) -> bool:
        name = name.lower()
        return name in self.extra or (name in ROLES and _stock(found))

    @contextmanager
    def applied(self) -> Iterator[None]:
        """Wrap docutils' directive and role lookups while a data field is parsed."""
        find_directive, find_role = directives.directive, roles.role

        def directive(name: str, language: Any, document: Any) -> tuple[Any, list[Any]]:
            found, messages = find_directive(name, language, document)
            if found is None:
                return found, messages  # unknown: docutils says so in its own words
            if not self.directive_allowed(name, found):
                return type("Refused", (_Refused,), {"why": f"directive {name!r}"}), messages
            return self._guard(name.lower(), found), messages

        def role(name: str, language: Any, lineno: int, reporter: Any) -> tuple[Any, list[Any]]:
            found, messages = find_role(name, language, lineno, reporter)
            if found is None or self.role_allowed(name, found):
                return found, messages
            return _refused_role(name), messages

        setattr(directives, "directive", directive)  # noqa: B010 - typed narrower than ours
        setattr(roles, "role", role)  # noqa: B010
        outer, Gate.active = Gate.active, self
        try:
            yield
        finally:
            setattr(directives, "directive", find_directive)  # noqa: B010
            setattr(roles, "role", find_role)  # noqa: B010
            Gate.active = outer

    def _guard(self, name: str, cls: type[Any]) -> type[Any]:
        """``cls``, or a subclass refusing :data:`REFUSED_OPTIONS` and bounding line specs."""
        refused = REFUSED_OPTIONS.get(name, frozenset())
        if not (refused or name in LINE_SPECS) or not isinstance(cls, type):
            return cls
        if cls not in self._guarded:
            def run(directive: Any) -> list[nodes.Node]:
                source = directive.state.document["source"]
                used = sorted(refused & set(directive.options))
                if used:
                    refuse(f"option :{used[0]}: of directive {name!r}", source, directive.lineno)
                    return []
                spec = directive.options.get("emphasize-lines")
                if spec and not line_spec_fits(str(spec), len(directive.content)):
                    warn(f"emphasize-lines {str(spec)[:40]!r} reaches past the block's "
                         f"{len(directive.content)} lines; the option is left out", "limit",
                         f"{source}:{directive.lineno}")
                    del directive.options["emphasize-lines"]
                return cls.run(directive)  # type: ignore[no-any-return]

            self._guarded[cls] = type(cls.__name__, (cls,), {"run": run})
        return self._guarded[cls]


LINE_SPECS = frozenset({"code", "code-block", "sourcecode"})
"""Directives whose ``:emphasize-lines:`` Sphinx expands into a list of every line number
in each range (``1-1000000000`` would be a billion numbers): bounded by the block."""
_NUMBER = re.compile(r"[0-9]+")


def line_spec_fits(spec: str, lines: int) -> bool:
    """Whether every number of a line spec (``1,3-5``) is within a block of ``lines`` lines."""
    return all(len(n) < 10 and int(n) <= max(lines, 1) for n in _NUMBER.findall(spec))


_STOCK = ("docutils.", "sphinx.", "myst_parser.", "sphinxext_casestudies.")
"""Where the implementations the built-in list vouches for come from."""


def _stock(found: Any) -> bool:
    """Whether a directive class or role is docutils', Sphinx's, MyST's or ours.

    Another extension may register its own ``figure`` or ``code``: the
    built-in list judged the stock ones, so the override is refused until it
    is named in ``casestudies_markup_allow``.
    """
    if found is None:
        return True
    module = getattr(found, "__module__", None) or type(found).__module__
    return str(module).startswith(_STOCK)


@functools.lru_cache(maxsize=8)
def gate_for(extra: tuple[str, ...]) -> Gate:
    """The gate of a project's ``casestudies_markup_allow`` (built once per value)."""
    return Gate(extra)


def _refused_role(name: str) -> Callable[..., tuple[list[nodes.Node], list[Any]]]:
    def role(typ: str, rawtext: str, text: str, lineno: int, inliner: Any,
             options: Any = None, content: Any = None) -> tuple[list[nodes.Node], list[Any]]:
        refuse(f"role {name!r}", inliner.document["source"], lineno)
        return [nodes.inline(rawtext, text)], []
    return role
