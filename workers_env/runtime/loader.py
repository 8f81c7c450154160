"""Loading a Python Worker's ``main`` file and dispatching requests to its handler.

Dispatch follows workerd: from compatibility date 2025-08-14 (flag
``python_no_global_handlers``) only ``class Default(WorkerEntrypoint)`` is dispatched;
before that a module-level ``on_fetch`` is too (a ``Default`` class beside it wins), and a
``Default`` class's handlers are its ``on_fetch``/``on_scheduled``/``on_queue`` methods
(workerd renames them). A ``Default`` instance is built per request as ``Default(ctx, env)``; ``fetch`` is called
leniently (extra arguments dropped) with a ``workers.Request``. ``on_fetch`` receives the
raw JavaScript request, env and ctx. ``scheduled``/``queue`` (``on_scheduled``/``on_queue``)
run the same way for Cron Triggers and queue deliveries. The config's era
(:mod:`workers_env.runtime.eras`) decides how ``self.env`` hands out bindings.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import datetime
import difflib
import functools
import importlib
import inspect
import math
import os
import re
import sys
import threading
from collections.abc import Callable, Mapping
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from workers_env import _loglevel
from workers_env._env import cf_worker_zone_of, env_clock
from workers_env._errors import ConfigError, JsException, NotEmulatedError, WorkersEnvError, add_hint, users_mistake
from workers_env._oneload import resolved
from workers_env._jsvalues import handed_back
from workers_env.assets.server import AssetServer, assets_config
from workers_env.config.bindings import queue_entries
from workers_env.config.build import build_command, build_syncs, unfound_pyproject
from workers_env.config.compat import (
    ALLOW_EVAL_DURING_STARTUP,
    BROTLI_CONTENT_ENCODING,
    ENABLE_REQUEST_SIGNAL,
    FETCH_STANDARD_URL,
    FIXUP_TRANSFORM_STREAM_BACKPRESSURE,
    INTERNAL_WRITABLE_STREAM_ABORT_CLEARS_QUEUE,
    PIPE_TO_BACKWARD_PROPAGATION,
    PYTHON_FORCE_NEW_VENDOR_PATH,
    PYTHON_NO_GLOBAL_HANDLERS,
    PYTHON_PROCESS_PTH_FILES,
    REQUEST_SIGNAL_PASSTHROUGH,
    SPEC_COMPLIANT_DISPATCH_EXCEPTIONS,
    STRIP_AUTHORIZATION_ON_CROSS_ORIGIN_REDIRECT,
    TRANSFORM_STREAM_STANDARD_CONSTRUCTOR,
    WRITABLE_STREAM_SPEC_COMPLIANT_WRITER,
    cache_modes,
    compatibility_date,
    compatibility_date_problem,
    compatibility_flags_problem,
    flag_enabled,
    set_by_flag,
    node_globals,
    python_release,
    workerd_flag_values,
)
from workers_env.config.routes import cf_worker_zone
from workers_env.queues.assembly import queue_broker
from workers_env.config.uploads import (
    cf_requirements_warning,
    python_modules_problem,
    requirements_txt_names,
    uploads_of,
)
from workers_env.config.wrangler import display_path
from workers_env.runtime import identity, newloops, osenviron, processes, sockets, threadpool, timers, zonedata
from workers_env.runtime.abort import abort_on_disconnect, incoming_request_signal
from workers_env.runtime.cacheapi import CacheStore, JsCacheStorage
from workers_env.runtime.cloudflareworkers import old_location_note
from workers_env.runtime.syntaxhints import keyword_member_hint, newer_syntax
from workers_env.runtime.undeclared import undeclared_note
from workers_env.runtime.clientbody import hold_for_client
from workers_env.runtime.current import WorkerRuntime, caller_gone, handling
from workers_env.runtime.email_events import (
    EmailResult,
    ForwardableEmailMessage,
    MissingEmailHandler,
    email_problem,
)
from workers_env.runtime.entropy import top_level_entropy
from workers_env.runtime.envwrap import JsEnv
from workers_env.runtime.eras import (
    MAIN_ONLY_SINCE,
    Era,
    MissingSdk,
    declared_packages,
    deploys_with_plain_wrangler,
    era_of,
    failing_build_note,
    missing_sdk_note,
    missing_sdk_reason,
    one_load,
)
from workers_env.runtime.events import (
    JsMessageBatch,
    JsScheduledController,
    QueueMessage,
    QueueResult,
    ScheduledResult,
    SdkMessageBatch,
    queue_messages,
    scheduled_time_ms,
)
from workers_env.runtime.executioncontext import ExecutionContext, _worker_code
from workers_env.runtime.filesystem import install_upload_check
from workers_env.runtime.handlererrors import (
    _HANDLER_NAME_HINTS,
    _NO_HANDLER,
    _OBJECT_HANDLERS,
    _RENAMED_BEFORE_2025_08_14,
    _RPC_OWN_PROPERTIES,
    HandlerCancelledError,
    MethodMissing,
    MissingPythonHandler,
    _note_handler_signature,
    _note_unawaited,
    _own_cancel,
    _rpc_lookup_refusal,
)
from workers_env.runtime.hostmodules import note_host_modules
from workers_env.runtime.incomingrequests import _check_request_arguments, _misused, _shown, _text_sent, build_request
from workers_env.runtime.moduledicts import looked_at_once
from workers_env.runtime.pthfiles import process_pth_files
from workers_env.runtime.queuedelivery import QueueDelivery, deliver_pending
from workers_env.runtime.jsfunctions import call_relaxed
from workers_env.runtime.jsglobals import JsDate
from workers_env.runtime.jspromise import run_microtasks
from workers_env.runtime.jsproxy import from_plain, js_type_error
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.nohandler import warn_lacking_handler
from workers_env.runtime.nosdk import without_sdk
from workers_env.runtime.pyhash import install_production_hash
from workers_env.runtime.queryparams import with_query_params
from workers_env.runtime.scope import ImportScope, is_a_workers_own
from workers_env.runtime.sessionpaths import install_session_hook
from workers_env.runtime.services import ServiceSource, WorkerService
from workers_env.runtime.tasks import in_scope, scope_new_tasks
from workers_env.runtime.thrownerror import keeps_error_names
from workers_env.runtime.timers import watch_loop
from workers_env.runtime.tracebacks import runs_the_workers
from workers_env.runtime.uninstalled import uninstalled_note, watch_uninstalled
from workers_env.runtime.unsynced import watch_unsynced
from workers_env.runtime.websockets import accept_upgrade
from workers_env.runtime.workers_api import (
    DurableObject,
    Request,
    Response,
    WorkerEntrypoint,
    WorkflowEntrypoint,
    python_from_rpc,
    python_to_rpc,
)

__all__ = ["NO_GLOBAL_HANDLERS_DATE", "ExecutionContext", "HandlerCancelledError", "QueueMessage", "QueueResult", "ScheduledResult", "Worker", "load_worker",
           "reload_worker"]

NO_GLOBAL_HANDLERS_DATE = PYTHON_NO_GLOBAL_HANDLERS.date
#: the legacy module-level handlers and the ``Default`` methods that replace them
_LEGACY_HANDLERS = {"on_fetch": "async def fetch(self, request)",
                    "on_scheduled": "async def scheduled(self, controller, env, ctx)",
                    "on_queue": "async def queue(self, batch, env, ctx)"}


def _bare_handlers(module: Any) -> list[str]:
    """The handler names the Worker's main module defines itself without the ``on_`` prefix
    (``async def fetch(request, env)``): workerd looks for ``on_fetch`` or a ``Default`` class's
    methods, never these -- a ``fetch`` imported from ``js`` is not one of them."""
    found = []
    for name in ("fetch", "scheduled", "queue"):
        func = getattr(module, name, None)
        if inspect.iscoroutinefunction(func) and getattr(func, "__module__", None) == module.__name__:
            found.append(name)
    return found


#: the handlers workerd's entrypoint proxy calls ``on_<name>`` on a ``Default`` class before
#: ``python_no_global_handlers`` (its ``SPECIAL_HANDLER_NAMES``)
_RENAMED_HANDLERS = ("fetch", "connect")

#: the ``env`` and ``ctx`` a class entrypoint's handlers receive: workerd sets both to
#: ``undefined`` (``worker.c++``: the class got the real ones in its constructor, "we want the
#: handler methods to act like they take just one parameter"), which Python sees as ``None``
_CLASS_HANDLER_ENV_CTX = (None, None)


def _no_global_handlers(config: Any) -> bool:
    return flag_enabled(PYTHON_NO_GLOBAL_HANDLERS, config)


def _body_failed(live: Any, receiving: asyncio.Future[Any]) -> None:
    """A response body read as it is written failed (workerd's hung-request error): it reads as failed."""
    error = None if receiving.cancelled() else receiving.exception()
    if error is not None and not live.closed:
        live.close(error)


async def _settled(result: Any, *, class_handler: bool) -> Any:
    """A handler's result as workerd settles it. A module-level handler's promise resolves to
    what it returns, and a returned coroutine is a thenable JavaScript follows too (an ``async
    def on_fetch`` that ``return fetch(request)`` answers with the fetched response; Pyodide
    0.26.2 and 0.28.2 under Node). A ``Default`` method goes through the entrypoint's
    ``wrapper_func``, which awaits once and refuses an awaitable left over as
    ``python_to_rpc`` does (built-in ``_workers.py``, workers-runtime-sdk ``rpc.py``)."""
    if inspect.isawaitable(result):
        try:
            result = await result
        except (TypeError, AttributeError) as exc:
            _note_unawaited(exc)
            raise
    if class_handler:
        if inspect.isawaitable(result):
            if inspect.iscoroutine(result):
                result.close()  # never run, as in production
            raise TypeError(f"Awaitable {type(result)} cannot be sent over RPC.")
        return result
    while inspect.isawaitable(result):
        result = await result
    return result


def _call_handler(method: Any, *args: Any) -> Any:
    """Call a ``Default`` class's event handler as workerd does, positionally."""
    return method(*args)


# What these two call or await is the Worker's handler, whichever module defined it: a method its Default
# class inherits from a library (django-cf's ``DjangoCF.fetch``, python-workers-examples' 19-django-todo-d1)
# is its code as in production, so what it writes to os.environ is the Worker's (runtime/osenviron.py)
runs_the_workers(_settled, _call_handler)


def _as_js_response(result: Any) -> JsResponse:
    try:
        response = getattr(result, "js_object", None)
    except JsException:  # a JS value whose every property read throws (a symbol): no Response either
        response = None
    if isinstance(response, JsResponse):
        return response
    if isinstance(result, JsResponse):
        return result
    # workerd's own (jsg's) TypeError, as a JS error: logged and answered by its name (uncaught)
    error = TypeError("Incorrect type for Promise: the Promise did not resolve to 'Response'.")
    error.thrown_by_workerd = True  # type: ignore[attr-defined]
    raise error


def _as_number(value: int) -> float:
    """A Python int as the nearest JavaScript number (one past a float's range: an Infinity)."""
    try:
        return float(value)
    except OverflowError:
        return math.copysign(math.inf, value)


class Worker(ServiceSource):
    """A loaded Python Worker: its main module, its env, and its fetch handler; given to another
    Worker's ``load_env(bindings=...)`` it is that Worker's service binding (:meth:`as_service`)."""

    def __init__(self, *, env: Any, main_path: Path, module: Any, scope: ImportScope, no_global_handlers: bool,
                 handlers_flagged: bool = False):
        self.env = env
        #: the config's static assets, answered ahead of the Worker (``None``: none)
        self.assets: AssetServer | None = None
        #: the notes a top-level import's ``ModuleNotFoundError`` gets, for one a handler's code raises
        self._note_import: Callable[[ModuleNotFoundError], None] = _no_note
        self.main_path = main_path
        self.module = module
        self._scope = scope
        #: how many of its requests are alive (from :meth:`new_context` until that request ends,
        #: its waitUntil work and streamed body included): a replaced Worker's env stays open until none is
        self.requests_alive = 0
        runtime = scope.runtime if isinstance(scope.runtime, WorkerRuntime) else WorkerRuntime(JsEnv(env), None)
        self._js_env = runtime.js_env
        self.era: Era | None = runtime.era
        #: whether ``Content-Encoding: br`` is encoded and decoded as ``gzip`` is (runtime/contentencoding.py)
        self.brotli_content_encoding = runtime.brotli_content_encoding
        #: whether its errors keep their names when workerd clones them or sends them on (the 500's
        #: body, dev's second ``Uncaught`` block: runtime/thrownerror.py)
        self.error_names_kept = keeps_error_names(runtime)
        #: with ``enable_request_signal``, whether ``request_signal_passthrough`` too; None without
        #: the flag (see :meth:`dispatch`)
        self._request_signal = runtime.request_signal_passthrough if runtime.request_signal else None
        self._no_global_handlers = no_global_handlers
        #: whether that is the config's compatibility flags' doing, not its date's (the hints name it)
        self._handlers_flagged = handlers_flagged
        self._default = self._entrypoint_class(module, no_global_handlers)
        self._on_fetch = self._global_handler("on_fetch")
        #: the Durable Object, Workflow and named entrypoint classes the module exports: a Worker
        #: with only these deploys (its default export is then an empty handler object)
        with scope:  # (in the Worker's scope, as introspection.py runs in the isolate: reading a
            # public global that LazyLoader holds back loads it, with the Worker's imports)
            self.entrypoint_classes = _entrypoint_classes(module)
        #: the events it met without a handler, whose workerd warning is logged (once per isolate)
        self._lacking_warned: set[str] = set()
        if self._default is None and self._on_fetch is None and not self._has_other_handler() \
                and not self.entrypoint_classes and self._misplaced_handlers(module, no_global_handlers):
            raise ConfigError(self._missing_handler_message(module, no_global_handlers), path=str(main_path))

    def _global_handler(self, name: str) -> Any:
        if self._default is not None or self._no_global_handlers:
            return None
        handler = getattr(self.module, name, None)
        return handler if callable(handler) else None

    def _has_other_handler(self) -> bool:
        """A module-level handler besides ``on_fetch``. Before ``python_no_global_handlers`` a
        module-level ``test`` is one too: workerd's Python entrypoint exports it as the Worker's
        ``test`` handler (``handlers.test = makeHandler('test')``, python-entrypoint-helper.ts),
        so a Worker defining only ``test`` starts (workerd's own env-param and undefined-handler
        tests), and a request to it meets the missing ``on_fetch`` error."""
        return any(self._global_handler(h) is not None for h in ("on_scheduled", "on_queue", "test"))

    def _entrypoint_class(self, module: Any, no_global_handlers: bool) -> type | None:
        default = getattr(module, "Default", None)
        if not (isinstance(default, type) and issubclass(default, WorkerEntrypoint)):
            return None
        # with module-level handlers too, the class is the default export and they go unused
        # (python-entrypoint.js: ``export default 'default' in handlers ? handlers['default'] ...``;
        # workerd once refused the pair, "Cannot define multiple default entrypoints", and no longer does)
        return default

    def _misplaced_handlers(self, module: Any, no_global_handlers: bool) -> bool:
        """Whether the module defines handlers production never dispatches (module-level ones
        from 2025-08-14, a ``fetch`` without the ``on_`` prefix, classes of ``cloudflare.workers``),
        which refuses the load. A module defining none of these, nor any handler, deploys as a
        Worker exporting an empty handler object (an assets-only site with an empty ``main``):
        each event then meets workerd's missing-handler error, as under ``wrangler dev``."""
        legacy = no_global_handlers and any(callable(getattr(module, h, None)) for h in _LEGACY_HANDLERS)
        return legacy or bool(_bare_handlers(module)) or bool(old_location_note(module))

    def _missing_handler_message(self, module: Any, no_global_handlers: bool) -> str:
        return self._no_handler_message(module, no_global_handlers) + old_location_note(module)

    def _no_handler_message(self, module: Any, no_global_handlers: bool) -> str:
        name = self.main_path.name
        legacy = [h for h in _LEGACY_HANDLERS if callable(getattr(module, h, None))]
        if no_global_handlers and legacy:
            methods = " and ".join(f"`{_LEGACY_HANDLERS[h]}`" for h in legacy)
            answers = "; ".join(f"{h[3:]} `{_NO_HANDLER[h[3:]]}`" for h in legacy)
            cause, undo = ((f'the "{PYTHON_NO_GLOBAL_HANDLERS.enable}" compatibility flag no longer dispatches',
                            "remove that flag from compatibility_flags") if self._handlers_flagged else
                           (f"compatibility dates from {NO_GLOBAL_HANDLERS_DATE} on no longer dispatch",
                            f'add "{PYTHON_NO_GLOBAL_HANDLERS.disable}" to compatibility_flags'))
            return (
                f'Python entrypoint "{name}" defines a module-level {" and ".join(legacy)}, which {cause} '
                f"(deployed, the Worker exports no "
                f"handler, so each event answers workerd's error: {answers}): define `class Default(WorkerEntrypoint)` "
                f"with {methods} (env and ctx on self), or {undo}"
            )
        bare = _bare_handlers(module)
        defined = " and ".join(f"`{h}`" for h in bare)
        them, are = ("it", "is no handler") if len(bare) == 1 else ("them", "are no handlers")
        if no_global_handlers:
            methods = " and ".join(f"`{_LEGACY_HANDLERS['on_' + h]}`" for h in bare)
            hint = (f": its module-level {defined} {are} (workerd dispatches the methods of a `Default` "
                    f"class); move {them} into `class Default(WorkerEntrypoint)` as {methods} (env and ctx on self)")
            return f'Python entrypoint "{name}" does not define `class Default(WorkerEntrypoint)`' + (hint if bare else "")
        wanted = " and ".join(f"`on_{h}`" for h in bare)
        hint = f": its module-level {defined} {are} (workerd calls {wanted}); rename {them}"
        return f'Python entrypoint "{name}" does not export a handler named "on_fetch"' + (hint if bare else "")

    def as_service(self, caller_config: Any = None) -> WorkerService:
        """This Worker as a service binding of another (whose config is ``caller_config``): what
        ``env`` hands out when this Worker is supplied as a binding (``load_env(...,
        bindings={"SEARCH": search_worker})``)."""
        return WorkerService(self, caller_config)

    def entrypoint(self, name: str) -> NamedEntrypoint:
        """This Worker's ``WorkerEntrypoint`` class ``name`` as another's service binding, as
        ``[[services]] entrypoint = "Admin"`` names it: ``bindings={"ADMIN":
        search.entrypoint("Admin")}``. A name the Worker exports no such class of is refused at
        once, as workerd refuses to start with a binding to it -- ``"default"`` too, which
        workerd takes for no name (measured: ``entrypoint = "default"`` stops wrangler dev 4.164.0);
        the default export is the Worker itself. A nameless Worker is named by its config's
        folder, as ``workers-env dev``'s session names it."""
        if not isinstance(name, str) or not name:
            raise _misused("worker.entrypoint()", 'the name of a WorkerEntrypoint class as a str ("Admin")', name)
        if name not in self.named_entrypoints():
            config = self.env.config
            error = ConfigError(missing_entrypoint_text(None, None, config.name or Path(config.path).parent.name,
                                                        name, self.named_entrypoints()), path=str(self.main_path))
            if name == "default":
                add_hint(error, "the default export is the Worker itself: bind the loaded Worker as it is "
                                '(bindings={"SEARCH": search}), as [[services]] leaves entrypoint out')
            raise error
        return NamedEntrypoint(self, name)

    def named_entrypoints(self) -> list[str]:
        """The ``WorkerEntrypoint`` classes the main module exports by name: not ``Default``,
        which workerd exports as the Worker's ``default`` (python-entrypoint-helper.ts)."""
        return [n for n in self.entrypoint_classes
                if n != "Default" and issubclass(getattr(self.module, n), WorkerEntrypoint)]

    @property
    def js_env(self) -> JsEnv:
        """The raw JavaScript ``env`` (what a legacy ``on_fetch`` receives)."""
        return self._js_env

    async def fetch(
        self,
        url: str = "/",
        *,
        method: str = "GET",
        headers: Mapping[str, str] | list[tuple[str, str]] | None = None,
        body: str | bytes | None = None,
        json: Any = None,
        cf: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | list[tuple[str, Any]] | None = None,
    ) -> Response:
        """Send one request to the worker's fetch handler and return its ``Response``.

        Exceptions raised by the worker propagate (so tests see them); ``waitUntil`` work
        has finished when this returns -- for a body still being written, when a whole read of
        it (``text()``, ``json()``) returns (README). ``cf`` sets ``request.cf`` properties (``{"country":
        "DE"}``) over the ones ``wrangler dev`` gives offline; ``params`` adds query
        parameters to the URL as httpx (Starlette's ``TestClient``) adds them.
        """
        _check_request_arguments(url, method, headers, cf)
        url = with_query_params(url, params)
        try:
            request = build_request(url, method=method, headers=headers, body=body, json=json, cf=cf)
        except JsException as exc:
            if str(exc).endswith("Request with a GET or HEAD method cannot have a body."):
                add_hint(exc, f"workers-env: worker.fetch() sends a {method.upper()} request unless method= says "
                             "otherwise; pass method=\"POST\" (or PUT, PATCH, ...) to send this "
                             f"{'json' if json is not None else 'body'}")
            raise
        return Response(await self._answer(request))

    async def _answer(self, request: JsRequest, entrypoint: str | None = None, *, apart: bool = False,
                      caller: Any = None) -> JsResponse:
        """The fetch handler's JS response to ``request`` in a request context of its own (what
        :meth:`fetch` wraps, and what a caller holding a JS ``Request`` already awaits); with
        ``entrypoint``, that named ``WorkerEntrypoint`` class's ``fetch`` (no static assets
        before it: they stand before the default entrypoint only). ``apart``: for another
        Worker's service binding, whose ``fetch`` resolves as the handler returns, its
        ``waitUntil`` work left running (counted among request ``caller``'s)."""
        ctx = self.new_context()
        try:
            if entrypoint is None:
                response = await self.dispatch(request, ctx)
            else:
                with handling(ctx):
                    response = _as_js_response(await in_scope(self._named_fetch(entrypoint, request, ctx),
                                                              self._scope))
        except BaseException:
            await ctx._finish_so(apart, caller)
            raise
        if apart and response._web_socket is None:
            live = response._live
            if live is None:
                ctx._finish_apart(caller)
            else:  # the request lives while its body is read, then its waitUntil work
                settling = asyncio.ensure_future(live.settle())
                settling.add_done_callback(functools.partial(_body_failed, live))
                settling.add_done_callback(lambda _: ctx._finish_apart(caller))
            return response
        if response._web_socket is not None:  # a WebSocket handshake: the request lives while it is open
            try:
                far = accept_upgrade(request, response)
            except BaseException:
                await ctx._finish()
                raise
            ctx._finish_after(far._until_closed())  # (not far.closed: the test's, which its wait given up cancels)
            return response
        # a body still being written: the response is returned at once, as production sends its
        # headers, and its body read as a client reads it (clientbody: up to 8 MiB the caller has
        # not read yet), the caller reading it chunk by chunk or whole -- a whole read once the
        # request is over -- or canceling it (or dropping it: the client goes). The request ends (its timers
        # with it) once that body is read to its end or canceled and its waitUntil work settled.
        live = response._live
        if live is None:
            await ctx._finish()
            return response
        settling = hold_for_client(response, live)
        settling.add_done_callback(functools.partial(_body_failed, live))
        ctx._finish_after(settling)
        response.__dict__["_request_over"] = ctx._finished
        return response

    async def rpc(self, method: str, *args: Any, entrypoint: str = "Default", **kwargs: Any) -> Any:
        """Call ``method`` of the ``entrypoint`` class (a ``WorkerEntrypoint``) as a service
        binding's caller would: ``await env.SERVICE.method(*args)``.

        As workerd's Python entrypoint does, a fresh instance gets ``(ctx, env)``, the arguments
        cross with ``python_to_rpc`` / ``python_from_rpc`` (as the Worker's SDK era converts), the
        method is called strictly (not relaxed, unlike ``fetch``) and its result crosses back the
        same way; a name the instance lacks is ``TypeError: Method <name> does not exist``, a name
        workerd's RPC server refuses (reserved, or the instance's own ``ctx``/``env``) its text.
        """
        if not isinstance(method, str):
            raise _misused("worker.rpc()", 'the name of the method to call as a str (worker.rpc("hello", ...))', method)
        if not isinstance(entrypoint, str):
            raise _misused("worker.rpc(entrypoint=...)", "the name of a WorkerEntrypoint class as a str", entrypoint)
        return await self._rpc(method, args, kwargs, entrypoint, crossing=False)

    async def _rpc(self, method: str, args: tuple[Any, ...], kwargs: dict[str, Any], entrypoint: str,
                   crossing: bool, caller: Any = None) -> Any:
        """:meth:`rpc`'s call; ``crossing``: the result as JavaScript holds it on its way to
        another Worker (``python_to_rpc``'s), which that Worker's side converts (services.py),
        as soon as the method returns, its ``waitUntil`` work counted among request ``caller``'s."""
        cls = getattr(self.module, entrypoint, None)
        if not (isinstance(cls, type) and issubclass(cls, WorkerEntrypoint)):
            if entrypoint == "Default":  # workerd's default export is then the object of module-level handlers
                raise js_type_error(self._handlers_object_refusal(method, len(args) + len(kwargs)))
            raise WorkersEnvError(f'Python entrypoint "{self.main_path.name}" exports no WorkerEntrypoint named '
                                  f"{entrypoint!r}")
        ctx = self.new_context()
        return await self._run_in_request(ctx, self._rpc_method(cls, method, args, kwargs, ctx, crossing),
                                          "RPC method", apart=crossing, caller=caller)

    def _handlers_object_refusal(self, method: str, given: int) -> str:
        """workerd's answer to an RPC call of ``method`` (``given`` arguments) on a Worker with no
        ``Default`` WorkerEntrypoint: its default export is the object of the Python
        entrypoint's handlers (python-entrypoint-helper.ts ``initPython``: before
        ``python_no_global_handlers`` every supported handler, ``test`` too if defined; after
        it none), whose own properties alone are RPC methods (worker-rpc.c++). Measured with a
        JavaScript twin (an object default export) under ``wrangler dev`` 4.164.0 (review77):
        ``The RPC receiver does not implement the method "nope".``, and a handler called with
        other than one argument the wrong-number error; one called with one is not emulated."""
        refused = _rpc_lookup_refusal(method)
        if refused and method not in _RPC_OWN_PROPERTIES:
            return refused
        handlers = () if self._no_global_handlers else _OBJECT_HANDLERS + (
            ("test",) if callable(getattr(self.module, "test", None)) else ())
        if method not in handlers:
            return f'The RPC receiver does not implement the method "{method}".'
        if given != 1:
            return (f'Attempted to call RPC function "{method}" with the wrong number of arguments. When calling a '
                    "top-level handler function that is not declared as part of a class, you must always send "
                    "exactly one argument. In order to support variable numbers of arguments, the server must use "
                    "class-based syntax (extending WorkerEntrypoint) instead.")
        raise NotEmulatedError(f"calling the top-level {method} handler of {self.main_path.name} over RPC (workerd "
                               f"calls on_{method}(arg, env, ctx)) is not emulated by workers-env")

    async def _rpc_method(self, cls: type, method: str, args: tuple[Any, ...], kwargs: dict[str, Any],
                          ctx: ExecutionContext, crossing: bool) -> Any:
        instance = cls(ctx, self._js_env)
        refused = _rpc_lookup_refusal(method)
        if refused:  # workerd's RPC server refuses the name before the Python entrypoint's proxy sees it
            raise js_type_error(refused)
        target = getattr(instance, method, None)
        if not callable(target):
            raise js_type_error(f"Method {method} does not exist")
        # an int sent as a BigInt is the era's BigInt to the method and to the caller (handed_back)
        sent = [handed_back(python_from_rpc(python_to_rpc(a))) for a in args]
        named = {k: handed_back(python_from_rpc(python_to_rpc(v))) for k, v in kwargs.items()}
        result = target(*sent, **named)
        if inspect.isawaitable(result):
            result = await result
        sent_back = python_to_rpc(result)
        return sent_back if crossing else handed_back(python_from_rpc(sent_back))

    async def call(self, func: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Call ``func`` -- one of the Worker's own functions, ``worker.module.helper`` say --
        inside the Worker's import scope, as code of a request runs: what it imports lazily (a
        module beside it, a folder the Worker put on ``sys.path``, ``workers``, ``js``) is the
        Worker's, and JS timers it sets belong to this call. A coroutine function's result is
        awaited with the scope around each of its steps; a generator for a result is refused (its
        body would run after the call). Test code outside such a call is not the Worker's and does
        not see its modules (as in production, where no test shares its isolate)."""
        if inspect.iscoroutine(func):  # the function called already: its body not yet run, nor to be
            name = getattr(func, "__name__", "helper")
            func.close()
            raise WorkersEnvError(f"worker.call() takes the Worker's function and its arguments, not a coroutine: "
                                  f"worker.call({name}, ...), not worker.call({name}(...))")
        if not callable(func):
            raise WorkersEnvError(f"worker.call() takes a function of the Worker to call, not {type(func).__name__}: "
                                  "worker.call(worker.module.helper, arg)")
        return await self._run_in_request(self.new_context(), _called(func, args, kwargs),
                                          "function called by worker.call()")

    async def _run_in_request(self, ctx: ExecutionContext, work: Any, what: str, *, apart: bool = False,
                              caller: Any = None) -> Any:
        """:func:`_worker_code` of ``work`` as request ``ctx``, which ends with it (``apart``: its
        ``waitUntil`` work left running, :meth:`ExecutionContext._finish_apart`)."""
        try:
            with handling(ctx):
                return await _worker_code(work, self._scope, what)
        finally:
            await ctx._finish_so(apart, caller)

    def new_context(self) -> ExecutionContext:
        scope_new_tasks()  # tasks the handler starts keep the Worker's modules (runtime/tasks.py)
        watch_loop()  # and the timers it sets are its own (runtime/timers.py)
        ctx = ExecutionContext(self._scope)
        self.requests_alive += 1
        ctx._ended = self._request_ended
        return ctx

    def _request_ended(self) -> None:
        self.requests_alive -= 1

    async def scheduled(self, cron: str = "", *, scheduled_time: Any = None) -> ScheduledResult:
        """Run the worker's ``scheduled`` handler as a Cron Trigger ``cron`` would.

        ``scheduled_time`` is a ``datetime`` or milliseconds since the epoch (default: now on the
        env's clock, ``load_env(clock=...)`` or the test's ``workers_env_clock``, which KV expiry reads).
        Exceptions raised by the worker propagate; ``waitUntil`` work has finished on return.
        """
        if not isinstance(cron, str):
            raise _misused("worker.scheduled()", 'the cron pattern as a str ("*/5 * * * *")', cron)
        if scheduled_time is not None and (isinstance(scheduled_time, bool)
                                           or not isinstance(scheduled_time, (int, float, datetime.datetime))):
            raise _misused("worker.scheduled(scheduled_time=...)", "a datetime or milliseconds since the epoch",
                           scheduled_time)
        result = ScheduledResult()
        # none given: now on the env's clock (a test's workers_env_clock), which KV expiry reads too
        given = env_clock(self.env).now_ms() if scheduled_time is None else scheduled_time
        if isinstance(given, int):  # milliseconds, a Number however large (a Python int would go as a BigInt)
            given = _as_number(given)
        try:
            when = scheduled_time_ms(JsDate(given).getTime())
        except JsException as exc:
            raise users_mistake(ValueError(
                f"worker.scheduled(scheduled_time={_shown(scheduled_time)}) is no time workerd can hand a scheduled "
                f"handler: it refuses it with TypeError: {exc.message} (the event's time is a kj::Date, from "
                "1677-09-21 to 2262-04-11 UTC). Give a datetime or milliseconds since the epoch in that range")) from None
        controller = JsScheduledController(str(cron), when, result)
        ctx = self.new_context()
        try:
            await self._run_event("scheduled", controller, ctx, sdk_value=controller)
        finally:
            await ctx._finish()
        return result

    async def queue(self, messages: Any, *, queue: str = "queue") -> QueueResult:
        """Deliver ``messages`` (bodies, or :class:`QueueMessage`) to the ``queue`` handler.

        Returns what the handler did (acks, retries) as Miniflare reports it; exceptions
        raised by the worker propagate.
        """
        return await self._queue_batch(queue, queue_messages(messages))

    async def deliver_queues(self) -> list[QueueDelivery]:
        """Deliver every message waiting in the queues this Worker sends to and consumes
        (``queues.producers`` and ``queues.consumers`` of one queue) to its ``queue`` handler, as
        ``wrangler dev`` would, without waiting: batches of ``max_batch_size``, then retries after
        their delays and dead-letter queues, on virtual time from the env's clock. Returns each
        batch delivered, in order; a handler's exception is kept in its :class:`QueueDelivery`
        (the batch is retried, as Miniflare retries it), not raised."""
        broker = queue_broker(self.env)
        if broker is None:
            return []
        return await deliver_pending(self, broker, env_clock(self.env).now())

    async def _queue_batch(self, queue: str, messages: list[QueueMessage], metadata: Any = None,
                           result: QueueResult | None = None, opened: list[Any] | None = None) -> QueueResult:
        """Run ``queue()`` on ``messages``, what it does recorded in ``result`` (a fresh one if
        None): a caller passing its own keeps the retries recorded before an exception. The
        event's ``ExecutionContext`` is appended to ``opened`` (a dev server's: a reload may cut
        it off, runtime/severable.py)."""
        result = QueueResult() if result is None else result
        batch = JsMessageBatch(queue, messages, result, metadata=metadata)
        wraps = self.era is None or self.era.wraps("queues")
        ctx = self.new_context()
        if opened is not None:
            opened.append(ctx)
        try:
            await self._run_event("queue", batch, ctx, sdk_value=SdkMessageBatch(batch) if wraps else batch)
        finally:
            await ctx._finish()
        return result

    async def email(self, raw: bytes | str, *, from_: str, to: str) -> EmailResult:
        """Deliver the raw message ``raw`` from ``from_`` to ``to`` to the ``email`` handler, as
        ``wrangler dev``'s ``/cdn-cgi/local/email`` does (Miniflare's checks: a ``Message-ID``,
        25 MiB at most, the ``Bcc`` header stripped). Returns what the handler did; a refused
        delivery raises ``ValueError`` with Miniflare's text, a Worker's exception propagates,
        and a Worker without a ``Default`` class (module-level handlers have no ``email``) raises
        :class:`~workers_env.runtime.email_events.MissingEmailHandler`."""
        if not isinstance(raw, (str, bytes, bytearray, memoryview)):
            raise _misused("worker.email()", "the raw message as bytes or a str", raw)
        for name, address in (("from_", from_), ("to", to)):
            if not isinstance(address, str):
                raise _misused(f"worker.email({name}=...)", "an email address as a str", address)
        data = _text_sent(raw).encode() if isinstance(raw, str) else bytes(raw)  # as TextEncoder writes it
        problem = email_problem(data, from_, to)
        if problem is not None:
            raise users_mistake(ValueError(problem))
        result = EmailResult()
        if self._default is None:
            raise MissingEmailHandler(f'Python entrypoint "{self.main_path.name}" has no email handler: define '
                                      "`async def email(self, message, env, ctx)` on `class Default(WorkerEntrypoint)`")
        ctx = self.new_context()
        try:
            with self._scope:
                message = ForwardableEmailMessage(data, from_, to, result)
            await self._run_event("email", message, ctx, sdk_value=message)
        finally:
            await ctx._finish()
        return result

    def _no_handler(self, name: str) -> Exception:
        """What an event with no handler to call meets (a Worker exporting only Durable Object,
        Workflow or named entrypoint classes, or a cron event without ``on_scheduled``). Before
        ``python_no_global_handlers``, workerd's Python entrypoint exports every module-level
        handler and calls a missing one with its ``PythonUserError`` (``makeHandler`` in
        ``python-entrypoint-helper.ts``, ``addAllHandlers`` under workerd, as ``wrangler dev`` runs
        it). From 2025-08-14 the default export is an empty handler object without a ``Default``
        class, and workerd throws its own ``Error`` (``global-scope.c++``, ``queue.c++``), a 500
        for a request."""
        plain = self._plain_default_note()
        if not self._no_global_handlers:
            missing = MissingPythonHandler(f'Python entrypoint "{self.main_path.name}" does not export a handler named "on_{name}"')
            if name in _bare_handlers(self.module):  # beside an on_fetch, so the load went on (hunt45)
                add_hint(missing, f"workers-env: the module-level `{name}` of {self.main_path.name} is no handler: "
                                  f"workerd calls `on_{name}`; rename it.")
            elif plain:
                add_hint(missing, plain)
            return missing
        warn_lacking_handler(self._lacking_warned, name)
        error = JsException(_NO_HANDLER[name])
        error.thrown_by_workerd = True  # type: ignore[attr-defined]  # logged by its JS name (uncaught)
        # thrown by workerd's C++ before the event runs: wrangler dev reports it once (measured, 4.164.0)
        error.reported_once = True  # type: ignore[attr-defined]
        method = _LEGACY_HANDLERS[f"on_{name}"]
        if callable(getattr(self.module, f"on_{name}", None)):
            when, undo = ((f'with "{PYTHON_NO_GLOBAL_HANDLERS.enable}" in compatibility_flags', ", or remove that flag")
                          if self._handlers_flagged else
                          (f"from compatibility date {NO_GLOBAL_HANDLERS_DATE} on (python_no_global_handlers)", ""))
            add_hint(error, f"workers-env: the module-level on_{name} of {self.main_path.name} is not dispatched "
                           f"{when}: define `class Default(WorkerEntrypoint)` with `{method}`{undo}.")
        else:
            add_hint(error, plain or f"workers-env: {self.main_path.name} defines no `class Default(WorkerEntrypoint)`; "
                                     f"define one with `{method}` to handle this event.")
        return error

    def _method_missing(self, instance: Any, method_name: str) -> MethodMissing:
        """workerd's ``Method <name> does not exist``, with a hint where the class has the handler
        under the other era's name, naming what decides it: the date, or the compatibility flag
        that overrides it (review75: the date's words were wrong with the flag)."""
        error = MethodMissing(f"Method {method_name} does not exist")
        owner = "a Default class's" if type(instance) is self._default else f"the {type(instance).__name__} entrypoint's"
        if method_name.startswith("on_") and callable(getattr(instance, method_name[3:], None)):
            add_hint(error, _HANDLER_NAME_HINTS["on_", self._handlers_flagged].format(
                owner=owner, handler=method_name[3:], flag=PYTHON_NO_GLOBAL_HANDLERS))
        elif method_name in _RENAMED_BEFORE_2025_08_14 and callable(getattr(instance, "on_" + method_name, None)):
            add_hint(error, _HANDLER_NAME_HINTS["", self._handlers_flagged].format(
                owner=owner, handler=method_name, flag=PYTHON_NO_GLOBAL_HANDLERS))
        return error

    def _plain_default_note(self) -> str:
        """A hint for a main module whose ``Default`` is a class but no ``WorkerEntrypoint``:
        workerd's introspection collects only subclasses (introspection.py ``collect_classes``,
        python-entrypoint-helper.ts ``handleDefaultClass``), so it is no handler at any date."""
        default = getattr(self.module, "Default", None)
        if not isinstance(default, type) or issubclass(default, WorkerEntrypoint):
            return ""
        return (f"workers-env: the `class Default` of {self.main_path.name} does not subclass `WorkerEntrypoint` "
                "(from workers), so workerd exports no handler of it; write `class Default(WorkerEntrypoint):`.")

    def _method_name(self, handler: str) -> str:
        """The ``Default`` method an event calls: the handler's own name, but ``on_fetch`` for
        ``fetch`` before ``python_no_global_handlers`` (2025-08-14): workerd's entrypoint proxy
        renames only its special handlers, ``fetch`` and ``connect`` (``SPECIAL_HANDLER_NAMES``
        in ``python-entrypoint-helper.ts``, since 2025-05-07), so a ``Default`` class's cron and
        queue events call ``scheduled`` and ``queue`` in every era."""
        return f"on_{handler}" if handler in _RENAMED_HANDLERS and not self._no_global_handlers else handler

    async def _run_event(self, name: str, js_value: Any, ctx: ExecutionContext, *, sdk_value: Any) -> Any:
        """Call ``Default.<name>(value, None, None)`` -- strictly, as workerd's entrypoint proxy
        calls every handler but ``fetch`` -- or the module-level ``on_<name>(value, env, ctx)``
        (relaxed, with the real env and ctx, as workerd calls global handlers)."""
        with handling(ctx):
            try:
                return await _worker_code(self._event_handler(name, js_value, ctx, sdk_value), self._scope,
                                         f"{name} handler")
            except ModuleNotFoundError as exc:  # an import at handler time: noted as at the top level
                self._note_import(exc)
                raise
            finally:  # what the handler queued runs before its outcome is taken, as in JavaScript
                run_microtasks()

    async def _event_handler(self, name: str, js_value: Any, ctx: ExecutionContext, sdk_value: Any) -> Any:
        if self._default is not None:
            instance = self._default(ctx, self._js_env)
            method_name = self._method_name(name)
            method = getattr(instance, method_name, None)
            if not callable(method):  # workerd's entrypoint proxy, as for fetch
                raise self._method_missing(instance, method_name)
            try:
                result = _call_handler(method, sdk_value, *_CLASS_HANDLER_ENV_CTX)
            except (TypeError, AttributeError) as exc:  # a plain-def handler's own error
                _note_unawaited(exc)
                _note_handler_signature(exc, instance, method_name)
                raise
            try:
                return await _settled(result, class_handler=True)
            except TypeError as exc:  # the external SDK's wrapper calls the method when awaited
                _note_handler_signature(exc, instance, method_name)
                raise
        else:
            handler = self._global_handler(f"on_{name}")
            if handler is None:
                raise self._no_handler(name)
            try:
                result = call_relaxed(handler, js_value, self._js_env, ctx)
            except (TypeError, AttributeError) as exc:
                _note_unawaited(exc)
                raise
        return await _settled(result, class_handler=self._default is not None)

    async def dispatch(self, request: JsRequest, ctx: ExecutionContext) -> JsResponse:
        """Answer a JS request as Cloudflare's router does: from the static assets when the
        config has them and they answer it, otherwise with the Worker's fetch handler.

        With ``enable_request_signal`` the request's ``signal`` is the request's own, aborted
        (``AbortError: The client has disconnected``, from a ``waitUntil`` task of the request)
        when the handler is cancelled before it has answered -- its client hung up -- as
        workerd's worker-entrypoint.c++ triggers it; an answer or an error from the handler (a
        ``CancelledError`` of its own code included) leaves it unaborted for good. Without the
        flag it never aborts, and the request costs what it did before the flag was read.

        A ``CancelledError`` of the handler's own code, nobody having cancelled the request, is
        its uncaught exception like any other: :class:`HandlerCancelledError`."""
        if self.assets is not None:
            headers = dict(request.headers.items())
            if self.assets.to_assets(request.method, request.url, headers):
                return from_plain(self.assets.respond(request.method, request.url, headers, router=True))
        signal = None
        if self._request_signal is not None:  # enable_request_signal: None without it (no cost then)
            signal = request.signal = incoming_request_signal(passthrough=self._request_signal)
        with handling(ctx):  # _worker_code() inlined: one coroutine less per step of every request
            try:
                result = await in_scope(self._fetch_handler(request, ctx), self._scope)
            except ModuleNotFoundError as exc:  # an import at handler time: noted as at the top level
                self._note_import(exc)
                raise
            except asyncio.CancelledError as exc:
                if not caller_gone():  # the handler's own code: its error, not a hang-up
                    raise _own_cancel(exc, "fetch handler") from exc
                if signal is not None:
                    ctx.waitUntil(abort_on_disconnect(signal))
                raise
            finally:  # the microtasks the handler queued run before workerd takes its answer (a
                # JavaScript twin's error block comes before the request line under wrangler dev)
                run_microtasks()
        return _as_js_response(result)

    async def _named_fetch(self, entrypoint: str, request: JsRequest, ctx: ExecutionContext) -> Any:
        """The ``fetch`` of the named ``WorkerEntrypoint`` class ``entrypoint``, called as the
        ``Default`` class's is."""
        cls = getattr(self.module, entrypoint, None)
        instance = cls(ctx, self._js_env)  # type: ignore[misc]
        method_name = self._method_name("fetch")  # (the entrypoint proxy renames it for every class)
        method = getattr(instance, method_name, None)
        if not callable(method):
            raise self._method_missing(instance, method_name)
        return await _settled(call_relaxed(method, Request(request), *_CLASS_HANDLER_ENV_CTX), class_handler=True)

    async def _fetch_handler(self, request: JsRequest, ctx: ExecutionContext) -> Any:
        if self._default is None and self._on_fetch is None:
            raise self._no_handler("fetch")
        if self._default is not None:
            instance = self._default(ctx, self._js_env)
            method_name = self._method_name("fetch")
            method = getattr(instance, method_name, None)
            if not callable(method):
                raise self._method_missing(instance, method_name)
            try:
                result = call_relaxed(method, Request(request), *_CLASS_HANDLER_ENV_CTX)
            except (TypeError, AttributeError) as exc:  # a plain-def handler's own error
                _note_unawaited(exc)
                raise
        else:
            try:
                result = call_relaxed(self._on_fetch, request, self._js_env, ctx)  # type: ignore[arg-type]
            except (TypeError, AttributeError) as exc:
                _note_unawaited(exc)
                raise
        return await _settled(result, class_handler=self._default is not None)


class NamedEntrypoint(ServiceSource):
    """A loaded Worker's named ``WorkerEntrypoint`` class supplied as another Worker's service
    binding (:meth:`Worker.entrypoint`): its methods and ``fetch`` are what the caller reaches."""

    def __init__(self, worker: Worker, name: str | None):
        self.worker = worker
        self.name = name

    def as_service(self, caller_config: Any = None) -> WorkerService:
        return WorkerService(self.worker, caller_config, self.name)

    def __repr__(self) -> str:
        return f"<entrypoint {self.name or 'default'} of {self.worker.main_path}>"


def missing_entrypoint_text(caller: str | None, binding: str | None, callee: str, entrypoint: str,
                            exported: list[str]) -> str:
    """workerd's refusal of a binding to a named entrypoint the callee lacks (measured under
    ``wrangler dev -c A -c B`` 4.164.0, which then fails to start: ``Worker "core:user:gateway"'s
    binding "NOPE" refers to service "core:user:search" with a named entrypoint "Nope", but
    "core:user:search" has no such named entrypoint.``), and what the callee exports (``none``)."""
    who = f'Worker "core:user:{caller}"\'s binding "{binding}"' if caller is not None else "A binding"
    classes = ", ".join(exported) or "none"
    return (f'{who} refers to service "core:user:{callee}" with a named entrypoint "{entrypoint}", but '
            f'"core:user:{callee}" has no such named entrypoint. (Its WorkerEntrypoint classes: {classes}; '
            "a named entrypoint is a class the main module exports, as `class Admin(WorkerEntrypoint)`)")


async def _called(func: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    result = func(*args, **kwargs)
    if inspect.isawaitable(result):
        result = await result
    if inspect.isasyncgen(result) or inspect.isgenerator(result):
        raise _generator_refused(func, result)
    return result


def _generator_refused(func: Any, generator: Any) -> WorkersEnvError:
    """The error for a ``worker.call`` whose result is a generator: its body would run as the
    test iterates it, after the call, outside the Worker's import scope and request."""
    name = getattr(func, "__name__", type(func).__name__)
    if inspect.isasyncgen(generator):
        kind = "an async generator"
        fix = (f"async def collect(): return [item async for item in {name}(...)]`, then "
               "`await worker.call(collect)`")
    else:
        generator.close()
        kind, fix = "a generator", f"await worker.call(lambda: list({name}(...)))`"
    return WorkersEnvError(
        f"worker.call({name}) got {kind} back: its body runs only as it is iterated, after the call has "
        "ended and outside the Worker's import scope, where its lazy imports would not find the Worker's "
        f"modules. Iterate it inside the call: `{fix}.")


def _entrypoint_classes(module: Any) -> list[str]:
    """The names of the ``DurableObject``, ``WorkerEntrypoint`` and ``WorkflowEntrypoint``
    subclasses ``module`` exports, as workerd's ``introspection.py`` collects them
    (``collect_classes``: the names in ``__all__``, else every public name; not the base classes)."""
    names = getattr(module, "__all__", None)
    keys = [k for k in names if isinstance(k, str)] if isinstance(names, (list, tuple)) else \
        [k for k in dir(module) if not k.startswith("_")]
    bases = (DurableObject, WorkerEntrypoint, WorkflowEntrypoint)
    found = []
    for key in keys:
        value = getattr(module, key, None)
        if isinstance(value, type) and value not in bases and issubclass(value, bases):
            found.append(key)
    return found


class _Itself(ServiceSource):
    """A ``[[services]]`` entry naming the Worker being loaded, for which nothing was supplied:
    the Worker itself (its ``entrypoint`` class, if named), as production and wrangler dev
    connect a Worker's binding to itself; ``reload_worker`` puts the Worker it loads in."""

    def __init__(self, entrypoint: str | None):
        self.worker: Worker | None = None
        self.entrypoint = entrypoint

    def as_service(self, caller_config: Any = None) -> WorkerService:
        return WorkerService(lambda: self.worker, caller_config, self.entrypoint)


def _bind_itself(env: Any, config: Any) -> dict[str, _Itself]:
    """The env's service bindings naming the config's own Worker that nothing was supplied for
    (a declared, not-emulated binding), each made :class:`_Itself` (kept on a reload)."""
    from workers_env._env import Env, NotEmulatedBinding

    name, merged = getattr(config, "name", None), getattr(config, "merged", None)
    entries = merged.get("services") if isinstance(merged, dict) else None
    if not name or not isinstance(env, Env) or not isinstance(entries, list):
        return {}
    found: dict[str, _Itself] = {}
    for entry in entries:
        binding = entry.get("binding") if isinstance(entry, Mapping) else None
        if not isinstance(binding, str) or entry.get("service") != name or "environment" in entry or binding not in env:
            continue
        value = env.unwrapped(binding)
        if isinstance(value, NotEmulatedBinding):
            entrypoint = entry.get("entrypoint")
            value = _Itself(entrypoint if isinstance(entrypoint, str) else None)
            setattr(env, binding, value)
        if isinstance(value, _Itself):
            found[binding] = value
    return found


def _note(text: str) -> None:
    """One of workers-env's notes on stderr: a warning, which ``dev --log-level error`` hides --
    or one of Miniflare's lines copied (``[wrangler:info] ✨ Parsed ...``), at the level it names:
    Miniflare logs ``_headers``/``_redirects``' parse at ``info`` and their skipped lines at
    ``warn`` (``constructHeaders``; measured: ``wrangler dev --log-level warn`` hides the first)."""
    copied = re.match(r"\[wrangler:(info|warn)\] ", text)
    if copied:  # (on stdout under dev, as wrangler dev prints them)
        _loglevel.copied(copied.group(1), text)
    else:
        _loglevel.emit("warn", text, "stderr")


def _announce_not_emulated(env: Any) -> None:
    """One line on stderr naming the declared bindings nobody emulates or supplied."""
    from workers_env._env import Env, not_emulated_line

    if isinstance(env, Env):
        line = not_emulated_line(env)
        if line:
            _note(line)


def _missing_main(config: Any, main_path: Path) -> str:
    """wrangler's words for a ``main`` that is not there (its ``getMissingEntryPointMessage``;
    the path relative to the current folder, as wrangler shows it). A config with a ``[build]
    command`` gets a note that it has not run: ``load_worker`` and the fixtures never run it
    (``workers-env dev`` does, and words a main still missing after it as wrangler does)."""
    text = (f'The entry-point file at "{display_path(main_path)}" was not found.\n\n'
            "This might mean that your entry-point file needs to be generated (which is the general case when a "
            "framework is being used).\nIf that's the case please run your project's build command and try again.")
    command = build_command(config)
    if command:
        text += (f"\n(workers-env: the config's [build] command `{command}` has not run: load_worker and the pytest "
                 "fixtures never run it, workers-env dev does.)")
    return text + near_main(config, main_path)


_TOOLING_STEMS = frozenset({"conftest", "setup", "noxfile", "fabfile", "manage"})
_NOT_SOURCE_DIRS = frozenset({"node_modules", "site-packages", "dist-packages", "__pycache__", "build", "dist"})
_WALK_LIMIT = 400  # folders looked at for a misspelt folder of ``main``


def _file_kind(name: str) -> str | None:
    """What a file is when it is not a likely entry point: a dunder module (``__main__.py``,
    ``__init__.py``), a hidden or private file, a test (``test_x.py``, ``x_test.py``) or a tool's
    file (``conftest.py``, ``setup.py``); ``None`` for any other name."""
    stem = name.split(".", 1)[0]
    if stem.startswith("__") and stem.endswith("__"):
        return "dunder"
    if name.startswith((".", "_")):
        return "hidden"
    if stem.startswith("test_") or stem.endswith("_test") or stem in ("test", "tests"):
        return "test"
    if stem in _TOOLING_STEMS:
        return "tooling"
    return None


def _entry_names(folder: Path, suffix: str, wanted_kind: str | None) -> list[str]:
    """The files of ``folder`` a missing ``main`` may mean: importable as the main module (a
    stem with a dot, ``entry.bak.py``, is not) and no test, dunder, hidden or tool file -- unless
    ``main`` names one of that kind itself."""
    return sorted(p.name for p in folder.iterdir()
                  if p.suffix == suffix and "." not in p.stem and _file_kind(p.name) in (None, wanted_kind)
                  and p.is_file())


def _source_folders(root: Path, wanted_kinds: frozenset[str | None] = frozenset()) -> list[Path]:
    """The project's folders under ``root`` (itself included), breadth first, leaving out hidden
    ones, virtual environments (a ``pyvenv.cfg``), installed packages and build output, and test
    and dunder folders (``tests``, ``__app__``) unless ``main`` names a folder of that kind itself
    (``wanted_kinds``, as :func:`_entry_names` keeps such files when ``main`` names one)."""
    found: list[Path] = []
    queue = collections.deque([root])
    while queue and len(found) < _WALK_LIMIT:
        folder = queue.popleft()
        found.append(folder)
        try:  # the entry's type as the folder listing gives it: no stat per file of a data folder
            with os.scandir(folder) as entries:
                children = sorted(folder / entry.name for entry in entries if entry.is_dir())
        except OSError:
            continue
        queue.extend(p for p in children
                     if not p.name.startswith(".") and p.name not in _NOT_SOURCE_DIRS
                     and (_file_kind(p.name) not in ("test", "dunder") or _file_kind(p.name) in wanted_kinds)
                     and not (p / "pyvenv.cfg").exists())
    return found


def near_main(config: Any, main_path: Path) -> str:
    """A note naming the file a missing ``main`` likely means (a typo in ``main =
    "src/entri.py"``, or in its folder, ``"scr/entry.py"``), or nothing. Only files that can be an
    entry point are named: not ``__main__.py``, tests, hidden files or those of a virtual
    environment or installed package."""
    wanted_kind = _file_kind(main_path.name)
    near: list[str] = []
    try:
        if main_path.parent.is_dir():
            names = _entry_names(main_path.parent, main_path.suffix, wanted_kind)
            near = [str(main_path.with_name(name)) for name in difflib.get_close_matches(main_path.name, names, n=1)]
        else:
            root = getattr(config, "root", None)
            if isinstance(root, Path) and root.is_dir() and main_path.is_relative_to(root):
                wanted = main_path.relative_to(root).as_posix()
                folder_kinds = frozenset(_file_kind(part) for part in main_path.relative_to(root).parent.parts)
                paths = {(folder / name).relative_to(root).as_posix(): folder / name
                         for folder in _source_folders(root, folder_kinds)
                         for name in _entry_names(folder, main_path.suffix, wanted_kind)}
                near = [str(paths[p]) for p in difflib.get_close_matches(wanted, sorted(paths), n=1)]
    except OSError:
        return ""
    if not near:
        return ""
    config_name = getattr(getattr(config, "path", None), "name", "the config")
    return (f'\n(workers-env: did you mean "{display_path(Path(near[0]))}"? `main` in {config_name} '
            "names the file to run.)")


_ANNOUNCED: set[tuple[str, Path]] = set()  # (which line, project root): each said once per process
_ANNOUNCED_LOCK = threading.Lock()


#: the lines :func:`_first_time` prints once a project (a key, no text: the line itself is built apart)
_OnceLine = Literal["queue consumers", "main only", "cf-requirements", "requirements.txt", "failing build",
                   "unvendored"]


def _first_time(kind: _OnceLine, root: Path) -> bool:
    """Whether the line ``kind`` has not been printed for ``root`` yet in this process."""
    with _ANNOUNCED_LOCK:
        if (kind, root) in _ANNOUNCED:
            return False
        _ANNOUNCED.add((kind, root))
        return True


def queue_consumer_names(config: Any) -> list[str]:
    """The queues the config's ``queues.consumers`` entries consume (a nameless entry: ``?``)
    that none of its ``queues.producers`` sends to and no consumer names as its dead-letter queue."""
    merged = getattr(config, "merged", None)
    if not isinstance(merged, dict):
        return []
    consumers = queue_entries(merged, "consumers")
    produced = {p.get("queue") for p in queue_entries(merged, "producers") if isinstance(p, dict)}
    produced |= {c.get("dead_letter_queue") for c in consumers if isinstance(c, dict)}  # fed by the broker
    names = [str(c.get("queue")) if isinstance(c, dict) and c.get("queue") else "?" for c in consumers]
    return [name for name in names if name not in produced]


def _announce_queue_consumers(config: Any) -> None:
    """One line on stderr, once per project, when the config consumes a queue none of its
    producers sends to: workers-env delivers only what the Worker itself sends (or another Worker
    of its ``dev -c A -c B`` session), while wrangler dev also takes what a producer in another
    local dev session sends (its dev registry)."""
    names = queue_consumer_names(config)
    if not names or not _first_time("queue consumers", Path(getattr(config, "root", ".")).resolve()):
        return
    shown = ", ".join(names)
    _note(f"workers-env: queues.consumers ({shown}): no producer of this Worker sends to it, and workers-env "
          f"delivers to queue() only what the Worker itself sends, or another Worker of its dev -c A -c B session "
          f"(wrangler dev also takes what another local dev session sends); deliver a batch yourself: await "
          f"worker.queue([...], queue={names[0]!r}) in a test or script")


def _announce_main_only(config: Any, main_path: Path) -> None:
    """One line on stderr when ``find_additional_modules = false`` leaves packages behind: wrangler
    then uploads ``main`` alone, so neither ``python_modules/`` nor the packages the project
    declares are there once deployed, while locally they import from the virtualenv."""
    root = Path(getattr(config, "root", main_path.parent))
    if ("main only", root.resolve()) in _ANNOUNCED:  # said already: no files to read again
        return
    declared = declared_packages(root, python_release(config).python)
    if (not declared and not (root / "python_modules").is_dir()) or not _first_time("main only", root.resolve()):
        return
    what = f"the packages it declares ({', '.join(declared)})" if declared else "the packages in python_modules/"
    shown = main_path.resolve().relative_to(root.resolve()).as_posix() if main_path.resolve().is_relative_to(root.resolve()) else main_path.name
    _note(f"workers-env: find_additional_modules = false: wrangler uploads only main ({shown}) ({MAIN_ONLY_SINCE}), not "
          f"python_modules/, so {what} are not there once deployed; workers-env still imports them from your "
          "virtualenv. Remove that line (or set it to true) to deploy them.")


def _announce_cf_requirements(config: Any) -> None:
    """wrangler's warning for a ``cf-requirements.txt`` in the project folder, on stderr once."""
    root = Path(getattr(config, "root", "."))
    warning = cf_requirements_warning(root)
    if warning is not None and _first_time("cf-requirements", root.resolve()):
        _note(f"\u25b2 [WARNING] {warning}\n")  # logger.warn's layout


def _announce_requirements_txt(config: Any) -> None:
    """One line on stderr, once per project, when a ``requirements.txt`` beside the config lists
    packages and no ``python_modules/`` is there: production once loaded them from its built-in
    packages, which workerd removed (0665be3); now nothing reads the file -- wrangler uploads no
    package of it and ``pywrangler sync`` refuses the project -- so they are not there once
    deployed, while workers-env imports them from the virtualenv."""
    root = Path(getattr(config, "root", "."))
    if (root / "python_modules").is_dir():
        return
    names = requirements_txt_names(root)
    if names and _first_time("requirements.txt", root.resolve()):
        _note(f"workers-env: requirements.txt lists {', '.join(names)}, which nothing reads any more: the runtime's "
              "built-in packages are gone (workerd 0665be3), wrangler uploads none of them, and pywrangler refuses "
              f"a project holding the file (\"{root / 'requirements.txt'} exists. Delete the file to continue.\"); so "
              "they are not there once deployed (ModuleNotFoundError), while workers-env imports them from your "
              "virtualenv. Move the Worker's own packages to pyproject.toml's dependencies (tools such as pytest to "
              "a dev dependency group: they are not deployed), delete requirements.txt and deploy with "
              "`uv run pywrangler deploy`, which vendors them.")


def _announce_failing_build(config: Any, unfound: str | None, missing: MissingSdk | None) -> None:
    """One line on stderr when the config's ``[build] command`` runs a syncing pywrangler command
    and no ``pyproject.toml`` is there for it (``unfound``, :func:`failing_build_note`): deployed,
    pywrangler exits with 1, so the build fails and nothing is deployed, while locally the Worker
    runs (the build never runs here). Where the SDK only that build would vendor is missing
    (``missing``), ``load_worker`` raises instead (:func:`missing_sdk_reason` says the same)."""
    note = failing_build_note(config, unfound=unfound)
    if note is None:
        return
    root = Path(getattr(config, "root", ".")).resolve()
    if (missing is None or not missing.build_fails) and _first_time("failing build", root):
        _note(note)


def _announce_unvendored(config: Any) -> None:
    """One line on stderr when the project deploys with plain wrangler (its CI runs
    ``wrangler-action`` or ``wrangler deploy``, never pywrangler) and has no ``python_modules/``:
    wrangler then uploads no packages, so those ``pyproject.toml`` declares are not there once
    deployed, while locally they import from the virtualenv."""
    root = Path(getattr(config, "root", "."))
    if ("unvendored", resolved(root)) in _ANNOUNCED or _vendors_declared(config):
        return
    declared = declared_packages(root, python_release(config).python, pywrangler_own=False)
    if declared and _first_time("unvendored", root.resolve()):
        _note(f"workers-env: this project deploys with plain wrangler (its CI never runs pywrangler) and has no "
              f"python_modules/, so wrangler uploads no packages: the ones it declares ({', '.join(declared)}) are "
              "not there once deployed; workers-env still imports them from your virtualenv. Deploy with "
              "`uv run pywrangler deploy`, which vendors them.")


def _vendors_declared(config: Any) -> bool:
    """Whether production gets the packages ``pyproject.toml`` declares: ``pywrangler`` deploys the
    project (or its build syncs), or a committed ``python_modules/`` goes up -- the opposite of
    :func:`_announce_unvendored`'s plain-wrangler case."""
    root = Path(getattr(config, "root", "."))
    return (root / "python_modules").is_dir() or build_syncs(config) or not deploys_with_plain_wrangler(root)


def _watch_uninstalled(config: Any, runtime: WorkerRuntime) -> None:
    """A line on stderr when the Worker imports a package ``pyproject.toml`` declares that this
    environment lacks while production has it (:mod:`workers_env.runtime.uninstalled`)."""
    root = Path(getattr(config, "root", "."))
    if (root / "pyproject.toml").is_file() and _vendors_declared(config):
        watch_uninstalled(runtime, root, python_release(config).python)


def _asset_server(config: Any) -> AssetServer | None:
    """The config's static assets, served in front of the Worker (``None`` without a
    ``directory``); a directory the upload would refuse is refused here too, and wrangler dev's
    lines on the ``_redirects`` and ``_headers`` files go to stderr."""
    table = assets_config(config)
    if table is None:
        return None
    server = AssetServer(table, root=config.root, compatibility_date=compatibility_date(config),
                         compatibility_flags=tuple(getattr(config, "compatibility_flags", ()) or ()))
    directory = server.manifest.directory
    if not directory.is_dir():
        raise ConfigError(
            f'The directory specified by the "assets.directory" field in your configuration file does not exist:\n'
            f"{directory}", path=str(getattr(config, "path", "")))
    server.manifest.check_limits()
    redirects = server.redirect_rules()  # the parse the first request uses too
    if redirects is not None:  # wrangler dev's lines as it reads the file (the path as from the working folder)
        try:
            named = os.path.relpath(directory / "_redirects")
        except ValueError:  # another drive
            named = str(directory / "_redirects")
        for line in redirects.report(named):
            _note(line)
    elif os.path.lexists(directory / "_redirects"):  # wrangler dev stops on it (EISDIR, EACCES): said, not applied
        _note(f"workers-env: {directory / '_redirects'} cannot be read as a file: its redirect rules are not applied")
    rules = server.header_rules()
    if rules is not None:  # wrangler dev's lines as it reads the file (the path as from the working folder)
        try:
            where = os.path.relpath(directory / "_headers")
        except ValueError:  # another drive
            where = str(directory / "_headers")
        for line in rules.report(where):
            _note(line)
    return server


def _note_python_version(exc: SyntaxError, config: Any) -> None:
    """Say so when the Worker's code is newer than this interpreter: production runs it on the
    Python of its compatibility era (3.12 to 3.14), workers-env on the one it runs under -- only
    when the error falls on syntax a Python after this one and up to the era's added
    (``runtime/syntaxhints.py``): any other error fails under the era's Python too."""
    if "(unicode error)" in str(exc.msg) or "Non-UTF-8" in str(exc.msg):  # bytes, not syntax: no Python fixes it
        add_hint(exc, "Save the file as UTF-8: production's Python reads Worker modules as UTF-8 as well.")
        return
    member = keyword_member_hint(exc)
    if member is not None:  # ``Buffer.from(...)``: no Python takes it, so no interpreter's era is to blame
        add_hint(exc, member)
        return
    release = python_release(config)
    newer = newer_syntax(exc)
    if newer is None or not sys.version_info[:2] < newer[0] <= release.python:
        return
    era = f"the {release.flag.enable} flag" if release.flag is not None else "python_workers"
    wanted = ".".join(map(str, release.python))
    note = (f"workers-env imports the Worker with this interpreter, Python {sys.version_info[0]}.{sys.version_info[1]}; "
            f"production runs it on Python {wanted} (Pyodide {release.pyodide}, {era} at compatibility date "
            f"{compatibility_date(config)}). This line uses {newer[1]}, syntax of Python "
            f"{'.'.join(map(str, newer[0]))}: run workers-env under Python {wanted}.")
    add_hint(exc, note)


def _no_note(exc: ModuleNotFoundError) -> None:
    """No note (a Worker not made by :func:`load_worker`'s loading)."""


def _note_missing_module(config: Any, main_only: bool, exc: ModuleNotFoundError) -> None:
    """The notes of a Worker's failed import, at its top level or in a handler (leftovers60: a
    handler's had none): a package only in ``python_modules/``, a declared one this environment
    lacks, an undeclared one."""
    _note_vendored_only(exc, getattr(config, "root", None))
    _note_uninstalled(exc, config, main_only)
    _note_undeclared(exc, config, main_only)


def _note_handler_import(config: Any, main_only: bool, exc: ModuleNotFoundError) -> None:
    """:func:`_note_missing_module` for an import a handler's code made, unless a note is there
    already (one Worker's error passed on by another's handler: the first Worker's note)."""
    if not getattr(exc, "__notes__", None):
        _note_missing_module(config, main_only, exc)


def _note_uninstalled(exc: ModuleNotFoundError, config: Any, main_only: bool) -> None:
    """Say so when the module the Worker's import missed is a package ``pyproject.toml`` declares
    that production has (pywrangler vendors it) and this environment lacks -- found running a
    public CSV-profiling Worker whose ``import pandas`` met a virtualenv without pandas."""
    root = getattr(config, "root", None)
    if main_only or not exc.name or getattr(exc, "__notes__", None) or root is None or not _vendors_declared(config):
        return
    note = uninstalled_note(exc, Path(root), python_release(config).python)
    if note is not None:
        add_hint(exc, note)


def _note_undeclared(exc: ModuleNotFoundError, config: Any, main_only: bool) -> None:
    """Say how to declare and install a package the Worker's own code imports that neither this
    environment nor ``pyproject.toml`` has, when no note above said more (``runtime/undeclared.py``)."""
    root = getattr(config, "root", None)
    if main_only or getattr(exc, "__notes__", None) or root is None:
        return
    note = undeclared_note(exc, Path(root), python_release(config).python)
    if note is not None:
        add_hint(exc, note)


def _note_vendored_only(exc: ModuleNotFoundError, project: Any) -> None:
    """Say so when the package the Worker's import missed is in the project's ``python_modules/``:
    production imports it from there (workerd puts the uploaded folder on ``sys.path``), while
    workers-env imports the Worker's packages from the environment it runs in (``python_modules/``
    holds Pyodide's builds, whose compiled parts CPython cannot load) -- found running
    nuralivafoyev02/uyqur-ai, which commits its ``python_modules/`` and installs nothing."""
    missing = exc.name or ""
    parts = missing.split(".")
    name = parts[0]
    if not name or not isinstance(project, Path):
        return
    vendored = project / "python_modules"
    held = vendored.joinpath(*parts)  # the module missed itself, not only its top-level package
    if not (held.is_dir() or held.with_name(f"{parts[-1]}.py").is_file() or any(held.parent.glob(f"{parts[-1]}.*.so"))):
        return
    wanted, version = name, ""
    for info in sorted(vendored.glob("*.dist-info")):  # the distribution whose top_level.txt or RECORD names it
        try:
            top = (info / "top_level.txt").read_text().split() if (info / "top_level.txt").is_file() else []
            record = (info / "RECORD").read_text() if not top and (info / "RECORD").is_file() else ""
        except (OSError, UnicodeDecodeError):
            continue
        if name in top or record.startswith(f"{name}/") or f"\n{name}/" in record or f"\n{name}.py," in record:
            stem = info.name[:-len(".dist-info")]  # name-version; a folder without the version names only the name
            wanted, _, version = stem.rpartition("-") if "-" in stem else (stem, "", "")
            break
    if len(parts) > 1:  # the environment has the package (Python imported it), without this module
        add_hint(exc, f"workers-env: python_modules/{'/'.join(parts)} holds it, and production imports it from there; "
                      f"the {name} workers-env imports, from the Python environment it runs in, has no {missing}: "
                      f"install the version python_modules/ holds there: "
                      + (f"pip install {wanted}=={version}." if version else f"pip install --upgrade {wanted}."))
        return
    add_hint(exc, f"workers-env: python_modules/{name} holds it, and production imports it from there; workers-env "
                  f"imports the Worker's packages from the Python environment it runs in, not python_modules/ "
                  f"(Pyodide's builds). Install it there: pip install {wanted} (or every dependency the project "
                  f"declares: uv pip install -r pyproject.toml).")


def load_worker(
    path: str | PathLike[str] | None = None,
    *,
    env: Any = None,
    environment: str | None = None,
    bindings: Mapping[str, Any] | None = None,
) -> Worker:
    """Load the Python Worker named by ``main`` in the wrangler config (or ``env.config``).

    ``env`` defaults to ``load_env(path, environment=environment, bindings=bindings)``
    (``bindings``: objects you supply, another loaded Worker among them as a service binding).
    The worker's modules are imported with the runtime stand-ins (``workers``, ``js``,
    ``pyodide.ffi``) and the folder of ``main`` on ``sys.path``; both are removed again once
    loading is done.
    """
    if env is None:
        from workers_env._env import (
            load_env,  # the Env layer; imported late to keep start-up light
        )

        env = load_env(path, environment=environment, bindings=bindings)
    elif bindings is not None:
        raise WorkersEnvError("load_worker(env=..., bindings=...): the env is built already; pass the bindings to "
                              "load_env(..., bindings=...) instead")
    return _load(env, announce=True)


def reload_worker(env: Any) -> Worker:
    """The Worker of ``env`` loaded afresh (``workers-env dev`` after an edit): its modules
    imported anew, not the ones a previous load holds; the declared bindings nobody emulates
    are not named again, as the bindings did not change."""
    return _load(env, announce=False)


def _load(env: Any, *, announce: bool) -> Worker:
    # the project's files read once for the load's questions, afresh on the next; sys.modules' walks share a look
    with one_load() as done_reading, looked_at_once():
        return _loading(env, announce, done_reading)


def _loading(env: Any, announce: bool, done_reading: Callable[[], None]) -> Worker:
    config = env.config
    main_path = getattr(config, "main_path", None)
    if main_path is None:
        raise ConfigError('the wrangler config has no "main": name the Python Worker\'s entry file, e.g. main = "src/entry.py"')
    main_path = Path(main_path)
    if main_path.suffix != ".py":
        raise ConfigError("Main module needs to end with a .py file extension", path=str(main_path))
    if not main_path.is_file():
        raise ConfigError(_missing_main(config, main_path), path=str(main_path))
    start_problem = compatibility_date_problem(config) or compatibility_flags_problem(config)
    if start_problem is not None:  # the runtime would not start: wrangler dev and deploy refuse it
        raise ConfigError(start_problem, path=str(getattr(config, "path", "")) or None)
    itself = _bind_itself(env, config)  # before the not-emulated line, which then leaves them out
    if announce:
        _announce_not_emulated(env)
        _announce_queue_consumers(config)
    threadpool.install()  # anyio's thread pool as production has it (runtime/threadpool.py)
    newloops.install()  # asyncio.new_event_loop() in Worker code: a WebLoop made the running loop (runtime/newloops.py)
    sockets.install()  # Emscripten's fake DNS for socket.gethostbyname & co (runtime/sockets.py)
    osenviron.install()  # os.environ: each Worker's own, production's few variables (runtime/osenviron.py)
    identity.install()  # sys.argv, getpid, uname & co: Pyodide's for Worker code (runtime/identity.py)
    processes.install()  # os.system and multiprocessing's spawn as Pyodide has them (runtime/processes.py)
    zonedata.install()  # no time zone database but a vendored tzdata, as in Pyodide (runtime/zonedata.py)
    era = era_of(config)
    pyodide_version = python_release(config).pyodide
    null_is_none = pyodide_version.startswith("0.26")  # Pyodide 0.28 made null jsnull
    caches = JsCacheStorage(CacheStore(env_clock(env).now_ms))  # the Worker's own Cache API, on its clock
    merged = getattr(config, "merged", None)
    uploads = uploads_of(merged, config.root, main_path, config.path) if isinstance(merged, dict) else None
    if uploads is not None:
        install_upload_check()
    main_only = uploads is not None and not uploads.find_additional_modules
    if uploads is not None and not main_only:  # wrangler's findAdditionalModules: a refusal, a warning
        problem = python_modules_problem(Path(config.root), uploads.root)
        if problem is not None:
            raise ConfigError(problem, path=str(uploads.root / "python_modules"))
        if announce:
            _announce_cf_requirements(config)
            _announce_requirements_txt(config)
    if main_only:
        _announce_main_only(config, main_path)
    else:
        _announce_unvendored(config)
    unfound = unfound_pyproject(config)  # pywrangler's walk up the build's folders: once a load
    missing = missing_sdk_reason(config, unfound=unfound)
    _announce_failing_build(config, unfound, missing)
    # before 2025-08-11 workerd puts the uploaded vendor/ folder on sys.path (setup_python_search_path.py)
    vendor = main_path.parent / "vendor"
    legacy_vendor = vendor.is_dir() and not main_only and not flag_enabled(PYTHON_FORCE_NEW_VENDOR_PATH, config)
    runtime = WorkerRuntime(JsEnv(env, era), era, null_is_none, caches, node_globals=node_globals(config),
                            cf_worker=cf_worker_zone_of(env) or cf_worker_zone(config), uploads=uploads,
                            brotli_content_encoding=flag_enabled(BROTLI_CONTENT_ENCODING, config),
                            fetch_standard_url=flag_enabled(FETCH_STANDARD_URL, config),
                            strip_authorization_on_redirect=flag_enabled(
                                STRIP_AUTHORIZATION_ON_CROSS_ORIGIN_REDIRECT, config),
                            transform_stream_backpressure=flag_enabled(FIXUP_TRANSFORM_STREAM_BACKPRESSURE, config),
                            transform_stream_standard=flag_enabled(TRANSFORM_STREAM_STANDARD_CONSTRUCTOR, config),
                            request_signal=flag_enabled(ENABLE_REQUEST_SIGNAL, config),
                            request_signal_passthrough=flag_enabled(REQUEST_SIGNAL_PASSTHROUGH, config),
                            cache_modes=cache_modes(config),
                            internal_abort_clears_queue=flag_enabled(INTERNAL_WRITABLE_STREAM_ABORT_CLEARS_QUEUE,
                                                                     config),
                            writable_stream_spec_compliant_writer=flag_enabled(WRITABLE_STREAM_SPEC_COMPLIANT_WRITER,
                                                                               config),
                            eval_during_startup=flag_enabled(ALLOW_EVAL_DURING_STARTUP, config),
                            pipe_to_backward_propagation=flag_enabled(PIPE_TO_BACKWARD_PROPAGATION, config),
                            spec_compliant_dispatch_exceptions=flag_enabled(SPEC_COMPLIANT_DISPATCH_EXCEPTIONS,
                                                                            config),
                            pyodide_version=pyodide_version, compat_flags=workerd_flag_values(config))
    module_root = uploads.root if uploads is not None else main_path.parent
    osenviron.track(runtime, module_root, python_release(config).python)
    project = getattr(config, "root", None)  # your tests' own modules: never the Worker's (runtime/hostmodules.py)
    note_host_modules(tuple(str(resolved(Path(f))) + os.sep for f in (module_root, project) if f is not None), is_a_workers_own)
    if not main_only:
        _watch_uninstalled(config, runtime)
        if getattr(config, "root", None):  # a synced python_modules/ uploads as it is (runtime/unsynced.py)
            watch_unsynced(runtime, Path(config.root), module_root)
    install_production_hash(main_path.parent)
    install_session_hook()  # sys.path entries naming /session/metadata: its upload (runtime/sessionpaths.py)
    scope = ImportScope(main_path.parent, runtime=runtime, vendor=vendor if legacy_vendor else None,
                        project=project, main_only=main_path.stem if main_only else None,
                        root=uploads.root if uploads is not None else None)
    # no SDK deployed: `import workers` raises as production's stub does, and so does the start
    no_sdk = without_sdk(missing_sdk_note(config, missing), python_release(config).python) \
        if missing is not None else contextlib.nullcontext()
    done_reading()  # (the Worker's code may change the project's files: asked afresh from here on)
    with scope, top_level_entropy(runtime), no_sdk:  # random, os.urandom as production's top level has them
        if not main_only and flag_enabled(PYTHON_PROCESS_PTH_FILES, config) and getattr(config, "root", None):
            process_pth_files(Path(config.root) / "python_modules")  # site.addsitedir, as workerd's startup
        try:
            module = importlib.import_module(main_path.stem)
        except SyntaxError as exc:
            _note_python_version(exc, config)
            raise
        except ModuleNotFoundError as exc:
            _note_missing_module(config, main_only, exc)
            raise
        finally:  # its setTimeout(cb, 0) calls, once the top level has run (dropped if it failed)
            timers.run_top_level_microtasks(run=sys.exc_info()[0] is None)
    worker = Worker(env=env, main_path=main_path, module=module, scope=scope, no_global_handlers=_no_global_handlers(config),
                    handlers_flagged=set_by_flag(PYTHON_NO_GLOBAL_HANDLERS, config))
    worker.assets = _asset_server(config)
    worker._note_import = functools.partial(_note_handler_import, config, main_only)
    for binding, source in itself.items():
        if source.entrypoint is not None and source.entrypoint not in worker.named_entrypoints():
            raise ConfigError(missing_entrypoint_text(config.name, binding, config.name, source.entrypoint,
                                                      worker.named_entrypoints()))
        source.worker = worker
    return worker
