"""The finder that answers ``import js.fetch`` and ``from js.JSON import parse``: a dotted import
below the ``js`` stand-in names an attribute, as Pyodide's ``JsFinder`` makes it.

Separate from runtime/standins.py, which puts one on ``sys.meta_path`` for the ``js`` module it
builds: it is import machinery, needing nothing of that module but the module itself.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any


class _JsAttributeFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Pyodide's ``JsFinder`` (``_pyodide/_importhook.py``): below a JavaScript module, a
    dotted import names an attribute -- ``import js.fetch``, ``from js.JSON import parse`` --
    and imports that JS value itself as the module; a missing one is ``ModuleNotFoundError``.
    Only names under the ``js`` stand-in (and what was imported from it) are this finder's."""

    def __init__(self, root: ModuleType):
        self._roots = {id(root)}

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        parent_name, _, child = fullname.rpartition(".")
        parent = sys.modules.get(parent_name)
        if not parent_name or parent is None or id(parent) not in self._roots:
            return None
        if not hasattr(parent, child):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return importlib.machinery.ModuleSpec(fullname, self, is_package=True)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> Any:
        parent_name, _, child = spec.name.rpartition(".")
        value = getattr(sys.modules[parent_name], child)
        self._roots.add(id(value))
        return value

    def exec_module(self, module: Any) -> None:
        return None
