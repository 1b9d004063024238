"""Resource bounds of loading hostile-sized data: time and peak memory, never in the tests.

Generates, in a temporary folder:

* ``big.yaml``: about 20 MB of data (entries with long summaries and quotes);
* ``many.yaml``: 100,000 small entries (a bad one every 1,000);
* ``bomb.yaml`` / ``bomb20.yaml``: billion-laughs alias bombs (10**10 and 10**20
  leaves if expanded), in a field and as merge keys;
* ``deep.yaml``: 1,000,000 flow openers (the nesting guard's worst case).

Each file is loaded in a fresh subprocess (``load_files``, the data layer a
build uses) and checked with the ``validate`` command (another subprocess);
peak memory is ``ru_maxrss`` of that process, shown next to the baseline of a
process that only imports the loader.  Prints a Markdown table.

    python bench/resources.py [--entries 100000] [--size-mb 20] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

LOAD = textwrap.dedent("""
    import json, resource, sys, time
    from sphinxext_casestudies.data.loader import load_files
    paths = sys.argv[1:]
    start, cpu = time.perf_counter(), time.process_time()
    catalog = load_files(paths, srcdir=".") if paths else None
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({
        "seconds": elapsed,
        "cpu": cpu,
        "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "entries": len(catalog.entries) if catalog else 0,
        "problems": len(catalog.problems) if catalog else 0,
    }))
""")

CLI = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    start = time.perf_counter()
    command = [sys.executable, "-m", "sphinxext_casestudies", "validate", *sys.argv[1:]]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "seconds": elapsed,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_kb": usage.ru_maxrss,
        "status": done.returncode,
        "lines": done.stdout.count(b"\\n"),
        "traceback": b"Traceback" in done.stderr,
    }))
""")


def write_big(path: Path, size_mb: float) -> None:
    """Entries of about 4 KB each (summary, sections, quotes) up to ``size_mb``."""
    paragraph = (
        "We moved every payment service to the new platform, and the *incident* "
        "count dropped while the **team** shipped twice as often. "
    ) * 8
    target = int(size_mb * 1024 * 1024)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        i = 0
        while written < target:
            chunk = (
                f"- id: big-{i}\n  name: Organisation {i}\n  industry: finance\n"
                f"  tags: [payments, platform, t{i % 50}]\n  date: 2021-0{1 + i % 9}-1{i % 10}\n"
                f"  headline: Entry {i} cut its incidents by {i % 90}%.\n"
                f"  link: https://example.org/stories/{i}\n"
                f"  summary: |\n    {paragraph}\n\n    {paragraph}\n"
                f"  sections:\n    - title: Before\n      body: |\n        {paragraph}\n"
                f"    - title: After\n      body: |\n        {paragraph}\n"
                f"  quotes:\n    - text: {paragraph.strip()}\n      author: Person {i}\n"
                f"      role: CTO\n"
                f"  metrics:\n    - {{value: {i % 100}%, label: fewer incidents}}\n"
            )
            out.write(chunk)
            written += len(chunk.encode("utf-8"))
            i += 1


def write_many(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            if i % 1000 == 999:
                out.write(f"- {{id: many-{i}, name: [not, text]}}\n")
            else:
                out.write(
                    f"- {{id: many-{i}, name: Entry {i}, tags: [t{i % 7}], "
                    f"order: {i}, link: 'https://example.org/{i}'}}\n"
                )


def write_bomb(path: Path, levels: int) -> None:
    """``levels`` anchors, each a list of 10 aliases of the previous one."""
    anchors = ["&l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    anchors += [f"&l{n} [" + ", ".join([f"*l{n - 1}"] * 10) + "]" for n in range(1, levels)]
    maps = ["&m0 {k: v}"] + [
        f"&m{n} {{<<: [" + ", ".join([f"*m{n - 1}"] * 10) + "]}" for n in range(1, levels)
    ]
    last = levels - 1
    path.write_text(
        "- id: bomb\n  name: Billion laughs\n"
        f"  tags: [{', '.join(anchors)}]\n"
        f"  headline: *l{last}\n"
        f"  sections: [*l{last}, *l{last}, *l{last}]\n"
        "- id: merge-bomb\n  name: Merge bomb\n"
        f"  quotes: [{', '.join(maps)}]\n"
        f"  <<: *m{last}\n"
        "- {id: fine, name: Fine}\n",
        encoding="utf-8",
    )


def write_deep(path: Path, depth: int) -> None:
    path.write_text(
        "- {id: fine, name: Fine}\n- id: deep\n  name: " + "[" * depth + "\n", encoding="utf-8"
    )


def run(code: str, *args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def human(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.1f} KB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="casestudies-resources-"))
    try:
        files = {
            f"~{args.size_mb:g} MB of entries": folder / "big.yaml",
            f"{args.entries:,} entries": folder / "many.yaml",
            "alias bomb, 10 levels (10^10 leaves)": folder / "bomb.yaml",
            "alias bomb, 20 levels (10^20 leaves)": folder / "bomb20.yaml",
            "1,000,000 flow openers": folder / "deep.yaml",
        }
        paths = list(files.values())
        write_big(paths[0], args.size_mb)
        write_many(paths[1], args.entries)
        write_bomb(paths[2], 10)
        write_bomb(paths[3], 20)
        write_deep(paths[4], 1_000_000)

        base = run(LOAD)
        rows = []
        for label, path in files.items():
            load = run(LOAD, str(path))
            cli = run(CLI, "--srcdir", str(folder), str(path))
            rows.append((label, human(path.stat().st_size), load, cli))

        load1 = os.getloadavg()[0]
        print(
            f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
            f"{load1:.1f}; baseline peak RSS of a process importing the loader: "
            f"{int(base['maxrss_kb']) / 1024:.0f} MB. Times are wall (CPU); "
            "the CLI's include starting Python and importing.\n"
        )
        print(
            "| input | file size | entries loaded | problems | load_files | "
            "peak RSS (load) | validate CLI | peak RSS (CLI) | CLI exit |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for label, size, load, cli in rows:
            assert not cli["traceback"], label
            print(
                f"| {label} | {size} | {load['entries']:,} | {load['problems']:,} | "
                f"{float(load['seconds']):.2f} s ({float(load['cpu']):.2f} s) | "
                f"{int(load['maxrss_kb']) / 1024:.0f} MB | "
                f"{float(cli['seconds']):.2f} s ({float(cli['cpu']):.2f} s) | "
                f"{int(cli['maxrss_kb']) / 1024:.0f} MB | "
                f"{cli['status']} ({cli['lines']} lines) |"
            )
    finally:
        if args.keep:
            print(f"\nfiles kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
