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
``wrangler dev`` fail). :func:`without_sdk` makes the Worker's import here meet the same.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType

from workers_env._errors import add_hint, users_mistake

__all__ = ["PRODUCTION_NOTE", "without_sdk"]

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


def _stubbed(name: str) -> bool:
    return name in _STUBBED or name.startswith("workers.")


class _StubLoader(Loader):
    """Runs workerd's stub as the module's code (under the path production's file has), and adds
    workers-env's ``hint`` to what it raises."""

    def __init__(self, hint: str) -> None:
        self.hint = hint

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        origin = module.__spec__.origin if module.__spec__ is not None else None
        code = compile(_TEMPLATE.replace("$MODNAME", module.__name__), origin or module.__name__, "exec")
        try:
            exec(code, module.__dict__)  # noqa: S102 - workerd's own stub, verbatim
        except ModuleNotFoundError as error:
            add_hint(error, self.hint)
            users_mistake(error)
            raise


class _StubFinder(MetaPathFinder):
    """Finds ``workers`` and ``asgi`` as production's site-packages holds them in this era."""

    def __init__(self, hint: str, site_packages: str) -> None:
        self.loader = _StubLoader(hint)
        self.site_packages = site_packages

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if fullname == "workers":
            spec = ModuleSpec(fullname, self.loader, origin=f"{self.site_packages}/workers/__init__.py",
                              is_package=True)
            spec.has_location = True
            return spec
        if fullname == "asgi":
            spec = ModuleSpec(fullname, self.loader, origin=f"{self.site_packages}/asgi.py")
            spec.has_location = True
            return spec
        return None


@contextlib.contextmanager
def without_sdk(hint: str, python: tuple[int, int]) -> Iterator[None]:
    """While entered, ``import workers`` and ``import asgi`` raise production's
    ``ModuleNotFoundError`` (with ``hint`` as workers-env's note), the stand-ins stepping aside;
    on exit the calls end with that error too when the Worker's code never imported ``workers``
    (workerd's introspection does, once the top level has run). ``python`` names the
    site-packages folder of the era's Pyodide (``/lib/python3.12/site-packages``)."""
    modules = sys.modules
    saved = {name: modules.pop(name) for name in [n for n in modules if _stubbed(n)]}
    finder = _StubFinder(hint, f"/lib/python{python[0]}.{python[1]}/site-packages")
    sys.meta_path.insert(0, finder)
    try:
        yield
        __import__("workers")  # introspection.py's `from workers import (...)`: raises
    finally:
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        for name in [n for n in modules if _stubbed(n)]:  # none is left by a failed import; to be sure
            del modules[name]
        modules.update(saved)
