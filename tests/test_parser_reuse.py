"""Parsers reused across fields must follow each build's own settings.

Rich-text fields are parsed with pooled reST state machines and inliners and
pooled MyST parsers (building them costs more than parsing a field).  These
builds run one after another in one process, so a pooled parser built for the
previous build's settings would show here.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("myst_parser")

from util import ROOTS, body, warnings


def _definition_lists(app) -> int:
    return len(body(app, "index.html").select("#md-co .cs-summary dl"))


def test_myst_parsers_follow_each_builds_extensions(build_root):
    plain = build_root("parser-reuse")
    deflist = build_root("parser-reuse", confoverrides={"myst_enable_extensions": ["deflist"]})
    plain_again = build_root("parser-reuse")
    assert [warnings(app) for app in (plain, deflist, plain_again)] == [[], [], []]
    assert [_definition_lists(app) for app in (plain, deflist, plain_again)] == [0, 1, 0]


def _emphasis(app) -> list[str]:
    return [em.text for em in body(app, "index.html").select("#rst-co .cs-headline em")]


def test_rst_inliners_follow_each_builds_docutils_settings(build_root, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    character_level = tmp_path / "character-level"
    shutil.copytree(ROOTS / "test-parser-reuse", character_level)
    conf = character_level / "docutils.conf"
    conf.write_text("[restructuredtext parser]\ncharacter_level_inline_markup: true\n")
    before = build_root("parser-reuse")
    # sphinx-build points docutils at the project's docutils.conf; the test app does not
    with monkeypatch.context() as patch:
        patch.setenv("DOCUTILSCONFIG", str(conf))
        inside_words = build_root("parser-reuse", src=character_level)
    after = build_root("parser-reuse")
    assert [_emphasis(app) for app in (before, inside_words, after)] == [[], ["frigging"], []]
    # the standalone URI is linked once in every build, never twice
    for app in (before, inside_words, after):
        assert warnings(app) == []
        links = body(app, "index.html").select(
            '#rst-co .cs-headline a[href="https://example.com/style"]')
        assert len(links) == 1


def test_myst_fields_reuse_one_parser_and_build_no_settings_per_field():
    """Per field MyST would build a markdown-it parser and (through ``setup_render``'s
    eager ``make_document()`` default) a docutils option parser; both cost more than the
    parse itself.  Many fields in one page: one parser, no default settings."""
    from unittest.mock import patch

    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document
    from myst_parser.mdit_to_docutils import base as myst_base
    from myst_parser.parsers import mdit

    from sphinxext_casestudies.data.model import Text
    from sphinxext_casestudies.markup.parser import MarkupParser
    from sphinxext_casestudies.markup.pools import MYST_POOL

    page = new_document("/src/index.md", get_default_settings(Parser))
    parser = MarkupParser(document=page, srcdir="/src", docdir="/src", allow_raw=False)
    MYST_POOL.config, MYST_POOL.idle = None, []  # start from an empty pool
    created = []
    real_create = mdit.create_md_parser

    def counting_create(*args, **kwargs):
        created.append(args)
        return real_create(*args, **kwargs)

    with patch.object(mdit, "create_md_parser", counting_create), \
            patch.object(myst_base, "get_default_settings",
                         side_effect=AssertionError("default settings built")):
        # (a link: simple spans alone would take the fast path and no parser at all)
        parsed = [parser.blocks(Text(f"Field *{n}* with [a link](https://x.org/{n}).", n + 1),
                                "/d.yaml", "myst") for n in range(5)]
    assert len(created) == 1
    assert [p[0].astext() for p in parsed] == [f"Field {n} with a link." for n in range(5)]
