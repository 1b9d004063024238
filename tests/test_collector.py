"""The collector around our builds (``sphinxext_casestudies.sphinx_ext.collector``).

A serial build that read pages runs one full collection as writing starts; forked
``-j 2`` workers see the inherited heap frozen; the main process never does.
The ``test-forking`` root's probe writes, into every page, whether a forked
worker read it (and wrote it) and whether that worker's garbage collector
saw the inherited heap frozen, and counts full collections around our
``write-started`` hook.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys

import pytest
import util
from util import body, warnings

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no fork() on Windows")

PAGES = ["index.html"] + [f"page{i}.html" for i in range(1, 9)]


def _probes(app, page: str) -> tuple[str, str]:
    soup = body(app, page)
    read, write = soup.select_one("p.read-probe"), soup.select_one("p.write-probe")
    assert read is not None and write is not None, page
    return read.get_text(), write.get_text()


def _freeze_count_in_forked_child() -> int:
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=lambda: send.send(gc.get_freeze_count()))
    child.start()
    count = receive.recv()
    child.join()
    return int(count)


def test_writing_starts_with_one_full_collection_after_reading(build_root):
    app = build_root("forking")
    before, after = app.full_collections_at_write_start
    assert after == before + 1


def test_parallel_reading_leaves_no_doctrees_to_collect_at_write_start(build_root):
    app = build_root("forking", parallel=2)
    before, after = app.full_collections_at_write_start
    assert after == before


def test_a_build_that_reads_nothing_collects_nothing_at_write_start(build_root):
    first = build_root("forking")
    again = util.build(first.srcdir)  # nothing changed: no page is read again
    assert "0 added, 0 changed, 0 removed" in again.status.getvalue()
    # Sphinx 8.0 writes nothing then, so writing never starts and the probe records nothing.
    counts = getattr(again, "full_collections_at_write_start", None)
    assert counts is None or counts[1] == counts[0]


def test_parallel_workers_leave_the_inherited_heap_frozen(build_root):
    app = build_root("forking", parallel=2)
    assert warnings(app) == []
    probes = {page: _probes(app, page) for page in PAGES}
    read = [r for r, _ in probes.values()]
    write = [w for _, w in probes.values()]
    # Sphinx reads every page in a forked worker (more than 5 pages to read) ...
    assert read == ["read: worker=yes frozen=yes"] * len(PAGES)
    # ... and writes all but the first page in one (the first warms caches in main).
    assert "write: worker=yes frozen=yes" in write
    assert "write: worker=yes frozen=no" not in write
    assert all(w.endswith("frozen=no") for w in write if "worker=no" in w)


def test_main_process_collects_as_before(build_root):
    before = gc.get_freeze_count()  # not always 0: Python 3.12.1 starts with 375
    build_root("forking", parallel=2)
    assert gc.get_freeze_count() == before
    # Outside a build, a fork leaves everything to the child's collector.
    assert _freeze_count_in_forked_child() == before


def test_serial_build_freezes_nothing(build_root):
    app = build_root("forking")
    for page in PAGES:
        assert _probes(app, page) == ("read: worker=no frozen=no", "write: worker=no frozen=no")


def test_a_freeze_made_by_someone_else_is_kept(build_root):
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        assert before > 0
        app = build_root("forking", parallel=2)
        assert warnings(app) == []
        assert gc.get_freeze_count() > 0  # objects may die, but we unfroze none
    finally:
        gc.unfreeze()
