"""Test probe: reports, in each page, whether a forked worker read and wrote it
and whether that worker saw the inherited heap frozen."""

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


def setup(app):
    global MAIN_PID, MAIN_FREEZE_COUNT
    MAIN_PID, MAIN_FREEZE_COUNT = os.getpid(), gc.get_freeze_count()
    app.add_directive("fork-probe", ReadProbe)
    app.connect("html-page-context", _write_probe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
