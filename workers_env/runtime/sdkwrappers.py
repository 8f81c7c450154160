"""The wrappers both Python SDKs give Fetchers, Durable Object namespaces and Workflows in ``self.env``.

Their ``_EnvWrapper`` goes by the binding's JavaScript class: a ``Fetcher`` (a service binding,
``env.ASSETS``, a Durable Object stub) becomes ``_FetcherWrapper``, a ``DurableObjectNamespace``
``_DurableObjectNamespaceWrapper``, a ``WorkflowImpl`` ``_WorkflowBindingWrapper``. Which
wrapper depends on the SDK (:func:`sdk_wrapper`):

- **built-in SDK** (workerd ``workers/_workers.py``), and the external one before the releases
  in :mod:`.eras`: a stub's methods are ``async def``s converting with the built-in
  ``python_to_rpc`` (a ``dict`` becomes a ``Map``) and ``python_from_rpc`` (plain ``dict``); a
  Workflow instance's ``status``, ``pause``, ``resume``, ``terminate``, ``restart`` and
  ``send_event`` return the JavaScript call's promise without awaiting it, so ``await
  instance.status()`` is a :class:`PyodideFuture`, not the status.
- **external SDK** (workers-runtime-sdk ``workers/rpc.py``): the stub and the Workflow wrappers
  are ``_BindingWrapper``s -- arguments and results converted, ``send_event`` and ``create_batch``
  mapped to ``sendEvent`` and ``createBatch``.

Both: ``fetch`` of a Fetcher is ``workers.fetch`` sent through the binding; the namespace wrapper
passes everything through except ``get``/``getByName`` (the stub's wrapper) and ``jurisdiction``
(the namespace's wrapper again).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable
from typing import Any

from workers_env.runtime.envwrap import (
    _BindingWrapper,
    _wrap_result,
    rpc_args,
)
from workers_env.runtime.eras import (
    FETCHER_WRAPPER_CONVERTS_FROM,
    WORKFLOW_WRAPPER_CONVERTS_FROM,
)
from workers_env.runtime.fetchcalls import FetcherView
from workers_env.runtime.jsbindings import JsBinding
from workers_env.runtime.sdknames import SdkType, default_repr
from workers_env.runtime.webloop import unawaited
from workers_env.runtime.workers_api import (
    Response,
    sdk_python_from_rpc,
    sdk_python_to_rpc,
)

__all__ = ["sdk_wrapper"]


async def _settled(result: Any) -> Any:
    """``await`` of a JavaScript call's result: its promise's value (a method of yours written
    as a plain ``def`` answers at once, as a resolved promise would)."""
    return await result if inspect.isawaitable(result) else result


def _stub_of(namespace: JsBinding, method: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> JsBinding:
    """``namespace.get(...)``, ``getByName(...)``, ``jurisdiction(...)``: answered at once in
    production (a stub or a namespace, never a promise), so a stand-in must answer so too."""
    supplied = getattr(namespace._binding, method, None)
    result = None if inspect.iscoroutinefunction(supplied) else getattr(namespace, method)(*args, **kwargs)
    if result is None or inspect.isawaitable(result):
        if inspect.iscoroutine(result):
            result.close()
        raise TypeError(
            f"{namespace._name}.{method}() returned an awaitable: a Durable Object namespace's {method}() answers at "
            f"once in production (the stub itself, not a promise), so write {method} as a plain def in the object "
            f"you supply for {namespace._name}")
    if not isinstance(result, JsBinding):
        raise TypeError(
            f"{namespace._name}.{method}() returned {type(result).__name__}: the object you supply for "
            f"{namespace._name} must return an object (a stub with the Durable Object's methods)")
    return result


def _fetch(name: str, binding: JsBinding, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Awaitable[Response]:
    """Both SDKs' ``_FetcherWrapper.fetch``: ``workers.fetch(..., fetcher=binding.fetch)``."""
    return FetcherView(name, binding._binding).fetch(*args, **kwargs)


#: ``object.__repr__`` of the SDK's wrapper classes, which define none: ``print(self.env.SVC)``
#: writes ``<workers.rpc._FetcherWrapper object at 0x...>`` (``workers._workers`` in the built-in
#: SDK and before workers-runtime-sdk 1.6.4), as ``_BindingWrapper``'s and ``_EnvWrapper``'s do
#: (review79: ``<Fetcher SVC>``, a repr of workers-env's own)
_sdk_repr = default_repr

#: the module of the built-in SDK's wrappers (and the external SDK's before it converted): its
#: ``_workers.py`` at every date -- workerd 2026-08-22 ``src/pyodide/internal/workers-api``, built
#: into workerd itself (``pyodide_static``), whatever the Worker's Pyodide
BUILTIN_MODULE = "workers._workers"


# -- the built-in SDK's wrappers (and the external SDK's before it converted) -----------------


class _BuiltinFetcherWrapper(metaclass=SdkType):
    """The built-in SDK's ``_FetcherWrapper``: every method an ``async def``; arguments through its
    ``python_to_rpc`` (a ``dict`` a ``Map``), the awaited result through its ``python_from_rpc``;
    other attributes as JavaScript gives them."""

    _sdk_class = BUILTIN_MODULE

    def __init__(self, binding: JsBinding, name: str | None = None):
        self._binding = binding
        self._name = name or binding._name

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and "_binding" in self.__dict__:
            # (but an instance copy.copy made bare, no _binding yet: the name is looked up on _binding,
            # which recurses -- the SDKs' own RecursionError, whose __getattr__ has no such guard)
            raise AttributeError(name)
        attr = getattr(self._binding, name)
        if not callable(attr):
            return attr

        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            js_args = [sdk_python_to_rpc(a, builtin=True) for a in args]
            js_kwargs = {k: sdk_python_to_rpc(v, builtin=True) for k, v in kwargs.items()}
            return sdk_python_from_rpc(await _settled(attr(*js_args, **js_kwargs)), builtin=True)

        wrapper.__name__ = name
        setattr(self, name, wrapper)
        return wrapper

    def fetch(self, *args: Any, **kwargs: Any) -> Awaitable[Response]:
        return _fetch(self._name, self._binding, args, kwargs)

    __repr__ = _sdk_repr


class _PassThrough:
    """A wrapper that hands every attribute it does not define out as the JavaScript object has it."""

    def __init__(self, binding: JsBinding):
        self._binding = binding

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and "_binding" in self.__dict__:
            # (but an instance copy.copy made bare, no _binding yet: the name is looked up on _binding,
            # which recurses -- the SDKs' own RecursionError, whose __getattr__ has no such guard)
            raise AttributeError(name)
        return getattr(self._binding, name)


class _DurableObjectNamespaceWrapper(_PassThrough, metaclass=SdkType):
    """Both SDKs' ``_DurableObjectNamespaceWrapper``: JavaScript's namespace, but ``get`` and
    ``getByName`` hand the stub out through the SDK's ``_FetcherWrapper`` and ``jurisdiction``
    its namespace through this wrapper again. This one: the built-in SDK's (and before 1.3.0)."""

    _sdk_class: bool | str = BUILTIN_MODULE

    _stub_wrapper: type = _BuiltinFetcherWrapper

    def get(self, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(self._binding, JsBinding):  # a wrapper's wrapper: see jurisdiction
            return self._binding.get(*args, **kwargs)
        return self._stub_wrapper(_stub_of(self._binding, "get", args, kwargs))

    def getByName(self, *args: Any, **kwargs: Any) -> Any:  # noqa: N802 - JavaScript's name
        if not isinstance(self._binding, JsBinding):
            return self._binding.getByName(*args, **kwargs)
        return self._stub_wrapper(_stub_of(self._binding, "getByName", args, kwargs))

    def jurisdiction(self, *args: Any, **kwargs: Any) -> Any:
        """(Of a namespace wrapper wrapping the wrapper another ``_EnvWrapper`` handed out --
        ``type(self.env)(self.env).NS`` before workers-runtime-sdk 1.5.2 -- the stub or namespace
        that wrapper gives: the SDK wraps it once more, which calls and reads the same but for its
        ``_binding``; README, "Where we had to choose".)"""
        if not isinstance(self._binding, JsBinding):
            return self._binding.jurisdiction(*args, **kwargs)
        return type(self)(_stub_of(self._binding, "jurisdiction", args, kwargs))

    __repr__ = _sdk_repr


class _BuiltinWorkflowInstanceWrapper(_PassThrough, metaclass=SdkType):
    """The built-in SDK's ``_WorkflowInstanceWrapper``: attributes as JavaScript gives them;
    ``status``, ``pause``, ``resume``, ``terminate``, ``restart`` and ``send_event``
    (``sendEvent``) are ``async def``s returning the call's promise un-awaited (a
    :class:`PyodideFuture`), arguments unconverted."""

    _sdk_class = BUILTIN_MODULE

    async def send_event(self, *args: Any, **kwargs: Any) -> Any:
        return unawaited(self._binding.sendEvent(*args, **kwargs))

    async def pause(self, *args: Any, **kwargs: Any) -> Any:
        return unawaited(self._binding.pause(*args, **kwargs))

    async def resume(self, *args: Any, **kwargs: Any) -> Any:
        return unawaited(self._binding.resume(*args, **kwargs))

    async def terminate(self, *args: Any, **kwargs: Any) -> Any:
        return unawaited(self._binding.terminate(*args, **kwargs))

    async def restart(self, *args: Any, **kwargs: Any) -> Any:
        return unawaited(self._binding.restart(*args, **kwargs))

    async def status(self, *args: Any, **kwargs: Any) -> Any:
        return unawaited(self._binding.status(*args, **kwargs))

    __repr__ = _sdk_repr


class _BuiltinWorkflowBindingWrapper(_PassThrough, metaclass=SdkType):
    """The built-in SDK's ``_WorkflowBindingWrapper``: ``get``/``create`` await the call (arguments
    unconverted) and wrap the instance; ``create_batch`` is ``createBatch``, each instance wrapped."""

    _sdk_class = BUILTIN_MODULE

    _instance_wrapper: type = _BuiltinWorkflowInstanceWrapper

    async def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._instance_wrapper(await _settled(self._binding.get(*args, **kwargs)))

    async def create(self, *args: Any, **kwargs: Any) -> Any:
        return self._instance_wrapper(await _settled(self._binding.create(*args, **kwargs)))

    async def create_batch(self, *args: Any, **kwargs: Any) -> list[Any]:
        return [self._instance_wrapper(w) for w in await _settled(self._binding.createBatch(*args, **kwargs))]

    __repr__ = _sdk_repr


# -- the external SDK's wrappers (workers/rpc.py) --------------------------------------------


class _FetcherWrapper(_BindingWrapper):
    """The external SDK's ``_FetcherWrapper``: a ``_BindingWrapper`` (every call converted) whose
    ``fetch`` is ``workers.fetch`` through the binding."""

    _sdk_class = True

    def __init__(self, binding: JsBinding, name: str | None = None):
        if binding is self:  # (the SDK's _idempotent_new handed it back)
            return
        super().__init__(binding)
        self._name = name or binding._name

    def fetch(self, *args: Any, **kwargs: Any) -> Awaitable[Response]:
        return _fetch(self._name, self._binding, args, kwargs)

    def _nested(self, value: Any) -> _FetcherWrapper:
        """``self.__class__(value)``: a JS object (before 1.6.5 a function too) a stub's call gave back."""
        nested = _FetcherWrapper(value, getattr(value, "_name", None) or self._name)
        nested._era = self.__dict__.get("_era")
        return nested


class _ExternalDurableObjectNamespaceWrapper(_DurableObjectNamespaceWrapper):
    """The external SDK's ``_DurableObjectNamespaceWrapper`` (from 1.3.0): its stubs convert."""

    _sdk_class = True
    _stub_wrapper = _FetcherWrapper


class _WorkflowInstanceWrapper(_BindingWrapper):
    """The external SDK's ``_WorkflowInstanceWrapper``: a ``_BindingWrapper`` (``status()`` the
    converted status) with ``send_event`` for ``sendEvent``."""

    _sdk_class = True

    async def send_event(self, *args: Any, **kwargs: Any) -> Any:
        js_args, js_kwargs = rpc_args(args, kwargs)
        return _wrap_result(await _settled(self._binding.sendEvent(*js_args, **js_kwargs)), None, self)


class _WorkflowBindingWrapper(_BindingWrapper):
    """The external SDK's ``_WorkflowBindingWrapper``: ``get``, ``create`` and ``create_batch``
    (``createBatch``) convert their arguments and wrap each instance."""

    _sdk_class = True

    async def get(self, *args: Any, **kwargs: Any) -> _WorkflowInstanceWrapper:
        js_args, js_kwargs = rpc_args(args, kwargs)
        return _WorkflowInstanceWrapper(await _settled(self._binding.get(*js_args, **js_kwargs)))

    async def create(self, *args: Any, **kwargs: Any) -> _WorkflowInstanceWrapper:
        js_args, js_kwargs = rpc_args(args, kwargs)
        return _WorkflowInstanceWrapper(await _settled(self._binding.create(*js_args, **js_kwargs)))

    async def create_batch(self, *args: Any, **kwargs: Any) -> list[_WorkflowInstanceWrapper]:
        js_args, js_kwargs = rpc_args(args, kwargs)
        return [_WorkflowInstanceWrapper(w) for w in await _settled(self._binding.createBatch(*js_args, **js_kwargs))]


# Worker code reads the SDK's class names (``type(x).__name__``), whichever SDK's they are
for _cls, _sdk_name in ((_BuiltinFetcherWrapper, "_FetcherWrapper"),
                        (_ExternalDurableObjectNamespaceWrapper, "_DurableObjectNamespaceWrapper"),
                        (_BuiltinWorkflowInstanceWrapper, "_WorkflowInstanceWrapper"),
                        (_BuiltinWorkflowBindingWrapper, "_WorkflowBindingWrapper")):
    _cls.__name__ = _cls.__qualname__ = _sdk_name

#: the external SDK's classes as ``workers.rpc`` names them (isinstance checks hold for what
#: ``self.env`` hands out in that era)
RPC_CLASSES: dict[str, type] = {
    "_FetcherWrapper": _FetcherWrapper,
    "_DurableObjectNamespaceWrapper": _ExternalDurableObjectNamespaceWrapper,
    "_WorkflowInstanceWrapper": _WorkflowInstanceWrapper,
    "_WorkflowBindingWrapper": _WorkflowBindingWrapper,
}


def sdk_wrapper(name: str, binding: JsBinding, era: Any) -> Any:
    """``self.env.<name>`` for a Fetcher, Durable Object namespace or Workflow ``binding`` as the
    SDK of ``era`` (an :class:`~workers_env.runtime.eras.Era`; ``None``: the newest) wraps it."""

    def converts_from(version: tuple[int, ...]) -> bool:
        return era is None or era.sdk_at_least(version)

    js_class = binding._js_class
    if js_class == "WorkflowImpl":
        if converts_from(WORKFLOW_WRAPPER_CONVERTS_FROM):
            return _WorkflowBindingWrapper(binding)
        return _BuiltinWorkflowBindingWrapper(binding)
    converts = converts_from(FETCHER_WRAPPER_CONVERTS_FROM)
    if js_class == "DurableObjectNamespace":
        return _ExternalDurableObjectNamespaceWrapper(binding) if converts else _DurableObjectNamespaceWrapper(binding)
    return _FetcherWrapper(binding, name) if converts else _BuiltinFetcherWrapper(binding, name)
