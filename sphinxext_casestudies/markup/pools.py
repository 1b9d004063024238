"""Parsers reused across fields: building one costs more than parsing most fields.

A reST state machine with its inliner, or a markdown-it parser with MyST's
plugins, costs more to build than a typical field takes to parse, so idle
ones are pooled and reused.  Pools, not single parsers: a field may nest a
directive that parses another field while the first parser is busy.  Each
pool follows the build's settings: a new configuration starts a new pool.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils.parsers.rst import states

from sphinxext_casestudies.markup import plain_myst
from sphinxext_casestudies.markup.allowlist import MYST_EXTENSIONS, Gate, line_spec_fits, refuse

IDLE_RST_MACHINES: list[tuple[states.RSTStateMachine, states.Inliner]] = []


class MystParserPool:
    """Idle markdown-it parsers for one MyST configuration (the current build's).

    Building a parser with MyST's plugins costs more than parsing a field
    (measured 0.20 ms against 0.12 ms), and its renderer resets all of its
    state on every render, so idle parsers are reused.  A pool, not one
    parser: a field may nest a directive that parses another field.  Another
    configuration (the next build in the same process) starts a new pool.
    """

    def __init__(self) -> None:
        self.config: Any = None
        self.idle: list[Any] = []
        self._default: Any = None
        self._data: tuple[Any, Any] = (None, None)
        self._plain: tuple[Any, bool] = (None, False)

    def plain_allowed(self, config: Any) -> bool:
        """Whether plain text may skip the parser under ``config`` (judged once per object)."""
        if self._plain[0] is not config:
            self._plain = (config, plain_myst.config_allows(config))
        return self._plain[1]

    def data_config(self, config: Any) -> Any:
        """``config`` with only the MyST extensions data may use (one object per ``config``).

        ``substitution`` stays on for parsing only: its ``{{ ... }}`` is then
        refused with a warning by the data renderer, instead of showing as text.
        """
        if self._data[0] is not config:
            wanted = set(config.enable_extensions)
            kept = (wanted & MYST_EXTENSIONS) | (wanted & {"substitution"})
            self._data = (config, dataclasses.replace(config, enable_extensions=kept))
        return self._data[1]

    def default_config(self) -> Any:
        if self._default is None:
            from myst_parser.config.main import MdParserConfig

            self._default = MdParserConfig()
        return self._default

    def take(self, config: Any, build: Callable[[], Any]) -> Any:
        if config is self.config and self.idle:
            return self.idle.pop()
        return build()

    def give_back(self, config: Any, parser: Any) -> None:
        if config is not self.config:
            self.config, self.idle = config, []
        self.idle.append(parser)


MYST_POOL = MystParserPool()


@functools.cache
def myst_available() -> bool:
    """Whether myst-parser can be imported (asked once per process)."""
    try:
        import myst_parser  # noqa: F401
    except ImportError:
        return False
    return True


@functools.cache
def given_document_renderer(base: type[Any]) -> type[Any]:
    """MyST's renderer, without a throw-away document per render.

    MyST's ``setup_render`` evaluates ``options.get("document",
    make_document())``: the default is built even when a document is given,
    and building it creates a docutils option parser holding every setting
    (about 2 ms a field, ten times what parsing a field takes; 3.8 s of a
    13 s profiled build at 300 entries).  While ``setup_render`` runs,
    ``make_document`` hands back the document we gave; the rest is MyST's
    own code.  (One class per base, made once per process.)
    """
    from myst_parser.mdit_to_docutils import base as myst_base

    def setup_render(self: Any, options: dict[str, Any], env: Any) -> None:
        document = options.get("document")
        if document is None:
            base.setup_render(self, options, env)
            return
        make_document = myst_base.make_document
        myst_base.make_document = lambda *args, **kwargs: document
        try:
            base.setup_render(self, options, env)
        finally:
            myst_base.make_document = make_document

    return type("GivenDocumentRenderer", (base,), {"setup_render": setup_render})


@functools.cache
def data_renderer(base: type[Any]) -> type[Any]:
    """MyST's Sphinx renderer, refusing what a data field may not do to the page.

    ``{{ ... }}`` substitutions render Jinja with the Sphinx environment in
    reach; front matter writes into the page's metadata.
    """
    def render_substitution(self: Any, token: Any, inline: bool) -> None:
        line = token.map[0] if token.map else 0
        refuse("the MyST substitution {{" + str(token.content).strip()[:40] + "}}",
               self.document["source"], line, "casestudies_allow_raw")
        text = "{{" + str(token.content) + "}}"
        self.current_node.append(nodes.Text(text) if inline else nodes.paragraph(text, text))

    def render_front_matter(self: Any, token: Any) -> None:
        line = token.map[0] if token.map else 0
        refuse("front matter", self.document["source"], line, "casestudies_allow_raw")

    def render_restructuredtext(self: Any, token: Any) -> None:
        gate = Gate.active
        if gate is None or gate.directive_allowed("eval-rst"):
            base.render_restructuredtext(self, token)
            return
        refuse("directive 'eval-rst'", self.document["source"],
               token.map[0] if token.map else 0)

    def parse_linenos(emphasize_lines: str, num_lines: int) -> list[int]:
        # Sphinx expands each range into every number in it: bound it by the block first.
        if not line_spec_fits(str(emphasize_lines), num_lines):
            raise ValueError(f"out of range(1-{num_lines})")
        return base._parse_linenos(emphasize_lines, num_lines)  # type: ignore[no-any-return]

    return type("DataRenderer", (base,), {"render_substitution": render_substitution,
                                          "render_front_matter": render_front_matter,
                                          "render_restructuredtext": render_restructuredtext,
                                          "_parse_linenos": staticmethod(parse_linenos)})


def reusable_inliner() -> states.Inliner:
    """An inliner that builds its patterns once per setting combination, not once per field.

    ``RSTStateMachine.run`` calls ``init_customizations`` on every run, and
    docutils' version compiles a dozen regular expressions each time and
    appends to ``implicit_dispatch`` again, so a plain inliner cannot be
    reused.  (Not a subclass: the base method formats its patterns with the
    class's own attributes, ``vars(self.__class__)``.)
    """
    inliner = states.Inliner()
    build = inliner.init_customizations
    built_for: list[tuple[bool, bool, bool]] = []

    def init_customizations(settings: Any) -> None:
        key = inline_settings(settings)
        if built_for != [key]:
            inliner.implicit_dispatch = []
            build(settings)
            built_for[:] = [key]

    setattr(inliner, "init_customizations", init_customizations)  # noqa: B010
    return inliner


def inline_settings(settings: Any) -> tuple[bool, bool, bool]:
    """What inline parsing depends on: character-level markup, PEP and RFC references."""
    return (bool(getattr(settings, "character_level_inline_markup", False)),
            bool(getattr(settings, "pep_references", False)),
            bool(getattr(settings, "rfc_references", False)))
