"""``python -m sphinxext_casestudies``: check data files in CI, print the JSON Schema.

``validate`` runs the same loader as a Sphinx build (but imports no Sphinx),
so a pre-commit hook or CI job reports exactly the problems a build would,
as ``path:line: message [subtype]`` lines, without a traceback on any input.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Sequence
from typing import TextIO

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
        problems = validate(args.paths, srcdir=args.srcdir)
        try:
            for problem in problems:
                _write(sys.stdout, problem.format())
        except BrokenPipeError:  # e.g. piped into `head`
            pass
        return 1 if problems else 0
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
    check.add_argument("--srcdir", default=".", metavar="DIR",
                       help="Sphinx source folder that logos must stay inside (default: .)")
    commands.add_parser("schema", help="print the JSON Schema of a data file",
                        description="Print the JSON Schema (draft 2020-12) of a data file.")
    return parser


def validate(patterns: Sequence[str], *, srcdir: str = ".") -> list[Problem]:
    """Every problem of the files named (paths spelled as given), duplicates across files too."""
    problems: list[Problem] = []
    chosen: dict[str, str] = {}
    for pattern in patterns:
        found = expand(pattern)
        if not found:
            why = "matches no file" if glob.has_magic(pattern) else "no such file"
            problems.append(Problem(pattern, 0, "data", why))
        for path in found:
            chosen.setdefault(os.path.normcase(os.path.abspath(path)), path)
    try:
        catalog = load_files(sorted(chosen.values()), srcdir=srcdir)
    except Exception as err:  # a bug of ours must still not print a traceback
        return [*problems, Problem("sphinxext-casestudies", 0, "data",
                                   f"internal error, please report: {err!r}")]
    return [*problems, *catalog.problems]


def _write(stream: TextIO, line: str) -> None:
    """Print even where the terminal's encoding cannot show every character."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(line.encode(encoding, "backslashreplace").decode(encoding) + "\n")


if __name__ == "__main__":
    sys.exit(main())
