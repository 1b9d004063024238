"""The ``casestudies_*`` configuration values, and their validation.

A bad value never stops a build: it is reported as a ``casestudies.config``
warning located at ``conf.py`` and replaced by its default, the way
sphinx-design treats its own settings.  The checks import no Sphinx, so the
``validate`` command reads a ``conf.py`` with the same rules.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxext_casestudies.data.model import KINDS

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

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


def register(app: Sphinx) -> None:
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
    """Replace each invalid value by its default, with a located warning."""
    from sphinxext_casestudies.warnings import warn  # Sphinx's logging

    conf_py = str(Path(app.confdir, "conf.py")) if app.confdir else ""
    for option in OPTIONS:
        value, why = checked(option, config[option.name])
        if why is not None:
            warn(why, "config", f"{conf_py}:{conf_line(str(app.confdir), option.name)}"
                 if conf_py else None)
        config[option.name] = value


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
