"""Benchmark sphinxext-casestudies against the same sites hand-written, in reST and MyST.

The entry point: reads the options, runs the chosen benchmarks and writes the
results table (see bench/README.md for what each number means).  The work is
split by job:

generate.py    the projects: the same entries as data and hand-written, in both syntaxes
runner.py      processes, timing and alternation of the variants
benchmarks.py  full build, one-entry edit, ``-j 2`` and load+validate
pages.py       generated story pages against hand-written ones
report.py      rows, the targets that judge them (one table) and the Markdown

Usage::

    python bench/run.py --markdown bench/results.md
    python bench/run.py --quick                 # smoke run, small N

Exit status: 0 when every run succeeded without a warning, 1 when one failed
or warned (listed under "Problems"), 2 with ``--check`` when a target is missed.

Standard library only, plus the projects' own Sphinx, PyYAML and myst-parser.
Scripts, not part of the package: tests never import them (the parity test
runs ``generate.py`` as a process).
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from benchmarks import bench_full, bench_incremental, bench_load, bench_parallel
from pages import bench_pages
from report import Report, machine, markdown
from runner import BENCH_DIR, BENCHMARKS, SYNTAXES, Config, log, prepare

QUICK = {  # --quick: sizes of a smoke run
    "entries": 60,
    "pages": 6,
    "small_entries": 30,
    "small_pages": 3,
    "repeats": 1,
    "parallel_entries": 200,
    "parallel_pages": 10,
    "load_entries": 300,
    "story_entries": 30,
}

RUNNERS: dict[str, Callable[[Config, Report], None]] = {
    "load": bench_load,
    "full": bench_full,
    "incremental": bench_incremental,
    "parallel": bench_parallel,
    "pages": bench_pages,
}


def parse_args(argv: list[str] | None) -> tuple[Config, argparse.Namespace]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, help="entries of the full/incremental runs [1000]")
    parser.add_argument("--pages", type=int, help="pages of the full/incremental runs [100]")
    parser.add_argument("--small-entries", type=int,
                        help="entries of the second full-build size, 0 for none [300]")
    parser.add_argument("--small-pages", type=int, help="pages of the second size [30]")
    parser.add_argument("--repeats", type=int, help="timed runs per variant [5]")
    parser.add_argument("--parallel-entries", type=int, help="entries of the -j run [5000]")
    parser.add_argument("--parallel-pages", type=int, help="pages of the -j run [100]")
    parser.add_argument("--load-entries", type=int, help="entries of the load run [5000]")
    parser.add_argument("--story-entries", type=int,
                        help="entries (one story page each) of the pages run [300]")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--only", action="append", choices=BENCHMARKS, help="run only this (repeatable)"
    )
    parser.add_argument(
        "--syntax", action="append", choices=tuple(SYNTAXES),
        help="compare only sites in this page syntax (repeatable) [rst and md]",
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, 1 repeat (smoke run)")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out", help="generated projects")
    parser.add_argument("--markdown", type=Path, help="write the results table here")
    parser.add_argument("--json", type=Path, help="write all measurements here")
    parser.add_argument(
        "--check", action="store_true", help="exit 2 when a target is missed (for CI)"
    )
    args = parser.parse_args(argv)
    return make_config(args), args


def make_config(args: argparse.Namespace) -> Config:
    sizes = dict(QUICK) if args.quick else {}
    sizes.update({name: getattr(args, name) for name in QUICK if getattr(args, name) is not None})
    only = tuple(name for name in BENCHMARKS if name in (args.only or BENCHMARKS))
    syntaxes = tuple(name for name in SYNTAXES if name in (args.syntax or SYNTAXES))
    config = Config(out=args.out, seed=args.seed, only=only, syntaxes=syntaxes, **sizes)
    small_ok = config.small_entries == 0 or config.small_pages <= config.small_entries
    if config.repeats < 1 or config.pages > config.entries or not small_ok:
        raise SystemExit("need --repeats >= 1 and --pages <= --entries (for both sizes)")
    return config


def main(argv: list[str] | None = None) -> int:
    config, args = parse_args(argv)
    # on SIGTERM, unwind like on Ctrl-C: stop the running build, delete temporary folders
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    prepare(config)
    info = machine()  # before the runs: the code measured, even if it changes meanwhile
    report = Report()
    for name in config.only:
        RUNNERS[name](config, report)
    # the floor of every child's peak RSS (see runner.py)
    report.raw["parent_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    text = markdown(config.repeats, report, info)
    print(text)
    for problem in report.problems:
        log(f"\nPROBLEM {problem}")
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        payload = {
            "config": {**asdict(config), "out": str(config.out)},
            "machine": info,
            "rows": [asdict(r) for r in report.rows],
            "problems": report.problems,
            "raw": report.raw,
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    if report.problems:
        return 1
    return 2 if args.check and report.missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
