"""The docs' list of ``cs-`` classes (layouts.rst, "Styling") is complete and true.

Checked against the code that sets classes (every ``classes=[...]``,
``CLASS=...`` and ``class="..."`` in the package, f-string parts as
placeholders) and against the stylesheet's selectors: a class the code sets
or the stylesheet styles but the docs do not list fails, and so does a
documented class that nothing sets.
"""

from __future__ import annotations

import ast
import re
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "sphinxext_casestudies"
PLACEHOLDER = "<>"


def documented() -> set[str]:
    """First-column classes of the Styling table, ``<name>`` placeholders made ``<>``."""
    text = (ROOT / "docs" / "layouts.rst").read_text(encoding="utf-8")
    table = text[text.index("\nStyling\n"):]
    names = re.findall(r"^   \* - ``(cs-[^`]+)``$", table, flags=re.MULTILINE)
    return {re.sub(r"<[^>]+>", PLACEHOLDER, name) for name in names}


def _words(node: ast.expr) -> list[str]:
    """The class names in a string or f-string (f-string fields become ``<>``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.split()
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else PLACEHOLDER
                       for v in node.values)
        return text.split()
    return []


def set_in_code() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.keyword) and node.arg == "classes":
                values = node.value.elts if isinstance(node.value, ast.List) else []
                found.update(w for v in values for w in _words(v))
            elif isinstance(node, ast.keyword) and node.arg == "CLASS":
                found.update(_words(node.value))
            elif (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                  and any(isinstance(t, ast.Name) and t.id.endswith("_CLASS")
                          for t in node.targets)):
                found.update(_words(node.value))  # a class name's one home: FOO_CLASS = "cs-foo"
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                for attr in re.findall(r'class="([^"]*)"', node.value):
                    found.update(attr.split())
    return {name for name in found if name.startswith("cs-")}


def styled() -> set[str]:
    css = (PACKAGE / "static" / "casestudies.css").read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return set(re.findall(r"\.(cs-[A-Za-z0-9_-]+)", css))


def unlisted(names: set[str]) -> set[str]:
    """Names neither listed nor matching a listed pattern (``cs-layout-<>``)."""
    patterns = [name.replace(PLACEHOLDER, "*") for name in documented()]
    return {n for n in names if not any(fnmatchcase(n, p) for p in patterns)}


def test_every_class_the_code_sets_is_listed() -> None:
    assert unlisted(set_in_code()) == set()


def test_every_listed_class_is_set_by_the_code() -> None:
    assert documented() - set_in_code() == set()


def test_every_styled_class_is_listed() -> None:
    assert unlisted(styled()) == set()


def test_the_checks_see_what_they_claim_to() -> None:
    code = set_in_code()
    assert {"cs-card", "cs-layout-<>", "cs-chip-<>", "cs-filter-status"} <= code
    assert {"cs-card", "cs-columns-4", "cs-logo-grid-item"} <= styled()
