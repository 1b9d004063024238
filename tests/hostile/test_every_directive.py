"""Every directive and role a stock project registers, fed into a data field (issue 15).

The names are read from the registries of a real Sphinx application (docutils'
own, Sphinx's, every domain's, MyST's and those of Sphinx's bundled extensions),
so a new release with new directives is covered without editing this file.  Each
name gets its own entry, with an argument, an option and content; the build
must finish, report every name outside the allow-list as a ``markup`` warning at
its line (and nothing else as ours), and write nothing unsafe.  With
``casestudies_allow_raw`` the same file must still build (trusted data runs
everything, like a page).
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from docutils.parsers.rst import directives, roles
from hostile_util import SECRET, build, files_containing, make_project, records, unsafe_output
from sphinx.testing.util import SphinxTestApp

from sphinxext_casestudies.markup.allowlist import DIRECTIVES, ROLES

STOCK = ("sphinxext_casestudies", "myst_parser", "sphinx.ext.autodoc", "sphinx.ext.autosummary",
         "sphinx.ext.doctest", "sphinx.ext.graphviz", "sphinx.ext.ifconfig",
         "sphinx.ext.inheritance_diagram", "sphinx.ext.todo", "sphinx.ext.mathjax",
         "sphinx.ext.extlinks", "sphinx.ext.intersphinx", "sphinx.ext.coverage")
PAGE = "Every directive\n===============\n\n.. case-studies::\n   :layout: full\n"
_NAME = re.compile(r"^[a-z][a-z0-9:_-]*$")


def registered(tmp: Path) -> tuple[list[str], list[str]]:
    """Directive and role names of a stock project (with domain-qualified names)."""
    src = tmp / "probe"
    src.mkdir()
    (src / "conf.py").write_text(f"extensions = {list(STOCK)!r}\n", encoding="utf-8")
    (src / "index.rst").write_text("Probe\n=====\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO())
    try:
        found_directives = set(directives._directive_registry) | set(directives._directives)
        found_roles = set(roles._role_registry) | set(roles._roles)
        for domain in app.registry.domains.values():
            extra_d = app.registry.domain_directives.get(domain.name, {})
            extra_r = app.registry.domain_roles.get(domain.name, {})
            found_directives |= {f"{domain.name}:{n}" for n in {*domain.directives, *extra_d}}
            found_roles |= {f"{domain.name}:{n}" for n in {*domain.roles, *extra_r}}
    finally:
        app.cleanup()
    found_directives.discard("case-study")  # ours: data cannot nest entries either way
    return (sorted(n for n in found_directives if _NAME.match(n)),
            sorted(n for n in found_roles if _NAME.match(n)))


def data_file(markup: str, names: list[str], role_names: list[str]) -> tuple[str, dict[str, int]]:
    """One entry per name; returns the text and the line each name's construct starts on."""
    lines = [f"markup: {markup}", "case_studies:"]
    where: dict[str, int] = {}
    for n, name in enumerate(names):
        lines += [f"- id: d{n}", f"  name: D{n}", "  summary: |"]
        where[f"directive {name}"] = len(lines) + 1
        if markup == "rst":
            body = [f".. {name}:: argument", "   :class: x", "", "   Content line."]
        else:
            body = [f"```{{{name}}} argument", ":class: x", "", "Content line.", "```"]
        lines += ["    " + b if b else "" for b in body]
    for n, name in enumerate(role_names):
        lines += [f"- id: r{n}", f"  name: R{n}", "  summary: |"]
        where[f"role {name}"] = len(lines) + 1
        lines.append(f"    Role :{name}:`text`." if markup == "rst" else
                     f"    Role {{{name}}}`text`.")
    return "\n".join(lines) + "\n", where


@pytest.fixture(scope="module")
def names(tmp_path_factory) -> tuple[list[str], list[str]]:
    pytest.importorskip("myst_parser")
    found = registered(tmp_path_factory.mktemp("registry"))
    assert len(found[0]) > 150 and {"raw", "toctree", "ifconfig", "automodule",
                                    "py:function", "eval-rst"} & set(found[0])
    return found


@pytest.mark.parametrize("allow_raw", [False, True])
@pytest.mark.parametrize("markup", ["rst", "myst"])
def test_every_registered_directive_and_role(tmp_path, names, markup, allow_raw) -> None:
    directive_names, role_names = names
    data, where = data_file(markup, directive_names, role_names)
    src = make_project(tmp_path, {"x.yaml": data}, PAGE, extensions=STOCK,
                       conf="suppress_warnings = ['autodoc.import_object']\n")
    app = build(src, casestudies_allow_raw=allow_raw)  # finishing is the first assertion
    recs = records(app)
    assert files_containing(Path(app.outdir), SECRET) == []
    if allow_raw:
        # Trusted data runs what a page would (autodoc prints tracebacks into its own
        # warnings there too); a directive that raises (std:productionlist in MyST
        # with this argument) costs its field, not the build.
        return
    assert [str(r) for r in recs if "Traceback" in r.message] == []
    refused = {(r.line, m.group(1), m.group(2)) for r in recs
               if r.type == "casestudies.markup" and r.path == "data/x.yaml"
               and (m := re.match(r"(directive|role) '([^']*)'", r.message))}
    for key, line in where.items():
        kind, name = key.split(" ", 1)
        allowed = name in (DIRECTIVES if kind == "directive" else ROLES)
        assert ((line, kind, name) in refused) is not allowed, (key, line)
    unsafe = [p for p in unsafe_output(Path(app.outdir))
              if "cdn.jsdelivr.net/npm/mathjax" not in p]  # sphinx.ext.mathjax's own script
    assert unsafe == []
