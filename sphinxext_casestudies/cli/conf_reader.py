"""Find a project's ``conf.py`` and read its ``casestudies_*`` settings without Sphinx.

``validate`` must check data against the same settings a build uses (the
industries vocabulary, the default markup), yet stay fast, so it runs
``conf.py`` the way Sphinx's ``Config`` does (compiled with its own file
name, executed in its folder with ``__file__`` and ``tags`` set) instead of
starting a Sphinx application.  ``conf.py`` is trusted, as in a build; the
data files are not, and nothing of them is executed.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sphinxext_casestudies.data.model import Problem
from sphinxext_casestudies.sphinx_ext.config import OPTIONS, checked, conf_line


class Tags:
    """The ``tags`` a ``conf.py`` may consult; none are set outside a build (no ``-t``)."""

    def __init__(self) -> None:
        self._tags: set[str] = set()

    def has(self, tag: str) -> bool:
        return tag in self._tags

    __contains__ = has

    def add(self, tag: str) -> None:
        self._tags.add(tag)

    def remove(self, tag: str) -> None:
        self._tags.discard(tag)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._tags))


@dataclass(frozen=True)
class Project:
    """Where data is checked against: the source folder and its ``casestudies_*`` values."""

    srcdir: str
    conf_py: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()

    def get(self, name: str) -> Any:
        """The setting as the extension reads it (its default when unset or invalid)."""
        if name in self.settings:
            return self.settings[name]
        return next(option.default for option in OPTIONS if option.name == name)


def find_confdir(path: str) -> str | None:
    """The nearest folder holding a ``conf.py``, from ``path``'s own folder upwards."""
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        if os.path.isfile(os.path.join(folder, "conf.py")):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def read_project(srcdir: str) -> Project:
    """``srcdir`` with the settings of its ``conf.py`` (none when it has no ``conf.py``)."""
    conf_py = os.path.join(srcdir, "conf.py")
    if not os.path.isfile(conf_py):
        return Project(srcdir)
    namespace, problem = _execute(conf_py)
    if problem is not None:
        return Project(srcdir, conf_py, problems=(problem,))
    settings: dict[str, Any] = {}
    problems = []
    for option in OPTIONS:
        if option.name in namespace:
            value, why = checked(option, namespace[option.name])
            settings[option.name] = value
            if why is not None:
                problems.append(Problem(conf_py, conf_line(srcdir, option.name), "config", why))
    return Project(srcdir, conf_py, settings, tuple(problems))


def _execute(conf_py: str) -> tuple[dict[str, Any], Problem | None]:
    """Run ``conf_py`` as Sphinx's ``eval_config_file`` does; a failure is a problem."""
    namespace: dict[str, Any] = {"__file__": conf_py, "tags": Tags()}
    here = os.getcwd()
    try:
        with open(conf_py, "rb") as stream:
            source = stream.read()
        os.chdir(os.path.dirname(conf_py))
        exec(compile(source, conf_py, "exec"), namespace)  # conf.py is trusted, as in a build
    except SyntaxError as err:
        return {}, _failed(conf_py, err.lineno or 0, f"syntax error: {err.msg}")
    except (Exception, SystemExit) as err:  # as Sphinx: any failure of conf.py is reported
        return {}, _failed(conf_py, _line_in(conf_py, err), f"{type(err).__name__}: {err}")
    finally:
        os.chdir(here)
    return namespace, None


def _failed(conf_py: str, line: int, why: str) -> Problem:
    return Problem(conf_py, line, "config", f"cannot read the configuration: {why}")


def _line_in(conf_py: str, err: BaseException) -> int:
    """The last line of ``conf_py`` on the traceback, 0 when it is not on it."""
    lines = [frame.lineno for frame in traceback.extract_tb(err.__traceback__)
             if frame.filename == conf_py]
    return (lines[-1] or 0) if lines else 0
