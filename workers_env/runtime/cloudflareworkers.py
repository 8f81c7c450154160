"""``cloudflare.workers``: the SDK's old import location, which workerd still provides on
Pyodide 0.26.0a2 (compatibility dates before 2025-09-29 without ``python_workers_20250116``)
with the runtime's built-in SDK.

workerd's ``python-entrypoint-helper.ts`` (``injectWorkersApi``, since workerd#3537 moved the
SDK to ``workers``) writes ``cloudflare/workers/__init__.py`` and ``_workers.py`` into
site-packages for that Pyodide only -- no ``cloudflare/__init__.py``, so ``cloudflare`` is a
namespace package -- and nothing under the external SDK (``EXTERNAL_SDK`` returns first). Here
the finder comes last on ``sys.meta_path``, so an installed ``cloudflare`` package (the
Cloudflare API client) is still the one ``import cloudflare`` finds; ``cloudflare.workers``
then comes from here, as production's namespace merges the two directories.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import weakref
from types import CellType, FunctionType, ModuleType
from typing import Any, TypeGuard

from workers_env.runtime.current import current_runtime
from workers_env.runtime.moduledicts import held_attribute

__all__ = ["CloudflareWorkersFinder", "legacy_location_available", "old_location_module", "old_location_note"]

#: the one Pyodide release workerd gives the old location (``PyodideVersion.V0_26_0a2``)
LEGACY_PYODIDE = "0.26.0a2"


def legacy_location_available() -> bool:
    """Whether the running Worker's runtime has ``cloudflare.workers``: Pyodide 0.26.0a2 and
    the built-in SDK."""
    runtime = current_runtime()
    era = getattr(runtime, "era", None)
    return (runtime is not None and getattr(runtime, "pyodide_version", None) == LEGACY_PYODIDE
            and era is not None and not era.external_sdk)


#: the classes workerd's ``introspection.py`` finds a Worker's entrypoints by (``issubclass`` of
#: ``workers``' own): the old location's copies are other classes, so a ``Default`` extending
#: ``cloudflare.workers.WorkerEntrypoint`` is no entrypoint in production either
_COPIED = ("WorkerEntrypoint", "DurableObject", "WorkflowEntrypoint")
#: the copies made, held weakly: each Worker's load of the old location makes three, which go
#: with the Worker's modules (a class is in a cycle with its own ``__mro__``: the cyclic
#: collector takes it), so a process loading Workers over and over does not gather them
_MADE: weakref.WeakSet[type] = weakref.WeakSet()


def _copy(cls: type) -> type:
    """A class like ``cls`` -- the same bases and members -- but not ``cls``: what a second
    import of the same source file gives."""
    members = {k: v for k, v in vars(cls).items() if k not in ("__dict__", "__weakref__")}
    members["__module__"] = "cloudflare.workers._workers"  # the built-in SDK's file under the old name
    copy = type(cls)(cls.__name__, cls.__bases__, members)
    _MADE.add(copy)
    for name, member in members.items():  # zero-argument super() in a method names its own class
        function = getattr(member, "__func__", member)
        if isinstance(function, FunctionType) and "__class__" in function.__code__.co_freevars:
            cells = tuple(CellType(copy) if var == "__class__" else cell
                          for var, cell in zip(function.__code__.co_freevars, function.__closure__ or (), strict=True))
            rebuilt = FunctionType(function.__code__, function.__globals__, function.__name__,
                                   function.__defaults__, cells)
            rebuilt.__kwdefaults__ = function.__kwdefaults__
            rebuilt.__qualname__ = function.__qualname__
            rebuilt.__doc__ = function.__doc__
            setattr(copy, name, type(member)(rebuilt) if member is not function else rebuilt)
    return copy


def old_location_module(module: Any) -> TypeGuard[ModuleType]:
    """Whether ``module`` is one :class:`CloudflareWorkersFinder` made (which the import scope
    keeps as the Worker's own, so another Worker's era decides afresh): a module, then."""
    spec = held_attribute(module, "__spec__") if issubclass(type(module), ModuleType) else None
    # (types and held names: nothing of an odd sys.modules entry's own code runs, scope60)
    return issubclass(type(spec), importlib.machinery.ModuleSpec) and issubclass(type(spec.loader), CloudflareWorkersFinder)  # type: ignore[union-attr]


def old_location_note(module: Any) -> str:
    """For the missing-handler error: the note that the main module's entrypoint classes extend
    ``cloudflare.workers``' copies, which workerd does not look for ("" when none does)."""
    names = sorted(key for key, value in vars(module).items() if isinstance(value, type) and any(
        base in _MADE for base in value.__mro__[1:]))
    if not names:
        return ""
    return (f"\n{', '.join(names)} extends a class imported from cloudflare.workers, the SDK's old location, "
            "whose classes are other copies than workers': workerd finds entrypoints by workers' own "
            "WorkerEntrypoint, DurableObject and WorkflowEntrypoint. Import them from `workers`.")


class CloudflareWorkersFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds ``cloudflare`` (when nothing else does) and ``cloudflare.workers`` /
    ``cloudflare.workers._workers`` -- the running Worker's ``workers`` stand-in under the old
    name -- while :func:`legacy_location_available`; any other time, nothing."""

    def __init__(self, workers: ModuleType):
        self._workers = workers

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in ("cloudflare", "cloudflare.workers", "cloudflare.workers._workers"):
            return None
        if not legacy_location_available():
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=fullname != "cloudflare.workers._workers")

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        module = ModuleType(spec.name)
        if spec.name != "cloudflare":
            workers = self._workers
            module.__doc__ = workers.__doc__
            copies = {name: _copy(getattr(workers, name)) for name in _COPIED}
            module.__getattr__ = lambda name: copies[name] if name in copies else getattr(workers, name)  # type: ignore[method-assign]
            module.__all__ = list(getattr(workers, "__all__", ()))  # type: ignore[attr-defined]
        return module

    def exec_module(self, module: ModuleType) -> None:
        if module.__name__ != "cloudflare.workers._workers":
            module.__path__ = []  # type: ignore[attr-defined]  # a package: its submodules import
