"""The benchmark's four projects show the same text, so the two sides of each ratio cannot drift.

``bench/generate.py`` writes the same entries four times: as data rendered by
our directives and hand-written, in reST (``ext``, ``rst``) and in MyST
(``ext-md``, ``md``).  The bench's ratios mean something only while a reader
sees the same thing on both sides, so this builds a tiny size of each with
the text builder and compares every page.  Seed 33 gives an article, a video
and a case study among three entries, so per-kind link texts, outside links
and the link left out on its own page all occur.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from util import build, warnings

GENERATE = Path(__file__).parent.parent / "bench" / "generate.py"


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench-parity")
    subprocess.run([sys.executable, str(GENERATE), str(out), "--entries", "3", "--pages", "2",
                    "--seed", "33"], check=True, capture_output=True)
    return out


def _texts(src: Path) -> dict[str, str]:
    """Every page of a text build of ``src``, by path, after checking it built cleanly."""
    app = build(src, "text")
    assert warnings(app) == []
    out = Path(app.outdir)
    return {str(path.relative_to(out)): path.read_text(encoding="utf-8")
            for path in sorted(out.rglob("*.txt"))}


@pytest.fixture(scope="module")
def rst_text(projects: Path) -> dict[str, str]:
    return _texts(projects / "rst")


def test_the_generated_pages_show_entries(rst_text: dict[str, str]) -> None:
    assert sorted(rst_text) == ["index.txt", "pages/page-001.txt", "pages/page-002.txt"]
    pages = rst_text["pages/page-001.txt"] + rst_text["pages/page-002.txt"]
    for shown in ("Read the article", "Watch the video", "-- ", "[image: ", '"'):
        assert shown in pages


def test_data_in_rest_shows_what_hand_written_rest_shows(projects: Path,
                                                          rst_text: dict[str, str]) -> None:
    assert _texts(projects / "ext") == rst_text


@pytest.mark.parametrize("side", ["md", "ext-md"])
def test_the_myst_sides_show_what_hand_written_rest_shows(projects: Path, side: str,
                                                          rst_text: dict[str, str]) -> None:
    pytest.importorskip("myst_parser")
    assert _texts(projects / side) == rst_text
