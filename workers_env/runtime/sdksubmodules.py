"""``workers.utils``, ``workers.asgi``, ``workers.wsgi``, ``workers.rpc``: the external SDK's
submodules of ``workers``, importable exactly where production has them.

workerd's built-in SDK (``src/pyodide/internal/workers-api/src/workers/``: ``__init__.py``,
``_workers.py``, ``workflows.py``) has none of them, and workers-runtime-sdk gained each with a
release (:data:`SINCE`). Where the running Worker's SDK lacks one (:func:`sdk_lacks`),
``import workers.asgi`` is Python's own ``ModuleNotFoundError: No module named 'workers.asgi'``
and ``importlib.util.find_spec`` answers ``None``, as production's. One it has is imported by
:class:`SdkSubmoduleFinder` -- the shared stand-in, or (``workers.utils``) one made afresh for
the Worker -- and the import scope keeps it as the Worker's own, so it leaves ``sys.modules``
with the Worker and the next Worker's SDK decides again.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Callable, Mapping
from types import ModuleType
from typing import Any

from workers_env.runtime.current import current_runtime
from workers_env.runtime.eras import version_text

__all__ = ["SINCE", "SdkSubmoduleFinder", "Submodule", "imported", "sdk_lacks"]

#: the external SDK's submodules of ``workers``, with the workers-runtime-sdk release whose wheel
#: first has each: ``utils.py`` and ``rpc.py`` from 1.5.2 (workers-py 1d5f751 factored both out of
#: ``_workers.py``; the tags up to 1.5.1 have neither: every release on PyPI, 1.5.4 on, has them);
#: ``asgi`` from 1.6.14 (the wheels before ship only the top-level ``asgi.py``: workers-py #194
#: moved it into ``workers/``, leaving a shim)
SINCE: dict[str, tuple[int, ...]] = {"asgi": (1, 6, 14), "rpc": (1, 5, 2), "utils": (1, 5, 2), "wsgi": (1, 6, 0)}

#: a submodule as :class:`SdkSubmoduleFinder` holds it: the shared stand-in, or a maker of the
#: module each import gets
Submodule = ModuleType | Callable[[], ModuleType]


def imported(submodule: Submodule) -> ModuleType:
    """The module an import of ``submodule`` gets: the shared one, or a new one."""
    return submodule if isinstance(submodule, ModuleType) else submodule()


def sdk_lacks(submodule: str) -> str | None:
    """Why the running Worker's SDK has no ``workers.<submodule>`` (``None``: it has it; no
    Worker running: the newest SDK, which has it)."""
    era = getattr(current_runtime(), "era", None)
    if era is None:
        return None
    since = SINCE[submodule]
    if not era.external_sdk:
        release = f" {version_text(since)} or later" if submodule == "utils" else ""
        hint = "; in this era use the top-level `import asgi`" if submodule == "asgi" else ""
        return (f"workers.{submodule} does not exist in the built-in Python SDK of compatibility date {era.date}: "
                f"it is the external SDK's (workers-runtime-sdk{release}; compatibility date 2026-04-21 or later, or "
                f"the enable_python_external_sdk flag){hint}")
    if era.sdk_version is not None and not era.sdk_at_least(since):
        hint = "; before it use the top-level `import asgi`" if submodule == "asgi" else ""
        return (f"workers.{submodule} does not exist in workers-runtime-sdk {era.sdk_text}: it came with "
                f"{version_text(since)}{hint}")
    return None


class SdkSubmoduleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds ``workers.<name>`` below the ``workers`` stand-in while the running Worker's SDK has
    it (:func:`sdk_lacks`); any other time nothing. ``modules``, by full name: the shared stand-in
    (found by its own spec, shaped as production's file) or a maker of the module each import
    gets (this finder its loader)."""

    def __init__(self, workers: ModuleType, modules: Mapping[str, Submodule]):
        self._workers = workers
        self._modules = modules

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        found = self._modules.get(fullname)
        if found is None or sys.modules.get("workers") is not self._workers \
                or sdk_lacks(fullname.partition(".")[2]) is not None:
            return None
        if isinstance(found, ModuleType):
            if sys.modules.get(fullname.rpartition(".")[2]) is found:  # ``import asgi`` made it already
                return importlib.machinery.ModuleSpec(fullname, self, is_package=False)  # (the import: it itself)
            return found.__spec__
        return importlib.machinery.ModuleSpec(fullname, self, is_package=False)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return imported(self._modules[spec.name])

    def exec_module(self, module: ModuleType) -> None:
        return None
