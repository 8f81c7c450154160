"""The module production names the SDK classes Worker code sees (``workers.FormData``,
``Blob``, ``File``, ``Request``, ``Response``, the entry-point base classes and ``self.env``'s
wrapper), per the Worker's SDK.

The built-in SDK defines them all in ``workers._workers`` (workerd's
``src/pyodide/internal/workers-api/src/workers/_workers.py``), and so did ``workers-runtime-sdk``
until 1.5.1; from 1.5.2 (workers-py 7c5179f, "factor out request, response, and other type
definitions") each has a module of its own: ``workers.formdata``, ``workers.blob``,
``workers.request``, ``workers.response``. A Worker sees the name in ``type(x).__module__``, the
class's ``repr`` and the default ``repr`` of an instance -- which is what a ``FormData`` or a
``Blob`` passed unconverted as a fetch body sends (``<workers._workers.FormData object at ...>``).
The entry-point base classes (``WorkerEntrypoint``, ``DurableObject``, ``WorkflowEntrypoint``) and
``self.env``'s ``_EnvWrapper`` stayed in ``workers._workers`` until 1.6.3; from 1.6.4 (workers-py
988167b, "refactor bindings and entrypoints") they are ``workers.entrypoints`` and ``workers.rpc``
-- so ``print(self.env)`` writes ``<workers.rpc._EnvWrapper object at ...>`` there. The headers
message ``HTTPMessageMapping`` (1.8.1 on) is ``workers.utils``'. A converted binding result, the
SDK's ``JsDict`` (from 1.3.0), is ``workers._workers``' until 1.5.1 and ``workers.rpc``'s from
1.5.2, whose ``rpc.py`` took it first (workers-py 1d5f751). The wrappers ``self.env`` hands out
(``_BindingWrapper``, ``_FetcherWrapper``, ``_DurableObjectNamespaceWrapper``, the Workflow ones;
``_RpcStubWrapper`` from 1.6.5) moved with ``_EnvWrapper``; the built-in SDK's are
``workers._workers``' at every date (workerd builds ``workers-api/`` into its own bundle, not the
per-Pyodide one). An instance's ``__module__`` reads its class's name, as Python's own does.
"""

from __future__ import annotations

import copyreg
import importlib
from abc import ABCMeta
from typing import Any

from workers_env._jsvalues import InstanceModule, name_sdk_dicts_by
from workers_env.runtime.current import current_runtime

__all__ = ["SdkClass", "SdkType", "class_named", "sdk_module"]

#: the ``workers-runtime-sdk`` release whose classes left ``workers._workers``
SPLIT_SINCE = (1, 5, 2)
#: the release whose entry-point base classes and ``_EnvWrapper`` left it too
ENTRYPOINTS_SPLIT_SINCE = (1, 6, 4)

_OWN_MODULES = {"Blob": "workers.blob", "File": "workers.blob", "FormData": "workers.formdata",
                "Request": "workers.request", "Response": "workers.response",
                "WorkerEntrypoint": "workers.entrypoints", "DurableObject": "workers.entrypoints",
                "WorkflowEntrypoint": "workers.entrypoints", "_EnvWrapper": "workers.rpc",
                "_BindingWrapper": "workers.rpc", "_RpcStubWrapper": "workers.rpc", "_FetcherWrapper": "workers.rpc",
                "_DurableObjectNamespaceWrapper": "workers.rpc", "_WorkflowInstanceWrapper": "workers.rpc",
                "_WorkflowBindingWrapper": "workers.rpc", "HTTPMessageMapping": "workers.utils"}

_SPLIT_SINCE = {name: ENTRYPOINTS_SPLIT_SINCE if module in {"workers.entrypoints", "workers.rpc"}
                else SPLIT_SINCE for name, module in _OWN_MODULES.items()}
#: the release whose ``python_from_rpc`` first rebuilt results as ``JsDict`` (workers-py b12650e), in
#: ``workers._workers``; ``workers/rpc.py`` took it from 1.5.2 (workers-py 1d5f751), before the wrappers
JS_DICT_SINCE = (1, 3, 0)
_OWN_MODULES["JsDict"] = "workers.rpc"
_SPLIT_SINCE["JsDict"] = SPLIT_SINCE


def sdk_module(name: str, era: Any = None) -> str:
    """The module of the SDK class ``name`` for ``era``, else the running Worker's (outside
    Worker code, the newest SDK's)."""
    if era is None:
        era = getattr(current_runtime(), "era", None)
    if era is not None and not era.sdk_at_least(_SPLIT_SINCE[name]):
        return "workers._workers"
    return _OWN_MODULES[name]


class SdkType(type):
    """Metaclass of the SDK classes: their ``__module__`` (and so their ``repr``) is production's
    for the running Worker's SDK -- ``_sdk_class = True`` in a class's body: by the SDK era
    (:func:`sdk_module`), a module's name: always that one; a subclass of them keeps its own. Its
    own module and name stay in ``_own_name``, which ``pickle`` finds the class by (a class shown
    under another name -- the built-in SDK's ``_FetcherWrapper`` -- pickles as itself)."""

    _own_name: tuple[str, str]

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> Any:
        own = namespace.get("__module__", "")
        if namespace.get("_sdk_class") and isinstance(own, str):  # an instance's x.__module__ too
            namespace = {**namespace, "__module__": InstanceModule(own)}
        cls = super().__new__(mcs, name, bases, namespace, **kwargs)
        shown = namespace.get("__module__", "")
        type.__setattr__(cls, "_own_name", (shown.own if isinstance(shown, InstanceModule) else shown,
                                            cls.__qualname__))
        return cls

    @property
    def __module__(cls) -> str:  # type: ignore[override]  # a computed name is the point
        sdk = cls.__dict__.get("_sdk_class")
        if isinstance(sdk, str):
            return sdk
        if sdk:
            return sdk_module(cls.__name__)
        return cls._own_name[0]

    def __repr__(cls) -> str:
        return f"<class '{cls.__module__}.{cls.__qualname__}'>"


class SdkClass(SdkType, ABCMeta):
    """:class:`SdkType` for the SDK classes that are abstract base classes' (``FormData`` is a
    ``MutableMapping``) or are checked against them."""

    # a class body's own ``__module__`` string would come before SdkType's property in the lookup
    __module__ = SdkType.__dict__["__module__"]


def default_repr(value: Any) -> str:
    """``object.__repr__`` with the class's module as :class:`SdkClass` gives it."""
    cls = type(value)
    return f"<{cls.__module__}.{cls.__qualname__} object at {hex(id(value))}>"


def class_named(module: str, qualname: str) -> type:
    """The class ``qualname`` of the (real) module ``module``: what :func:`_reduce_class` pickles."""
    found: Any = importlib.import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    return found  # type: ignore[no-any-return]


def _js_dict_module() -> str | None:
    """The module the external SDK's ``JsDict`` (a converted result) is in for the running
    Worker's SDK -- ``None`` where that SDK has none (the built-in one, before 1.3.0), which hands
    out no such value; outside Worker code, the newest SDK's."""
    era = getattr(current_runtime(), "era", None)
    if era is None:
        return _OWN_MODULES["JsDict"]
    return sdk_module("JsDict", era) if era.sdk_at_least(JS_DICT_SINCE) else None


name_sdk_dicts_by(_js_dict_module)


def _reduce_class(cls: SdkType) -> tuple[Any, tuple[str, str]]:
    """``pickle`` of an SDK class (and so of an instance) by the module and name that define it
    here: the production name it shows is no module locally, as ``pickle`` would otherwise import it."""
    return class_named, cls._own_name


copyreg.pickle(SdkType, _reduce_class)  # type: ignore[arg-type]
copyreg.pickle(SdkClass, _reduce_class)  # type: ignore[arg-type]
