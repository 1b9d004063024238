"""MyST stays optional: without myst-parser, MyST data markup is a clear, located warning."""

from __future__ import annotations

import importlib.util

import pytest
from util import body, matching

pytestmark = pytest.mark.skipif(importlib.util.find_spec("myst_parser") is not None,
                                reason="runs in the tox env without myst-parser (nomyst)")


def test_myst_markup_without_myst_parser_warns_and_shows_text(build_root, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinxext_casestudies"]\n'
                                 'casestudies_data = ["data.yaml"]\n', encoding="utf-8")
    (src / "data.yaml").write_text("markup: myst\ncase_studies:\n  - id: md\n    name: Md\n"
                                   "    headline: Some **bold** claim.\n", encoding="utf-8")
    (src / "index.rst").write_text("Page\n====\n\n.. case-study:: md\n", encoding="utf-8")
    app = build_root("nomyst", src=src)
    (warning,) = matching(app, "data")
    assert warning.startswith("data.yaml:5:")
    assert "myst-parser is not installed" in warning
    assert "Some **bold** claim." in body(app, "index.html").text
