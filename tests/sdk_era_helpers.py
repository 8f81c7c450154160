"""The SDK classes Worker code sees, and the module production shows each in, SDK era by SDK era,
for the in-process tests of what every piece of Python reads of them (repr, help(), pickle, ...).

Each era is what a Worker runs with (runtime/eras.py's ``Era``), made the running one with
:func:`running`; ``None`` is outside Worker code (the newest SDK's names). The modules are
production's, measured in real Pyodide with each SDK (wrap54's tools/pyodide/sdk_wrapper_names_probe.mjs,
hunt54): the built-in SDK's classes are ``workers._workers``' at every date; workers-runtime-sdk's
were too until 1.5.1 (``JsDict`` from 1.3.0), ``FormData`` and the like have their own modules from
1.5.2 (``JsDict`` ``workers.rpc``), the entry-point classes and ``self.env``'s wrappers from 1.6.4.
Before an SDK has ``JsDict``, the class shows workers-env's own module."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workers_env._jsvalues import JsDict, JsMapResult
from workers_env.runtime import envwrap, sdkwrappers
from workers_env.runtime.current import WorkerRuntime, restore, swap
from workers_env.runtime.eras import Era
from workers_env.runtime.forms import Blob, File, FormData
from workers_env.runtime.workers_api import DurableObject, Request, Response, WorkerEntrypoint, WorkflowEntrypoint

#: the classes, by the name production gives them (a class shown under another name: that name)
CLASSES: dict[str, type] = {
    "JsDict": JsDict, "JsMapResult": JsMapResult, "FormData": FormData, "Blob": Blob, "File": File,
    "Request": Request, "Response": Response, "WorkerEntrypoint": WorkerEntrypoint,
    "DurableObject": DurableObject, "WorkflowEntrypoint": WorkflowEntrypoint,
    "_BindingWrapper": envwrap._BindingWrapper, "_RpcStubWrapper": envwrap._RpcStubWrapper,
    "_EnvWrapper": envwrap._EnvWrapper, "_FetcherWrapper": sdkwrappers._FetcherWrapper,
    "builtin _FetcherWrapper": sdkwrappers._BuiltinFetcherWrapper,
}

_NEWEST = {"JsDict": "workers.rpc", "JsMapResult": "workers.rpc", "FormData": "workers.formdata",
           "Blob": "workers.blob", "File": "workers.blob", "Request": "workers.request", "Response": "workers.response",
           "WorkerEntrypoint": "workers.entrypoints", "DurableObject": "workers.entrypoints",
           "WorkflowEntrypoint": "workers.entrypoints", "_BindingWrapper": "workers.rpc", "_RpcStubWrapper": "workers.rpc",
           "_EnvWrapper": "workers.rpc", "_FetcherWrapper": "workers.rpc", "builtin _FetcherWrapper": "workers._workers"}
_OLD = dict.fromkeys(_NEWEST, "workers._workers")
_NO_JSDICT = {"JsDict": "workers_env._jsvalues", "JsMapResult": "workers_env._jsvalues"}
_SPLIT = {name: module for name, module in _NEWEST.items()
          if module not in ("workers.entrypoints",) and name not in ("_BindingWrapper", "_RpcStubWrapper", "_EnvWrapper",
                                                                     "_FetcherWrapper")}


def _external(version: tuple[int, ...]) -> Era:
    return Era(date="2026-05-01", external_sdk=True, sdk_version=version)


#: (id, the running era -- None: outside Worker code --, the module each class shows there)
ERAS: list[tuple[str, Era | None, dict[str, str]]] = [
    ("outside-worker-code", None, _NEWEST),
    ("built-in-sdk", Era(date="2025-11-02", external_sdk=False, sdk_version=None), _OLD | _NO_JSDICT),
    ("sdk-1.2.0", _external((1, 2, 0)), _OLD | _NO_JSDICT),
    ("sdk-1.3.0", _external((1, 3, 0)), _OLD),
    ("sdk-1.5.2", _external((1, 5, 2)), _OLD | _SPLIT),
    ("sdk-1.6.4", _external((1, 6, 4)), _NEWEST),
    ("sdk-1.9.5", _external((1, 9, 5)), _NEWEST),
]


def era_params() -> Any:
    """``ERAS`` as pytest parameters, named by their ids."""
    import pytest

    return [pytest.param(era, modules, id=name) for name, era, modules in ERAS]


@contextmanager
def running(era: Era | None) -> Iterator[None]:
    """``era``'s Worker as the running one (``None``: no Worker), as a Worker's code step marks it."""
    previous = swap(WorkerRuntime(None, era) if era is not None else None)
    try:
        yield
    finally:
        restore(previous)


def shown_name(name: str) -> str:
    """The class name production shows for ``CLASSES``' key ``name``."""
    return {"JsMapResult": "JsDict", "builtin _FetcherWrapper": "_FetcherWrapper"}.get(name, name)
