"""``python -m sphinxext_casestudies``: check data files in CI, print the JSON Schema.

``validate`` runs the same loader as a Sphinx build (but imports no Sphinx),
with the settings of the project's ``conf.py``, so a pre-commit hook or CI
job reports exactly the problems a build would find in the data, as
``path:line: message [subtype]`` lines, without a traceback on any input.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from sphinxext_casestudies.cli.conf_reader import find_confdir, read_project
from sphinxext_casestudies.data.loader import expand, load_files
from sphinxext_casestudies.data.model import Problem
from sphinxext_casestudies.data.schema import json_schema


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; returns the exit status (0 clean, 1 problems, 2 usage error)."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse's own --help and usage errors
        return stop.code if isinstance(stop.code, int) else 2
    if args.command == "schema":
        _write(sys.stdout, json.dumps(json_schema(), indent=2))
        return 0
    if args.command == "validate":
        result = validate(args.paths, srcdir=args.srcdir)
        try:
            for problem in result.problems:
                _write(sys.stdout, problem.format())
            if not result.problems:
                _write(sys.stdout, result.summary())
        except BrokenPipeError:  # e.g. piped into `head`
            pass
        return 1 if result.problems else 0
    parser.print_usage(sys.stderr)
    return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sphinxext-casestudies",
        description="Check sphinxext-casestudies data files, or print their JSON Schema.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "validate", help="check data files; print 'path:line: message [subtype]' per problem",
        description="Check data files as a Sphinx build would (document links are not "
                    "checked). Exit status: 0 clean, 1 problems found, 2 usage error.")
    check.add_argument("paths", nargs="+", metavar="PATH",
                       help="data file or glob pattern ('**' recursive)")
    check.add_argument("--srcdir", default=None, metavar="DIR",
                       help="Sphinx source folder that logos must stay inside, whose conf.py "
                            "settings apply (default: the nearest folder above the first data "
                            "file that holds a conf.py, else the current folder)")
    commands.add_parser("schema", help="print the JSON Schema of a data file",
                        description="Print the JSON Schema (draft 2020-12) of a data file.")
    return parser


@dataclass(frozen=True)
class Result:
    """What ``validate`` found, and how much it checked."""

    problems: list[Problem]
    files: int = 0
    entries: int = 0

    def summary(self) -> str:
        """The one line printed on success."""
        return (f"{_count(self.files, 'data file')}, {_count(self.entries, 'entry', 'entries')}"
                ": no problems found")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def validate(patterns: Sequence[str], *, srcdir: str | None = None) -> Result:
    """Every problem of the files named (paths spelled as given), duplicates across files too.

    Without ``srcdir`` the source folder is the nearest folder above the first
    data file that holds a ``conf.py``, else the current folder; the
    ``casestudies_*`` settings of that folder's ``conf.py`` apply.
    """
    problems: list[Problem] = []
    chosen: dict[str, str] = {}
    for pattern in patterns:
        found = expand(pattern)
        if not found:
            why = "matches no file" if glob.has_magic(pattern) else "no such file"
            problems.append(Problem(pattern, 0, "data", why))
        for path in found:
            chosen.setdefault(os.path.normcase(os.path.abspath(path)), path)
    if srcdir is None:
        first = next(iter(chosen.values()), None)
        srcdir = (find_confdir(first) if first else None) or os.getcwd()
    try:
        project = read_project(srcdir)
        catalog = load_files(sorted(chosen.values()), srcdir=srcdir,
                             default_markup=project.get("casestudies_markup"),
                             industries=project.get("casestudies_industries") or None)
    except Exception as err:  # a bug of ours must still not print a traceback
        return Result([*problems, Problem("sphinxext-casestudies", 0, "data",
                                          f"internal error, please report: {err!r}")])
    return Result([*problems, *project.problems, *catalog.problems], len(catalog.files),
                  len(catalog.entries))


def _write(stream: TextIO, line: str) -> None:
    """Print even where the terminal's encoding cannot show every character."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(line.encode(encoding, "backslashreplace").decode(encoding) + "\n")

