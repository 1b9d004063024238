"""The package's layout, read from its source: stages, modules, import floors.

One home for the layering rule: ``tests/unit/test_layout.py`` checks the
package against :data:`STAGES`, and the ``casestudies-package-map``
directive (docs/architecture) shows the same facts as a table, generated in
every docs build, so the page cannot drift from the code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

PACKAGE_NAME = "sphinxext_casestudies"
PACKAGE = Path(__file__).resolve().parents[2] / PACKAGE_NAME

STAGES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("shared rules", ("_version", "_compat", "names", "trust"),
     "names, version shims and the trust boundary; they import nothing of ours but trust"),
    ("data", ("data",), "YAML text to validated entries; no Sphinx, no docutils"),
    ("reporting", ("reporting", "translations"),
     "one way to warn, our own message catalog"),
    ("markup", ("markup",), "rich text to docutils nodes, safely"),
    ("render", ("render",), "entries to docutils nodes, one module per layout"),
    ("sphinx_ext", ("sphinx_ext",), "everything Sphinx calls: config, directives, role, "
     "domain, transforms, story pages, assets"),
    ("cli", ("cli",), "the validate and schema commands"),
    ("entry points", ("__init__", "__main__"), "setup() and python -m"),
)
"""Stages in the order a story goes through them; a module imports only its own stage or earlier ones."""


def module_name(path: Path) -> str:
    """``sphinx_ext.role`` for ``sphinxext_casestudies/sphinx_ext/role.py``."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def stage_of(module: str) -> int:
    """The index in :data:`STAGES` of the stage ``module`` belongs to."""
    first = module.split(".")[0]
    for index, (_, members, _) in enumerate(STAGES):
        if first in members:
            return index
    raise LookupError(f"module {module!r} belongs to no stage of package_map.STAGES")


def _targets(node: ast.AST, modules: set[str]) -> set[str]:
    """The package modules an import statement names (a package's ``__init__`` as its name)."""
    found: set[str] = set()
    if isinstance(node, ast.ImportFrom) and node.module and (
            node.module == PACKAGE_NAME or node.module.startswith(PACKAGE_NAME + ".")):
        base = node.module[len(PACKAGE_NAME) + 1:]
        for alias in node.names:
            sub = f"{base}.{alias.name}" if base else alias.name
            found.add(sub if sub in modules else (base or "__init__"))
    elif isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name.startswith(PACKAGE_NAME + "."):
                found.add(alias.name[len(PACKAGE_NAME) + 1:])
    return found


def imports() -> dict[str, set[str]]:
    """module -> the package modules it imports (anywhere in it, type-checking ones included)."""
    paths = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
    modules = set(paths)
    return {name: {t for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                   for t in _targets(node, modules)} - {name}
            for name, path in paths.items()}


def floors(graph: dict[str, set[str]]) -> dict[str, int]:
    """The longest chain of imports below each module (1: imports nothing of ours)."""
    found: dict[str, int] = {}

    def floor(name: str, seen: tuple[str, ...]) -> int:
        if name in seen:
            raise ValueError("import cycle: " + " -> ".join((*seen, name)))
        if name not in found:
            below = [floor(t, (*seen, name)) for t in graph.get(name, ()) if t in graph]
            found[name] = 1 + max(below, default=0)
        return found[name]

    for name in graph:
        floor(name, ())
    return found


def summary(module: str) -> str:
    """The first sentence of a module's docstring."""
    path = PACKAGE.joinpath(*module.split("."))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    text = " ".join(doc.split("\n\n")[0].split())
    # Plain text in the table: :class:`~.model.Entry` -> Entry, ``x`` -> x.
    text = re.sub(r":[a-z:]+:`~?\.?([^`<]*?)`", lambda m: m.group(1).rsplit(".", 1)[-1], text)
    return text.replace("``", "")


class PackageMap(SphinxDirective):
    """``.. casestudies-package-map::``: the table of stages, modules and floors."""

    def run(self) -> list[nodes.Node]:
        graph = imports()
        level = floors(graph)
        table = nodes.table(classes=["longtable"])
        group = nodes.tgroup(cols=4)
        table += group
        group.extend(nodes.colspec(colwidth=w) for w in (14, 22, 6, 58))
        head = nodes.thead()
        head += self._row(["stage", "module", "floor", "what it does"])
        body = nodes.tbody()
        for index, (stage, _, _) in enumerate(STAGES):
            for row, module in enumerate(sorted(m for m in graph if stage_of(m) == index)):
                body += self._row([stage if row == 0 else "", module, str(level[module]),
                                   summary(module)], literal=1)
        group += head
        group += body
        for path in sorted(PACKAGE.rglob("*.py")):
            self.env.note_dependency(str(path))
        return [table]

    @staticmethod
    def _row(cells: list[str], literal: int = -1) -> nodes.row:
        row = nodes.row()
        for index, text in enumerate(cells):
            content: nodes.Node = (nodes.literal(text, text) if index == literal
                                   else nodes.Text(text))
            row += nodes.entry("", nodes.paragraph("", "", content))
        return row


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("casestudies-package-map", PackageMap)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
