"""``workers.utils``: the external SDK's module, importable exactly where production has it.

workers-runtime-sdk ships ``workers/utils.py`` from 1.5.2 (workers-py 1d5f751 factored it out of
``_workers.py``; 1.5.1's wheel has none), and its ``workers/__init__.py`` imports it, so there
``workers.utils`` is an attribute of ``workers`` at once. ``HTTPMessageMapping`` came into it with
1.8.1 (the 1.8.0 wheel has none: ``ImportError: cannot import name 'HTTPMessageMapping'``).
workerd's built-in SDK (``src/pyodide/internal/workers-api/src/workers/``: ``__init__.py``,
``_workers.py``, ``workflows.py``) has no such file, so there, and on an SDK before 1.5.2,
``import workers.utils`` is ``ModuleNotFoundError: No module named 'workers.utils'``.

The module is made afresh (:func:`new_utils_module`) for each Worker that imports it, by
:class:`~workers_env.runtime.sdksubmodules.SdkSubmoduleFinder` where the Worker's SDK has it (the
import scope keeps it as the Worker's own, :func:`workers_utils_module`), so the next Worker's
SDK decides again; the shared ``workers`` stand-in never keeps it as an attribute (its
``__getattr__`` hands it out in an era that has it).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from workers_env.runtime.current import current_runtime
from workers_env.runtime.sdkhttp import HTTPMessageMapping, _to_js_headers
from workers_env.runtime.workers_api import NonRetryableError, import_from_javascript

__all__ = ["new_utils_module", "workers_utils_module"]

#: the names of ``workers.utils`` that came after the module, with their release
_LATER = {"HTTPMessageMapping": (1, 8, 1)}

#: what workers-env has of the module's names (every release's): its public ones, and the private
#: ``_to_js_headers`` (every release's) that public Worker code imports to build a JS ``Response``
_NAMES: dict[str, Any] = {"HTTPMessageMapping": HTTPMessageMapping, "import_from_javascript": import_from_javascript,
                          "NonRetryableError": NonRetryableError, "_to_js_headers": _to_js_headers}

#: public names of the module that workers-env does not emulate (an import of one says so)
_NOT_EMULATED = frozenset({"patch_env", "get_compat_flag", "RESPONSE_ACCEPTED_TYPES"})


class _UtilsModule(ModuleType):
    """One Worker's ``workers.utils``: the names of its SDK's release."""

    def __init__(self, sdk_version: tuple[int, ...] | None):
        super().__init__("workers.utils")  # no __doc__: the SDK's utils.py has no docstring
        self.__dict__.update({name: value for name, value in _NAMES.items()
                              if sdk_version is None or sdk_version >= _LATER.get(name, ())})

    def __getattr__(self, name: str) -> Any:
        if name in _NOT_EMULATED:  # as ``workers.patch_env``: NotEmulatedError at import, else AttributeError
            from workers_env.runtime.standins import _missing_attribute

            raise _missing_attribute("workers.utils", name)
        raise AttributeError(f"module 'workers.utils' has no attribute {name!r}")


def new_utils_module() -> ModuleType:
    """A ``workers.utils`` for the running Worker: the names of its SDK's release (no Worker
    running: the newest's)."""
    era = getattr(current_runtime(), "era", None)
    return _UtilsModule(tuple(era.sdk_version) if era is not None and era.sdk_version is not None else None)


def workers_utils_module(module: Any) -> bool:
    """Whether ``module`` is one :func:`new_utils_module` made (the Worker's own)."""
    return issubclass(type(module), _UtilsModule)  # (its type: an odd sys.modules entry's __class__ may raise)
