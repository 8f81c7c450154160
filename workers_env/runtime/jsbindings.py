"""A binding as the raw JavaScript ``env`` hands it to Python code: :class:`JsBinding`.

Its methods take JavaScript values and answer, or promise, JavaScript values, as workerd's binding
objects do: a Fetcher's ``fetch`` with workerd's own checks and redirects, a Queue's ``send`` and
``sendBatch`` with jsg's, and what ``dir()``, ``Object.keys`` and ``String()`` show of one. Apart
from envwrap.py, which makes the ``env`` of these and holds the SDK's wrappers around them; how
each argument is read is bindingarguments.py's.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
import inspect
import types
from collections.abc import Awaitable, Callable, ItemsView, Iterator, KeysView, ValuesView
from typing import Any

from workers_env._deep import ROOMY_FROM, deeper
from workers_env._errors import JsException, NotEmulatedError, add_hint
from workers_env._jsvalues import (
    UNDEFINED,
    ByteStream,
    HttpResponse,
    JsDate,
    JsLiteralMapArgument,
    JsMapArgument,
    JsOpaque,
    PyProxyArgument,
)
from workers_env.queues.limits import (
    BODY_KINDS,
    CONTENT_TYPES,
    delay_seconds,
    null_message,
    options_struct,
    unsupported_content_type,
    wrong_body_type,
)
from workers_env.queues.producer import serialized
from workers_env.runtime.bindingarguments import (
    _ARG_TABLES,
    _HEAD_TABLES,
    _NO_PROXY_TYPES,
    _NONES,
    _REST_TABLE,
    _TABLE_TYPES,
    _Plan,
    _clonable_or_refused,
    _kept_tables,
    _lengthless_object,
    _not_cloned,
    _option_value,
    _public_members,
    _pyproxy_string,
    _pyproxy_typeof,
    _read_by_attributes,
    _repeat,
    _same,
    _table,
    _unclonable,
    _unconverted_container,
    _undefined_arguments,
    rest_argument,
    rpc_argument,
)
from workers_env.runtime.current import GLOBAL_SCOPE_ERROR, current_runtime, in_global_scope
from workers_env.runtime.dataurl import answered_before_the_binding, fetcher_answer
from workers_env.runtime.durablestubs import STUB_PROPERTIES, note_namespace_call, stub_property
from workers_env.runtime.fetchershortcuts import SHORTCUTS, in_one_chain, shortcut
from workers_env.runtime.fetchredirect import follow_through_fetcher, refuse_if_aborted, refuse_init, sent_body
from workers_env.runtime.jsbuffers import JsBuffer
from workers_env.runtime.jsconvert import to_plain
from workers_env.runtime.jsdestroyed import DestroyedAttribute
from workers_env.runtime.jsfunctions import JsDoubleProxy, JsMethod, call_relaxed
from workers_env.runtime.jsproxy import (
    JsArray,
    JsHostObject,
    JsLiteralMap,
    JsMap,
    JsNull,
    JsObject,
    JsProxy,
    from_plain,
)
from workers_env.runtime.jstopy import NULL_AS_NONE
from workers_env.runtime.jspyproxies import (
    DICT_ATTRIBUTES,
    PROXIED_TYPES,
    PYPROXY_NOTES,
    pyproxy_attributes,
    pyproxy_json,
    pyproxy_options,
    reads_dict_keys,
    warn_pyproxy,
)
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsweb import FETCHER_INIT, JsRequest, JsResponse, init_options, leave_locked
from workers_env.runtime.livebytestream import STILL_WRITTEN, open_sources
from workers_env.runtime.pyodideerrors import as_pyodide_error
from workers_env.runtime.queuebatch import batch_as_read, iterated_by_jsg, not_a_message
from workers_env.runtime.statusline import default_status_text
from workers_env.runtime.services import (
    WorkerService,
    dispose,
    disposed_after,
    sent_function,
    stubbed,
    stubs_in_call,
)
from workers_env.runtime.tracebacks import to_the_caller
from workers_env.runtime.jspromise import binding_promise
from workers_env.runtime.webloop import PyodideFuture

__all__ = ["JsBinding", "TO_STRING_TAGS"]


#: ``isinstance`` for one of workers-env's own JS classes but ``JsProxy`` itself, in C: their
#: metaclass's ``__instancecheck__`` (runtime/jsbase.py) adds a JS ``Set`` for ``JsProxy`` and
#: flag matches for Worker code's own subclasses only, and costs a Python call a check
_is_instance = type.__instancecheck__


#: types whose every value ``inspect.isawaitable`` holds for, asked first: a binding method's
#: coroutine, the promise a call of it gives (:func:`~workers_env.runtime.jspromise.binding_promise`)
_AWAITABLE_TYPES = frozenset({types.CoroutineType, PyodideFuture})


def _is_binding(value: Any) -> bool:
    """Bindings are objects with methods; vars are JSON values."""
    return not (value is None or isinstance(value, (str, int, float, bool, dict, list)))


_METHOD = types.MethodType

#: the ``Ai`` binding's public class fields (workerd ``src/cloudflare/internal/ai-api.ts``)
_AI_FIELDS = ("lastRequestId", "aiGatewayLogId", "lastRequestHttpStatusCode", "lastRequestInternalStatusCode")

#: bindings that own no enumerable property (jsg objects; D1's wrapper keeps its fields private)
_NO_OWN_PROPERTIES = frozenset({"KvNamespace", "D1Database", "R2Bucket", "Fetcher", "WorkerQueue"})


#: set while a Fetcher shortcut (:meth:`JsBinding._shortcut`) calls the binding's ``fetch``
_OWN_FETCH: contextvars.ContextVar[bool] = contextvars.ContextVar("workers_env_own_fetch", default=False)


def _js_null_of(nulls: Any) -> Any:
    """JavaScript ``null`` as a binding's ``nulls`` setting hands it to Python."""
    return from_plain(None, nulls)  # a binding result's None is its null


class JsBinding(JsHostObject):
    """A binding as JavaScript code sees it: methods take JS values, promise JS values.

    ``js_class`` is the binding's ``constructor.name`` in production; ``sdk_wraps`` says
    whether the Python SDK of the Worker's era converts its calls for ``self.env``. A method
    that is synchronous in JavaScript (a plain ``def`` returning no awaitable, such as D1's
    ``prepare``) answers synchronously; the others return a promise. A returned object that
    has ``JS_METHODS`` (a D1 statement) is itself wrapped like a binding. ``nulls`` says how a
    result's ``null`` reaches Python (:func:`~workers_env.runtime.jsproxy.from_plain`): as the
    running Worker's Pyodide converts it, or fixed by the config's era for ``load_env``'s env.

    ``rpc`` marks a binding whose calls cross Workers RPC to other Python code (a Durable
    Object's stub, a Workflow, a service's entrypoint): arguments arrive as that code's SDK
    converts them, a ``Map`` as a ``dict`` (:func:`rpc_argument`). ``hosts`` makes any object
    a method returns (a stub, a Workflow instance) a JavaScript object like this one, with or
    without ``JS_METHODS``; results inherit both.

    ``keeps_methods`` (a binding the env holds, whose methods Worker code reads on every call):
    each read of a method is a new JsMethod, as Pyodide makes a new JsProxy per read (``env.KV.get
    is env.KV.get`` is false), of one function kept per name -- so two reads compare equal and
    share a ``js_id``, as two JsProxies of one JS function do (npm pyodide 0.26.0a4, 0.28.2,
    314.0.6) -- made again when the binding's method read differs from the one it calls (a test
    that patched it). An object a binding hands out (a D1 statement), read once, keeps none; nor
    does a service for its RPC methods, which workerd makes anew at each read (``JsRpcProperty``).
    """

    def __init__(self, name: str, binding: Any, *, js_class: str | None = None, sdk_wraps: bool = True,
                 nulls: Any = True, rpc: bool = False, hosts: bool = False,
                 option_args: dict[str, int] | None = None, queue_json: bool = True, fetcher_shortcuts: bool = False,
                 plans: dict[Any, Any] | None = None, keeps_methods: bool = False):
        self._name = name
        self._binding = binding
        self._target = binding
        self._js_class = js_class
        self._sdk_wraps = sdk_wraps
        self._nulls = nulls
        self._rpc = rpc
        self._hosts = hosts
        self._option_args = option_args  # else the binding's own JS_OPTION_ARGS
        self._queue_json = queue_json  # a Queue's send() without contentType: JSON (else V8), by the config
        #: a Fetcher's get/put/delete, before fetcher_no_get_put_delete (2024-03-26), by the config
        self._fetcher_shortcuts = fetcher_shortcuts
        #: the argument plans of its methods (:meth:`_plan`), shared with the objects it hands out
        self._plans: dict[Any, Any] = {} if plans is None else plans
        #: with ``keeps_methods``: by name, the method read, the function made of it and its ``wrong_this``
        self._methods: dict[str, tuple[Any, Any, Any]] | None = {} if keeps_methods else None

    def _from_binding(self, value: Any, method: str = "") -> Any:
        """A method's result as JS: objects with ``JS_METHODS`` wrapped like this binding (with
        ``hosts``, every object, also as the items of a list, named as production's). A function
        a service or stub you supply returns is the stub Workers RPC hands back for one (callable,
        a promise of its result), as a loaded Worker's is (audit31: a non-callable object)."""
        if self._rpc and self._hosts and sent_function(value):
            return stubbed(value)
        if hasattr(type(value), "JS_METHODS") or (self._hosts and _is_host_object(value)):
            js_class = _CHILD_CLASSES.get((self._js_class, method))
            return JsBinding(self._name, value, js_class=js_class, sdk_wraps=self._sdk_wraps, nulls=self._nulls,
                             rpc=self._rpc, hosts=self._hosts, option_args=_OPTION_ARGS.get(js_class or ""),
                             fetcher_shortcuts=self._fetcher_shortcuts, plans=self._plans)
        if self._hosts and type(value) in (list, tuple) and any(map(_is_host_object, value)):
            return JsArray([self._from_binding(v, method) for v in value], nulls=self._nulls)
        if value is None and (method in _declared(self._binding, "JS_VOID_METHODS", ())
                              or method in _VOID_METHODS.get(self._js_class or "", ())):
            return None  # a Promise<void> resolves undefined, which Pyodide makes None in every era
        # across RPC a Python None left as to_js makes it, undefined: None again on this side
        # (workerd _workers.py python_to_rpc), where a JS binding's null is the Worker's null
        return from_plain(value, NULL_AS_NONE if self._rpc else self._nulls)

    @property
    def _js_name(self) -> str:  # type: ignore[override]
        return self._js_class or type(self._binding).__name__

    def _own_properties(self) -> JsObject:
        """The binding's own enumerable properties (``Object.keys`` and co., Pyodide's
        ``object_keys``): none for a jsg object (``KvNamespace``, ``R2Bucket``, ``Fetcher``,
        ``WorkerQueue``) or D1's wrapper (its fields are private: measured under wrangler dev
        4.164.0); the ``Ai`` wrapper's four public class fields (workerd ``ai-api.ts``), ``null``
        until a run against Cloudflare's AI service fills them. ``VectorizeIndexImpl`` owns its
        internal ``fetcher``, ``indexId``, ``indexVersion`` and ``useNdJson`` (``vectorize-api.ts``),
        which workers-env does not have."""
        if self._js_class == "Ai":
            return JsObject({name: _js_null_of(self._nulls) for name in _AI_FIELDS})
        if self._js_class == "VectorizeIndexImpl":
            raise NotEmulatedError(
                f"Object.keys/values/entries of the Vectorize binding {self._name} is not emulated by workers-env: "
                "production lists the binding's internal fields (fetcher, indexId, indexVersion, useNdJson), which "
                "workers-env does not have. Call its methods instead")
        if self._js_class in _NO_OWN_PROPERTIES:
            return JsObject({})
        if self._js_class == "DurableObject":  # its id and name (actor.h), read as Worker code reads them
            return JsObject({prop: stub_property(self, prop) for prop in STUB_PROPERTIES})
        raise AttributeError("object_keys")

    def __dir__(self) -> list[str]:
        """Pyodide's ``dir()`` walks the prototype chain (``JsProxy_Dir``), where a binding's
        methods are (``KvNamespace.prototype.get``): listed too -- a ``Fetcher``'s ``fetch`` and
        ``connect``, never an RPC name (the wildcard property workerd answers any name with); a
        Durable Object stub is a Fetcher with its own ``id`` and ``name`` (actor.h; wrangler dev
        4.164.0). review79: ``dir(env.SVC)`` and ``dir(env.KV)`` listed ``Object.prototype``'s names alone."""
        if self._js_class in _FETCHER_CLASSES:
            methods = (*_FETCHER_METHODS, *(STUB_PROPERTIES if self._js_class == "DurableObject" else ()))
        else:
            methods = _declared(self._binding, "JS_METHODS", ())
        if self._shortcuts():  # before fetcher_no_get_put_delete, Fetcher.prototype's too (workerd http.h)
            methods = (*methods, *SHORTCUTS)
        return sorted({*super().__dir__(), *methods})

    def _shortcuts(self) -> bool:
        """Whether this is a Fetcher (a service, a Durable Object stub) with ``get``/``put``/``delete``."""
        return self._fetcher_shortcuts and self._js_class in _FETCHER_CLASSES

    def object_keys(self) -> JsArray:
        return self._own_properties().object_keys()

    def object_values(self) -> JsArray:
        return self._own_properties().object_values()

    def object_entries(self) -> JsArray:
        return self._own_properties().object_entries()

    def __getattr__(self, name: str) -> Any:
        if name in SHORTCUTS and self._shortcuts():
            return self._shortcut(name)
        if name in STUB_PROPERTIES and self._js_class == "DurableObject":  # before any RPC method of the name
            return stub_property(self, name)
        exposed = _declared(self._binding, "JS_METHODS", None)  # what the real binding has
        # another Worker's `_name` is a method workerd's RPC calls like any (services.py)
        private = name.startswith("__") or (name.startswith("_") and not isinstance(
            self.__dict__.get("_binding"), WorkerService))
        if private or (exposed is not None and name not in exposed):
            error = AttributeError(name)
            if not name.startswith("_") and current_runtime() is None and hasattr(type(self._binding), name):
                # a test scripting the emulator (env.AI.reply) in an era that hands out the JS binding
                add_hint(error, f"{name!r} is workers-env's own, on the emulator behind env.{self._name}, not on "
                                "the JavaScript binding this config's Worker code holds (which env hands out too): "
                                f"call env.unwrapped({self._name!r}).{name}")
            raise error
        attr = getattr(self._binding, name)
        if not callable(attr):
            return from_plain(attr, self._nulls)
        methods = self.__dict__.get("_methods")
        if methods is not None and self._js_class in _FETCHER_CLASSES and name not in _FETCHER_METHODS:
            methods = None  # an RPC method: workerd makes a new JsRpcProperty at each read (Fetcher::getRpcMethod)
        if methods is not None:
            kept = methods.get(name)
            # the same method: the object kept, or a bound method of the same function on the same
            # object (a read makes a new one; MethodType's == compares both by identity, in C)
            if kept is not None and (kept[0] is attr or (type(attr) is _METHOD and attr == kept[0])):
                return JsMethod(kept[1], name, self, kept[2])  # a new proxy of the same function, as Pyodide's
        fetcher_fetch = name == "fetch" and self._js_class in _FETCHER_CLASSES
        queue_call = self._js_class == "WorkerQueue" and name in ("send", "sendBatch")
        where = f"call to {self._name}.{name}()"

        def call(*args: Any, **kwargs: Any) -> Awaitable[Any]:
            try:
                live = open_sources([args, kwargs])
                if live and inspect.iscoroutinefunction(attr):
                    # a stream still being written (a TransformStream's readable, a pipe's
                    # destination), as an argument or inside one (an options object, a list):
                    # the binding reads it to its end, as the JavaScript one does
                    async def once_written() -> Any:
                        for stream in live:
                            await stream.settle()
                        return await call_now(*args, **kwargs)

                    return binding_promise(once_written())
                if live:  # a synchronous method cannot wait for the writer: say what to do instead
                    raise NotEmulatedError(f"{STILL_WRITTEN} (here given to the synchronous {self._name}.{name}())")
                return call_now(*args, **kwargs)
            except BaseException as error:  # a synchronous throw (D1's bind): the caller's frame alone
                to_the_caller(error)
                raise

        def call_now(*args: Any, **kwargs: Any) -> Awaitable[Any]:
            notes: list[str] = []  # the call's PyProxyWarnings, for its error (see warn_pyproxy)
            token = PYPROXY_NOTES.set(notes)
            try:
                return convert_and_call(notes, args, kwargs)
            except JsException as error:
                raise _with_notes(error, notes)  # noqa: B904 - the same exception
            finally:
                PYPROXY_NOTES.reset(token)

        def convert_and_call(notes: list[str], args: tuple[Any, ...], kwargs: dict[str, Any],
                             hop: bool = False) -> Awaitable[Any]:
            """``hop``: a redirect's next request, which workerd asks of the binding whatever
            its URL (``handleHttpRedirectResponse`` parses no URL as ``Fetcher::fetch`` does)."""
            own = _OWN_FETCH.get()
            if own:  # (read once: the tasks the call makes below do not inherit it)
                _OWN_FETCH.set(False)
            js_args = [a.unwrap() if type(a) not in _NO_PROXY_TYPES and _is_instance(JsDoubleProxy, a) else a
                       for a in args]
            if kwargs:  # Pyodide: keywords become one object appended as the last argument
                js_args.append(JsObject(dict(kwargs)))
            if fetcher_fetch and not hop and js_args and \
                    answered_before_the_binding(js_args[0]):  # workerd answers or refuses it, not the binding
                try:
                    answer = fetcher_answer(*js_args[:2])
                except JsException as error:
                    return binding_promise(_settled(as_pyodide_error(error)))
                if answer is not None:
                    return binding_promise(_settled(answer))
            taken = stream = None  # the input Request whose body workerd's Request takes: used once the binding has
            # it; the init's body, a ReadableStream then left locked
            if fetcher_fetch and not hop and len(js_args) > 1 and isinstance(js_args[1], dict):
                try:  # a Python dict (a PyProxy) as the init: what JavaScript reads of it, as fetch reads it (0.26:
                    # no member, 0.28 on: its keys) -- it was refused as a PyProxy argument (review88)
                    js_args[1] = JsObject(init_options(js_args[1], {}, FETCHER_INIT))
                except JsException as error:
                    return binding_promise(_settled(as_pyodide_error(error)))
            if fetcher_fetch and not hop and len(js_args) > 1 and isinstance(js_args[1], JsObject) and \
                    isinstance(js_args[1]._props.get("headers"), Iterator):  # one-shot (a generator): read once, here,
                js_args[1] = JsObject({**js_args[1]._props, "headers": list(js_args[1]._props["headers"])})  # (left57)
            if fetcher_fetch and not hop and js_args:
                try:  # an init a Request cannot take, then a signal aborted already: the binding is not asked
                    taken = refuse_init(js_args[0], js_args[1] if len(js_args) > 1 else None)
                    refuse_if_aborted(js_args[0], js_args[1] if len(js_args) > 1 else None)
                    stream = sent_body(js_args[1] if len(js_args) > 1 else None)
                except Exception as error:  # noqa: BLE001 - the reason, whatever the Worker aborted it with
                    return binding_promise(_settled(as_pyodide_error(error) if isinstance(error, JsException) else error))
                if not self._rpc and len(js_args) > 1 and isinstance(js_args[1], JsObject) and \
                        isinstance(js_args[1]._props.get("headers"), _PAIRS):
                    # Python pairs (a PyProxy JavaScript iterates) as the Headers the caller's Request makes of
                    # them, as for fetch: env.ASSETS refused them as a PyProxy argument (review88), and
                    # ``headers.items()`` -- the README's advice for fetch -- or a set of pairs still (review90)
                    js_args[1] = JsObject({**js_args[1]._props, "headers": JsHeaders(js_args[1]._props["headers"])})
            if queue_call:
                try:
                    if name == "sendBatch" and js_args and iterated_by_jsg(js_args[0]):  # a PyProxy jsg iterates
                        js_args[0] = batch_as_read(js_args[0], self._nulls, where)
                    self._check_queue_messages(name, js_args, where)
                    if name == "send" and js_args and _unclonable(js_args[0]):
                        js_args[0] = self._queue_body(js_args[0], js_args[1] if len(js_args) > 1 else None, where)
                except JsException as error:  # a promise-returning jsg method's throw is its rejection
                    # (workerd's capture_async_api_throws, on from 2022-10-31): the caller gets the
                    # promise, awaiting it suspends, then raises (review87)
                    rejected = _settled(as_pyodide_error(error))
                    return binding_promise(_noting(rejected, notes) if notes else rejected)
            # where the JS method takes an options object, a dict (a PyProxy) reads as empty
            plan = None if hop or own or self._rpc else self._plan(name)  # (which reads JS_OPTION_ARGS first)
            at = plan.at if plan is not None else (self._option_args if self._option_args is not None
                                                   else _declared(self._binding, "JS_OPTION_ARGS", {})).get(name)
            if plan is None and (hop or own):  # workers-env's own Request for a redirect's next hop, or a
                plain = js_args  # Fetcher shortcut's request: JavaScript's values, converted by nothing
            elif plan is None:  # a dict the JS method reads as options (destructures) gives its values
                # (a service's fetch is no RPC call: its resource, a Request the Worker forwards, goes as
                # it is -- made the SDK's Request, its URL read as that object's repr: "Invalid URL:
                # Request(method='GET', ...)"; a Python value there is still refused: review84)
                # its init, a JavaScript object, goes as it is too: the callee's Request is built of it
                # (services.py), null members and a ReadableStream body kept (assets57: a null body was
                # undefined there, the input Request's body sent with a GET; a stream sent as its repr)
                plain = [a if fetcher_fetch and ((i == 0 and isinstance(a, JsRequest)) or
                                                 (i == 1 and type(a) is not dict)) else {
                    k: rpc_argument(v, where) for k, v in pyproxy_options(
                    a, f"options of {self._name}.{name}()", nulls=self._nulls).items()}
                    if i == at and type(a) is dict else rpc_argument(a, where) for i, a in enumerate(js_args)]
                self._drop_trailing_undefined(plain, js_args)
            elif plan.rest:
                # a rest parameter (D1's bind(...values)) keeps every argument: ``None`` is
                # ``undefined`` and a Python container a PyProxy, for the binding to judge
                plain = [rest_argument(a, where) for a in js_args]
            else:
                if plan.undefined_read:
                    js_args = _undefined_arguments(plan, js_args, where)
                special = plan.special  # the other positions: _argument's to_plain alone
                plain = [(a if a is UNDEFINED else to_plain(a, where=where)) if i not in special else
                         {} if i in plan.array_from_at and _lengthless_object(a) else
                         self._argument(a, where, options=i == at, stringified=i in plan.json_at,
                                        mapped=i in plan.mapped_at, what=f"options of {self._name}.{name}()",
                                        json_members=plan.json_members if i == at else frozenset(),
                                        members=plan.option_members if i == at else frozenset(),
                                        string_members=plan.string_members if i == at else frozenset())
                         for i, a in enumerate(js_args)]
                self._drop_trailing_undefined(plain, js_args)
            if in_global_scope() and inspect.iscoroutinefunction(attr):  # I/O at the module's top level
                raise JsException(GLOBAL_SCOPE_ERROR)
            stubs = stubs_in_call(plain) if self._rpc else []  # disposed as the method returns, as workerd's
            try:
                result = call_relaxed(attr, *plain)  # JavaScript ignores extra arguments
                if stubs:
                    result = disposed_after(result, stubs)
            except Exception as error:  # noqa: BLE001 - whatever a plain ``def fetch`` raised
                dispose(stubs)
                named = as_pyodide_error(error) if isinstance(error, JsException) else error
                if fetcher_fetch:  # a rejected promise, as Fetcher.fetch's always is
                    return binding_promise(_settled(named))
                if named is not error:
                    raise named  # noqa: B904 - the same exception, as Pyodide names it
                raise
            if fetcher_fetch and not inspect.isawaitable(result):
                # a plain ``def fetch`` answered at once: Fetcher.fetch returns a promise whatever
                # the binding is, and follows its redirects (below) as for an ``async def`` one
                result = _settled(result)
            if type(result) in _AWAITABLE_TYPES or inspect.isawaitable(result):
                pending = _resolve(self, result, name)
                if taken is not None or (stream is not None and isinstance(stream, JsReadableStream)):
                    pending = _body_taken(pending, taken, stream)
                if fetcher_fetch and not hop and js_args:  # its redirects, through this same binding
                    pending = _followed(pending, js_args[0], js_args[1] if len(js_args) > 1 else None,
                                        lambda request: convert_and_call([], (request,), {}, hop=True))
                return binding_promise(_noting(pending, notes) if notes else pending)
            made = self._from_binding(result, name)
            if self._js_class == "DurableObjectNamespace":  # an id's name, a stub's origin: its id and name
                note_namespace_call(self, name, js_args, made)
            return made

        call.__name__ = name
        wrong_this = functools.partial(self._called_on_another, name)
        if methods is not None:
            methods[name] = (attr, call, wrong_this)
        return JsMethod(call, name, self, wrong_this)

    def _plan(self, name: str) -> _Plan:
        """How method ``name``'s arguments cross, from the binding's ``JS_*`` declarations, read
        on every call as before and in the same order (an object whose ``__getattr__`` answers
        them sees the same look-ups). The plan made of them is kept per (binding class, method)
        with a copy of the declarations it was made of, and served again only while the
        declarations read equal that copy: a table replaced, or changed in place, between two
        calls makes a new plan (but for an equal value of another type put in place of one kept,
        ``1.0`` for ``1``, which ``==`` cannot tell). Declarations that are not plain tables
        (``_kept_tables``), and the methods of an object whose class fixes its options argument
        (``option_args``), are never kept: their plan is made afresh on every call."""
        binding = self._binding
        option_args = self._option_args
        head = tuple(map(getattr, _repeat(binding), _HEAD_TABLES if option_args is None else _REST_TABLE, _NONES))
        key = (type(binding), name)
        kept: Any = self._plans.get(key) if option_args is None else None
        if kept is not None and _TABLE_TYPES.issuperset(map(type, head)) and _same(kept[0], head):
            plan: _Plan = kept[2]
            if plan.rest:
                return plan
            tail = tuple(map(getattr, _repeat(binding), _ARG_TABLES, _NONES))
            if _TABLE_TYPES.issuperset(map(type, tail)) and _same(kept[1], tail):
                return plan
            return self._new_plan(key, head, tail, rest=False)
        return self._new_plan(key, head, None, rest=name in _table(head[-1], ()))

    def _new_plan(self, key: tuple[type, str], head: tuple[Any, ...], tail: tuple[Any, ...] | None,
                  rest: bool) -> _Plan:
        """:meth:`_plan`'s plan made of the declarations read (``tail`` read here unless given),
        and kept if they can be."""
        if tail is None:
            tail = () if rest else tuple(map(getattr, _repeat(self._binding), _ARG_TABLES, _NONES))
        plan = _Plan(key[1], self._option_args, head, tail, rest)
        copies = _kept_tables(head), _kept_tables(tail)
        if copies[0] is not None and copies[1] is not None and self._option_args is None:
            self._plans[key] = (*copies, plan)
        return plan

    def _shortcut(self, name: str) -> JsMethod:
        """A Fetcher's ``get``/``put``/``delete`` before 2024-03-26 (runtime/fetchershortcuts.py):
        a request through this binding's own ``fetch``, its answer read as workerd's reads it."""
        where = f"options of {self._name}.put()"

        def options(value: Any) -> dict[str, Any]:
            read = self._argument(value, where, options=True, stringified=False, mapped=False, what=where,
                                  members=frozenset({"expiration", "expirationTtl"}))
            return read if isinstance(read, dict) else {}

        def own_fetch(*args: Any) -> Any:  # (workerd's own call: no Python value to convert)
            try:
                fetch = self.__getattr__("fetch")
            except AttributeError as error:  # an object you supplied (a stub) without fetch
                add_hint(error, f"before compatibility date 2024-03-26 (fetcher_no_get_put_delete) {self._name}.{name}() "
                                f"is workerd's shortcut for fetch() with that HTTP method, sent to the object behind "
                                f"{self._name}, which has no fetch: give it `async def fetch(self, request)`")
                raise
            token = _OWN_FETCH.set(True)
            try:
                return fetch(*args)
            finally:
                _OWN_FETCH.reset(token)

        run = shortcut(name, own_fetch, _js_null_of(self._nulls), options)

        async def named(*args: Any) -> Any:
            try:
                return await run(*args)
            except JsException as error:
                raise as_pyodide_error(error)  # noqa: B904 - the same exception, as Pyodide names it

        def call(*args: Any, **kwargs: Any) -> Any:
            js_args = [*args, JsObject(dict(kwargs))] if kwargs else list(args)  # Pyodide: keywords, one object
            return binding_promise(in_one_chain(named(*js_args)))

        call.__name__ = name
        return JsMethod(call, name, self, lambda this: JsException("Illegal invocation", name="TypeError"))

    def _called_on_another(self, name: str, this: Any) -> BaseException:
        """What ``env.X.method.call(this, ...)`` (``apply``, ``bind``) with a ``this`` other than
        the binding raises: a jsg method's V8 signature check, ``TypeError: Illegal invocation``
        (workerd jsg/resource.h hands every method its class's ``v8::Signature``); a method of
        one of workerd's JavaScript classes (Ai, D1, Vectorize, ...) would run with that ``this``,
        which is not emulated."""
        if self._js_class in _JSG_CLASSES and (self._js_class not in _FETCHER_CLASSES or name in _FETCHER_METHODS):
            return JsException("Illegal invocation", name="TypeError")
        return NotEmulatedError(f"{self._name}.{name} called with a `this` other than {self._name} (its call, apply "
                                "or bind) is not emulated by workers-env: production's JavaScript method runs with "
                                f"that `this`. Call it on {self._name}, or pass {self._name} as `this`")

    @property
    def _to_string_tag(self) -> str:
        return TO_STRING_TAGS.get(self._js_name, self._js_name)

    def __repr__(self) -> str:
        return f"[object {self._to_string_tag}]"

    def _argument(self, value: Any, where: str, *, options: bool, stringified: bool, mapped: bool, what: str,
                  json_members: frozenset[str] = frozenset(), members: frozenset[str] = frozenset(),
                  string_members: frozenset[str] = frozenset()) -> Any:
        """One argument as the binding's JavaScript reads it. ``options``: an options object (a
        dict's PyProxy reads by the Worker's Pyodide); ``stringified``: the JavaScript only
        ``JSON.stringify``s it, so a PyProxy anywhere in it is what that writes; ``mapped``: it
        calls ``.map`` on it, so a Python list's PyProxy gives its items one by one;
        ``json_members``: the options' members it only ``JSON.stringify``s (KV ``put``'s
        ``metadata``), a keyword's dict there being its PyProxy; ``members``: the options' members
        it reads (``JS_OPTION_MEMBERS``), of which a dict's PyProxy answers ``type`` itself;
        ``string_members``: those JSG reads as strings (``JS_STRING_MEMBERS``), where a Python
        container, a PyProxy there, is its ``str()`` (KV ``list(prefix=["a"])``: ``"['a']"``)."""
        if value is UNDEFINED:  # a parameter's default taken (see _undefined_arguments)
            return UNDEFINED
        if mapped and type(value) in (list, tuple):
            return [self._mapped_item(item, where) for item in value]
        if options and type(value) is dict:
            # a None value reads through the PyProxy as Pyodide converts None: undefined, absent
            read = {k: v for k, v in pyproxy_options(value, what, nulls=self._nulls, reads=members).items()
                    if v is not None}
            return {k: self._member(k, v, where, json_members, string_members, stringified=stringified, plain=False)
                    for k, v in read.items()}
        if options and _read_by_attributes(value):  # a dict subclass, a SimpleNamespace...: a PyProxy whose
            # properties are its attributes, its own ``type`` its type's name (pyproxy_attributes)
            read = {k: v for k, v in pyproxy_attributes(value, members or _public_members(value), what).items()
                    if v is not None}
            return {k: self._member(k, v, where, json_members, string_members, stringified=stringified, plain=False)
                    for k, v in read.items()}
        if options and (json_members or string_members) and type(value) is JsObject:  # keywords: one object,
            props = object.__getattribute__(value, "_props")  # its values converted shallowly
            nulls = object.__getattribute__(value, "_nulls")
            return {k: self._member(k, v, where, json_members, string_members, stringified=False, plain=True)
                    for k, v in props.items() if v is not None or nulls}
        if stringified:
            return self._json_view(value, where)
        return to_plain(value, where=where)

    def _member(self, name: str, value: Any, where: str, json_members: frozenset[str], string_members: frozenset[str],
                *, stringified: bool, plain: bool) -> Any:
        """One member of an options object as the binding's JavaScript reads it (see
        :meth:`_argument`): what ``JSON.stringify`` writes of it, a container's ``str()`` where a
        string is read, else the value (``plain``: through :func:`to_plain`, for a keyword's)."""
        if stringified or name in json_members:
            return self._json_view(value, where)
        if name in string_members and _unconverted_container(value):
            return _pyproxy_string(value, where)
        return to_plain(value, where=where) if plain else value

    def _json_view(self, value: Any, where: str, level: int = 1) -> Any:
        """``value`` as ``JSON.stringify`` writes it, PyProxies at any depth included (a keyword
        argument's dict or list is one: Pyodide converts keywords shallowly); ``undefined``
        properties (a ``None`` in ``to_js`` or keyword data) are left out. ``level``: how deep
        ``value`` is (:mod:`workers_env._deep`)."""
        if type(value) in PROXIED_TYPES:
            return to_plain(pyproxy_json(value, where, self._nulls), where=where)
        if type(value) is JsObject:
            props = object.__getattribute__(value, "_props")
            nulls = object.__getattribute__(value, "_nulls")

            def walk() -> dict[str, Any]:
                return {k: self._json_view(v, where, level + 1) for k, v in props.items() if v is not None or nulls}

            return walk() if level < ROOMY_FROM else deeper(level, "JSON.stringify()", walk)
        return to_plain(value, where=where)

    def _mapped_item(self, item: Any, where: str) -> Any:
        """An item of a Python list the JavaScript ``.map``s over: a JS object as itself; a dict
        as its PyProxy spreads (``{...vec}``): none of its keys on Pyodide 0.26, its keys from
        0.28 -- but ``.values`` is the dict's method either way, as for a ``Map``."""
        if type(item) is dict:
            warn_pyproxy(
                f"a Python dict reached JavaScript as a PyProxy in this {where}, as an item of a list the binding "
                "maps over: spread, it has none of its keys on Pyodide 0.26, and from 0.28 a key named like a dict "
                "method (a vector's 'values') reads the method, so production sends it incomplete and the service "
                "refuses it. Convert the list with to_js(vectors, dict_converter=Object.fromEntries)")
            if not reads_dict_keys(self._nulls):
                return JsMapArgument()
            return JsLiteralMapArgument({k: self._json_view(v, where) for k, v in item.items()
                                         if isinstance(k, str) and k not in DICT_ATTRIBUTES})
        return to_plain(item, where=where)

    def _drop_trailing_undefined(self, plain: list[Any], js_args: list[Any]) -> None:
        """Leave out trailing ``None`` arguments, as JavaScript's trailing ``undefined`` are --
        but for another Worker's method: workerd's RPC sends one as an argument (a JavaScript
        twin's ``echo(undefined)`` got one), which Pyodide reads as ``None``."""
        if isinstance(self._binding, WorkerService):
            return
        while plain and plain[-1] is None and js_args[-1] is None:
            plain.pop()
            js_args.pop()

    def _check_queue_messages(self, name: str, js_args: list[Any], where: str) -> None:
        """workerd's ``WorkerQueue::send``/``sendBatch`` checks (``queue.c++``), made before the
        supplied binding sees anything, in workerd's order: jsg reads the arguments first -- each
        message of a batch (one that is ``null`` refused), its ``delaySeconds``, then the options
        (a string is no options object, a ``delaySeconds`` past int32 refused) -- and the call
        then refuses an empty batch and a body that JavaScript reads as ``undefined``: Python's
        ``None``, or a message of ``sendBatch`` whose ``body`` it cannot read (``to_js(dict)``
        is a plain ``Map`` on Pyodide 0.26); measured under wrangler dev 4.164.0 (queues43). A
        message that is no object is jsg's ``Incorrect type`` refusal; a batch message's body that
        is a PyProxy is serialised as ``send()``'s is (:meth:`_queue_body`), the batch handed on with
        what that writes (queue58)."""
        if name == "send":
            bodies = [js_args[0] if js_args else None]
            options = options_struct(js_args[1] if len(js_args) > 1 else None, "send", 2, "SendOptions")
            delay_seconds(_option_value(options, "delaySeconds", self._nulls))
            kind = _option_value(options, "contentType", self._nulls)
            kinds = [kind.lower() if isinstance(kind, str) else kind]  # send() serialises it lower-cased
        else:
            batch = js_args[0] if js_args else None
            messages = list(batch) if isinstance(batch, (JsArray, list, tuple)) else None
            if messages is None and (batch is None or batch is UNDEFINED or isinstance(batch, (JsNull, str, int, float))):
                # no iterable, or a string (jsg's SequenceWrapper takes none: iterator.h; left57)
                raise JsException("Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not of type "
                                  "'Sequence'.", name="TypeError")
            if messages is None:
                return  # not a sequence: left to the binding, as before
            unwrapped = []
            for m in messages:
                if m is None or m is UNDEFINED or isinstance(m, JsNull):
                    raise null_message()  # jsg cannot read a null message as one: before its body is looked at
                if isinstance(m, (str, int, float)):  # no object: jsg's struct unwrap takes none (iterator.h)
                    raise not_a_message()
                unwrapped.append(m.unwrap() if isinstance(m, JsDoubleProxy) else m)
                delay_seconds(_option_value(unwrapped[-1], "delaySeconds", self._nulls))
            options = options_struct(js_args[1] if len(js_args) > 1 else None, "sendBatch", 2, "SendBatchOptions")
            delay_seconds(_option_value(options, "delaySeconds", self._nulls))
            if not messages:
                raise JsException("sendBatch() requires at least one message", name="TypeError")
            bodies = [_option_value(m, "body", self._nulls) for m in unwrapped]
            kinds = [_option_value(m, "contentType", self._nulls) for m in unwrapped]  # as written
        replaced: dict[int, Any] = {}  # a batch message's PyProxy body: what workerd's serialize writes of it
        for i, (body, kind) in enumerate(zip(bodies, kinds)):  # one by one, each serialised before the next
            if body is None or body is UNDEFINED:
                raise JsException("Message body cannot be undefined", name="TypeError")
            if isinstance(body, JsBuffer) and kind == "bytes":
                # an ArrayBuffer is no ArrayBufferView (a view of one, a Uint8Array or DataView, is): measured
                # under wrangler dev 4.164.0 (review50); the binding is handed its bytes, which it cannot tell
                raise wrong_body_type("bytes", "object")
            if kind == "v8" or (kind is None and not self._queue_json):
                if name == "sendBatch" and _unclonable(body):  # (send()'s PyProxy body: _queue_body)
                    raise _not_cloned(body)
                _clonable_or_refused(body)
            elif name == "sendBatch" and isinstance(body, DestroyedAttribute) and \
                    str(kind if kind is not None else "json").lower() == "json":
                raise JsException(body.message, name="Error")  # (queuebatch: a PyProxy's attribute)
            elif name == "sendBatch" and _unclonable(body):
                replaced[i] = self._queue_body(body, JsObject({"contentType": kind}) if kind is not None else None,
                                               "sendBatch() message")
            elif name == "sendBatch":
                self._serialised_or_refused(body, kind)
        if replaced:
            js_args[0] = JsArray([JsObject({**m._props, "body": replaced[i]}) if i in replaced and isinstance(m, JsObject)
                                  else m for i, m in enumerate(unwrapped)], nulls=self._nulls)

    def _serialised_or_refused(self, body: Any, kind: Any) -> None:
        """workerd's ``serialize`` of a batch's ``text``, ``bytes`` or ``json`` message, in its turn
        (a ``json`` BigInt's ``TypeError`` before a later message's ``DataCloneError``, and after an
        earlier one's: measured under wrangler dev 4.164.0, leftovers44); the producer serialises
        it again -- a supplied queue sees only calls workerd lets through."""
        if not isinstance(body, (str, int, float, JsObject, JsArray, JsLiteralMap, JsMap)):
            return  # a stream, a typed array, another runtime object: left to the producer (nothing is drained here)
        try:
            plain = to_plain(body, where="sendBatch() message")
        except JsException:
            raise
        except Exception:  # noqa: BLE001 - a PyProxy where JSG reads a value: refused where it is converted
            return
        serialized(plain, kind, "json" if self._queue_json else "v8", exact=True)

    def _queue_body(self, body: Any, options: Any, where: str) -> Any:
        """A body of a raw Queue's ``send(body, options)`` that reaches JavaScript as a PyProxy
        (a Python container, function or other object with no JS form) or a symbol, as workerd's
        ``WorkerQueue::send`` serialises it (``queue.c++``), once the content type is known to be
        one of four: with ``contentType`` ``"json"`` -- the default from 2024-03-18
        (``queues_json_messages``) -- ``JSON.stringify`` of the PyProxy: a dict's keys from Pyodide
        0.28 (``None`` values and keys named like dict methods dropped, as JavaScript's
        ``undefined`` and functions are), ``{}`` on 0.26; a list of numbers and strings its JSON,
        one holding a dict or list throws; ``bytes`` its byte values from 0.28; another object
        ``{}``; a function or symbol no text at all (handed on for the producer to judge). A
        ``text`` or ``bytes`` message is workerd's wrong-type ``TypeError`` (a PyProxy is no string
        or ``ArrayBufferView``); a ``v8`` one (the default before that date) V8's ``DataCloneError``
        (measured on Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node, and wrangler dev 4.164.0)."""
        content_type = _option_value(options, "contentType", self._nulls)
        if content_type is None:
            content_type = "json" if self._queue_json else "v8"
        kind = str(content_type).lower()
        if kind not in CONTENT_TYPES:
            raise unsupported_content_type(content_type)
        if kind in BODY_KINDS:
            raise wrong_body_type(kind, _pyproxy_typeof(body))
        if kind == "v8":
            raise _not_cloned(body)
        if _unconverted_container(body):
            return pyproxy_json(body, where, self._nulls)
        return PyProxyArgument(body) if _pyproxy_typeof(body) != "object" else JsObject({})


#: ``constructor.name`` of the objects a supplied binding's methods return, by (binding class, method)
#: ``String(x)`` of a binding, or of an object one hands out, where it is not ``[object
#: <constructor.name>]`` -- and so Pyodide's ``str``/``repr`` of its proxy (``print(env.DB)``).
#: workerd's own (jsg) classes carry their name as ``Symbol.toStringTag`` (``KvNamespace``,
#: ``R2Bucket``, ``WorkerQueue``, ``Fetcher``, ``DurableObjectNamespace``, ``DurableObject``:
#: measured under wrangler dev 4.164.0); its TypeScript wrappers that extend the native
#: ``WrappedBinding`` (``d1-api.ts``, ``ai-api.ts``, ``workflows-api.ts``; workerd b3b584c26,
#: 2026-06-29, for every compatibility date) write ``[object WrappedBinding]`` (D1's measured), and
#: its plain TypeScript classes ``[object Object]`` (a D1 statement and session measured;
#: ``vectorize-api.ts``' ``VectorizeIndexImpl``, a Workflow's ``InstanceImpl`` by the source).
TO_STRING_TAGS: dict[str, str] = {
    "D1Database": "WrappedBinding", "Ai": "WrappedBinding", "WorkflowImpl": "WrappedBinding",
    "D1PreparedStatement": "Object", "D1DatabaseSession": "Object", "VectorizeIndexImpl": "Object",
    "InstanceImpl": "Object",
}

_CHILD_CLASSES: dict[tuple[str | None, str], str] = {
    **{("DurableObjectNamespace", m): "DurableObject" for m in ("get", "getByName", "getExisting")},
    **{("DurableObjectNamespace", m): "DurableObjectId" for m in ("idFromName", "idFromString", "newUniqueId")},
    ("DurableObjectNamespace", "jurisdiction"): "DurableObjectNamespace",
    **{("WorkflowImpl", m): "InstanceImpl" for m in ("get", "create", "createBatch")},
}

#: the options arguments of such objects, by class: a Workflow instance's
#: ``sendEvent({type, payload})`` destructures its argument
_OPTION_ARGS: dict[str, dict[str, int]] = {"InstanceImpl": {"sendEvent": 0}}

#: the methods of production's classes whose promise resolves ``undefined`` (``Promise<void>``:
#: r2-bucket.h ``delete_``, workflows-api.ts ``InstanceImpl``): a supplied binding's ``None``
#: there is ``None`` to Worker code in every era, not Pyodide 0.28's ``jsnull``
_VOID_METHODS: dict[str, frozenset[str]] = {
    "R2Bucket": frozenset({"delete"}),
    "InstanceImpl": frozenset({"pause", "resume", "terminate", "restart", "delete", "sendEvent"}),
}


def _declared(binding: Any, name: str, default: Any) -> Any:
    """A binding's ``JS_METHODS``/``JS_OPTION_ARGS``/``JS_REST_ARGS`` if it declares one (an
    object answering every attribute -- a stub with ``__getattr__`` -- declares none)."""
    value = getattr(binding, name, default)
    return value if isinstance(value, (tuple, list, set, frozenset, dict)) else default


def _is_host_object(value: Any) -> bool:
    """An object of the user's (a stub, a Workflow instance), not data a binding returns."""
    return _is_binding(value) and not isinstance(value, _RESULT_DATA) and not inspect.isawaitable(value)


#: what :func:`~workers_env.runtime.jsproxy.from_plain` or JavaScript already makes something of
_RESULT_DATA = (JsProxy, bytes, bytearray, memoryview, tuple, set, frozenset, datetime.datetime, ByteStream,
                HttpResponse, JsDate, JsOpaque, JsNull)


#: the classes whose ``fetch`` is workerd's ``Fetcher::fetch`` (a Durable Object's stub is a Fetcher)
_FETCHER_CLASSES = frozenset({"Fetcher", "DurableObject"})
#: what ``Fetcher.prototype`` has beside ``Object.prototype``'s (workerd http.h: ``JSG_METHOD(fetch)``,
#: ``JSG_METHOD(connect)``; ``queue``/``scheduled`` only with service_binding_extra_handlers)
_FETCHER_METHODS = ("fetch", "connect")
#: the binding classes workerd implements in C++ (jsg): their methods check ``this`` (a V8
#: signature); the others (Ai, D1Database, VectorizeIndexImpl, Ratelimit, WorkflowImpl) are JavaScript
_JSG_CLASSES = frozenset({"KvNamespace", "R2Bucket", "WorkerQueue", "Fetcher", "DurableObject",
                          "DurableObjectNamespace", "DurableObjectId"})


async def _body_taken(pending: Awaitable[Any], request: JsRequest | None, stream: Any = None) -> Any:
    """``pending``'s answer, ``request`` -- a Fetcher's input Request whose body the call sent --
    left used (``bodyUsed``) once the binding has had it, as ``wrangler dev`` 4.164.0 leaves it
    (tools/wrangler/fetcher_init_refusals_probe.py), and ``stream``, the init's body, locked
    (jsweb's ``leave_locked``); a rejection leaves them so too."""
    try:
        return await pending
    finally:
        if request is not None:
            request.bodyUsed = True
        leave_locked(stream)


#: a Python container of header pairs a Request's init may hold, which JavaScript iterates as a sequence
_PAIRS = (list, tuple, KeysView, ValuesView, ItemsView, set, frozenset)


async def _settled(outcome: Any) -> Any:
    """A promise settled with ``outcome``: rejected with it if it is an exception."""
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


async def _followed(pending: Awaitable[Any], resource: Any, init: Any,
                    send: Callable[[JsRequest], Awaitable[Any]]) -> Any:
    """A Fetcher binding's answer to ``fetch(resource, init)`` with its redirects followed
    through the same binding (runtime/fetchredirect.py), errors as Pyodide names them; a
    ``workers`` Response the binding answered is the JavaScript Response it wraps, as a Fetcher
    answers a ``Response`` whatever the Worker on its other side returned."""
    answer = await pending
    made = getattr(answer, "js_object", None)  # a ``workers`` Response the binding made: its JS Response
    if isinstance(made, JsResponse):
        answer = made
    if not isinstance(answer, JsResponse):
        return answer
    try:
        answer = await follow_through_fetcher(resource, init, answer, send)
    except JsException as error:
        raise as_pyodide_error(error)  # noqa: B904 - the same exception, as Pyodide names it
    if isinstance(answer, JsResponse) and not answer.__dict__.get("_status_text_given", True):
        # workerd sends a Response made without a statusText with its default phrase
        # (Response::getStatusText), which the caller's Response then has: "Internal Server Error"
        # for a 500 (wrangler dev 4.164.0), where the callee's own reads ""
        answer.statusText = default_status_text(answer.status)
        answer._status_text_given = True
    return answer


async def _resolve(binding: JsBinding, pending: Awaitable[Any], method: str = "") -> Any:
    try:
        result = await pending
    except JsException as error:
        raise as_pyodide_error(error)  # noqa: B904 - the same exception, as Pyodide names it
    return binding._from_binding(result, method)


def _with_notes(error: JsException, notes: list[str]) -> JsException:
    """``error`` carrying the PyProxyWarnings its call's arguments gave: the service's refusal
    comes first on screen, the warning that explains it only in pytest's summary."""
    for note in notes:
        add_hint(error, f"workers-env: {note}")
    return error


async def _noting(pending: Awaitable[Any], notes: list[str]) -> Any:
    try:
        return await pending
    except JsException as error:
        raise _with_notes(error, notes)  # noqa: B904 - the same exception
