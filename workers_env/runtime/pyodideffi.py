"""The ``pyodide.ffi`` stand-in's own parts: ``InternalError``, and the names that depend on the
running Worker's Pyodide (``run_sync``, ``jsnull``, ``IN_BROWSER``/``IN_PYODIDE``, ``__all__``, ...),
answered by :func:`_ffi_attribute`, the module's ``__getattr__``.

Separate from runtime/standins.py, which builds ``pyodide.ffi`` with these: which Pyodide has which
name is a table of its own.
"""

from __future__ import annotations

from typing import Any

from workers_env import _jsvalues
from workers_env.runtime import jsabc, jsproxy, runsync
from workers_env.runtime.current import pyodide_028, pyodide_029


class _InternalError(Exception):
    """``pyodide.ffi.InternalError``: a recoverable assertion error in Pyodide's own code."""


_InternalError.__module__ = "pyodide.ffi"
_InternalError.__name__ = _InternalError.__qualname__ = "InternalError"

#: ``pyodide.ffi.__all__`` (Pyodide 0.26.0a2's, compatibility dates before 2025-09-29) besides
#: the abstract types of :data:`~workers_env.runtime.jsabc.ABSTRACT_TYPES`, by the release that
#: has them; 0.28.2 adds these and its own abstract types
_FFI_ALL_026 = ("ConversionError", "JsException", "JsProxy", "create_once_callable", "create_proxy",
                "destroy_proxies", "to_js", "IN_BROWSER", "register_js_module", "unregister_js_module")
_FFI_ALL_028 = ("run_sync", "JsNull", "jsnull")


def _ffi_attribute(name: str) -> Any:
    """``pyodide.ffi``'s names that depend on the Worker's Pyodide: ``run_sync``,
    ``can_run_sync``, ``jsnull``, ``JsNull``, ``JsOnceCallable``, ``JsCallableDoubleProxy``,
    ``JsWeakRef`` and ``ToJsConverter`` exist from 0.28 (compatibility dates from 2025-09-29);
    ``IN_BROWSER`` is ``IN_PYODIDE`` from 0.29 (the 314.0.x bundles: dates from 2026-09-08), where
    ``from pyodide.ffi import IN_BROWSER`` is an ``ImportError``;
    on 0.26 importing one is an ``ImportError``, as in production (workerd's 0.26.0a2 has no
    ``run_sync``: its SDK's ``import_from_javascript`` catches that very ``ImportError``, and
    ``dir(pyodide.ffi)`` printed by a deployed Worker in workerd #3322 lists neither). Outside a
    Worker: the newest Pyodide."""
    if name == "__all__":
        newest = pyodide_028()
        types = [n for n, (_, since) in jsabc.ABSTRACT_TYPES.items() if since == "0.26" or newest]
        names = [*_FFI_ALL_026, *types, *(_FFI_ALL_028 if newest else ())]
        return [*[("IN_PYODIDE" if n == "IN_BROWSER" else n) for n in names], "JsBigInt"] if pyodide_029() else names
    if name == ("IN_PYODIDE" if pyodide_029() else "IN_BROWSER"):  # Pyodide 0.29 renamed it
        return True
    if name == "JsBigInt" and pyodide_029():  # pyodide#6022 (0.29 on): how a JS BigInt reads
        return _jsvalues.JsBigInt
    if pyodide_028():
        if name == "run_sync":
            return runsync.run_sync
        if name == "can_run_sync":
            return runsync.can_run_sync
        if name == "jsnull":
            return jsproxy.jsnull
        if name == "JsNull":
            return jsproxy.JsNull
        if name in jsabc.ABSTRACT_TYPES:
            return jsabc.ABSTRACT_TYPES[name][0]
    raise AttributeError(f"module 'pyodide.ffi' has no attribute {name!r}")
