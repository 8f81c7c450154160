"""A Worker of the external-SDK era that nothing vendors the SDK into: no ``workers`` module.

From compatibility date 2026-04-21 (or with ``enable_python_external_sdk``) workerd leaves its
built-in SDK out and writes, in its place, a ``workers`` package and an ``asgi`` module into
site-packages that raise as they are imported (``injectWorkersApi`` of
``src/pyodide/python-entrypoint-helper.ts``, the same text in wrangler 4.164.0's workerd)::

    err = ModuleNotFoundError("No module named 'workers'", name="workers")
    err.add_note("You need to update to workers-py >= 1.9 or to pass disable_python_external_sdk")
    raise err

A vendored ``workers-runtime-sdk`` in ``python_modules/`` comes before site-packages and wins;
without one, the Worker's ``from workers import ...`` raises that, and a Worker that never imports
``workers`` fails all the same right after its top level has run: workerd's own
``introspection.py`` does ``from workers import DurableObject, WorkerEntrypoint, ...`` to find
the Worker's entrypoint classes. So the Worker never starts (deploy's validation and
``wrangler dev`` fail). :func:`without_sdk` makes the Worker's import here meet the same: in the
loading thread only, so another thread running a Worker that has its SDK keeps importing
workers-env's stand-ins from ``sys.modules``. Production's stub is a file in site-packages, so every
route of an import meets it; here, while one is entered, both entrances that take a name are
wrapped: ``builtins.__import__`` (``import`` statements, ``__import__()``) and importlib's
``_gcd_import`` (``importlib.import_module()``, ``importlib.__import__()``).
"""

from __future__ import annotations

import builtins
import contextlib
import importlib._bootstrap
import threading
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

#: importlib's core (``_frozen_importlib``), typed loosely: its ``_gcd_import`` is not in typeshed
_bootstrap: Any = importlib._bootstrap

from workers_env._errors import add_hint, users_mistake

__all__ = ["PRODUCTION_NOTE", "stub_folder", "stub_source", "without_sdk"]

#: the note workerd adds to the ``ModuleNotFoundError``
PRODUCTION_NOTE = "You need to update to workers-py >= 1.9 or to pass disable_python_external_sdk"

#: workerd's stub, ``$MODNAME`` replaced by the module's name
_TEMPLATE = "\n".join([
    "err = ModuleNotFoundError(\"No module named '$MODNAME'\", name=\"$MODNAME\")",
    f'err.add_note("{PRODUCTION_NOTE}")',
    "raise err",
])

#: the modules workerd stubs: the SDK's package and its top-level ``asgi``
_STUBBED = ("workers", "asgi")

#: thread ident -> (workers-env's note, site-packages folder) of each thread inside :func:`without_sdk`
_THREADS: dict[int, tuple[str, str]] = {}
_GUARD = threading.Lock()
#: ``builtins.__import__`` as found when the first thread entered (``None``: not wrapped)
_wrapped: Callable[..., Any] | None = None
#: importlib's ``_gcd_import`` as found when the first thread entered (``None``: not wrapped)
_wrapped_gcd: Callable[..., Any] | None = None


def stub_source(name: str) -> str:
    """The text of workerd's stub file for module ``name`` (``workers`` or ``asgi``)."""
    return _TEMPLATE.replace("$MODNAME", name) + "\n"


def stub_folder() -> str | None:
    """The site-packages folder holding production's stub files when the calling thread is
    inside :func:`without_sdk` (``importlib.util.find_spec("workers")`` answers the stub's spec
    there: runtime/modulespecs.py), else ``None``."""
    entry = _THREADS.get(threading.get_ident()) if _THREADS else None
    return None if entry is None else entry[1]


def _run_stub(name: str, hint: str, site_packages: str) -> None:
    """Runs workerd's stub for ``name`` under the path production's file has; what it raises
    gets ``hint`` as workers-env's note."""
    origin = f"{site_packages}/workers/__init__.py" if name == "workers" else f"{site_packages}/{name}.py"
    module = ModuleType(name)
    module.__file__ = origin
    try:
        exec(compile(_TEMPLATE.replace("$MODNAME", name), origin, "exec"), module.__dict__)  # noqa: S102 - workerd's stub
    except ModuleNotFoundError as error:
        add_hint(error, hint)
        users_mistake(error)
        raise


def _meet_stub(name: str, level: int) -> None:
    """Runs production's stub when the calling thread is inside :func:`without_sdk` and imports
    ``workers`` (``workers.<sub>``) or ``asgi`` by its absolute name."""
    if level == 0 and _THREADS and isinstance(name, str):
        entry = _THREADS.get(threading.get_ident())
        top = name.partition(".")[0]
        if entry is not None and top in _STUBBED:
            _run_stub(top, *entry)


def _import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
    """``builtins.__import__`` while a thread is inside :func:`without_sdk`: that thread's
    ``import workers`` (``workers.<sub>``, ``asgi``) runs production's stub; anything else, and
    every other thread, imports as before."""
    _meet_stub(name, level)
    assert _wrapped is not None
    return _wrapped(name, globals, locals, fromlist, level)


def _gcd_import(name: str, package: Any = None, level: int = 0) -> Any:
    """importlib's ``_gcd_import`` (behind ``importlib.import_module`` and ``importlib.__import__``)
    while a thread is inside :func:`without_sdk`, as :func:`_import`."""
    _meet_stub(name, level)
    assert _wrapped_gcd is not None
    return _wrapped_gcd(name, package, level)


@contextlib.contextmanager
def without_sdk(hint: str, python: tuple[int, int]) -> Iterator[None]:
    """While entered, the calling thread's ``import workers`` and ``import asgi`` (and
    ``importlib.import_module("workers")``) raise
    production's ``ModuleNotFoundError`` (with ``hint`` as workers-env's note), the stand-ins in
    ``sys.modules`` left to other threads; on exit the calls end with that error too when the
    Worker's code never imported ``workers`` (workerd's introspection does, once the top level has
    run). ``python`` names the site-packages folder of the era's Pyodide
    (``/lib/python3.12/site-packages``)."""
    global _wrapped, _wrapped_gcd
    site_packages = f"/lib/python{python[0]}.{python[1]}/site-packages"
    ident = threading.get_ident()
    with _GUARD:
        outer = _THREADS.get(ident)
        _THREADS[ident] = (hint, site_packages)
        if _wrapped is None:
            _wrapped = builtins.__import__
            builtins.__import__ = _import
        if _wrapped_gcd is None:
            _wrapped_gcd = _bootstrap._gcd_import
            _bootstrap._gcd_import = _gcd_import
    try:
        yield
        _run_stub("workers", hint, site_packages)  # introspection.py's `from workers import (...)`: raises
    finally:
        with _GUARD:
            if outer is not None:
                _THREADS[ident] = outer
            else:
                del _THREADS[ident]
            if not _THREADS and _wrapped is not None and builtins.__import__ is _import:
                builtins.__import__ = _wrapped
                _wrapped = None
            if not _THREADS and _wrapped_gcd is not None and _bootstrap._gcd_import is _gcd_import:
                _bootstrap._gcd_import = _wrapped_gcd
                _wrapped_gcd = None
