"""``pyodide.ffi.register_js_module`` / ``unregister_js_module``: a JS object importable as a module.

As Pyodide's ``JsFinder`` (``_pyodide/_importhook.py``): a finder at the end of
``sys.meta_path`` answers ``import name`` with the registered object itself (the "module" is
the ``JsProxy``; ``import name.sub`` reads its ``sub`` property), registering does not touch a
module already imported, and unregistering leaves one imported before in place. Each Worker
has its own registry (code outside Worker code one of its own), and the import scope keeps what
a Worker imported this way to that Worker.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from importlib.util import spec_from_loader
from types import ModuleType
from typing import Any

from workers_env.runtime.current import current_runtime
from workers_env.runtime.finders import install_finder
from workers_env.runtime.jsbase import JsProxy

__all__ = ["register_js_module", "unregister_js_module"]

_OUTSIDE: dict[str, Any] = {}  # the registry of code outside any Worker


def _registry() -> dict[str, Any]:
    runtime = current_runtime()
    return _OUTSIDE if runtime is None else runtime.js_modules


def register_js_module(name: str, jsproxy: Any) -> None:
    """Make ``import name`` give ``jsproxy`` (a JS object)."""
    if not isinstance(name, str):
        raise TypeError(f"Argument 'name' must be a str, not {type(name).__name__!r}")
    if not isinstance(jsproxy, JsProxy):
        raise TypeError(f"Argument 'jsproxy' must be a JsProxy, not {type(jsproxy).__name__!r}")
    _registry()[name] = jsproxy


def unregister_js_module(name: str) -> None:
    """Undo :func:`register_js_module` (a module imported already stays imported)."""
    try:
        del _registry()[name]
    except KeyError:
        raise ValueError(f"Cannot unregister {name!r}: no Javascript module with that name is registered") from None


class _JsLoader(Loader):
    def __init__(self, jsproxy: Any):
        self.jsproxy = jsproxy

    def create_module(self, spec: ModuleSpec) -> Any:
        return self.jsproxy

    def exec_module(self, module: ModuleType) -> None:
        pass

    def is_package(self, fullname: str) -> bool:
        return True


class _JsFinder(MetaPathFinder):
    def find_spec(self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None) -> ModuleSpec | None:
        parent, _, child = fullname.rpartition(".")
        if parent:
            parent_module = sys.modules.get(parent)
            if not isinstance(parent_module, JsProxy):
                return None  # not one of ours
            jsproxy = getattr(parent_module, child, None)
            if not isinstance(jsproxy, JsProxy):
                raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        else:
            jsproxy = _registry().get(fullname)
            if jsproxy is None:
                return None
        return spec_from_loader(fullname, _JsLoader(jsproxy), origin="javascript")


install_finder(_JsFinder())
