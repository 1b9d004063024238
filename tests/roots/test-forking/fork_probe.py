"""Test probe: reports, in each page, whether a forked worker read and wrote it
and whether that worker saw the inherited heap frozen; and records the full
collections run before and after the extension's ``write-started`` hook."""

import gc
import os

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

# Set by setup(), in the main process, before any fork of that build.  A fresh
# interpreter may already have frozen objects of its own (Python 3.12.1 reports
# 375), so "frozen" means: more than the main process had when the build began.
MAIN_PID = os.getpid()
MAIN_FREEZE_COUNT = gc.get_freeze_count()


def _state() -> str:
    worker = "yes" if os.getpid() != MAIN_PID else "no"
    frozen = "yes" if gc.get_freeze_count() > MAIN_FREEZE_COUNT else "no"
    return f"worker={worker} frozen={frozen}"


class ReadProbe(SphinxDirective):
    def run(self):
        return [nodes.paragraph("", f"read: {_state()}", classes=["read-probe"])]


def _write_probe(app, pagename, templatename, context, doctree):
    if doctree is not None:
        context["body"] += f'<p class="write-probe">write: {_state()}</p>'


def _full_collections() -> int:
    return int(gc.get_stats()[2]["collections"])


def _before_ours(app, builder):
    app.full_collections_at_write_start = [_full_collections()]


def _after_ours(app, builder):
    app.full_collections_at_write_start.append(_full_collections())


def setup(app):
    global MAIN_PID, MAIN_FREEZE_COUNT
    MAIN_PID, MAIN_FREEZE_COUNT = os.getpid(), gc.get_freeze_count()
    app.add_directive("fork-probe", ReadProbe)
    app.connect("html-page-context", _write_probe)
    app.connect("write-started", _before_ours, priority=100)  # ours runs at 500
    app.connect("write-started", _after_ours, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
