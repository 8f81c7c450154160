"""The ``workers`` module a Python Worker imports, as the Python Workers SDK defines it.

Covers what worker code commonly touches: ``WorkerEntrypoint`` (``self.env`` wrapped,
``self.ctx``), ``Request``, ``Response`` (with the static ``Response.json``),
``FetchResponse``, ``fetch`` and the ``handler`` decorator for legacy ``on_fetch``.
Each SDK class wraps the JavaScript object from :mod:`jsweb`, as in production.

Here are its ``__all__`` (the names the ``workers`` stand-in of runtime/standins.py takes) and its
own functions and classes: ``fetch``, ``handler``, the entry-point classes, ``wait_until``,
``import_from_javascript`` and the RPC conversions. ``Request``, ``Response`` and ``FetchResponse``
are runtime/sdkhttp.py's, the fetch calls under ``fetch`` runtime/fetchcalls.py's, the subrequest
they send runtime/subrequests.py's and ``pyodide.http``'s errors runtime/httperrors.py's.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from http import HTTPMethod
from typing import Any

from workers_env import _jsvalues
from workers_env._errors import JsException, NotEmulatedError, is_users_mistake
from workers_env.runtime import envwrap, httperrors, rpcvalues
from workers_env.runtime.current import (
    GLOBAL_SCOPE_ERROR,
    current_context,
    current_runtime,
    in_global_scope,
    pyodide_028,
)
from workers_env.runtime.envwrap import env_wrapper
from workers_env.runtime.fetchcalls import _pyfetch
from workers_env.runtime.forms import Blob, File, FormData
from workers_env.runtime.jsproxy import JsArray, JsBufferSource, JsMap, JsObject, JsProxy
from workers_env.runtime.jsweb import JsRequest
from workers_env.runtime.sdkhttp import FetchResponse, Request, Response
from workers_env.runtime.sdknames import SdkClass

__all__ = [
    "Blob",
    "FetchResponse",
    "File",
    "FormData",
    "Request",
    "Response",
    "DurableObject",
    "WorkerEntrypoint",
    "WorkflowEntrypoint",
    "fetch",
    "handler",
    "import_from_javascript",
    "python_from_rpc",
    "python_to_rpc",
]

#: (the name pickles of a 314.0.x ``pyodide.http`` error made before httperrors.py call: they still load)
_made_314 = httperrors._made_314


async def fetch(resource: Any, **other_options: Any) -> Response:
    """Outgoing HTTP request (``workers.fetch``), made with the standard library. As both SDKs
    do, a ``workers.Request`` is its JS Request and the options go to Pyodide's ``pyfetch``, which
    hands JavaScript's ``fetch(resource, init)`` one init of all of them, ``to_js``-converted (a
    ``bytes`` body is a Uint8Array, a tuple of header pairs an Array): so they apply over a
    Request given too, unlike ``workers.Request``'s keywords (``js.Request.new(url, **options)``).
    The answer is a new ``Response`` over pyfetch's JS response, without its abort controller.
    On Pyodide 0.26 a ``request=`` keyword is the ``TypeError`` of the SDKs' patched pyfetch,
    whose first parameter has that name; on 0.28 it is one more field of the init, ignored."""
    if isinstance(resource, Request):
        resource = resource.js_object
    if isinstance(other_options.get("method"), HTTPMethod):
        other_options["method"] = other_options["method"].value
    if "request" in other_options and not pyodide_028():
        # on Pyodide 0.26 both SDKs call their patched copy of pyfetch, whose first parameter is
        # named ``request`` (``_pyfetch_patched(request, **kwargs)``), with the options as keywords
        raise TypeError("_pyfetch_patched() got multiple values for argument 'request'")
    try:
        js_response, _controller, _signal = await _pyfetch(resource, other_options, sdk_patched=True)
    except OSError as error:
        if not is_users_mistake(error):
            raise
        raise error.with_traceback(None) from None  # this frame alone, as pyfetch's (see _fetch_failed)
    return Response(js_response)


def handler(func: Callable[..., Any]) -> Callable[..., Any]:
    """Decorator for legacy ``on_fetch``: converts the JS request and wraps ``env``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], JsRequest):
            args = (Request(args[0]), *args[1:])
        if len(args) > 1:
            args = (args[0], env_wrapper(args[1]), *args[2:])
        return func(*args, **kwargs)

    return wrapper


class DurableObject(metaclass=SdkClass):
    """Base class of a Durable Object (``class Counter(DurableObject)``), as both SDKs define it.

    Importable so that a Worker defining one loads and serves its other routes; Durable Object
    namespaces are not emulated (using the binding raises ``BindingNotEmulatedError``), so
    workers-env never builds one itself -- a test may, as ``Counter(ctx, env)``.
    """

    # no class annotations, as the built-in SDK's have none: typing.get_type_hints() of a
    # Worker's subclass resolves them through this class's module, which production names
    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, ctx: Any, env: Any):
        self.ctx = ctx
        self.env = env_wrapper(env)


class WorkflowEntrypoint(metaclass=SdkClass):
    """Base class of a Workflow (``class MyFlow(WorkflowEntrypoint)``), as both SDKs define it:
    importable, as :class:`DurableObject` is; Workflows are not emulated."""

    # no class annotations, as the built-in SDK's have none: typing.get_type_hints() of a
    # Worker's subclass resolves them through this class's module, which production names
    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, ctx: Any, env: Any):
        self.ctx = ctx
        self.env = env_wrapper(env)


class NonRetryableError(Exception):
    """``workers.workflows.NonRetryableError``: raised in a Workflow step so it is not retried,
    as both SDKs define it (importable, so a Worker defining a Workflow loads)."""


class WorkerEntrypoint(metaclass=SdkClass):
    """Base class of a Worker's entry point: ``class Default(WorkerEntrypoint)``.

    Constructed as ``Default(ctx, env)`` for each request; ``self.env`` is wrapped so
    binding calls convert arguments and results (subclass ``__init__`` receives it wrapped).
    """

    # no class annotations, as the built-in SDK's have none: typing.get_type_hints() of a
    # Worker's subclass resolves them through this class's module, which production names
    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, ctx: Any, env: Any):
        self.ctx = ctx
        self.env = env_wrapper(env)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        original = cls.__dict__.get("__init__")
        if original is None:
            return

        @functools.wraps(original)
        def wrapped_init(self: Any, *args: Any, **kw: Any) -> None:
            if len(args) > 1:
                args = (args[0], env_wrapper(args[1]), *args[2:])
            original(self, *args, **kw)

        cls.__init__ = wrapped_init  # type: ignore[method-assign]


def wait_until(awaitable: Any) -> None:
    """``cloudflare:workers``' ``waitUntil`` (``from workers import wait_until``): the running
    request's ``ctx.waitUntil``, for code that has no ``ctx`` at hand."""
    ctx = current_context()
    if ctx is None:
        raise JsException(GLOBAL_SCOPE_ERROR)
    ctx.waitUntil(awaitable)


def import_from_javascript(module_name: str) -> Any:
    """``workers.import_from_javascript``: ``cloudflare:workers`` (``env``, ``waitUntil``) and
    ``cloudflare:sockets`` anywhere, as both SDKs import them ahead (``connect`` raises
    :class:`NotEmulatedError`). Other modules production imports with ``run_sync`` (JSPI): on
    Pyodide 0.26 (before 2025-09-29) ``pyodide.ffi`` has no ``run_sync``, so any other name is the
    SDK's ``ImportError`` wherever it is called; from 0.28 on, anywhere -- the module's top level
    too, which workerd imports with ``callPromising`` (``pyimportMainModule``,
    python-entrypoint-helper.ts; workerd's ``top-level-tests``) -- ``cloudflare:vectorize``'s
    constants among them."""
    from types import SimpleNamespace

    if module_name == "cloudflare:workers":
        runtime = current_runtime()
        return SimpleNamespace(env=getattr(runtime, "js_env", None), waitUntil=wait_until)
    if module_name == "cloudflare:sockets":
        return SimpleNamespace(connect=_sockets_connect)
    if not pyodide_028():  # the SDK's ``from pyodide.ffi import run_sync`` fails on 0.26
        raise ImportError(f"Failed to import '{module_name}': Only 'cloudflare:workers' and 'cloudflare:sockets' are "
                          "available until the next python runtime version.")
    if module_name == "cloudflare:vectorize":  # constant tables (workerd src/cloudflare/vectorize.ts)
        return SimpleNamespace(
            KnownModel=JsObject({m: m for m in ("openai/text-embedding-ada-002", "cohere/embed-multilingual-v2.0",
                                                "@cf/baai/bge-small-en-v1.5", "@cf/baai/bge-base-en-v1.5",
                                                "@cf/baai/bge-large-en-v1.5")}),
            DistanceMetric=JsObject({"EUCLIDEAN": "euclidean", "COSINE": "cosine", "DOT_PRODUCT": "dot-product"}),
            MetadataRetrievalLevel=JsObject({"ALL": "all", "INDEXED": "indexed", "NONE": "none"}),
        )
    raise ImportError(
        f"Failed to import '{module_name}': JavaScript module {module_name!r} is not emulated by workers-env "
        "(cloudflare:workers, cloudflare:sockets and cloudflare:vectorize are; see \"The `workers` module\" "
        "in docs/runtime-stand-ins.md)"
    )


def _sockets_connect(*args: Any, **kwargs: Any) -> Any:
    if in_global_scope():  # connectImpl asks IoContext::current() before anything else (sockets.c++)
        raise JsException(GLOBAL_SCOPE_ERROR)
    raise NotEmulatedError("cloudflare:sockets connect() is not emulated by workers-env: outbound TCP sockets need "
                           "Cloudflare's network. Keep it out of the code your tests run, or patch connect in them")


def _builtin_sdk() -> bool:
    era = getattr(current_runtime(), "era", None)
    return era is not None and not era.external_sdk


def python_from_rpc(obj: Any) -> Any:
    """``workers.python_from_rpc``: JS -> Python as the running Worker's SDK converts.

    Both SDKs run ``to_py()`` with their default converter (Response, Request, Date, Error,
    ...); the external one then makes objects ``JsDict`` and ``null`` ``None``, the built-in
    one stops there (plain ``dict``).
    """
    return sdk_python_from_rpc(obj, builtin=_builtin_sdk())


def sdk_python_from_rpc(obj: Any, *, builtin: bool) -> Any:
    """:func:`python_from_rpc` as the built-in SDK (``builtin``) or the external one converts."""
    if isinstance(obj, JsProxy) and not isinstance(obj, _jsvalues.JsSet):
        if isinstance(obj, (JsObject, JsArray, JsMap, JsBufferSource)):
            obj = obj.to_py(default_converter=rpcvalues.from_rpc_default)
        else:
            obj = rpcvalues.from_rpc_default(obj)
        if builtin:
            return obj
    elif builtin:
        if isinstance(obj, _jsvalues.JsSet):  # to_py of a Set: a set
            return {sdk_python_from_rpc(v, builtin=True) for v in obj}
        return obj
    return rpcvalues.python_from_rpc(obj)


def python_to_rpc(value: Any) -> Any:
    """``workers.python_to_rpc``: Python -> JS as the running Worker's SDK converts.

    The external SDK makes dicts plain objects; the built-in one makes them ``Map``s.
    """
    return sdk_python_to_rpc(value, builtin=_builtin_sdk())


def sdk_python_to_rpc(value: Any, *, builtin: bool) -> Any:
    """:func:`python_to_rpc` as the built-in SDK (``builtin``) or the external one converts."""
    return envwrap.builtin_python_to_rpc(value) if builtin else envwrap.python_to_rpc(value)
