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

from typing import Any

from workers_env._sdkclasses import SdkClass, SdkType, class_named, name_sdk_classes_by
from workers_env.runtime.current import current_runtime

# SdkType, SdkClass and class_named are _sdkclasses.py's (JsDict, below the runtime, is made by
# them too), named here as well for the runtime's SDK classes -- class_named also for the pickles
# made before they moved, which name it here
__all__ = ["SdkClass", "SdkType", "class_named", "default_repr", "sdk_module"]

#: the ``workers-runtime-sdk`` release whose classes left ``workers._workers``
SPLIT_SINCE = (1, 5, 2)
#: the release whose entry-point base classes and ``_EnvWrapper`` left it too
ENTRYPOINTS_SPLIT_SINCE = (1, 6, 4)
#: the release whose ``python_from_rpc`` first rebuilt results as ``JsDict`` (workers-py b12650e), in
#: ``workers._workers``; ``workers/rpc.py`` took it from 1.5.2 (workers-py 1d5f751), before the wrappers
JS_DICT_SINCE = (1, 3, 0)

_BUILTIN = "workers._workers"

#: each SDK class's module, newest first: ``(release, module)``, the module from that release on;
#: the last, ``()``, before them all and in the built-in SDK (``None``: the SDK has no such class).
#: The data of every ``_sdk_class = True`` class's ``__module__`` (_sdkclasses.py's metaclass).
_MODULES: dict[str, tuple[tuple[tuple[int, ...], str | None], ...]] = {
    **{name: ((SPLIT_SINCE, module), ((), _BUILTIN)) for name, module in (
        ("Blob", "workers.blob"), ("File", "workers.blob"), ("FormData", "workers.formdata"),
        ("Request", "workers.request"), ("Response", "workers.response"), ("HTTPMessageMapping", "workers.utils"))},
    **{name: ((ENTRYPOINTS_SPLIT_SINCE, module), ((), _BUILTIN)) for name, module in (
        ("WorkerEntrypoint", "workers.entrypoints"), ("DurableObject", "workers.entrypoints"),
        ("WorkflowEntrypoint", "workers.entrypoints"), ("_EnvWrapper", "workers.rpc"), ("_BindingWrapper", "workers.rpc"),
        ("_RpcStubWrapper", "workers.rpc"), ("_FetcherWrapper", "workers.rpc"),
        ("_DurableObjectNamespaceWrapper", "workers.rpc"), ("_WorkflowInstanceWrapper", "workers.rpc"),
        ("_WorkflowBindingWrapper", "workers.rpc"))},
    "JsDict": ((SPLIT_SINCE, "workers.rpc"), (JS_DICT_SINCE, _BUILTIN), ((), None)),
}


def sdk_module(name: str, era: Any = None) -> str | None:
    """The module of the SDK class ``name`` for ``era``, else the running Worker's (outside
    Worker code, the newest SDK's); ``None`` where that SDK has no such class, or ``name`` is no
    SDK class's (its class then shows its own module)."""
    steps = _MODULES.get(name)
    if steps is None:
        return None
    if era is None:
        era = getattr(current_runtime(), "era", None)
        if era is None:
            return steps[0][1]
    for since, module in steps:
        if not since or era.sdk_at_least(since):
            return module
    return None  # (the last step has no release: never here)


name_sdk_classes_by(sdk_module)


def default_repr(value: Any) -> str:
    """``object.__repr__`` with the class's module as :class:`SdkClass` gives it."""
    cls = type(value)
    return f"<{cls.__module__}.{cls.__qualname__} object at {hex(id(value))}>"
