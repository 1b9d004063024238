"""The ``casestudies_*`` configuration values, and their validation.

A bad value never stops a build: it is reported as a ``casestudies.config``
warning located at ``conf.py`` and replaced by its default, the way
sphinx-design treats its own settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinxext_casestudies.warnings import conf_line, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

def _is_patterns(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _is_industries(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def _is_width(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= 4000


@dataclass(frozen=True)
class _Option:
    name: str
    default: Any
    check: Callable[[Any], bool]
    expected: str


OPTIONS: tuple[_Option, ...] = (
    _Option("casestudies_data", [], _is_patterns, "a list of paths or glob patterns"),
    _Option("casestudies_markup", "rst", lambda v: v in ("rst", "myst"), '"rst" or "myst"'),
    _Option("casestudies_link_text", "Read more", lambda v: isinstance(v, str) and bool(v.strip()),
            "a non-empty string"),
    _Option("casestudies_logo_width", 150, _is_width, "a whole number of CSS pixels (1-4000)"),
    _Option("casestudies_industries", {}, _is_industries, "a mapping of {key: label} strings"),
    _Option("casestudies_allow_raw", False, lambda v: isinstance(v, bool), "True or False"),
    _Option("casestudies_markup_allow", [], _is_patterns,
            "a list of directive and role names"),
)


def register(app: Sphinx) -> None:
    """Declare every value; any change rebuilds the environment (``"env"``)."""
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, "env")
    app.connect("config-inited", validate_config, priority=100)


def _where(conf_py: str, confdir: str, name: str) -> str | None:
    return f"{conf_py}:{conf_line(confdir, name)}" if conf_py else None


def validate_config(app: Sphinx, config: Config) -> None:
    """Replace each invalid value by its default, with a located warning."""
    conf_py = str(Path(app.confdir, "conf.py")) if app.confdir else ""
    for option in OPTIONS:
        value = config[option.name]
        if option.name == "casestudies_data" and isinstance(value, str):
            config[option.name] = [value]  # a single pattern is a fair reading
            continue
        if not option.check(value):
            warn(f"{option.name} must be {option.expected}, not {value!r}; "
                 f"using the default {option.default!r}",
                 "config", _where(conf_py, str(app.confdir), option.name))
            config[option.name] = option.default
