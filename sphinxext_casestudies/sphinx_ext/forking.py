"""Forked ``-j N`` workers leave the inherited heap out of their garbage collection.

Sphinx forks a fresh worker for every chunk of pages it reads or writes in
parallel.  Each worker inherits the main process's whole heap: the
environment, and our loaded catalog (tens of thousands of objects for a few
thousand entries).  Each full collection in a worker walks all of it, and
writing to every object's GC header copies each touched page
(copy-on-write).  So the worker calls :func:`gc.freeze` first thing after
``fork()``, as the Python documentation advises for fork without exec: its
collector then only walks what the worker itself creates.  What it inherited
stays alive until the worker exits, as it would anyway.  The freeze happens
in the child only, so the main process collects exactly as before, and a
freeze someone else made in it is left alone.

Active only from reading until ``build-finished`` of one of our builds;
other forks in the same process are left alone.
"""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

_hooks_registered = False
_building: set[int] = set()  # id() of each app between reading and build-finished


def _freeze_in_child() -> None:
    """Runs in the forked child only: the parent's own collector never sees a change."""
    if _building:
        gc.freeze()
        _building.clear()  # a worker forks no workers of its own


def _reading_starts(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _building.add(id(app))


def _build_finished(app: Sphinx, exception: BaseException | None) -> None:
    _building.discard(id(app))


def setup_forking(app: Sphinx) -> None:
    """Register the fork hooks once per process; this app's build is active from reading on."""
    global _hooks_registered
    if not hasattr(os, "register_at_fork"):
        return  # no fork() on this platform, so no forked workers either
    if not _hooks_registered:
        os.register_at_fork(after_in_child=_freeze_in_child)
        _hooks_registered = True
    app.connect("env-before-read-docs", _reading_starts)
    app.connect("build-finished", _build_finished)
