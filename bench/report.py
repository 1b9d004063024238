"""The results table: its rows, the targets that judge them, and the Markdown it prints.

:data:`TARGETS` is the one place a target is written down.  Each row names
its kind; the kind's target gives the text in the "target" column and the
test of the measured value, so no benchmark carries a limit of its own.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml
from runner import REPO_DIR, Series


@dataclass(frozen=True)
class Target:
    """What a kind of row must show: the text in the table and the test of the value."""

    text: str
    passes: Callable[[float], bool] | None = None
    """Judges a ratio; ``None`` for information rows and rows judged by what they list."""


def _at_most(limit: float) -> Callable[[float], bool]:
    return lambda value: value <= limit


def _at_least(limit: float) -> Callable[[float], bool]:
    return lambda value: value >= limit


TARGETS: dict[str, Target] = {
    "full-cpu": Target("<= 1.00x (aim 0.85x)", _at_most(1.00)),
    "full-wall": Target("(info)"),
    "full-rss": Target("<= 1.10x", _at_most(1.10)),
    "edit": Target("exactly the page showing the entry"),
    "noop": Target("none"),
    "jobs-speedup": Target(">= hand-written", _at_least(1.00)),
    "jobs-wall": Target("(info)"),
    "jobs-spread": Target("(info)"),
    "jobs-rss": Target("<= 1.05x", _at_most(1.05)),
    "load-wall": Target("<= 0.15x", _at_most(0.15)),
    "load-cpu": Target("(info)"),
    "load-reference": Target("(info)"),
    "pages-cpu": Target("<= 1.00x (aim 0.85x)", _at_most(1.00)),
    "pages-wall": Target("(info)"),
    "pages-edit": Target("same documents re-read"),
}
"""Every kind of row and its target; ratios are ours over the hand-written side's."""


@dataclass
class Row:
    """One line of the results table."""

    benchmark: str
    ext: str
    reference: str
    ratio: str
    target: str
    verdict: str


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    raw: dict[str, object] = field(default_factory=dict)

    def add_failures(self, name: str, series: dict[str, Series]) -> None:
        for label, one in series.items():
            if one.failure is not None:
                self.problems.append(f"{name} / {label}: {one.failure}")

    @property
    def missed(self) -> bool:
        return any(row.verdict == verdict(False) for row in self.rows)


def row(kind: str, title: str, ours: str, reference: str, value: float | None = None,
        passed: bool | None = None) -> Row:
    """A row of ``kind``: ``value`` is its ratio, judged by the kind's target unless
    ``passed`` says how it went (rows judged by what they list)."""
    target = TARGETS[kind]
    shown_ratio = "" if value is None else fmt_x(value)
    if target.passes is not None and value is not None:
        passed = None if value != value else target.passes(value)
    judged = target.passes is not None or passed is not None
    return Row(title, ours, reference, shown_ratio, target.text,
               verdict(passed) if judged else "")


def compare(kind: str, title: str, pair: tuple[Series, Series], metric: str) -> Row:
    """A row comparing the medians of ``metric`` of (ours, hand-written)."""
    ours, theirs = (one.median(metric) for one in pair)
    shown = fmt_mb if metric == "rss_mb" else fmt_s
    return row(kind, title, shown(ours), shown(theirs), ratio(ours, theirs))


def ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def fmt_x(value: float) -> str:
    return "n/a" if value != value else f"{value:.2f}x"


def fmt_s(value: float) -> str:
    return "n/a" if value != value else f"{value:.2f} s"


def fmt_mb(value: float) -> str:
    return "n/a" if value != value else f"{value:.0f} MiB"


def verdict(passed: bool | None) -> str:
    return "n/a" if passed is None else ("pass" if passed else "**FAIL**")


def shown_docs(docs: list[str] | None) -> str:
    """Documents re-read, as a cell: how many, and the first few."""
    if docs is None:
        return "n/a"
    if not docs:
        return "0"
    return f"{len(docs)}: " + ", ".join(docs[:4]) + (" ..." if len(docs) > 4 else "")


# -- machine and output ---------------------------------------------------------------


def cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or "unknown"
    match = re.search(r"^model name\s*:\s*(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else platform.processor() or "unknown"


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_revision() -> str:
    try:
        rev = subprocess.run(
            ["git", "-C", str(REPO_DIR), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return rev.stdout.strip()


def machine() -> dict[str, str]:
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return {
        "Date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "Platform": platform.platform(),
        "CPU": f"{cpu_model()}, nproc {len(os.sched_getaffinity(0))}",
        "Load average at the start (1, 5, 15 min)": load,
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Sphinx": version("sphinx"),
        "docutils": version("docutils"),
        "PyYAML": f"{version('pyyaml')} (libyaml {'on' if yaml.__with_libyaml__ else 'off'})",
        "myst-parser": f"{version('myst-parser')} (markdown-it-py {version('markdown-it-py')})",
        "sphinxext-casestudies": f"{version('sphinxext-casestudies')} (git {git_revision()})",
    }


def markdown(repeats: int, report: Report, info: dict[str, str]) -> str:
    lines = [
        "| benchmark | our directives | hand-written / reference | ratio | target | result |",
        "|---|---|---|---|---|---|",
        *(
            f"| {r.benchmark} | {r.ext} | {r.reference} | {r.ratio} | {r.target} | {r.verdict} |"
            for r in report.rows
        ),
        "",
        f"Medians of {repeats} run(s) per variant, variants alternating; "
        "each build a fresh `python -m sphinx -b html` process with empty output and "
        "doctree folders. CPU is user + system time of the process and the workers it waited "
        "for; peak RSS is the largest resident set among them.",
        "",
        *(f"- {key}: {value}" for key, value in info.items()),
    ]
    if report.problems:
        lines += ["", "Problems:", ""]
        lines += [f"- {problem.splitlines()[0]}" for problem in report.problems]
    return "\n".join(lines) + "\n"
