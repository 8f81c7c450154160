"""The ``env`` a Python Worker receives: raw (legacy ``on_fetch``) and wrapped (``self.env``).

Data flows one way. :class:`JsEnv` is the JavaScript ``env`` object built from an
:class:`~workers_env.Env`: string vars are ``str``, object vars JS objects, bindings
:class:`JsBinding` objects whose methods take JS values and resolve to JS values. The SDK
wraps that object for ``self.env`` (:class:`_EnvWrapper`): binding calls convert Python
arguments to JS (refusing tuples and bytearrays, merging keywords into one trailing
options object) and convert results back to Python (``JsDict``, ``None``, ``int``).
"""

from __future__ import annotations

import contextvars
import copy
import copyreg
import datetime
import functools
import inspect
import itertools
import types
from collections.abc import Awaitable, Callable, ItemsView, Iterator, KeysView, Mapping, ValuesView
from typing import Any

from workers_env._deep import ROOMY_FROM, deeper, python_str
from workers_env._env import env_config, missing_name
from workers_env._errors import JsException, NotEmulatedError, _JsExceptionType, add_hint, users_mistake
from workers_env._jsvalues import (
    MAX_SAFE_INTEGER,
    UNDEFINED,
    ByteStream,
    HttpResponse,
    JsDate,
    JsDict,
    JsLiteralMapArgument,
    JsMapArgument,
    JsOpaque,
    JsSet,
    PyProxyArgument,
    is_safe_int,
    to_py,
    unsendable,
)
from workers_env._jsvalues import to_js as _model_to_js
from workers_env.config.compat import FETCHER_NO_GET_PUT_DELETE, QUEUES_JSON_MESSAGES, flag_enabled
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
from workers_env.runtime.current import GLOBAL_SCOPE_ERROR, current_runtime, in_global_scope
from workers_env.runtime.dataurl import answered_before_the_binding, fetcher_answer
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.durablestubs import STUB_PROPERTIES, note_namespace_call, stub_property
from workers_env.runtime.fetchershortcuts import SHORTCUTS, in_one_chain, shortcut
from workers_env.runtime.fetchredirect import follow_through_fetcher, refuse_if_aborted, refuse_init, sent_body
from workers_env.runtime.jsbase import _Constructor, js_property_name, python_attribute_name
from workers_env.runtime.jsbuffers import JsBuffer, JsBufferSource
from workers_env.runtime.jsconvert import object_from_entries, to_js, to_plain
from workers_env.runtime.jsconversions import JsSymbol
from workers_env.runtime.jsdestroyed import DestroyedAttribute, DestroyedProxy
from workers_env.runtime.jsfunctions import JsDoubleProxy, JsMethod, call_relaxed
from workers_env.runtime.jsproxy import (
    NULL_AS_NONE,
    JsArray,
    JsHostObject,
    JsLiteralMap,
    JsMap,
    JsNull,
    JsObject,
    JsProxy,
    from_plain,
    jsnull,
    map_key_read,
)
from workers_env.runtime.jspyproxies import (
    DICT_ATTRIBUTES,
    PROXIED_TYPES,
    PYPROXY_NOTES,
    is_dict_subclass_proxy,
    pyproxy_attributes,
    pyproxy_json,
    pyproxy_options,
    reads_dict_keys,
    warn_pyproxy,
)
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.jsweb import FETCHER_INIT, JsHeaders, JsRequest, JsResponse, init_options, leave_locked
from workers_env.runtime.livebytestream import STILL_WRITTEN, open_sources
from workers_env.runtime.queuebatch import batch_as_read, iterated_by_jsg, not_a_message
from workers_env.runtime.sdknames import SdkClass, SdkType, default_repr, sdk_module
from workers_env.runtime.sdkresults import one_walk
from workers_env.runtime.statusline import default_status_text
from workers_env.runtime.services import (
    FunctionStub,
    ServiceSource,
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

__all__ = ["JsEnv", "JsBinding", "EnvWrapper", "python_to_rpc", "python_from_rpc"]


#: ``isinstance`` for one of workers-env's own JS classes but ``JsProxy`` itself, in C: their
#: metaclass's ``__instancecheck__`` (runtime/jsbase.py) adds a JS ``Set`` for ``JsProxy`` and
#: flag matches for Worker code's own subclasses only, and costs a Python call a check
_is_instance = type.__instancecheck__

#: the values a binding call hands on as they are, with no proxy to look into: a key, a number
_NO_PROXY_TYPES = frozenset({str, int, float, bool, type(None)})

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


def _pyproxy_typeof(value: Any) -> str:
    """JavaScript's ``typeof`` of a PyProxy (a callable's is a function) or a symbol."""
    return "symbol" if isinstance(value, JsSymbol) else "function" if callable(value) else "object"


def _unclonable(value: Any) -> bool:
    """A value V8's serializer cannot clone that a Python Worker can send: a PyProxy, a symbol
    (not a JS value the SDK made: a ``datetime``'s ``Date``, an exception's ``Error``)."""
    if isinstance(value, JsOpaque):
        return value.kind != "Error"
    return isinstance(value, JsSymbol) or _unconverted_container(value) or (
        not isinstance(value, (str, int, float, JsProxy, JsNull, JsDate, ByteStream))
        and value is not None and value is not UNDEFINED)


def _clonable_or_refused(body: Any) -> None:
    """V8's ``DataCloneError`` for a JavaScript ``v8`` body it cannot clone, as
    ``structuredClone`` has it: a function named by its source (``function fetch() { [native
    code] } could not be cloned.``), at any depth (an object or ``Map`` holding one), measured under
    wrangler dev 4.164.0 (leftovers44); a body nested too deep its ``RangeError`` (or not
    emulated: :func:`~workers_env._deep.clone_refusal`). What workers-env does not clone (another
    runtime object) is sent as before."""
    if not isinstance(body, JsProxy) or isinstance(body, (JsDate, JsNull)):
        return
    from workers_env.runtime.jsclone import depth_refusal, structured_clone  # (built on modules built on this one)

    refused = depth_refusal(body, "A v8 queue message")
    if refused is not None:
        raise refused
    try:
        structured_clone(body)
    except NotEmulatedError:
        pass


def _not_cloned(value: Any) -> JsException:
    """V8's ``DataCloneError`` for ``value``, named as V8 prints it: a PyProxy of a callable
    ``function(){}``, any other PyProxy ``[object Object]``, a symbol ``Symbol(description)``
    (Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node; the symbol under wrangler dev 4.164.0)."""
    shown = (value.toString() if isinstance(value, JsSymbol)
             else "function(){}" if callable(value) else "[object Object]")
    return dom_exception(f"{shown} could not be cloned.", "DataCloneError")


def _lengthless_object(value: Any) -> bool:
    """Whether ``value`` is a plain JS object without a ``length``: ``Array.from`` of it is ``[]``
    and reads none of its properties, so nothing in it -- a keyword argument's PyProxy among
    them (``query(vector=..., filter={...})``) -- is converted or refused."""
    return type(value) is JsObject and "length" not in object.__getattribute__(value, "_props")


def _option_value(options: Any, key: str, nulls: Any) -> Any:
    """``options?.[key]`` of an options argument as JavaScript reads it (a dict's PyProxy: its
    keys from Pyodide 0.28 only)."""
    if isinstance(options, JsObject):
        return options._props.get(key)
    if isinstance(options, JsLiteralMap):
        return options.read_properties().get(key)
    if isinstance(options, dict) and reads_dict_keys(nulls):
        return options.get(key)
    return None


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


def rpc_argument(value: Any, where: str) -> Any:
    """One argument of a call across Workers RPC as the Python code on the other side receives
    it: the value structured-cloned, then ``to_py()`` by that code's SDK -- a ``Map`` (what the
    built-in SDK makes of a ``dict``) a ``dict``, at any depth, a ``Uint8Array`` (``bytes``
    sent) a ``memoryview``, and a ``Date``, ``Error``,
    ``Request``, ... what its default converter makes of it; a function the stub that calls it
    (services.py); the rest as :func:`to_plain`."""
    if sent_function(value):
        return FunctionStub(value)
    if isinstance(value, JsMap) and not isinstance(value, JsLiteralMap):
        return {rpc_argument(map_key_read(k), where): rpc_argument(v, where) for k, v in value._entries.items()}
    if isinstance(value, JsObject):
        return {k: rpc_argument(v, where) for k, v in value._props.items()}
    if isinstance(value, JsArray) and not all(type(v) in (int, float) for v in value._items):
        return [rpc_argument(v, where) for v in value._items]
    if isinstance(value, JsBufferSource):  # to_py() of a Uint8Array, an ArrayBuffer...: a memoryview
        return value.to_py()  # (Pyodide 0.26.0a4, 0.28.2, 314.0.6 measured; it was a list of ints)
    plain = to_plain(value, where=where)
    return from_rpc_default(plain) if isinstance(plain, (JsProxy, JsDate, JsOpaque)) else plain


def _undefined_arguments(plan: _Plan, js_args: list[Any], where: str = "call") -> list[Any]:
    """``js_args`` with Worker code's ``None`` -- ``undefined``, as Pyodide passes it -- where
    the binding tells it from ``null``: ``UNDEFINED`` at a parameter with a JavaScript default
    (``JS_DEFAULTED_ARGS``), which it takes; ``"undefined"`` where JSG reads a string
    (``JS_STRING_ARGS``): a present ``undefined`` is unwrapped like any value and V8's
    ``ToString`` makes it ``"undefined"`` (jsg ``type-wrapper.h`` refuses only an argument not
    passed; ``value.h`` ``StringWrapper``); ``JS_STRING_LIST_ARGS``, the arrays whose items
    JSG reads so (KV's key list: an item ``to_js`` made of ``None``). A Python container Pyodide
    hands over unconverted is its PyProxy, no Array to JSG (``IsArray()``): where JSG wants a
    string, its ``ToString`` -- Python's ``str()`` of it (KV's ``get(["a", "b"])`` reads the one key
    ``"['a', 'b']"``), with a ``PyProxyWarning``; at a ``JS_BODY_ARGS`` position, whose type also
    takes an object (KV ``put``'s value), the object itself, for the binding to judge. ``plan``
    (:class:`_Plan`) holds the positions; called only where one of the first three has some."""
    strings_at, lists_at, defaulted_at, bodies_at = plan.strings_at, plan.lists_at, plan.defaulted_at, plan.bodies_at
    read = list(js_args)
    for i, value in enumerate(read):
        if value is not None and type(value) in _NO_PROXY_TYPES:  # a key, a number: none of these
            continue
        if value is None and i in strings_at:
            read[i] = "undefined"
        elif value is None and i in defaulted_at:
            read[i] = UNDEFINED
        elif i in lists_at and type(value) is JsArray and not value._nulls and None in value._items:
            read[i] = JsArray(["undefined" if v is None else v for v in value._items])
        elif i in bodies_at and _unconverted_container(value):
            warn_pyproxy(
                f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}, as the value: "
                "an object, which is no string, ArrayBuffer, ArrayBufferView or ReadableStream; convert it with "
                "to_js()")
            read[i] = PyProxyArgument(value)
        elif i in strings_at and _unconverted_container(value):
            read[i] = _pyproxy_string(value, where)
    return read


def _pyproxy_string(value: Any, where: str) -> str:
    """V8's ``ToString`` of an unconverted Python container's PyProxy: Python's ``str()`` of it
    (measured: Pyodide 0.26.0a4, 0.28.2, 314.0.6 under Node), with a ``PyProxyWarning``."""
    text = python_str(value)
    shown = text if len(text) <= 60 else text[:57] + "..."
    bulk = " (not a list of keys: convert a list with to_js(keys))" if isinstance(value, (list, tuple)) else ""
    warn_pyproxy(
        f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}, where a string is "
        f"read: JavaScript reads the Python str() of it, {shown!r}{bulk}, in production too")
    return text


def _positions(declared: Any) -> tuple[int, ...]:
    """A binding's ``JS_*_ARGS`` entry for one method: no position, one, or several."""
    if declared is None:
        return ()
    return (declared,) if isinstance(declared, int) else tuple(declared)


#: the declarations :meth:`JsBinding._plan` reads, in the order the calls always read them:
#: the options argument (unless the class fixes it), the rest parameters, and -- for a method
#: without rest parameters -- the rest
_HEAD_TABLES = ("JS_OPTION_ARGS", "JS_REST_ARGS")
_REST_TABLE = ("JS_REST_ARGS",)
_ARG_TABLES = ("JS_JSON_ARGS", "JS_MAPPED_ARGS", "JS_ARRAY_FROM_ARGS", "JS_JSON_MEMBERS", "JS_OPTION_MEMBERS",
               "JS_STRING_MEMBERS", "JS_STRING_ARGS", "JS_STRING_LIST_ARGS", "JS_DEFAULTED_ARGS", "JS_BODY_ARGS")
#: what a declaration read may be for its plan to be kept: absent, or one of the tables _declared takes
_TABLE_TYPES = frozenset({type(None), tuple, list, set, frozenset, dict})
#: what a kept table may hold (at any depth): a copy of it is then plain data, compared by value
_TABLE_DATA = frozenset({str, int, bool, type(None), tuple, list, set, frozenset, dict})


#: the defaults of those reads, ``getattr(binding, name, None)`` in C (``map`` stops at the names' end)
_NONES = (None,) * len(_ARG_TABLES)
_repeat = itertools.repeat


def _table(value: Any, default: Any) -> Any:
    """A declaration as :func:`_declared` takes it: a table, else ``default``."""
    return value if isinstance(value, (tuple, list, set, frozenset, dict)) else default


def _same(kept: tuple[Any, ...], read: tuple[Any, ...]) -> bool:
    """Whether the declarations ``read`` equal the copy ``kept``: a value in them whose ``==``
    raises or answers no ``bool`` (a numpy array of positions) is a change (review92)."""
    try:
        return kept == read
    except Exception:  # noqa: BLE001 - whatever their == raises: a new plan, made as before plans were kept
        return False


def _kept_tables(tables: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """A deep copy of the declarations read, to compare later reads with; ``None`` if one is not
    plain data of :data:`_TABLE_TYPES` -- a ``__getattr__``'s answer, a subclass of ``dict``,
    an object with an ``==`` of its own -- whose plan is then made afresh on every call."""
    if not _TABLE_TYPES.issuperset(map(type, tables)):
        return None
    todo = list(tables)
    for _ in range(_MOST_KEPT):
        if not todo:
            return copy.deepcopy(tables)
        value = todo.pop()
        if type(value) not in _TABLE_DATA:
            return None
        if type(value) is dict:
            todo.extend(value)
            todo.extend(value.values())
        elif type(value) in (tuple, list, set, frozenset):
            todo.extend(value)
    return None  # (a table holding itself, or one too big to be worth copying)


#: how many items the declarations of one method's plan may hold in all to be kept
_MOST_KEPT = 10_000


class _Plan:
    """One method's argument positions and option members, as its binding declares them
    (``JS_*_ARGS``, ``JS_*_MEMBERS``; :func:`_declared` reads of ``head`` and ``tail``, which
    :meth:`JsBinding._plan` read). ``special``: the positions another conversion than
    ``to_plain`` may take; ``undefined_read``: whether :func:`_undefined_arguments` has work."""

    __slots__ = ("at", "rest", "json_at", "mapped_at", "array_from_at", "json_members", "option_members",
                 "string_members", "strings_at", "lists_at", "defaulted_at", "bodies_at", "special", "undefined_read")

    def __init__(self, name: str, option_args: dict[str, int] | None, head: tuple[Any, ...], tail: tuple[Any, ...],
                 rest: bool):
        self.at = (option_args if option_args is not None else _table(head[0], {})).get(name)
        self.rest = rest
        if rest:
            return
        (json_args, mapped_args, array_from_args, json_members, option_members, string_members, string_args,
         string_list_args, defaulted_args, body_args) = (_table(t, {}) for t in tail)
        self.json_at = _positions(json_args.get(name))
        self.mapped_at = _positions(mapped_args.get(name))
        self.array_from_at = _positions(array_from_args.get(name))
        self.json_members = frozenset(json_members.get(name, ()))
        self.option_members = frozenset(option_members.get(name, ()))
        self.string_members = frozenset(string_members.get(name, ()))
        self.strings_at = _positions(string_args.get(name))
        self.lists_at = _positions(string_list_args.get(name))
        self.defaulted_at = _positions(defaulted_args.get(name))
        self.bodies_at = _positions(body_args.get(name))
        self.special = (*(() if self.at is None else (self.at,)), *self.json_at, *self.mapped_at, *self.array_from_at)
        self.undefined_read = bool(self.strings_at or self.lists_at or self.defaulted_at)


#: what reaches a binding as something other than the PyProxy of an object of attributes: JS
#: values (converted or workers-env's own), Python's primitives and the containers read otherwise
_NOT_READ_BY_ATTRIBUTES = (str, int, float, bool, list, tuple, set, frozenset, bytes, bytearray, memoryview, JsProxy,
                           ByteStream, PyProxyArgument, JsLiteralMapArgument, JsMapArgument, JsSet, JsDate, JsOpaque,
                           HttpResponse, JsNull)


def _read_by_attributes(value: Any) -> bool:
    """A Python object whose PyProxy JavaScript reads an options object of by its attributes:
    a dict subclass (the SDK's ``JsDict``, an ``OrderedDict``, a Worker's own), a
    ``SimpleNamespace``, an instance -- not an exact dict (whose keys Pyodide 0.28 reads)."""
    return value is not None and type(value) is not dict and (
        is_dict_subclass_proxy(value) or not isinstance(value, (dict, *_NOT_READ_BY_ATTRIBUTES)))


def _public_members(value: Any) -> list[str]:
    """The members an options object of ``value`` may give a binding whose members are not
    declared: its public attributes that are no methods and a mapping's string keys (read
    through a ``__getattr__``, or lost with a ``PyProxyWarning``)."""
    names = [n for n in dir(value) if not n.startswith("_") and not callable(getattr(value, n, None))]
    keys = [k for k in value if isinstance(k, str) and k not in names] if isinstance(value, Mapping) else []
    return names + keys


def _unconverted_container(value: Any) -> bool:
    """A Python container that reached JavaScript without ``to_js``: a PyProxy there."""
    return isinstance(value, PROXIED_TYPES) and not isinstance(value, JsProxy)


def rest_argument(value: Any, where: str) -> Any:
    """One argument of a JavaScript rest parameter as Pyodide hands it over: ``None`` is
    ``undefined``, an unconverted Python container a PyProxy, the rest as :func:`to_plain`."""
    if value is None:
        return UNDEFINED
    if _unconverted_container(value):
        return PyProxyArgument(value)
    return to_plain(value, where=where)


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


_PYODIDE_FACES: dict[type, type] = {}


class _PyodideFace(_JsExceptionType):
    """The metaclass of :func:`as_pyodide_error`'s classes: one pickles as the face of the class
    it shows (:func:`_pyodide_face`), as ``pyodide.ffi`` is no module outside a Worker."""


def _pyodide_face(cls: type) -> type:
    """The subclass of ``cls`` (a :class:`JsException` class) that Worker code sees, named
    ``pyodide.ffi.JsException``: one per class, made on first use (and when unpickled)."""
    face = _PYODIDE_FACES.get(cls)
    if face is None:
        face = _PYODIDE_FACES.setdefault(cls, _PyodideFace("JsException", (cls,), {
            "__module__": "pyodide.ffi", "__qualname__": "JsException",
            "__doc__": None}))  # no docstring, as Pyodide's (0.26.0a4, 0.28.2, 314.0.6)
    return face


def _reduce_face(face: type) -> tuple[Any, tuple[type]]:
    return _pyodide_face, (face.__bases__[0],)


copyreg.pickle(_PyodideFace, _reduce_face)  # type: ignore[arg-type]


def as_pyodide_error(error: JsException) -> JsException:
    """``error`` as Worker code catches it in production: every JavaScript error reaches Python
    as ``pyodide.ffi.JsException``, so a binding's :class:`VectorizeError`, :class:`AiError` or
    plain :class:`JsException` (D1's, KV's) takes a subclass named ``JsException`` in module
    ``pyodide.ffi`` (``type(e).__name__`` as production logs it; still an instance of its own
    class, with its attributes and traceback; it pickles, and unpickles as that face again)."""
    cls = type(error)
    if type(cls) is _PyodideFace or cls.__dict__.get("__module__") == "pyodide.ffi":  # named so already
        return error
    error.__class__ = _pyodide_face(cls)
    return error


class JsEnv(JsProxy):
    """The JavaScript ``env`` object (what a legacy ``on_fetch(request, env)`` receives).

    ``era`` (:class:`~workers_env.runtime.eras.Era`) decides which bindings the SDK's
    ``self.env`` converts; without one, every binding is converted (the newest SDK).
    """

    def __init__(self, env: Any, era: Any = None):
        self._env = env
        self._era = era
        self._cache: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        asked, name = name, js_property_name(name)  # ``env.class_`` is binding ``class``, as Pyodide reads it
        cache = self.__dict__["_cache"]
        if name in cache:
            return cache[name]
        env = self.__dict__["_env"]
        if name not in env:  # the Env's own helpers (``config``, ``close``) are not bindings
            error = users_mistake(AttributeError(asked))  # production's text: the JS env has no such property
            add_hint(error, missing_name(name, env, config=env_config(env)))
            raise error
        unwrapped = getattr(env, "unwrapped", None)
        value = unwrapped(name) if callable(unwrapped) else env[name]
        if isinstance(value, ServiceSource):  # a loaded Worker supplied as this one's service
            value = value.as_service(env_config(env))
        if isinstance(value, str):
            result: Any = value
        elif isinstance(value, JsBinding):
            result = value
        elif _is_binding(value):
            result = self._binding(name, value)
        else:
            result = to_js(_json_numbers(value), dict_converter=object_from_entries)
        cache[name] = result
        return result

    def _binding(self, name: str, value: Any) -> JsBinding:
        from workers_env.runtime.eras import (
            JS_CLASS_NAMES,
            KIND_ALIASES,
            SUPPLIED_JS_CLASS_NAMES,
        )

        kind_of = getattr(self._env, "kind", None)
        kind = kind_of(name) if callable(kind_of) else None
        declared = _declared_field(self._env, name) if kind is None else None
        era = self._era
        if era is None:
            wraps = True
        elif kind is None:  # a binding supplied by hand: as the era's SDK treats its declared kind
            # (r2_buckets -> r2, ...), or one it does not know (wrapped from 1.3.0, as the kinds it learnt)
            wraps = era.external_sdk if declared in SUPPLIED_JS_CLASS_NAMES else era.wraps(declared or "supplied")
        else:
            wraps = era.wraps(kind)
        of = kind or declared or ""  # a supplied R2 bucket or queue has the real binding's class name too
        js_class = JS_CLASS_NAMES.get(KIND_ALIASES.get(of, of))
        # a service, Durable Object namespace or Workflow you supply has the real binding's class
        # name, which both SDKs' _EnvWrapper go by; what it returns (a stub, an instance) is a
        # JavaScript object too; a service's and a stub's calls reach Python code over RPC
        supplied_class = SUPPLIED_JS_CLASS_NAMES.get(declared or "")
        config = getattr(self._env, "config", None)
        return JsBinding(name, value, js_class=supplied_class or js_class, sdk_wraps=wraps, keeps_methods=True,
                         rpc=declared in ("services", "durable_objects"), hosts=supplied_class is not None,
                         queue_json=config is None or flag_enabled(QUEUES_JSON_MESSAGES, config),
                         fetcher_shortcuts=config is not None and not flag_enabled(FETCHER_NO_GET_PUT_DELETE, config))

    def __dir__(self) -> list[str]:
        return [python_attribute_name(name) for name in self._env]

    def _as_object(self) -> JsObject:
        """The env's own properties as one plain object: workerd builds ``env`` with
        ``v8::Object::New`` (worker.c++), so Pyodide converts and lists it as a plain object."""
        return JsObject({name: getattr(self, name) for name in self._env})

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """Pyodide's ``to_py`` of a plain object: a ``dict`` of every binding and var, vars
        converted (a JSON var to dicts and lists), bindings left as proxies."""
        if depth == 0:
            return self
        return self._as_object().to_py(depth=depth, default_converter=default_converter)

    def object_keys(self) -> JsArray:
        return self._as_object().object_keys()

    def object_values(self) -> JsArray:
        return self._as_object().object_values()

    def object_entries(self) -> JsArray:
        return self._as_object().object_entries()

    def __repr__(self) -> str:
        return "[object Object]"


def _json_numbers(value: Any) -> Any:
    """A JSON var's object or array with its whole numbers of magnitude ``Number.MAX_SAFE_INTEGER``
    as floats: they are JSON numbers, which Pyodide reads back as ``int``, where ``to_js`` would make
    BigInts of those Python ints (``JsBigInt`` in the Python 3.14 era). A copy, made without
    recursion (a JSON config's var may nest 5,000 levels deep); anything else is ``value`` itself."""
    if type(value) not in (dict, list):
        return value
    out: list[Any] = [None]
    todo: list[tuple[Any, Any, Any]] = [(value, out, 0)]
    while todo:
        item, into, slot = todo.pop()
        made: Any
        if type(item) is list:
            into[slot] = made = [None] * len(item)
            todo.extend((v, made, i) for i, v in enumerate(item))
        elif type(item) is dict:
            into[slot] = made = dict.fromkeys(item)
            todo.extend((v, made, k) for k, v in item.items())
        else:
            into[slot] = float(item) if type(item) is int and abs(item) == MAX_SAFE_INTEGER else item
    return out[0]


def _declared_field(env: Any, name: str) -> str | None:
    """The config field that declares binding ``name`` (``"services"``, ...), if any."""
    from workers_env.config.bindings import declared_bindings

    config = getattr(env, "config", None)
    merged = getattr(config, "merged", None)
    if not isinstance(merged, Mapping):
        return None
    return next((d.field for d in declared_bindings(merged) if d.name == name), None)


# -- the SDK's conversions (workers/rpc.py) ------------------------------------------


#: How deep the SDK's recursive Python conversions (``_replace_none_with_jsnull``,
#: ``_raise_on_disabled_type``, ``_replace_jsnull_with_none``) go before production's Python
#: stops them with a ``RecursionError``: its 1,000-frame limit, one frame a level (Python 3.12
#: inlines comprehensions), less the frames of the handler's stack -- about 25, our estimate.
SDK_DEPTH = 975

#: types the SDK's walks pass by unchanged
_PLAIN = frozenset({str, int, float, bool})


def _sdk_recursion(what: str) -> RecursionError:
    return users_mistake(RecursionError(
        f"maximum recursion depth exceeded while converting {what}: the Python Workers SDK converts values "
        f"recursively, so a value that contains itself or nests more than about {SDK_DEPTH:,} levels deep (lists "
        f"and dicts within each other) cannot be sent (in production too)"))


#: what :func:`_sdk_recursion` says the SDK was converting: a binding call's argument, a result
_ARGUMENT, _RESULT = "an argument for a binding", "a binding's result"


def _sdk_walk(level: int, what: str, walk: Callable[[], Any]) -> Any:
    """``walk()`` of a container ``level`` levels deep in one of the SDK's recursive conversions."""
    return walk() if level < ROOMY_FROM else deeper(level, lambda: _sdk_recursion(what), walk, SDK_DEPTH)


#: the values a JS array holds as themselves; any other Python object in one is a PyProxy
#: (what ``to_js`` leaves of an object it cannot convert, such as the SDK's own binding wrapper)
_JS_ITEMS = (str, int, float, bool, bytes, JsProxy, JsDate, JsOpaque, JsNull, ByteStream, list, dict)


def _iterated(value: Any, level: int = 1) -> Any:
    """A JS array argument as the binding reads it after the SDK's ``_raise_on_disabled_type``
    iterated it (workers-runtime-sdk ``workers/rpc.py``; workerd's built-in ``_workers.py``):
    ``for v in value`` over a JsProxy array converts each PyProxy item back to its Python object
    and destroys the proxy -- checked with Pyodide 0.28.2 and the SDK 1.9.5 under Node -- so
    a statement list made with ``to_js([db.prepare(...).bind(...), ...])`` reaches ``batch()``
    as destroyed proxies. Nested arrays are iterated alike, and so are arrays inside a Python
    dict's values or list (the check walks into those first); JS objects are not (not iterable).
    Returns ``value`` itself when nothing was destroyed (a dict or list: a copy otherwise)."""
    if isinstance(value, dict):
        if _PLAIN.issuperset(map(type, value.values())):  # a flat object, at C speed
            return value
        read_dict = _sdk_walk(level, _ARGUMENT,
                              lambda: {k: _iterated(v, level + 1) for k, v in value.items()})
        return value if all(read_dict[k] is v for k, v in value.items()) else read_dict
    if type(value) is list:  # a JsSet (a list subclass) is JavaScript: not one of these
        if _PLAIN.issuperset(map(type, value)):  # a vector, at C speed
            return value
        read_list = _sdk_walk(level, _ARGUMENT, lambda: [_iterated(v, level + 1) for v in value])
        return value if all(a is b for a, b in zip(read_list, value)) else read_list
    if not isinstance(value, JsArray):
        return value
    items = value._items
    if _PLAIN.issuperset(map(type, items)):  # a vector: nothing to destroy, at C speed
        return value

    def walk() -> list[Any]:
        return [_iterated(v, level + 1) if isinstance(v, JsArray)
                else v if v is None or v is UNDEFINED or isinstance(v, _JS_ITEMS) else DestroyedProxy(v) for v in items]

    read = _sdk_walk(level, _ARGUMENT, walk)
    if all(a is b for a, b in zip(read, items)):
        return value
    return JsArray(read, nulls=value._nulls)


def _refuse_unsendable(value: Any, level: int = 1, builtin: bool = False) -> None:
    """The SDK's check before ``to_js``: tuples and bytearrays cannot cross RPC; nor, for the
    built-in SDK (``builtin``: workerd's ``_workers.py`` refuses ``LambdaType``), a plain function
    or lambda at any depth -- the external SDK sends any callable as a stub (``create_proxy``),
    and so does the built-in one a bound method, a ``partial`` or a callable object."""
    if builtin and isinstance(value, types.FunctionType):
        raise unsendable(value)
    if isinstance(value, (JsProxy, _BindingWrapper)) or (callable(value) and not isinstance(value, type)):
        return
    if isinstance(value, (tuple, bytearray)):
        raise unsendable(value)
    if inspect.isawaitable(value):
        raise users_mistake(TypeError(f"Awaitable {type(value)} cannot be sent over RPC."))
    if isinstance(value, (dict, list, set, frozenset)):
        items = value.values() if isinstance(value, dict) else value
        if _PLAIN.issuperset(map(type, items)) and level < ROOMY_FROM:  # a vector, a flat object
            return

        def walk() -> None:
            for item in items:
                _refuse_unsendable(item, level + 1, builtin)

        _sdk_walk(level, _ARGUMENT, walk)


def _none_to_null(value: Any, level: int = 1) -> Any:
    if value is None:
        return jsnull
    if isinstance(value, dict):
        return _sdk_walk(level, _ARGUMENT,
                         lambda: {k: _none_to_null(v, level + 1) for k, v in value.items()})
    if type(value) is list:  # a JsSet (a list subclass) is already JavaScript: left as it is
        if _PLAIN.issuperset(map(type, value)):  # a vector: no None to replace, at C speed
            return _sdk_walk(level, _ARGUMENT, lambda: list(value))
        return _sdk_walk(level, _ARGUMENT, lambda: [_none_to_null(v, level + 1) for v in value])
    return value


def python_to_rpc(value: Any) -> Any:
    """Python -> JS for binding calls: ``None`` is null, dicts plain objects, lists arrays."""
    if value is None:
        return jsnull
    if type(value) in _SAME_IN_JS and (type(value) is not int or is_safe_int(value)):  # a key, a number: each
        return value  # step below hands it on as it is
    if isinstance(value, _BindingWrapper):
        return value._binding
    value = _iterated(_none_to_null(value))
    _refuse_unsendable(value)
    return to_js(value, dict_converter=object_from_entries, default_converter=_rpc_default)


def builtin_python_to_rpc(value: Any) -> Any:
    """The built-in SDK's ``python_to_rpc`` (workerd ``_workers.py``, since "Implements Python
    RPC", 2025-04): the unsendable types refused, then ``to_js`` with the same default converter
    as the external SDK's -- an object with ``js_object`` (a ``Request``, a ``Response``) that
    object, a ``datetime`` a ``Date``, an ``Exception`` an ``Error`` -- and dicts as ``Map``s."""
    value = _iterated(value)
    _refuse_unsendable(value, builtin=True)
    return to_js(value, dict_converter=lambda entries: JsMap({e[0]: e[1] for e in entries}),
                 default_converter=_rpc_default)


def _rpc_default(value: Any, convert: Callable[[Any], Any], cache: Any) -> Any:
    if isinstance(value, _BindingWrapper):
        return value._binding
    if hasattr(value, "js_object"):
        return value.js_object
    if isinstance(value, datetime.datetime):  # the SDK: js.Date.new(obj.timestamp() * 1000)
        return _model_to_js(value)
    if isinstance(value, Exception):  # the SDK: js.Error.new(str(obj))
        return JsOpaque("Error", value)
    _refuse_unsendable(value)
    return value


def _without_jsnull(value: Any, level: int = 1) -> Any:
    """The external SDK's ``_replace_jsnull_with_none`` (workers-runtime-sdk 1.3.0 on,
    ``workers/rpc.py``): every ``jsnull`` in a ``to_py()`` tree as ``None``, every ``dict`` rebuilt
    as its ``JsDict`` -- a ``dict`` whose keys also read as attributes (``res.matches``)."""
    if type(value) in _SAME_IN_JS:  # a str, a number: as it is (asked first)
        return value
    if value is jsnull:
        return None
    if isinstance(value, dict):
        return _sdk_walk(level, _RESULT,
                         lambda: JsDict({k: _without_jsnull(v, level + 1) for k, v in value.items()}))
    if type(value) is list:
        if _PLAIN.issuperset(map(type, value)):  # a vector (an embedding): each item as it is, at C speed
            return _sdk_walk(level, _RESULT, lambda: list(value))
        return _sdk_walk(level, _RESULT, lambda: [_without_jsnull(v, level + 1) for v in value])
    if isinstance(value, (JsDate, JsException, JsOpaque)):  # what to_py() left that the SDK's converter takes
        return from_rpc_default(value)
    return value


def from_rpc_default(value: Any, convert: Any = None, cache: Any = None) -> Any:
    """Both SDKs' ``_python_from_rpc_default_converter`` (workers-runtime-sdk 1.9.5
    ``workers/rpc.py``, workerd's built-in ``_workers.py``), for what ``to_py()`` leaves a proxy
    at any depth: a ``Date`` becomes a naive ``datetime`` (UTC where Workers run), an ``Error``
    an ``Exception`` of its ``toString()``, a ``Response``/``Request``/``Blob``/``FormData`` the
    SDK's class around it (a ``File`` the ``TypeError`` both SDKs' ``File(value)`` raises);
    anything else stays as it is."""
    if value is jsnull:
        return None
    if isinstance(value, JsDate):  # a Date of plain binding data (a datetime the SDK sent)
        return _date_from_ms(value.ms)
    if isinstance(value, JsOpaque) and value.kind == "Error":  # an Error of plain data
        return Exception(f"Error: {value.value}")
    if isinstance(value, JsException):  # a JS Error object (only a plain Error: its constructor's name)
        return Exception(str(value)) if value.name == "Error" else value
    name = getattr(getattr(value, "constructor", None), "name", None)
    if name == "Date":
        return _date_from_ms(value.getTime())
    if name == "Error":
        return Exception(value.toString())
    if name == "Number":
        return value.valueOf()
    if name in ("Response", "Request"):
        from workers_env.runtime.workers_api import Request, Response

        return (Response if name == "Response" else Request)(value)
    if name in ("Blob", "File", "FormData"):
        from workers_env.runtime import forms

        if name == "File":  # the SDK calls File(value) without the filename File requires
            raise TypeError("File.__init__() missing 1 required positional argument: 'filename'")
        return getattr(forms, name)(value)
    return value


def _date_from_ms(ms: float) -> datetime.datetime:
    """``datetime.datetime.fromtimestamp(value.getTime() / 1000)``, as the SDK converts a Date:
    naive, in the Worker's zone -- UTC in production, so UTC here on any host."""
    return datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc).replace(tzinfo=None)


def python_from_rpc(value: Any) -> Any:
    """JS -> Python for binding results: objects become ``JsDict``, null ``None`` (at any depth,
    as the external SDK replaces the ``jsnull`` of Pyodide 0.28's ``to_py()``), and a ``Date``,
    ``Error``, ``Response``, ... at any depth what the SDK's default converter makes of it."""
    if value is None or value is jsnull:
        return None
    walked = one_walk(value)  # a binding's plain data (from_plain's): the three passes below in one walk
    if walked is not None:
        return walked
    if isinstance(value, JsSet):  # Pyodide's to_py of a Set: a set
        return {python_from_rpc(v) for v in value}
    if isinstance(value, JsProxy):
        value = value.to_py(default_converter=from_rpc_default)
        if isinstance(value, JsProxy):  # to_py of a Date, a Response ... is the proxy itself
            value = from_rpc_default(value)
    elif isinstance(value, (JsDate, JsException)):
        return from_rpc_default(value)
    return _without_jsnull(to_py(value))  # Pyodide's numbers first, then JsDicts without jsnull


def rpc_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[list[Any], dict[str, Any]]:
    """A call's arguments through :func:`python_to_rpc` (the SDK's ``_BindingWrapper._convert_args``)."""
    return [python_to_rpc(a) for a in args], {k: python_to_rpc(v) for k, v in kwargs.items()}


#: the results :func:`python_from_rpc` hands back as they are (a float may be a whole number: an ``int``)
_AS_THEY_ARE = frozenset({str, int, bool, type(None)})

#: the arguments :func:`python_to_rpc` hands on as they are (an int only in the safe range)
_SAME_IN_JS = frozenset({str, int, float, bool})

#: ``workers-runtime-sdk`` releases that changed ``_BindingWrapper`` (each read in the
#: release's wheel and workers-py's history): 1.4.1 (workers-py #128) stopped wrapping a result
#: that is a ``ReadableStream``, ``Headers`` or other body type -- in 1.3.0 and 1.4.0 every proxy
#: a call returned was wrapped, so ``Response(await env.KV.get(key, "stream"))`` was
#: ``AttributeError: 'function' object has no attribute 'name'``; 1.4.2 (#127) added ``__iter__``,
#: ``__len__`` and integer ``__getitem__`` (before, ``len()`` is Python's own refusal and
#: iterating reads ``getattr(binding, 0)``); 1.6.5 (#160) added ``__bool__`` -- from 1.4.2 until
#: then ``bool(self.env.KV)`` (``if self.env.KV:``) fell back to ``__len__`` and raised
#: ``TypeError: 'KvNamespace' object has no len()``.
PASSES_BODIES_FROM, ITERABLE_FROM, BOOL_FROM = (1, 4, 1), (1, 4, 2), (1, 6, 5)

#: the release that added ``_RpcStubWrapper`` (1.6.5, workers-py #160): from it a function (or
#: RpcTarget) a call returns comes back callable; 1.3.0 to 1.6.4's ``_convert_result`` hand it
#: back as ``self.__class__(converted)`` -- the calling wrapper's class, which has no
#: ``__call__`` (read in the 1.3.0, 1.4.0, 1.4.1, 1.5.0 and 1.5.4 tags and the 1.6.4 and 1.6.5 wheels)
RPC_STUB_WRAPPER_FROM = (1, 6, 5)


def _sdk_before(era: Any, version: tuple[int, ...]) -> bool:
    """Whether ``era`` (``None``: the running Worker's) runs an external SDK older than ``version``."""
    if era is None:
        era = getattr(current_runtime(), "era", None)
    if era is None or not era.external_sdk or era.sdk_version is None:
        return False
    return not era.sdk_at_least(version)


#: the release whose wrappers (``_BindingWrapper`` and its subclasses, ``_EnvWrapper``) got
#: ``__new__ = _idempotent_new`` (workers-py #131, 465c702)
IDEMPOTENT_FROM = (1, 5, 2)
_NO_OBJ: Any = object()


def _idempotent_new(cls: type, obj: Any = _NO_OBJ, *args: Any, **kwargs: Any) -> Any:
    """The external SDK's ``__new__`` of its wrappers from 1.5.2: ``cls(w)`` of a ``cls`` is ``w``
    itself, and ``copy.copy``/``copy.deepcopy`` of one -- which call ``cls.__new__(cls)`` -- are
    Python's ``TypeError: _idempotent_new() missing 1 required positional argument: 'obj'``
    (measured with the real 1.5.4, 1.6.3, 1.6.4 and 1.9.5 SDKs in real Pyodide 314.0.6 and 0.28.2,
    review85). Before 1.5.2 and in the built-in SDK a plain ``object.__new__``: there a copy recurses
    in ``__getattr__`` (the built-in SDK's ``RecursionError``, measured)."""
    if _idempotent_era():
        if obj is _NO_OBJ:
            raise TypeError("_idempotent_new() missing 1 required positional argument: 'obj'")
        if isinstance(obj, cls):
            return obj
    return object.__new__(cls)


def _idempotent_era() -> bool:
    """Whether the running Worker's SDK (outside Worker code: the newest) has :func:`_idempotent_new`."""
    era = getattr(current_runtime(), "era", None)
    if era is None:
        return True
    return bool(era.external_sdk) and not _sdk_before(era, IDEMPOTENT_FROM)


class _BindingWrapper(metaclass=SdkType):
    """A binding as ``self.env`` hands it out: every call converts like production. Named as the
    external SDK names it (``workers.rpc._BindingWrapper``; ``workers._workers`` before 1.6.4)."""

    __new__ = _idempotent_new  # type: ignore[assignment]

    _sdk_class = True  # named as production names it (sdknames)

    def __init__(self, binding: Any, era: Any = None):  # a JsBinding; Worker code may wrap any JS object, as with the SDK's
        if binding is self:  # (_idempotent_new handed it back)
            return
        self._binding = binding
        self._era = era  # the SDK era whose wrapper this is (None: the running Worker's)

    def _before(self, version: tuple[int, ...]) -> bool:
        return _sdk_before(self.__dict__.get("_era"), version)

    def __getattr__(self, name: str) -> Any:
        # Every release's __getattr__ (1.3.0 to 1.9.5) ends in setattr(self, name, result): a value
        # read once is kept, so self.env.AI.lastRequestId read after each of two run()s gives the
        # first call's id both times (a new self.env, the next request's, reads afresh).
        try:
            attr = getattr(self._binding, name)
        except Exception as error:  # a miss, or a binding nobody emulates: the caller's frames alone, as
            to_the_caller(error)  # production's rpc.py over Pyodide's C lookup (walk60: ours were shown)
            raise
        era = self.__dict__.get("_era")
        if not callable(attr) and not isinstance(attr, _Constructor):  # a JS constructor is a function
            binding = self._binding
            if isinstance(binding, JsBinding) and binding._hosts and _is_host_object(attr):
                # an object of yours a stub holds (its id): JS, so the SDK's _convert_result wraps
                # it in this wrapper's class (stub.id a _FetcherWrapper), as production's DurableObjectId
                value = self._nested(binding._from_binding(attr))
            else:
                value = _wrap_result(attr, era, self) if _sdk_before(era, PASSES_BODIES_FROM) else python_from_rpc(attr)
            setattr(self, name, value)
            return value

        def call(*args: Any, **kwargs: Any) -> Any:
            js_args, js_kwargs = rpc_args(args, kwargs)
            result = attr(*js_args, **js_kwargs)
            if type(result) in _AWAITABLE_TYPES or inspect.isawaitable(result):
                return _named(_convert(result, era, self), self._binding, name)
            return _wrap_result(result, era, self)

        call.__name__ = name
        setattr(self, name, call)
        return call

    def _nested(self, value: Any) -> Any:
        """The SDK's ``self.__class__(value)``: a JS object a call or read of this wrapper gives
        back, wrapped in this wrapper's own class."""
        return type(self)(value, self.__dict__.get("_era"))

    # object.__repr__ of the SDK's class (it defines none): print(self.env.DB) in the external
    # SDK's era writes <workers.rpc._BindingWrapper object at 0x...>
    __repr__ = default_repr

    # the SDK's _BindingWrapper protocol methods: errors name the JavaScript class
    @property
    def _real_name(self) -> str:
        return self._binding._js_name

    def __getitem__(self, key: Any) -> Any:
        if self._before(ITERABLE_FROM):  # getattr(binding, key) whatever the key: an int is a TypeError
            return python_from_rpc(getattr(self._binding, key))
        return python_from_rpc(self._binding[key] if isinstance(key, int) else getattr(self._binding, key))

    def _answers_every_name(self) -> bool:
        """Whether the wrapped JS object has a property of any name: workerd's ``Fetcher`` and
        Durable Object stub (``JSG_WILDCARD_PROPERTY(getRpcMethod)``, an RPC method for every
        name but ``then``), so the SDK's ``hasattr(binding, "length")`` / ``"__iter__"`` probes
        find one there."""
        return getattr(self._binding, "_js_class", None) in _FETCHER_CLASSES

    def __iter__(self) -> Any:
        if self._before(ITERABLE_FROM):  # no __iter__ yet: Python iterates __getitem__(0), (1), ...
            return self._by_index()
        return self._not_iterable()

    def _not_iterable(self) -> Any:
        """The SDK's ``__iter__``, a generator: the error comes with the first item. A binding
        that answers every name has ``__iter__`` as far as ``hasattr`` sees, and Pyodide's
        ``for item in binding`` then refuses the proxy."""
        if self._answers_every_name():
            raise TypeError("'pyodide.ffi.JsProxy' object is not iterable")
        raise TypeError(f"'{self._real_name}' object is not iterable")
        yield  # a generator, as the SDK's

    def _by_index(self) -> Any:
        index = 0
        while True:
            try:
                item = self[index]
            except IndexError:
                return
            yield item
            index += 1

    def __bool__(self) -> bool:
        if self._before(ITERABLE_FROM):  # neither __bool__ nor __len__: object's truth
            return True
        if self._before(BOOL_FROM):  # no __bool__ yet: Python falls back to __len__
            return len(self) != 0
        return self._binding is not None

    def __len__(self) -> int:
        if self._before(ITERABLE_FROM):
            raise TypeError(f"object of type '{type(self).__name__}' has no len()")
        if self._before(BOOL_FROM) and self._answers_every_name():
            # 1.4.2..1.6.4 return ``binding.length`` once hasattr finds it: an RPC method proxy
            raise TypeError("'pyodide.ffi.JsProxy' object cannot be interpreted as an integer")
        raise TypeError(f"'{self._real_name}' object has no len()")


class _RpcStubWrapper(_BindingWrapper):
    """A function or RpcTarget received over RPC, as the SDK wraps it: callable."""

    _sdk_class = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        js_args, js_kwargs = rpc_args(args, kwargs)
        result = self._binding(*js_args, **js_kwargs)
        era = self.__dict__.get("_era")
        return _convert(result, era, self) if inspect.isawaitable(result) else _wrap_result(result, era, self)


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


def _wrap_result(value: Any, era: Any = None, wrapper: _BindingWrapper | None = None) -> Any:
    """As the SDK's ``_convert_result`` in ``wrapper`` (the wrapper whose call or attribute gave
    ``value``; ``None``: a plain ``_BindingWrapper``): a JS object that stays a proxy (a D1
    statement) is wrapped again in that wrapper's class (``self.__class__``), so its methods
    convert like the binding's; in workers-runtime-sdk 1.3.0 and 1.4.0 any proxy
    ``python_from_rpc`` leaves (a KV ``"stream"`` read's ``ReadableStream``) too. A function
    returned over RPC is a callable ``_RpcStubWrapper`` from 1.6.5, and before it the calling
    wrapper's class too -- an object Python cannot call. A list's items each so."""
    if type(value) in _AS_THEY_ARE:  # what python_from_rpc hands back as it is, asked first
        return value
    if _is_instance(JsBinding, value):
        return _rewrapped(value, era, wrapper)
    if _is_instance(FunctionStub, value):  # a function the call returned
        if _sdk_before(era, RPC_STUB_WRAPPER_FROM):
            return _rewrapped(value, era, wrapper)
        return _RpcStubWrapper(value, era)
    converted = python_from_rpc(value)
    if isinstance(converted, JsProxy) and _sdk_before(era, PASSES_BODIES_FROM):
        return _rewrapped(converted, era, wrapper)
    if isinstance(converted, list) and any(isinstance(item, (JsBinding, FunctionStub)) for item in converted):
        return [_wrap_result(item, era, wrapper) if isinstance(item, (JsBinding, FunctionStub)) else item
                for item in converted]
    return converted


def _rewrapped(value: Any, era: Any, wrapper: _BindingWrapper | None) -> Any:
    """``value`` in ``wrapper``'s class (``self.__class__(value)``), a plain ``_BindingWrapper`` without one."""
    return _BindingWrapper(value, era) if wrapper is None else wrapper._nested(value)


async def _convert(pending: Awaitable[Any], era: Any = None, wrapper: _BindingWrapper | None = None) -> Any:
    return _wrap_result(await pending, era, wrapper)


def _named(coro: Any, binding: Any, method: str) -> Any:
    """``coro`` named after the call it stands for, so a forgotten ``await`` reads "coroutine
    'env.VECTORIZE.upsert' was never awaited" (the SDK's own coroutine names an inner helper)."""
    coro.__qualname__ = f"env.{getattr(binding, '_name', None) or type(binding).__name__}.{method}"
    return coro


class _EnvWrapper(metaclass=SdkClass):
    """``self.env``: attribute access only; bindings wrapped, vars as JavaScript gives them."""

    _sdk_class = True  # named as production names it (sdknames)

    def __new__(cls, env: Any = _NO_OBJ) -> _EnvWrapper:
        """From workers-runtime-sdk 1.5.2 ``_idempotent_new`` (``type(self.env)(self.env)`` is
        ``self.env``, a copy its ``TypeError``); before and in the built-in SDK a new wrapper
        every time, of a wrapper too (see :meth:`__getattr__`)."""
        if _idempotent_era():  # the external SDK's from 1.5.2 (a copy its TypeError)
            return _idempotent_new(cls, env)  # type: ignore[no-any-return]
        return super().__new__(cls)

    def __init__(self, env: Any):
        if env is self:
            return
        self._env = env

    def __repr__(self) -> str:
        # object.__repr__, with the module production defines the class in: print(self.env) in a
        # Worker writes <workers._workers._EnvWrapper object at 0x...> (workers.rpc from
        # workers-runtime-sdk 1.6.4), as it does deployed
        return f"<{sdk_module('_EnvWrapper', self._sdk_era())}._EnvWrapper object at {hex(id(self))}>"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and "_env" in self.__dict__:
            # (but an instance copy.copy made bare, no _env yet: the name is looked up on _env,
            # which recurses -- the SDKs' own RecursionError, whose __getattr__ has no such guard)
            raise AttributeError(name)
        value = getattr(self._env, name)
        if isinstance(self._env, _EnvWrapper):  # type(self.env)(self.env) before 1.5.2: a wrapper's wrapper
            value = _wrapped_again(value)
        elif isinstance(value, JsBinding) and value._js_class in _OWN_WRAPPERS:
            # both SDKs' _EnvWrapper hand Fetchers, Durable Object namespaces and Workflows out through
            # wrappers of their own, per era; a late import: sdkwrappers builds on this module
            from workers_env.runtime.sdkwrappers import sdk_wrapper

            value = sdk_wrapper(name, value, self._sdk_era())
        elif isinstance(value, JsBinding) and value._sdk_wraps:
            value = _BindingWrapper(value, self._sdk_era())
        setattr(self, name, value)
        return value

    def _sdk_era(self) -> Any:
        """The era of the env this wraps (a ``JsEnv``'s), else of the running Worker; ``None``
        when neither says (the newest SDK)."""
        era = self._env.__dict__.get("_era") if isinstance(self._env, JsEnv) else None
        if era is None:
            era = getattr(current_runtime(), "era", None)
        return era


#: the JavaScript classes both SDKs' ``_EnvWrapper`` hand out through wrappers of their own
_OWN_WRAPPERS = frozenset({"Fetcher", "DurableObjectNamespace", "WorkflowImpl"})


def _wrapped_again(value: Any) -> Any:
    """What the SDK's ``_EnvWrapper._getattr_helper`` makes of ``value``, read through the
    ``_EnvWrapper`` it wraps (``type(self.env)(self.env)`` in the built-in SDK and before
    workers-runtime-sdk 1.5.2, where that is a new wrapper): it asks ``value.constructor.name``
    (``_is_js_instance``) -- a binding's wrapper (``_BindingWrapper``, ``_FetcherWrapper``) hands
    its ``constructor`` out as a wrapped method, a Python function, so that is ``AttributeError:
    'function' object has no attribute 'name'``; a Durable Object namespace's or Workflow's wrapper
    passes it through, so it is wrapped again; anything else (a var, a binding handed out as
    JavaScript gives it) comes back as it is. Measured with the real 1.5.1 and built-in SDKs in
    real Pyodide 314.0.6 and 0.26.0a4 (tools/pyodide/sdk_env_rewrap_probe.mjs)."""
    if not hasattr(value, "constructor"):
        return value
    js_name = value.constructor.name
    if js_name in ("DurableObjectNamespace", "WorkflowImpl") and not isinstance(value, JsBinding):
        return type(value)(value)
    return value


def env_wrapper(env: Any) -> _EnvWrapper:
    """``self.env`` of ``env``: workers-env wraps where both SDKs do and where they wrapped already
    (a Worker's subclass's ``__init__`` and ``WorkerEntrypoint.__init__`` both see ``env``), so an
    ``env`` already wrapped is itself."""
    return env if isinstance(env, _EnvWrapper) else _EnvWrapper(env)


EnvWrapper = _EnvWrapper
