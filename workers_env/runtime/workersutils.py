"""``workers.utils``: the external SDK's module, importable exactly where production has it.

workers-runtime-sdk ships ``workers/utils.py`` from 1.5.2 (workers-py 1d5f751 factored it out of
``_workers.py``; 1.5.1's wheel has none), and its ``workers/__init__.py`` imports it, so there
``workers.utils`` is an attribute of ``workers`` at once. ``HTTPMessageMapping`` came into it with
1.8.1 (the 1.8.0 wheel has none: ``ImportError: cannot import name 'HTTPMessageMapping'``).
workerd's built-in SDK (``src/pyodide/internal/workers-api/src/workers/``: ``__init__.py``,
``_workers.py``, ``workflows.py``) has no such file, so there, and on an SDK before 1.5.2,
``import workers.utils`` is ``ModuleNotFoundError: No module named 'workers.utils'``.

The module is made afresh by :class:`WorkersUtilsFinder` for each Worker that imports it (the
import scope keeps it as the Worker's own, :func:`workers_utils_module`), so the next Worker's
SDK decides again; the shared ``workers`` stand-in never keeps it as an attribute (its
``__getattr__`` hands it out in an era that has it).
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any

from workers_env.runtime.current import current_runtime
from workers_env.runtime.workers_api import HTTPMessageMapping, NonRetryableError, import_from_javascript

__all__ = ["UTILS_SINCE", "WorkersUtilsFinder", "utils_lacks", "workers_utils_module"]

#: the workers-runtime-sdk release whose wheel first has ``workers/utils.py``
UTILS_SINCE = (1, 5, 2)

#: the names of ``workers.utils`` that came after the module, with their release
_LATER = {"HTTPMessageMapping": (1, 8, 1)}

#: what workers-env has of the module's public names (every release's)
_NAMES: dict[str, Any] = {"HTTPMessageMapping": HTTPMessageMapping, "import_from_javascript": import_from_javascript,
                          "NonRetryableError": NonRetryableError}

#: public names of the module that workers-env does not emulate (an import of one says so)
_NOT_EMULATED = frozenset({"patch_env", "get_compat_flag", "RESPONSE_ACCEPTED_TYPES"})


def utils_lacks() -> str | None:
    """Why the running Worker's SDK has no ``workers.utils`` (``None``: it has it; no Worker
    running: the newest SDK, which has it)."""
    era = getattr(current_runtime(), "era", None)
    if era is None:
        return None
    if not era.external_sdk:
        return (f"workers.utils does not exist in the built-in Python SDK of compatibility date {era.date}: it is "
                "the external SDK's (workers-runtime-sdk 1.5.2 or later; compatibility date 2026-04-21 or later, "
                "or the enable_python_external_sdk flag)")
    if era.sdk_version is not None and not era.sdk_at_least(UTILS_SINCE):
        return f"workers.utils does not exist in workers-runtime-sdk {era.sdk_text}: it came with 1.5.2"
    return None


class _UtilsModule(ModuleType):
    """One Worker's ``workers.utils``: the names of its SDK's release."""

    def __init__(self, sdk_version: tuple[int, ...] | None):
        super().__init__("workers.utils", "Stand-in for the external SDK's workers/utils.py.")
        self.__dict__.update({name: value for name, value in _NAMES.items()
                              if sdk_version is None or sdk_version >= _LATER.get(name, ())})

    def __getattr__(self, name: str) -> Any:
        if name in _NOT_EMULATED:
            from workers_env.runtime.standins import COVERAGE_DOC, NotEmulatedError

            raise NotEmulatedError(f"workers.utils.{name} is not emulated by workers-env: it exists in the Python "
                                   f"Workers runtime, but not in workers-env's local stand-in (see {COVERAGE_DOC}). "
                                   "Guard the import or open an issue.", name=name)
        raise AttributeError(f"module 'workers.utils' has no attribute {name!r}")


class WorkersUtilsFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds ``workers.utils`` below the ``workers`` stand-in while the running Worker's SDK
    has it (:func:`utils_lacks`); any other time nothing, so the import is Python's own
    ``ModuleNotFoundError``, as production's."""

    def __init__(self, workers: ModuleType):
        self._workers = workers

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != "workers.utils" or sys.modules.get("workers") is not self._workers or utils_lacks() is not None:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=False)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        era = getattr(current_runtime(), "era", None)
        return _UtilsModule(tuple(era.sdk_version) if era is not None and era.sdk_version is not None else None)

    def exec_module(self, module: ModuleType) -> None:
        return None


def workers_utils_module(module: Any) -> bool:
    """Whether ``module`` is one :class:`WorkersUtilsFinder` made (the Worker's own)."""
    return isinstance(module, _UtilsModule)
