"""The trust boundary of data (issue 15): each finding of the security review, as a build.

1. files outside the source folder (``//`` paths, downloads, figures, MyST, ``eval-rst``);
2. ``javascript:`` and foreign links put into the site's navigation by a ``toctree``;
3. code run through other extensions (MyST substitutions, ``ifconfig``, ``automodule``);
4. inputs that aborted the build (``contents``, ``sectnum``, ``target-notes``, a refused
   image with a target, a NUL in a logo path, lists nested 100 deep);
5. amplification (aliases, merge keys, ``data-cs-tags``): see ``tests/unit/test_trust_bounds.py``;
6. SVG logos with script, ``\\href`` in math, entry ids that take over the theme's elements.

Each runs in reST and MyST where both apply, with the data file's own line in
every warning.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_util import (
    SECRET,
    badly_reported,
    build,
    files_containing,
    make_project,
    records,
    unsafe_output,
)
from util import body

MARKUPS = ["rst", pytest.param("myst", marks=pytest.mark.myst)]
PAGE = "Trust\n=====\n\n.. case-studies::\n   :layout: full\n"


def _myst_or_skip(markup: str) -> tuple[str, ...]:
    extensions: tuple[str, ...] = ("sphinxext_casestudies",)
    if markup == "myst":
        pytest.importorskip("myst_parser")
        extensions += ("myst_parser",)
    return extensions


def entries(markup: str, fields: dict[str, str]) -> str:
    """A data file with one entry per ``{id: summary}`` (the summary a block scalar)."""
    lines = [f"markup: {markup}", "case_studies:"]
    for entry_id, summary in fields.items():
        lines += [f"- id: {entry_id}", f"  name: {entry_id.title()}", "  summary: |"]
        lines += ["    " + line if line else "" for line in summary.splitlines()]
    lines += ["- id: still-fine", "  name: Still fine", "  summary: Fine *text*."]
    return "\n".join(lines) + "\n"


def line_of(data: str, needle: str) -> int:
    for number, line in enumerate(data.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def syntax(markup: str, name: str) -> str:
    """How a directive starts in ``markup`` (a needle to find its line)."""
    return f"{{{name}}}" if markup == "myst" else f".. {name}::"


def warned(app, data: str, needle: str, typ: str, words: str) -> bool:
    line = line_of(data, needle)
    return any(r.path == "data/x.yaml" and r.line == line and r.type == typ
               and words in r.message for r in records(app))


def setup_project(tmp: Path, markup: str, fields: dict[str, str], *, conf: str = "",
                  extensions: tuple[str, ...] = ()) -> tuple[Path, str]:
    exts = _myst_or_skip(markup) + extensions
    outside = tmp / "outside"
    data = entries(markup, {k: v.replace("{outside}", str(outside)) for k, v in fields.items()})
    src = make_project(tmp, {"x.yaml": data}, PAGE, extensions=exts, conf=conf)
    return src, data


def assert_clean_output(app) -> None:
    out = Path(app.outdir)
    assert files_containing(out, SECRET) == []
    assert unsafe_output(out) == []
    assert badly_reported(records(app)) == [], [str(r) for r in records(app)]
    assert body(app, "index.html").select_one("#still-fine em").get_text() == "text"


# -- 1. files outside the source folder ---------------------------------------------------

OUTSIDE = {
    "rst": {
        "dl": ":download:`env <//{outside}/secret.txt>`",
        "img": ".. image:: //{outside}/secret.svg",
        "fig": ".. figure:: //{outside}/secret.svg\n\n   Caption.",
        "inline": "Look: |pic|\n\n.. |pic| image:: //{outside}/secret.svg",
    },
    "myst": {
        "dl": "{download}`env <//{outside}/secret.txt>`",
        "img": "![i](//{outside}/secret.svg)",
        "fig": "```{figure} //{outside}/secret.svg\nCaption.\n```",
        "evalrst": "```{eval-rst}\n.. image:: //{outside}/secret.svg\n```",
    },
}


@pytest.mark.parametrize("markup", MARKUPS)
def test_double_slash_paths_publish_nothing(tmp_path, markup) -> None:
    src, data = setup_project(tmp_path, markup, OUTSIDE[markup])
    app = build(src)
    out = Path(app.outdir)
    assert files_containing(out, SECRET) == []
    assert not list(out.glob("_downloads/**/secret*")) and not list(out.glob("_images/secret*"))
    markup_role = "{download}" if markup == "myst" else ":download:"
    assert warned(app, data, markup_role, "casestudies.markup", "role 'download'")
    image = "![i]" if markup == "myst" else ".. image::"
    assert warned(app, data, image, "casestudies.image", "outside the source folder")
    figure = "{figure}" if markup == "myst" else ".. figure::"
    assert warned(app, data, figure, "casestudies.image", "outside the source folder")
    if markup == "myst":
        assert warned(app, data, "{eval-rst}", "casestudies.markup", "directive 'eval-rst'")
    assert_clean_output(app)


@pytest.mark.parametrize("markup", MARKUPS)
def test_trusted_data_still_cannot_reach_outside(tmp_path, markup) -> None:
    """``casestudies_allow_raw`` lifts the allow-list, not the path rule: the role runs,
    the sanitizer refuses its target (``reftarget``) as Sphinx would resolve it."""
    src, data = setup_project(tmp_path, markup, OUTSIDE[markup])
    app = build(src, casestudies_allow_raw=True)
    markup_role = "{download}" if markup == "myst" else ":download:"
    assert warned(app, data, markup_role, "casestudies.image",
                  "download '//" + str(tmp_path))
    assert files_containing(Path(app.outdir), SECRET) == []


# -- 2. toctrees ----------------------------------------------------------------------------

TOCTREE = {
    "rst": ".. toctree::\n\n   Click <javascript://%0aalert(1)>\n   Away <https://away.example/>",
    "myst": "```{toctree}\nClick <javascript://%0aalert(1)>\nAway <https://away.example/>\n```",
}


def _every_page(app) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in Path(app.outdir).rglob("*.html"))


@pytest.mark.parametrize("markup", MARKUPS)
def test_toctree_in_data_is_refused(tmp_path, markup) -> None:
    src, data = setup_project(tmp_path, markup, {"nav": TOCTREE[markup]})
    app = build(src)
    assert warned(app, data, syntax(markup, "toctree"), "casestudies.markup",
                  "directive 'toctree'")
    pages = _every_page(app)  # genindex and search pages too
    assert "javascript:" not in pages.lower()
    assert "away.example" not in pages
    assert_clean_output(app)


@pytest.mark.parametrize("markup", MARKUPS)
def test_trusted_toctree_keeps_only_safe_entries(tmp_path, markup) -> None:
    src, data = setup_project(tmp_path, markup, {"nav": TOCTREE[markup]})
    app = build(src, casestudies_allow_raw=True)
    assert warned(app, data, syntax(markup, "toctree"), "casestudies.url",
                  "toctree entry 'javascript:")
    assert "javascript:" not in _every_page(app).lower()
    assert "https://away.example/" in _every_page(app)  # trusted like a page


# -- 3. nothing from data runs ----------------------------------------------------------------

def _marker_code(marker: Path) -> str:
    return f"__import__('pathlib').Path({str(marker)!r}).touch() or True"


@pytest.mark.parametrize("markup", MARKUPS)
def test_ifconfig_and_automodule_do_not_run(tmp_path, markup) -> None:
    ran = tmp_path / "ifconfig-ran"
    imported = tmp_path / "module-imported"
    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / "evilmod.py").write_text(
        f"import pathlib\npathlib.Path({str(imported)!r}).touch()\n", encoding="utf-8")
    fields = {
        "rst": {"ifc": f".. ifconfig:: {_marker_code(ran)}\n\n   Shown.",
                "auto": ".. automodule:: evilmod\n   :members:",
                "test": ".. testcode::\n\n   print(1)",
                "dot": ".. graphviz:: ../outside/secret.dot"},
        "myst": {"ifc": f"```{{ifconfig}} {_marker_code(ran)}\nShown.\n```",
                 "auto": "```{automodule} evilmod\n:members:\n```",
                 "test": "```{testcode}\nprint(1)\n```",
                 "dot": "```{graphviz} ../outside/secret.dot\n```"},
    }[markup]
    conf = f"import sys\nsys.path.insert(0, {str(tmp_path / 'mods')!r})\n"
    src, data = setup_project(tmp_path, markup, fields, conf=conf, extensions=(
        "sphinx.ext.ifconfig", "sphinx.ext.autodoc", "sphinx.ext.doctest",
        "sphinx.ext.graphviz"))
    app = build(src)
    assert not ran.exists()
    assert not imported.exists()
    for name in ("ifconfig", "automodule", "testcode", "graphviz"):
        assert warned(app, data, syntax(markup, name), "casestudies.markup",
                      f"directive {name!r}"), name
    assert_clean_output(app)


@pytest.mark.myst
def test_myst_substitutions_do_not_run(tmp_path) -> None:
    ran = tmp_path / "jinja-ran"
    payload = ("{{ cycler.__init__.__globals__.os.popen('touch " + str(ran) + "').read() }}")
    conf = "myst_enable_extensions = ['substitution']\nmyst_substitutions = {'who': 'us'}\n"
    src, data = setup_project(tmp_path, "myst", {"jinja": f"Hi {payload}\n\nAnd {{{{ who }}}}."},
                              conf=conf)
    app = build(src)
    assert not ran.exists()
    assert warned(app, data, "cycler", "casestudies.markup", "MyST substitution")
    assert warned(app, data, "who }}", "casestudies.markup", "MyST substitution")
    assert_clean_output(app)


@pytest.mark.myst
def test_myst_front_matter_does_not_reach_the_page(tmp_path) -> None:
    src, data = setup_project(tmp_path, "myst", {"front": "---\norphan: true\n---\nText."})
    app = build(src)
    assert warned(app, data, "---", "casestudies.markup", "front matter")
    assert "orphan" not in app.env.metadata["index"]


# -- 4. no input aborts the build -------------------------------------------------------------

ABORTS = {
    "rst": {
        "contents": ".. contents::\n\nText.",
        "sectnum": ".. sectnum::\n\nText.",
        "notes": "A `link <https://example.org/>`_.\n\n.. target-notes::",
        "target": ".. image:: //{outside}/secret.svg\n   :target: https://example.org/",
        "deep": "\n".join("  " * i + "- level\n" for i in range(100)),
    },
    "myst": {
        "contents": "```{contents}\n```\n\nText.",
        "sectnum": "```{sectnum}\n```\n\nText.",
        "notes": "A [link](https://example.org/).\n\n```{target-notes}\n```",
        "target": "[![i](//{outside}/secret.svg)](https://example.org/)\n\n"
                  "```{image} //{outside}/secret.svg\n:target: https://example.org/\n```",
        "deep": "\n".join("> " * i + "level" for i in range(1, 60)),
    },
}


@pytest.mark.parametrize("allow_raw", [False, True])
@pytest.mark.parametrize("markup", MARKUPS)
def test_no_input_aborts_the_build(tmp_path, markup, allow_raw) -> None:
    src, data = setup_project(tmp_path, markup, ABORTS[markup])
    app = build(src, casestudies_allow_raw=allow_raw)  # raised before
    if not allow_raw:
        for name in ("contents", "sectnum", "target-notes"):
            assert warned(app, data, syntax(markup, name), "casestudies.markup",
                          f"directive {name!r}"), name
    assert warned(app, data, "secret.svg", "casestudies.image", "outside the source folder")
    if markup == "rst":
        assert warned(app, data, "summary: |", "casestudies.limit", "nested deeper") or any(
            r.type == "casestudies.limit" for r in records(app))
    assert files_containing(Path(app.outdir), SECRET) == []
    assert badly_reported(records(app)) == [], [str(r) for r in records(app)]


def test_deep_list_is_a_limit_warning_at_the_field(tmp_path) -> None:
    deep = "\n".join("  " * i + "- level\n" for i in range(100))
    src, data = setup_project(tmp_path, "rst", {"deep": deep})
    app = build(src)
    limit = [r for r in records(app) if r.type == "casestudies.limit"]
    assert [(r.path, r.line) for r in limit] == [("data/x.yaml", line_of(data, "- level"))]
    assert body(app, "index.html").select_one("#deep") is not None  # the entry stays


def test_nul_in_logo_path_is_an_image_warning(tmp_path) -> None:
    data = ('- id: nul\n  name: Nul\n  logo: "../logos/ok\\0.svg"\n'
            '- id: fine\n  name: Fine\n  logo: ../logos/ok.svg\n')
    src = make_project(tmp_path, {"x.yaml": data}, PAGE)
    app = build(src)
    recs = [(r.path, r.line, r.type) for r in records(app)]
    assert recs == [("data/x.yaml", 3, "casestudies.image")]
    page = body(app, "index.html")
    assert page.select_one("#nul img") is None and page.select_one("#fine img") is not None


def test_nul_in_logo_path_in_validate(tmp_path, capsys) -> None:
    from sphinxext_casestudies.cli.main import main

    (tmp_path / "ok.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    path = tmp_path / "x.yaml"
    path.write_text('- id: nul\n  name: Nul\n  logo: "ok\\0.svg"\n', encoding="utf-8")
    assert main(["validate", "--srcdir", str(tmp_path), str(path)]) == 1
    out = capsys.readouterr().out
    assert "internal error" not in out
    assert out.startswith(f"{path}:3: logo.src: logo path 'ok\\x00.svg' holds a NUL")
    assert out.rstrip().endswith("[image]")


# -- 6. SVG logos, math, ids ------------------------------------------------------------------

SVGS = {
    "script": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "onload": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "jslink": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
               '<a xlink:href="javascript:alert(1)"><rect width="4" height="4"/></a></svg>'),
    "external": '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.example/a.png"/></svg>',
}


def test_active_svg_logos_are_refused(tmp_path) -> None:
    data = "".join(f"- id: {name}\n  name: {name}\n  logo: ../logos/{name}.svg\n"
                   for name in SVGS)
    data += "- id: plain\n  name: Plain\n  logo: ../logos/ok.svg\n"
    src = make_project(tmp_path, {"x.yaml": data}, PAGE)
    for name, svg in SVGS.items():
        (src / "logos" / f"{name}.svg").write_text(svg, encoding="utf-8")
    app = build(src)
    recs = sorted((r.line, r.type) for r in records(app))
    assert recs == [(3 * n + 3, "casestudies.image") for n in range(len(SVGS))]
    images = sorted(p.name for p in Path(app.outdir, "_images").iterdir())
    assert images == ["ok.svg"]
    page = body(app, "index.html")
    assert page.select_one("#plain img") is not None and page.select_one("#script img") is None


@pytest.mark.parametrize("markup", MARKUPS)
def test_active_svg_in_markup_image_is_refused(tmp_path, markup) -> None:
    image = {"rst": ".. image:: /logos/evil.svg", "myst": "![evil](/logos/evil.svg)"}[markup]
    src, data = setup_project(tmp_path, markup, {"svg": image})
    (src / "logos" / "evil.svg").write_text(SVGS["onload"], encoding="utf-8")
    app = build(src)
    assert warned(app, data, "evil.svg", "casestudies.image", "event handler")
    assert not Path(app.outdir, "_images", "evil.svg").exists()


@pytest.mark.parametrize("markup", MARKUPS)
def test_href_in_math_is_refused(tmp_path, markup) -> None:
    math = {"rst": r"See :math:`\href{javascript:alert(1)}{x}` here.",
            "myst": r"See {math}`\href{javascript:alert(1)}{x}` here."}[markup]
    src, data = setup_project(tmp_path, markup, {"math": math})
    app = build(src)
    assert warned(app, data, "See", "casestudies.markup", r"TeX command \href")
    assert "javascript" not in str(body(app, "index.html").select_one("#math .math") or "")
    assert body(app, "index.html").select("#math span.math") == []


def test_entry_id_cannot_take_over_the_search_box(tmp_path) -> None:
    data = "- id: searchbox\n  name: Hijack\n- id: fine\n  name: Fine\n"
    src = make_project(tmp_path, {"x.yaml": data}, PAGE)
    app = build(src)
    assert [(r.line, r.type) for r in records(app)] == [(1, "casestudies.schema")]
    assert "reserved" in records(app)[0].message
    assert len(re.findall(r'id="searchbox"', (Path(app.outdir) / "index.html").read_text())) == 1


# -- the allow-list and its two settings ------------------------------------------------------

@pytest.mark.parametrize("markup", MARKUPS)
def test_markup_allow_extends_the_list(tmp_path, markup) -> None:
    side = {"rst": ".. container:: aside\n\n   Side text.",
            "myst": "```{container} aside\nSide text.\n```"}[markup]
    role = {"rst": "Press :pep:`8`.", "myst": "Press {pep}`8`."}[markup]
    src, data = setup_project(tmp_path, markup, {"side": side, "role": role})
    refused = build(src)
    assert warned(refused, data, syntax(markup, "container"), "casestudies.markup",
                  "directive 'container'")
    assert warned(refused, data, "Press", "casestudies.markup", "role 'pep'")
    assert body(refused, "index.html").select_one("#role").get_text().count("8") == 1
    allowed = build(src, casestudies_markup_allow=["container", "pep"])
    assert [r for r in records(allowed) if r.type == "casestudies.markup"] == []
    assert body(allowed, "index.html").select_one("#side div.aside").get_text().strip() == (
        "Side text.")


def test_naming_raw_in_markup_allow_is_not_enough(tmp_path) -> None:
    """Raw output and file insertion need ``casestudies_allow_raw``; docutils says so."""
    src, data = setup_project(tmp_path, "rst", {
        "raw": ".. raw:: html\n\n   <b id='raw-out'>x</b>"})
    app = build(src, casestudies_markup_allow=["raw"])
    assert warned(app, data, ".. raw::", "docutils", '"raw" directive disabled')
    assert body(app, "index.html").select_one("#raw-out") is None


@pytest.mark.parametrize("markup", MARKUPS)
def test_allowed_markup_renders_without_warnings(tmp_path, markup) -> None:
    text = {
        "rst": ("*a* **b** ``c`` :sup:`2` :sub:`x` :abbr:`LIFO (last in, first out)` "
                ":math:`a^2` :code:`x` :kbd:`Ctrl` :doc:`index` `web <https://example.org>`_ "
                "`mail <mailto:a@example.org>`_\n\n"
                ".. note::\n\n   A note.\n\n.. code-block:: python\n\n   x = 1\n\n"
                ".. list-table::\n\n   * - a\n     - b\n\n.. rubric:: R\n\n"
                ".. image:: /logos/ok.svg\n   :target: https://example.org/\n\n"
                "| line\n| block\n\n.. math::\n\n   x^2"),
        "myst": ("*a* **b** `c` {sup}`2` {sub}`x` {abbr}`LIFO (last in, first out)` "
                 "{math}`a^2` {kbd}`Ctrl` {doc}`index` [web](https://example.org) "
                 "<mailto:a@example.org>\n\n"
                 "```{note}\nA note.\n```\n\n```python\nx = 1\n```\n\n"
                 "```{list-table}\n* - a\n  - b\n```\n\n```{rubric} R\n```\n\n"
                 "![ok](/logos/ok.svg)\n\n```{math}\nx^2\n```"),
    }[markup]
    src, _ = setup_project(tmp_path, markup, {"fine": text})
    app = build(src)
    assert [str(r) for r in records(app)] == []
    page = body(app, "index.html").select_one("#fine")
    assert page.select_one("div.admonition.note") is not None
    assert page.select_one("img")["src"].endswith("ok.svg")
    assert page.select_one("a[href='https://example.org']") is not None


# -- 5. bounded output (the data layer's budget: tests/unit/test_trust_bounds.py) -----------------

def test_filter_ui_tags_are_deduplicated_and_bounded(tmp_path) -> None:
    """Aliases of a 10 KB tag under ``:filter-ui:`` once wrote 50-200 MB pages."""
    big = "x" * 10_000
    data = (f"- {{id: first, name: First, tags: [&t '{big}', ok, ok, ok, also]}}\n"
            + "".join(f"- {{id: e{i}, name: N, tags: [*t, *t, dup, dup]}}\n" for i in range(300)))
    page = "Tags\n====\n\n.. case-studies::\n   :filter-ui:\n   :layout: card\n"
    src = make_project(tmp_path, {"x.yaml": data}, page)
    app = build(src)
    limit = [r for r in records(app) if r.type == "casestudies.limit"]
    assert len(limit) == 1 and limit[0].path == "data/x.yaml"
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert len(html) < 40 * len(data)
    soup = body(app, "index.html")
    assert soup.select_one("[data-cs-tags]")["data-cs-tags"] == "ok also"
    for node in soup.select("[data-cs-tags]"):
        tags = node["data-cs-tags"].split()
        assert len(tags) == len(set(tags)) and big not in tags
    assert big not in [b.get("data-cs-value") for b in soup.select("button.cs-chip")]


@pytest.mark.myst
def test_a_directive_that_raises_costs_its_field_not_the_build(tmp_path) -> None:
    """Trusted data runs any directive; one that raises (Sphinx's own productionlist, given
    an argument without a definition) is a warning at the field, like any bad input."""
    src, data = setup_project(tmp_path, "myst", {
        "crash": "```{productionlist} argument\n```"})
    app = build(src, casestudies_allow_raw=True)
    # Sphinx >= 9 raises in the directive; Sphinx 8 builds an empty productionlist that
    # its HTML writer cannot write (the sanitizer refuses it): a markup warning either way.
    assert (warned(app, data, "{productionlist}", "casestudies.markup", "could not be parsed")
            or warned(app, data, "{productionlist}", "casestudies.markup",
                      "an empty productionlist is not allowed"))
    assert body(app, "index.html").select_one("#still-fine em").get_text() == "text"


@pytest.mark.parametrize("markup", MARKUPS)
def test_an_extension_overriding_an_allowed_name_is_refused(tmp_path, markup) -> None:
    """The list vouches for docutils', Sphinx's and MyST's ``note``, not for a replacement."""
    ran = tmp_path / "override-ran"
    conf = ("from docutils.parsers.rst import Directive\n"
            "class Loud(Directive):\n"
            "    has_content = True\n"
            "    def run(self):\n"
            f"        __import__('pathlib').Path({str(ran)!r}).touch()\n"
            "        return []\n"
            "def setup(app):\n"
            "    app.add_directive('note', Loud, override=True)\n")
    note = {"rst": ".. note::\n\n   Hi.", "myst": "```{note}\nHi.\n```"}[markup]
    src, data = setup_project(tmp_path, markup, {"loud": note}, conf=conf)
    app = build(src)
    assert warned(app, data, syntax(markup, "note"), "casestudies.markup", "directive 'note'")
    assert not ran.exists()
    build(src, casestudies_markup_allow=["note"])  # the maintainer's judgement
    assert ran.exists()


def test_substitution_definitions_are_refused(tmp_path) -> None:
    src, data = setup_project(tmp_path, "rst", {
        "subst": "See |logo| here.\n\n.. |logo| image:: /logos/ok.svg"})
    app = build(src)
    assert warned(app, data, ".. |logo|", "casestudies.markup", "substitution definition |logo|")
    assert [str(r) for r in records(app) if r.type != "casestudies.markup"] == []
    assert body(app, "index.html").select_one("#subst .cs-summary").get_text().strip() == (
        "See logo here.")


@pytest.mark.parametrize("markup", MARKUPS)
def test_emphasize_lines_cannot_expand_past_the_block(tmp_path, markup) -> None:
    """Sphinx lists every number of a range: ``1-1000000000`` would be a billion of them."""
    code = {"rst": ".. code-block:: python\n   :emphasize-lines: 1-1000000000\n\n   x = 1",
            "myst": "```{code-block} python\n:emphasize-lines: 1-1000000000\n\nx = 1\n```\n\n"
                    "{emphasize-lines=\"2-1000000000\"}\n```python\ny = 2\n```"}[markup]
    src, data = setup_project(tmp_path, markup, {"code": code},
                              conf="myst_enable_extensions = ['attrs_block']\n")
    app = build(src)
    assert warned(app, data, syntax(markup, "code-block"), "casestudies.limit",
                  "reaches past the block's 1 lines")
    if markup == "myst":  # a fence with block attributes: MyST's own warning, bounded first
        assert warned(app, data, "```python", "myst.attribute", "out of range(1-1)")
    page = body(app, "index.html").select_one("#code")
    assert "x = 1" in page.get_text()
