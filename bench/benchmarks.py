"""The benchmarks: each runs its builds (through :mod:`runner`) and adds rows (:mod:`report`).

full         full html build of N entries on P pages (two sizes), our directives
             vs the same content hand-written, in reST and in MyST, all variants
             alternating in one series: median CPU, wall time and peak RSS;
incremental  after a full build, one entry's headline is edited: which documents
             are read again (expected: the one page showing the entry), and a
             no-change rebuild (expected: none);
parallel     ``-j 1`` vs ``-j 2`` on a bigger project: the speed-up of each side,
             and the ``-j 1`` peak RSS;
load         ``python -m sphinxext_casestudies validate FILE`` vs plain
             ``yaml.safe_load`` of the same 5000-entry file (reST and MyST data),
             whole processes.

The story-pages benchmark lives in ``pages.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml
from report import Report, compare, fmt_s, fmt_x, ratio, row, shown_docs
from runner import (
    SYNTAX_NAMES,
    SYNTAXES,
    Config,
    Proc,
    Series,
    alternate,
    fresh_build,
    generate_projects,
    log,
    project_dir,
    reread,
    run_generate,
    run_process,
    scratch,
    sphinx_build,
)

SAFE_LOAD = "import sys, yaml; yaml.safe_load(open(sys.argv[1], encoding='utf-8'))"
C_SAFE_LOAD = (
    "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"
)


def _pair(series: dict[str, Series], syntax: str, suffix: str = "") -> tuple[Series, Series]:
    ours, theirs = SYNTAXES[syntax]
    return series[ours + suffix], series[theirs + suffix]


# -- full build -------------------------------------------------------------------


def bench_full(config: Config, report: Report) -> None:
    for entries, pages in config.full_sizes:
        root = generate_projects(project_dir(config, entries, pages), entries, pages, config.seed)
        log(f"[full] N={entries} P={pages}, {config.repeats} repeat(s)")
        variants = {side: (lambda s=side, r=root: fresh_build(r / s)) for side in config.sides()}
        series = alternate(variants, config.repeats)
        size = f"N={entries}, P={pages}"
        for syntax in config.syntaxes:
            pair = _pair(series, syntax)
            name = SYNTAX_NAMES[syntax]
            report.rows += [
                compare("full-cpu", f"{name}: full build, CPU ({size})", pair, "cpus"),
                compare("full-wall", f"{name}: full build, wall ({size})", pair, "walls"),
                compare("full-rss", f"{name}: full build, peak RSS ({size})", pair, "rss_mb"),
            ]
        report.add_failures("full", series)
        report.raw[f"full {size}"] = {label: asdict(s) for label, s in series.items()}


# -- incremental ------------------------------------------------------------------


@dataclass
class Rebuilds:
    """One side's incremental run: documents read after the edit and after no change.

    ``None`` means not measured, because a build before failed (see ``failure``).
    """

    edit: list[str] | None = None
    noop: list[str] | None = None
    failure: str | None = None


def bench_incremental(config: Config, report: Report) -> None:
    n, p = config.entries, config.pages
    root = generate_projects(project_dir(config, n, p, "incr"), n, p, config.seed)
    index = n // 2
    log(f"[incremental] N={n} P={p}, editing the headline of entry {index}")
    with scratch("incr") as out:
        runs = {
            side: Rebuilds(failure=sphinx_build(root / side, out / side).failure())
            for side in config.sides()
        }
        expected = [run_generate(str(root), "--edit-headline", str(index))]
        for side, run in runs.items():
            if run.failure is None:
                _rebuild(run, root / side, out / side)
            log(f"  {side}: edit re-read {run.edit}, no-op re-read {run.noop}")
    report.raw["incremental"] = {
        "edited_entry": index,
        "expected": expected,
        **{side: asdict(run) for side, run in runs.items()},
    }
    report.problems += [f"incremental / {s}: {r.failure}" for s, r in runs.items() if r.failure]
    for syntax in config.syntaxes:
        ours, theirs = (runs[side] for side in SYNTAXES[syntax])
        name, size = SYNTAX_NAMES[syntax], f"N={n}, P={p}"
        report.rows += [
            row("edit", f"{name}: one-entry edit, documents re-read ({size})",
                shown_docs(ours.edit), shown_docs(theirs.edit),
                passed=None if ours.edit is None else ours.edit == expected),
            row("noop", f"{name}: no-change rebuild, documents re-read ({size})",
                shown_docs(ours.noop), shown_docs(theirs.noop),
                passed=None if ours.noop is None else ours.noop == []),
        ]


def _rebuild(run: Rebuilds, src: Path, out: Path) -> None:
    """Rebuild twice in place (after the edit, then unchanged), noting what was read."""
    for step in ("edit", "noop"):
        proc = sphinx_build(src, out, quiet=False)
        run.failure = proc.failure()
        if run.failure is not None:
            return
        setattr(run, step, reread(proc))


# -- parallel ---------------------------------------------------------------------


def _speedup(serial: Series, parallel: Series) -> tuple[float, str]:
    """Median wall of ``-j 1`` over that of ``-j 2``, and how to show it."""
    one, two = serial.median("walls"), parallel.median("walls")
    value = ratio(one, two)
    return value, f"{fmt_x(value)} ({fmt_s(one)} / {fmt_s(two)})" if value == value else "n/a"


def _spread(serial: Series, parallel: Series) -> str:
    """How far runs scatter: a speed-up read off two medians hides it."""
    if not (serial.ok and parallel.ok):
        return "n/a"
    return " / ".join(f"{min(s.walls):.1f}-{max(s.walls):.1f} s" for s in (serial, parallel))


def bench_parallel(config: Config, report: Report) -> None:
    entries, pages = config.parallel_entries, config.parallel_pages
    root = generate_projects(project_dir(config, entries, pages), entries, pages, config.seed)
    log(f"[parallel] N={entries} P={pages}, -j 1 vs -j 2, {config.repeats} repeat(s)")
    variants = {
        f"{side} -j{jobs}": (lambda s=side, j=jobs: fresh_build(root / s, jobs=j))
        for side in config.sides()
        for jobs in (1, 2)
    }
    series = alternate(variants, config.repeats)
    size = f"N={entries}, P={pages}"
    for syntax in config.syntaxes:
        ours, theirs = SYNTAXES[syntax]
        name = SYNTAX_NAMES[syntax]
        gain = {side: _speedup(series[f"{side} -j1"], series[f"{side} -j2"])
                for side in (ours, theirs)}
        report.rows += [
            row("jobs-speedup", f"{name}: `-j 2` speed-up over `-j 1`, wall ({size})",
                gain[ours][1], gain[theirs][1], ratio(gain[ours][0], gain[theirs][0])),
            compare("jobs-wall", f"{name}: `-j 2` build, wall ({size})",
                    _pair(series, syntax, " -j2"), "walls"),
            row("jobs-spread", f"{name}: `-j 1` / `-j 2` walls, min-max of {config.repeats} "
                f"({size})", _spread(series[f"{ours} -j1"], series[f"{ours} -j2"]),
                _spread(series[f"{theirs} -j1"], series[f"{theirs} -j2"])),
            compare("jobs-rss", f"{name}: `-j 1` build, peak RSS ({size})",
                    _pair(series, syntax, " -j1"), "rss_mb"),
        ]
    report.add_failures("parallel", series)
    report.raw["parallel"] = {label: asdict(s) for label, s in series.items()}


# -- load + validate --------------------------------------------------------------


def bench_load(config: Config, report: Report) -> None:
    folder = config.out / f"load{config.load_entries}-s{config.seed}"
    sizes = ("--entries", str(config.load_entries), "--seed", str(config.seed))
    markups = {"rst": "rst", "md": "myst"}
    files = {
        syntax: Path(run_generate(str(folder), "--single-file", "--markup", markups[syntax],
                                  *sizes))
        for syntax in config.syntaxes
    }
    for syntax, data in files.items():
        log(f"[load] {config.load_entries} entries of {markups[syntax]} data, "
            f"{data.stat().st_size / 1e6:.1f} MB")
    validate = [sys.executable, "-m", "sphinxext_casestudies", "validate", "--srcdir",
                str(folder)]
    variants: dict[str, Callable[[], Proc]] = {}
    for syntax, data in files.items():
        variants[f"validate {syntax}"] = lambda d=data: run_process([*validate, str(d)])
        variants[f"yaml.safe_load {syntax}"] = lambda d=data: run_process(
            [sys.executable, "-c", SAFE_LOAD, str(d)])
    first = next(iter(files.values()))
    if getattr(yaml, "__with_libyaml__", False):
        variants["CSafeLoader"] = lambda: run_process(
            [sys.executable, "-c", C_SAFE_LOAD, str(first)])
    series = alternate(variants, config.repeats)
    for syntax in files:
        pair = (series[f"validate {syntax}"], series[f"yaml.safe_load {syntax}"])
        ours, plain = (one.median("walls") for one in pair)
        name = SYNTAX_NAMES[syntax]
        report.rows += [
            row("load-wall", f"{name} data: load + validate, whole process, wall "
                f"({config.load_entries} entries)", fmt_s(ours),
                fmt_s(plain) + " (`yaml.safe_load`)", ratio(ours, plain)),
            compare("load-cpu", f"{name} data: load + validate, whole process, CPU",
                    pair, "cpus"),
        ]
    if "CSafeLoader" in series:
        plain = series[f"yaml.safe_load {next(iter(files))}"].median("walls")
        c_load = series["CSafeLoader"].median("walls")
        report.rows.append(row(
            "load-reference", "(reference) `yaml.load(..., CSafeLoader)`, whole process", "",
            fmt_s(c_load), ratio(c_load, plain)))
    report.add_failures("load", series)
    report.raw["load"] = {label: asdict(s) for label, s in series.items()}
