"""A loaded Python Worker (:class:`Worker`) and its dispatch of requests and events to its handlers.

Dispatch follows workerd: from compatibility date 2025-08-14 (flag
``python_no_global_handlers``) only ``class Default(WorkerEntrypoint)`` is dispatched;
before that a module-level ``on_fetch`` is too (a ``Default`` class beside it wins), and a
``Default`` class's handlers are its ``on_fetch``/``on_scheduled``/``on_queue`` methods
(workerd renames them). A ``Default`` instance is built per request as ``Default(ctx, env)``; ``fetch`` is called
leniently (extra arguments dropped) with a ``workers.Request``. ``on_fetch`` receives the
raw JavaScript request, env and ctx. ``scheduled``/``queue`` (``on_scheduled``/``on_queue``)
run the same way for Cron Triggers and queue deliveries. The config's era
(:mod:`workers_env.runtime.eras`) decides how ``self.env`` hands out bindings.

Apart from :mod:`~workers_env.runtime.loader`, which imports the Worker's ``main`` file and
makes the :class:`Worker` of it.
"""

from __future__ import annotations

import asyncio
import datetime
import functools
import inspect
import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from workers_env._env import env_clock
from workers_env._errors import ConfigError, JsException, NotEmulatedError, WorkersEnvError, add_hint, users_mistake
from workers_env._jsvalues import handed_back
from workers_env.assets.server import AssetServer
from workers_env.config.compat import PYTHON_NO_GLOBAL_HANDLERS
from workers_env.queues.assembly import queue_broker
from workers_env.runtime.abort import abort_on_disconnect, incoming_request_signal
from workers_env.runtime.cloudflareworkers import old_location_note
from workers_env.runtime.clientbody import hold_for_client
from workers_env.runtime.current import WorkerRuntime, caller_gone, handling
from workers_env.runtime.email_events import (
    EmailResult,
    ForwardableEmailMessage,
    MissingEmailHandler,
    email_problem,
)
from workers_env.runtime.envwrap import JsEnv
from workers_env.runtime.eras import Era
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
from workers_env.runtime.handlererrors import (
    _HANDLER_NAME_HINTS,
    _NO_HANDLER,
    _OBJECT_HANDLERS,
    _RENAMED_BEFORE_2025_08_14,
    _RPC_OWN_PROPERTIES,
    MethodMissing,
    MissingPythonHandler,
    _note_handler_signature,
    _note_unawaited,
    _own_cancel,
    _rpc_lookup_refusal,
)
from workers_env.runtime.incomingrequests import _check_request_arguments, _misused, _shown, _text_sent, build_request
from workers_env.runtime.queuedelivery import QueueDelivery, deliver_pending
from workers_env.runtime.jsfunctions import call_relaxed
from workers_env.runtime.jsglobals import JsDate
from workers_env.runtime.jspromise import run_microtasks
from workers_env.runtime.jsproxy import from_plain, js_type_error
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.nohandler import warn_lacking_handler
from workers_env.runtime.queryparams import with_query_params
from workers_env.runtime.scope import ImportScope
from workers_env.runtime.services import ServiceSource, WorkerService
from workers_env.runtime.tasks import in_scope, scope_new_tasks
from workers_env.runtime.thrownerror import keeps_error_names
from workers_env.runtime.timers import watch_loop
from workers_env.runtime.tracebacks import runs_the_workers
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


def _no_note(exc: ModuleNotFoundError) -> None:
    """No note (a Worker not made by :func:`load_worker`'s loading)."""
