"""The ``casestudies_*`` configuration values: declared, validated, read as one object.

A bad value never stops a build: it is reported as a ``casestudies.config``
warning located at ``conf.py`` and replaced by its default, the way
sphinx-design treats its own settings.  The checks import no Sphinx, so the
``validate`` command reads a ``conf.py`` with the same rules.

After validation the values become one frozen :class:`Settings` per build
(as MyST-Parser builds its ``MdParserConfig``); every module reads that,
never ``config.casestudies_*``, so a value's type and reading live here only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sphinxext_casestudies.data.model import KINDS, Markup

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

    from sphinxext_casestudies.markup.allowlist import Gate

def _is_patterns(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _is_industries(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_link_text(value: Any) -> bool:
    """One text for every kind, or ``{kind: text}`` (kinds left out keep their default).

    The default, None, is "our translated default per kind"; not a mapping, so
    ``-D casestudies_link_text=...`` still works on the command line.
    """
    if value is None:
        return True
    if isinstance(value, dict):
        return all(k in KINDS and _is_text(v) for k, v in value.items())
    return _is_text(value)


def _is_folder(value: Any) -> bool:
    """A relative folder of the source folder (``customers``), or empty for no pages."""
    if not isinstance(value, str):
        return False
    parts = value.strip("/").split("/")
    return value == "" or all(re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*", p) for p in parts)


def _is_kinds(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(v in KINDS for v in value)


def _is_width(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 4000


@dataclass(frozen=True)
class _Option:
    name: str
    default: Any
    check: Callable[[Any], bool]
    expected: str
    types: tuple[type, ...] = ()
    """Types Sphinx accepts without its own type warning (default: the default's type)."""


OPTIONS: tuple[_Option, ...] = (
    _Option("casestudies_data", [], _is_patterns, "a list of paths or glob patterns"),
    _Option("casestudies_markup", "rst", lambda v: v in ("rst", "myst"), '"rst" or "myst"'),
    _Option("casestudies_link_text", None, _is_link_text,
            f"a non-empty string or a mapping of {{kind: text}} (kinds: {', '.join(KINDS)})",
            (str, dict)),
    _Option("casestudies_pages", "", _is_folder,
            "a folder relative to the source folder (e.g. \"customers\"), or \"\""),
    _Option("casestudies_page_kinds", ["case-study"], _is_kinds,
            f"a list of kinds ({', '.join(KINDS)})", (list, tuple)),
    _Option("casestudies_logo_width", 150, _is_width, "a whole number of CSS pixels (1-4000)"),
    _Option("casestudies_industries", {}, _is_industries, "a mapping of {key: label} strings"),
    _Option("casestudies_allow_raw", False, lambda v: isinstance(v, bool), "True or False"),
    _Option("casestudies_markup_allow", [], _is_patterns,
            "a list of directive and role names"),
)


@dataclass(frozen=True)
class Settings:
    """The validated ``casestudies_*`` values of one build, typed as modules read them."""

    data: tuple[str, ...] = ()
    markup: Markup = "rst"
    link_text: str | Mapping[str, str] | None = None
    """One text for every kind, ``{kind: text}``, or None for our translated defaults."""
    pages: str = ""
    """The story pages' folder without surrounding slashes; "" when there are none."""
    page_kinds: tuple[str, ...] = ("case-study",)
    logo_width: int = 150
    industries: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    allow_raw: bool = False
    markup_allow: tuple[str, ...] = ()

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> Settings:
        """From values that passed :func:`checked` (keys are the ``casestudies_*`` names)."""
        def value(name: str) -> Any:
            return values[f"casestudies_{name}"]
        link_text = value("link_text")
        return cls(
            data=tuple(value("data")),
            markup=value("markup"),
            link_text=MappingProxyType(dict(link_text)) if isinstance(link_text, dict)
            else link_text,
            pages=value("pages").strip("/"),
            page_kinds=tuple(value("page_kinds")),
            logo_width=value("logo_width"),
            industries=MappingProxyType(dict(value("industries"))),
            allow_raw=value("allow_raw"),
            markup_allow=tuple(value("markup_allow")),
        )

    @property
    def gate(self) -> Gate | None:
        """The allow-list data markup is held to; None when ``allow_raw`` lifts it."""
        from sphinxext_casestudies.markup.allowlist import gate_for  # docutils: not for the CLI

        return None if self.allow_raw else gate_for(self.markup_allow)


_SETTINGS: WeakKeyDictionary[Config, Settings] = WeakKeyDictionary()


def settings_of(config: Config) -> Settings:
    """The build's :class:`Settings` (made at ``config-inited``, after validation)."""
    found = _SETTINGS.get(config)
    if found is None:  # a config that never went through config-inited
        found = _SETTINGS[config] = Settings.from_values(
            {option.name: checked(option, config[option.name])[0] for option in OPTIONS})
    return found


def setup_config(app: Sphinx) -> None:
    """Declare every value; any change rebuilds the environment (``"env"``)."""
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, "env", option.types)
    app.connect("config-inited", validate_config, priority=100)


def checked(option: _Option, value: Any) -> tuple[Any, str | None]:
    """``value`` as the extension reads it, or the default and a message saying why."""
    if option.name == "casestudies_data" and isinstance(value, str):
        return [value], None  # a single pattern is a fair reading
    if option.check(value):
        return value, None
    return option.default, (f"{option.name} must be {option.expected}, not {value!r}; "
                            f"using the default {option.default!r}")


def validate_config(app: Sphinx, config: Config) -> None:
    """Replace each invalid value by its default, with a located warning; make the settings."""
    from sphinxext_casestudies.reporting import warn  # Sphinx's logging

    conf_py = str(Path(app.confdir, "conf.py")) if app.confdir else ""
    values = {}
    for option in OPTIONS:
        value, why = checked(option, config[option.name])
        if why is not None:
            warn(why, "config", f"{conf_py}:{conf_line(str(app.confdir), option.name)}"
                 if conf_py else None)
        config[option.name] = values[option.name] = value
    _SETTINGS[config] = Settings.from_values(values)


def conf_line(confdir: str, name: str) -> int:
    """The line of ``conf.py`` that sets ``name`` (1 when it cannot be found)."""
    try:
        with open(os.path.join(confdir, "conf.py"), encoding="utf-8") as conf:
            for number, text in enumerate(conf, start=1):
                if re.match(rf"\s*{re.escape(name)}\s*[:=]", text):
                    return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1
