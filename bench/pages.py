"""Story pages: N entries with generated pages vs the same pages hand-written.

Both sides share conf.py, the data file and index.rst.  ``gen`` sets
``casestudies_pages = "customers"``; ``hand`` has one file per story,
``customers/<id>.rst`` holding ``.. case-study:: <id>``, and a hand-written
``customers/index.rst`` with the same summaries and toctree the generated
index has.  Rows: full-build CPU ratio (target <= 1.00x, aim 0.85x), and the
documents one entry edit re-reads on each side (target: the same).

Run by ``run.py --only pages``; targets in ``report.TARGETS`` (``pages-*``).
"""

from __future__ import annotations

from pathlib import Path

from report import Report, compare, ratio, row, shown_docs
from runner import Config, alternate, fresh_build, log, reread, scratch, sphinx_build

CONF = '''extensions = ["sphinxext_casestudies"]
casestudies_data = ["data.yaml"]
project = "pages-bench"
'''
INDEX = "Bench\n=====\n\n.. toctree::\n\n   customers/index\n"


def entry(n: int) -> str:
    return f"""- id: c{n:05d}
  name: Customer {n}
  title: How customer {n} ships faster
  headline: Customer {n} deploys every day now.
  summary: |
    Customer {n} makes things. They ship a lot of them, every day.
  metrics:
    - value: "{n % 90 + 10}%"
      label: fewer incidents
  quotes:
    - text: It just works for customer {n}.
      author: A. Person
      role: CTO
  sections:
    - title: Before
      body: Releases of customer {n} took a week.
    - title: After
      body: Releases of customer {n} take an hour.
"""


def generate(root: Path, entries: int) -> None:
    """``root/gen`` and ``root/hand``, the same site two ways."""
    ids = [f"c{n:05d}" for n in range(entries)]
    data = "".join(entry(n) for n in range(entries))
    for side in ("gen", "hand"):
        src = root / side
        (src / "customers").mkdir(parents=True, exist_ok=True)
        (src / "data.yaml").write_text(data, encoding="utf-8")
        (src / "index.rst").write_text(INDEX, encoding="utf-8")
        conf = CONF + ('casestudies_pages = "customers"\n' if side == "gen" else "")
        (src / "conf.py").write_text(conf, encoding="utf-8")
    hand = root / "hand" / "customers"
    for entry_id in ids:
        (hand / f"{entry_id}.rst").write_text(f".. case-study:: {entry_id}\n", encoding="utf-8")
    toctree = "".join(f"   {entry_id}\n" for entry_id in ids)
    (hand / "index.rst").write_text(
        "Case studies\n============\n\n.. case-studies::\n   :layout: summary\n   :ids: "
        + " ".join(ids) + "\n\n.. toctree::\n   :hidden:\n\n" + toctree, encoding="utf-8")


def edit(root: Path, entries: int) -> str:
    """Edit one entry's headline on both sides; the entry id."""
    index = entries // 2
    for side in ("gen", "hand"):
        path = root / side / "data.yaml"
        text = path.read_text(encoding="utf-8")
        old = f"Customer {index} deploys every day now."
        path.write_text(text.replace(old, f"Customer {index} deploys every hour now."),
                        encoding="utf-8")
    return f"c{index:05d}"


def bench_pages(config: Config, report: Report) -> None:
    n = config.story_entries
    root = config.out / f"pages{n}"
    generate(root, n)
    log(f"[pages] N={n} story pages, generated vs hand-written, {config.repeats} repeat(s)")
    sides = {"gen": root / "gen", "hand": root / "hand"}
    series = alternate({s: (lambda p=p: fresh_build(p)) for s, p in sides.items()},
                       config.repeats)
    pair = (series["gen"], series["hand"])
    report.rows.append(compare("pages-cpu", f"story pages, full build CPU (N={n})", pair, "cpus"))
    report.rows.append(compare("pages-wall", f"story pages, full build wall (N={n})", pair,
                               "walls"))
    report.add_failures("pages", series)
    read_again: dict[str, list[str]] = {}
    cpu: dict[str, float] = {}
    with scratch("pages") as out:
        for side, src in sides.items():
            proc = sphinx_build(src, out / side)
            if proc.failure() is not None:
                report.problems.append(f"pages / {side}: {proc.failure()}")
                return
        edited = edit(root, n)
        for side, src in sides.items():
            proc = sphinx_build(src, out / side, quiet=False)
            read_again[side] = sorted(reread(proc))
            cpu[side] = proc.cpu
    log(f"  edit of {edited} re-read: {read_again}")
    same = read_again["gen"] == read_again["hand"]
    # the ratio shown is that of the two rebuilds' CPU (information)
    report.rows.append(row("pages-edit", f"story pages, one-entry edit (N={n})",
                           shown_docs(read_again["gen"]), shown_docs(read_again["hand"]),
                           ratio(cpu["gen"], cpu["hand"]), passed=same))
    report.raw["pages"] = {"full": {k: vars(v) for k, v in series.items()},
                           "edit_reread": read_again, "edit_cpu": cpu}
