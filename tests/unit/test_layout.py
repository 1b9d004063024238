"""The package keeps the layout the architecture page describes (docs/architecture.rst).

Stages import only earlier stages, nothing imports in a circle, no module
name is used twice, every registration with Sphinx sits in a ``setup_*``
function that ``setup()`` calls, configuration is read through the one
settings object, and version probes live in ``_compat``.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docs" / "_ext"))

import package_map as pm

_REGISTERING = {"add_directive", "add_role", "add_role_to_domain", "add_domain", "add_transform",
                "add_post_transform", "add_node", "add_config_value", "connect",
                "add_message_catalog"}


def _trees() -> dict[str, ast.Module]:
    return {pm.module_name(path): ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(pm.PACKAGE.rglob("*.py"))}


def test_every_module_belongs_to_a_stage() -> None:
    assert {m: pm.stage_of(m) for m in pm.imports()}  # stage_of raises for a stray module


def test_no_import_runs_back_up() -> None:
    graph = pm.imports()
    upward = sorted(f"{m} -> {t}" for m, targets in graph.items() for t in targets
                    if pm.stage_of(t) > pm.stage_of(m))
    assert upward == []
    assert "sphinx_ext.config" in graph["sphinx_ext.directives"]  # the walk sees imports


def test_no_import_cycle() -> None:
    levels = pm.floors(pm.imports())
    assert levels["names"] == 1 and levels["__init__"] == max(levels.values())
    with pytest.raises(ValueError, match="import cycle"):
        pm.floors({"a": {"b"}, "b": {"a"}})


def test_no_module_name_is_used_twice() -> None:
    names = Counter(path.stem for path in pm.PACKAGE.rglob("*.py")
                    if path.stem not in ("__init__", "__main__"))
    assert [name for name, count in names.items() if count > 1] == []


def _function_of(tree: ast.Module) -> dict[int, str]:
    """id of each call node -> the name of the top-level function around it."""
    owner: dict[int, str] = {}
    for top in tree.body:
        if isinstance(top, (ast.FunctionDef, ast.ClassDef)):
            for node in ast.walk(top):
                owner[id(node)] = top.name
    return owner


def test_every_registration_is_in_a_setup_function() -> None:
    stray = []
    for module, tree in _trees().items():
        owner = _function_of(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in _REGISTERING
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "app"):
                function = owner.get(id(node), "<module>")
                if function != "setup" and not function.startswith("setup_"):
                    stray.append(f"{module}: {function} calls app.{node.func.attr}")
    assert stray == []


def test_setup_is_the_table_of_contents() -> None:
    trees = _trees()
    defined = {f"{module.rpartition('.')[2]}.{node.name}"
               for module, tree in trees.items()
               if module.startswith("sphinx_ext.") or module == "translations"
               for node in tree.body
               if isinstance(node, ast.FunctionDef) and node.name.startswith("setup_")}
    setup = next(node for node in trees["__init__"].body
                 if isinstance(node, ast.FunctionDef) and node.name == "setup")
    called = {f"{call.func.value.id}.{call.func.attr}" for call in ast.walk(setup)
              if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
              and isinstance(call.func.value, ast.Name)}
    assert len(defined) >= 15
    assert defined - called == set()


def test_configuration_is_read_through_the_settings_object() -> None:
    readers = sorted({module for module, tree in _trees().items() for node in ast.walk(tree)
                      if isinstance(node, ast.Attribute) and node.attr.startswith("casestudies_")})
    assert readers == []


def test_version_probes_live_in_compat() -> None:
    probes = ("_builder_cls", "temp_data", "current_document", ".app.")
    found = sorted(f"{path.relative_to(pm.PACKAGE)}: {probe}"
                   for path in pm.PACKAGE.rglob("*.py") if path.name != "_compat.py"
                   for probe in probes if probe in path.read_text(encoding="utf-8"))
    assert found == []
