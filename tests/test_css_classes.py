"""The ``cs-`` names live in one module (``names.py``), and everything else agrees with it.

The docs' list of classes (layouts.rst, "Styling"), the stylesheet's
selectors and the filter script's hooks are checked against the classes and
``data-`` attributes ``names.py`` defines (templates such as
``cs-layout-<layout>`` as placeholders): a class the code sets or the
stylesheet styles but the docs do not list fails, and so does a documented
class that nothing defines.  No other module of the package may spell a
``cs-`` name itself, so ``names.py`` is the whole protocol.
"""

from __future__ import annotations

import ast
import re
from fnmatch import fnmatchcase
from pathlib import Path

from sphinxext_casestudies import names

ROOT = Path(__file__).parent.parent
PACKAGE = ROOT / "sphinxext_casestudies"
PLACEHOLDER = "<>"


def documented() -> set[str]:
    """First-column classes of the Styling table, ``<name>`` placeholders made ``<>``."""
    text = (ROOT / "docs" / "layouts.rst").read_text(encoding="utf-8")
    table = text[text.index("\nStyling\n"):]
    names = re.findall(r"^   \* - ``(cs-[^`]+)``$", table, flags=re.MULTILINE)
    return {re.sub(r"<[^>]+>", PLACEHOLDER, name) for name in names}


def set_in_code() -> set[str]:
    """Every class ``names.py`` defines, templates with their value as ``<>``."""
    found = {value for name, value in vars(names).items() if name.endswith("_CLASS")}
    found |= {template(PLACEHOLDER) for template in names.CLASS_TEMPLATES}  # type: ignore[operator]
    return found


def _cs_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """String constants that spell a ``cs-`` name, docstrings left out."""
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings and re.search(r"(?<![\w.])cs-(\w|$)", node.value)]


def test_no_module_but_names_spells_a_cs_name() -> None:
    offenders = [f"{path.relative_to(PACKAGE)}:{line}: {text!r}"
                 for path in sorted(PACKAGE.rglob("*.py")) if path.name != "names.py"
                 for line, text in _cs_literals(ast.parse(path.read_text(encoding="utf-8")))]
    assert offenders == []


def script_hooks() -> tuple[set[str], set[str]]:
    """The classes the filter script selects, and the ``data-cs-`` attributes it reads."""
    js = (PACKAGE / "static" / "casestudies.js").read_text(encoding="utf-8")
    return (set(re.findall(r"\.(cs-[A-Za-z0-9_-]+)", js)),
            set(re.findall(r"\b(data-cs-[a-z-]+)", js)))


def test_the_script_reads_only_what_names_defines() -> None:
    classes, data = script_hooks()
    assert classes <= set_in_code()
    assert data == {value for name, value in vars(names).items() if name.startswith("DATA_")}


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
    classes, data = script_hooks()
    assert {"cs-filter-chips", "cs-filter-status"} <= classes
    assert {"data-cs-group", "data-cs-value"} <= data
    sample = ast.parse('"""cs-doc"""\nx = "cs-card"\ny = f"data-cs-{k}"\nz = "docs-x"')
    assert _cs_literals(sample) == [(2, "cs-card"), (3, "data-cs-")]
