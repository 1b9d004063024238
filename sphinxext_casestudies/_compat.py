"""Sphinx API that differs between the versions we support, one shim each.

Each shim names the versions it serves: when the floor in ``pyproject.toml``
passes them, delete the old branch and nothing else changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.transforms import SphinxTransform


def builder_class(transform: SphinxTransform) -> type[Builder]:
    """The class of the running builder, as a transform sees it.

    Sphinx >= 9.0 keeps it as ``env._builder_cls`` and deprecates
    ``transform.app`` (removal in 11.0); Sphinx 8.x only has ``transform.app``.
    """
    found: type[Builder] | None = getattr(transform.env, "_builder_cls", None)
    if found is not None:
        return found
    return type(transform.app.builder)  # Sphinx 8.x


@contextmanager
def document_state_kept(env: BuildEnvironment) -> Iterator[None]:
    """Whatever reading a stand-in document sets as "the current document" is undone after.

    Sphinx >= 8.2 keeps that state in ``env.current_document``; Sphinx 8.0 and
    8.1 in a plain dict, ``env.temp_data``.
    """
    saved = getattr(env, "current_document", None)
    old_env: Any = env  # Sphinx 8.0 and 8.1
    saved_temp = None if saved is not None else dict(old_env.temp_data)
    try:
        yield
    finally:
        if saved is not None:
            env.current_document = saved
        else:
            old_env.temp_data.clear()
            old_env.temp_data.update(saved_temp or {})
