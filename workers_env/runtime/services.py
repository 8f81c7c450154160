"""A loaded Worker supplied as another Worker's service binding (``bindings={"SEARCH": search}``).

Production's service binding hands the caller's ``fetch(request)`` to the callee's fetch handler
and its ``await env.SEARCH.method(...)`` to a method of the callee's ``Default``
``WorkerEntrypoint``, each in a request of the callee's own. :class:`WorkerService` does the
same with a :class:`~workers_env.runtime.loadedworker.Worker`: the caller's side converts as its SDK
era converts any supplied service (``JsBinding`` with ``rpc``), the callee's side as
``Worker.fetch``/``Worker.rpc`` do, so each Worker keeps its own modules, env and era.

What the callee throws reaches the caller as workerd's RPC sends an error across (measured with
two JavaScript Workers under ``wrangler dev`` 4.164.0, ``no_bundle`` as a Python Worker is
served): a new ``Error`` with ``remote: true``, keeping the name of V8's own error classes
(``TypeError``, ``RangeError``, ...) and writing any other name into the message
(``CustomError: text``; Pyodide's ``PythonError``: ``PythonError: Traceback ...``), by ``fetch``
as by a method -- so the caller's Python catches a ``JsException``, never the callee's class.
"""

from __future__ import annotations

import abc
import asyncio
import contextvars
import inspect
from collections.abc import Callable
from typing import Any

from workers_env._env import env_config
from workers_env._errors import JsException, NotEmulatedError, internal_error_text
from workers_env._jsvalues import handed_back
from workers_env.config.compat import ENHANCED_ERROR_SERIALIZATION, flag_enabled
from workers_env.runtime.current import current_context
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbase import js_text, js_type_error
from workers_env.runtime.jsfunctions import JsFunction, JsNativeFunction
from workers_env.runtime.jsconvert import object_from_entries, to_js
from workers_env.runtime.jsproxy import JsArray, JsDate, JsMap, JsNull, JsObject, JsOpaque, JsProxy
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.rpcproperty import RpcProperty, rpc_property
from workers_env.runtime.thrownerror import SERIALIZED_NAMES, legacy_parts, thrown_parts
from workers_env.runtime.jspromise import binding_promise

__all__ = ["FunctionStub", "NotConnected", "NotConnectedService", "ServiceSource", "WorkerService", "stubbed"]


class ServiceSource(abc.ABC):
    """What a loaded Worker is to ``env``: an object it hands out as a service binding (an
    abstract base here, so that ``envwrap`` can tell one without importing the loader)."""

    @abc.abstractmethod
    def as_service(self, caller_config: Any = None) -> WorkerService:
        """The service binding another Worker (whose config is ``caller_config``) is handed."""


class WorkerService:
    """A loaded Worker behind a service binding: ``fetch`` reaches its fetch handler, any other
    public name its ``Default`` entrypoint's RPC method of that name (``TypeError: Method <name>
    does not exist`` when it has none, as workerd answers) -- or those of the named
    ``entrypoint`` class (``[[services]] entrypoint = "Admin"``). ``worker`` is the Worker, or
    a function giving the one serving now (``workers-env dev -c A -c B``: a callee reloaded
    after an edit is the one its callers reach from then on)."""

    def __init__(self, worker: Any, caller_config: Any = None, entrypoint: str | None = None):
        self._resolve = worker if callable(worker) and not isinstance(worker, ServiceSource) else lambda: worker
        self._caller_config = caller_config
        self._entrypoint = entrypoint

    @property
    def _worker(self) -> Any:
        return self._resolve()

    def _enhanced(self, worker: Any) -> bool:
        # workerd keeps an error's name and own properties across only when both Workers have
        # enhanced_error_serialization (measured: either one without it is the legacy form)
        return all(config is not None and flag_enabled(ENHANCED_ERROR_SERIALIZATION, config)
                   for config in (self._caller_config, env_config(worker.env)))

    async def fetch(self, resource: Any, init: Any = None) -> JsResponse:
        # workerd's Fetcher.fetch builds one Request of (resource, init) and the callee gets it,
        # its body framed as it would go over HTTP: content-length for a body of known size
        # (a JavaScript twin's callee saw `content-length: 5` for "hello", 3 for a Uint8Array)
        if isinstance(init, dict):  # the SDK's keywords, to_js'd as pyfetch hands them on (bytes: a Uint8Array)
            init = to_js(init, dict_converter=object_from_entries)
        request = with_length(JsRequest.new(resource, init))
        worker = self._worker
        # answered as the handler returns, its waitUntil work going on (the calling request's end waits for it)
        answer: JsResponse = await _in_callee(
            worker._answer(request, self._entrypoint, apart=True, caller=current_context()), self._enhanced(worker), worker)
        return answer

    def connect(self, *args: Any) -> Any:
        """workerd's ``Fetcher.connect`` (a TCP socket to the Worker's ``connect`` handler), never
        an RPC call (its name is reserved there too): not emulated, as the ASSETS binding's."""
        raise NotEmulatedError("a service binding's connect() (TCP sockets) is not emulated by workers-env")

    def toString(self) -> str:  # noqa: N802 - JavaScript's name
        """``Object.prototype.toString`` of the caller's ``Fetcher``, found before any RPC name
        (measured: a JavaScript twin's ``env.SVC.toString()`` is ``[object Fetcher]`` under wrangler
        dev 4.164.0, tools/wrangler/entrypoint_names_probe.py; review78: an RPC call here before)."""
        return "[object Fetcher]"

    def constructor(self, *args: Any) -> Any:
        """The ``Fetcher`` class, which script cannot call: ``TypeError: Illegal constructor`` in
        the caller, not from the callee (measured as :meth:`toString`; review78: the RPC server's
        reserved-name refusal here before)."""
        raise js_type_error("Illegal constructor")

    def __getattr__(self, name: str) -> Any:
        # a `_name` is a method like any (workerd's RPC and the Python entrypoint's proxy pass
        # it on); Python's own protocol names (`__aenter__`, ...) are not looked up on the callee
        if name.startswith("__"):
            raise AttributeError(name)
        service = self

        async def method(*args: Any) -> Any:
            worker = service._worker
            enhanced = service._enhanced(worker)
            # the stubs made for this call: one the caller received and passes on is a new
            # reference in workerd (JsRpcStub::serialize), disposed with this call, the caller's own
            # still live after it
            sent = list(args)
            stubs = stubs_in_call(sent)
            for stub in stubs:
                stub._enhanced, stub._bound = enhanced, True
            try:
                result = await _in_callee(worker._rpc(name, tuple(sent), {}, service._entrypoint or "Default",
                                                      crossing=True, caller=current_context()), enhanced, worker)
            finally:
                dispose(stubs)
            if _holds_pyproxy(result):
                raise not_serialized()
            return stubbed(handed_back(result), enhanced)

        method.__name__ = name
        return method

    def __repr__(self) -> str:
        named = f"#{self._entrypoint}" if self._entrypoint else ""
        return f"<WorkerService of {self._worker.main_path}{named}>"


#: workerd's refusal of an I/O object (here a ``dup()``'d stub: ``I/O type: Client``) used by
#: a request other than the one that made it
OTHER_REQUEST = (
    "Cannot perform I/O on behalf of a different request. I/O objects (such as streams, request/response "
    "bodies, and others) created in the context of one request handler cannot be accessed from a different "
    "request's handler. This is a limitation of Cloudflare Workers which allows us to improve overall "
    "performance. (I/O type: Client)")


class StubMethod(JsNativeFunction):
    """A method of a stub's prototype read from Python (``stub.dup``): Pyodide's JsProxy of the
    built-in, its ``this`` the stub it was read from; the same function (``==``) whichever stub."""

    __slots__ = ("_this",)

    def __init__(self, this: Any, func: Callable[..., Any], name: str):
        super().__init__(func, name)
        self._this = this

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return super().__call__(self._this, *args, **kwargs)


class FunctionStub(JsNativeFunction):
    """A function sent across Workers RPC (measured with JavaScript twins under ``wrangler dev -c
    A -c B`` 4.164.0): the other side holds a stub, ``typeof`` ``"function"``, whose call answers a
    promise of what the function returns (a Python function's awaitable awaited), an error it
    throws crossing as any error of the other Worker does (``remote``); once the call that
    carried it as an argument has returned, calling it rejects with ``Error: RPC stub used after
    being disposed.`` -- a stub ``waitUntil`` work calls later too; one the callee passes on to a
    third Worker stays its own until its own call returns. :meth:`dup` keeps one past its call,
    for the request that made the copy."""

    __slots__ = ("_enhanced", "_disposed", "_bound", "_request")

    def __init__(self, func: Callable[..., Any], enhanced: bool = False):
        super().__init__(func, "")
        self._enhanced = enhanced
        self._disposed = False
        self._bound = False  # held by a Worker (an argument till its call ends, a result kept): passed on, copied
        self._request: Any = None  # a dup()'s: the request (ExecutionContext) it belongs to

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return binding_promise(self._call(args, kwargs))

    @property
    def dup(self) -> StubMethod:
        """``JsRpcStub.prototype.dup``, a built-in JS function read through the stub: ``String()``
        ``function dup() { [native code] }``, one function for every stub (``===``; wrangler 4.164.0,
        tools/wrangler/rpc_function_stub_properties_probe.py), which Pyodide's ``repr`` shows
        (ffi56: it read ``<bound method FunctionStub.dup ...>``). Called: :meth:`_dup`."""
        return StubMethod(self, FunctionStub._dup, "dup")

    def _dup(self) -> FunctionStub:
        """A new reference to the same function that no call disposes (workerd's
        ``JsRpcStub.dup()``), usable by the request that made it -- its ``waitUntil`` work after
        the call returned too -- and from another request ``Error: Cannot perform I/O on behalf
        of a different request. ...`` (JS twins under wrangler dev -c A -c B 4.164.0, review60).
        A disposed stub's ``dup()`` throws workerd's failed assertion, ``Error: internal error;
        reference = ...``, there and then (measured)."""
        if self._disposed:
            raise JsException(internal_error_text(), name="Error")
        copy = FunctionStub(self._func, self._enhanced)
        copy._bound, copy._request = True, current_context()
        return copy

    def _check_usable(self) -> None:
        """What using the stub now raises: disposed, or another request's ``dup()``."""
        if self._disposed:
            raise JsException("RPC stub used after being disposed.", name="Error")
        if self._request is not None and current_context() not in (None, self._request):  # (test code: no request)
            raise JsException(OTHER_REQUEST, name="Error")

    async def _call(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self._check_usable()
        if any(_holds_pyproxy(a) for a in [*args, *kwargs.values()]):
            raise not_serialized(remote=False)  # the caller's own serializer refuses its arguments
        try:
            result = self._func(*args, **kwargs)
            while inspect.isawaitable(result):
                result = await result
        except Exception as exc:  # noqa: BLE001 - whatever it throws crosses as production's RPC sends it
            raise remote_error(exc, self._enhanced) from None
        if _holds_pyproxy(result):
            raise not_serialized()
        return stubbed(result, self._enhanced)

    def __getattr__(self, name: str) -> RpcProperty:
        """Any other name (but ``then``, Python's protocol names and workers-env's ``_`` ones): an
        RPC property, callable and awaitable, which the callee refuses (runtime/rpcproperty.py)."""
        if name.startswith("_"):
            raise AttributeError(name)
        return rpc_property(self, name, self._check_usable, _crossed)

    # Function.prototype's names are not on a stub's prototype chain (JsRpcStub.prototype's
    # constructor and dup, then Object.prototype's): they are RPC properties too (measured)
    @property  # type: ignore[override]
    def name(self) -> RpcProperty:  # type: ignore[override]
        return rpc_property(self, "name", self._check_usable, _crossed)

    @name.setter
    def name(self, value: str) -> None:
        _FUNCTION_NAME.__set__(self, value)

    @property
    def length(self) -> RpcProperty:  # type: ignore[override]
        return rpc_property(self, "length", self._check_usable, _crossed)

    @property
    def call(self) -> RpcProperty:  # type: ignore[override]
        return rpc_property(self, "call", self._check_usable, _crossed)

    @property
    def apply(self) -> RpcProperty:  # type: ignore[override]
        return rpc_property(self, "apply", self._check_usable, _crossed)

    @property
    def bind(self) -> RpcProperty:  # type: ignore[override]
        return rpc_property(self, "bind", self._check_usable, _crossed)

    def toString(self) -> str:  # noqa: N802 - JS name (Object.prototype.toString)
        return "[object JsRpcStub]"

    def __repr__(self) -> str:
        return "[object JsRpcStub]"  # String() of the stub (measured), as Pyodide's repr of a JsProxy

    def _inspected(self) -> str:
        """``console.log`` of it: ``RpcStub {}`` (wrangler dev 4.164.0, a JavaScript twin logging a
        returned function's stub, alone and in an array; audit32 -- it was ``[Function (anonymous)]``)."""
        return "RpcStub {}"


#: the slot holding a native function's own name (FunctionStub reads ``name`` as an RPC property)
_FUNCTION_NAME: Any = JsNativeFunction.__dict__["name"]


def sent_function(value: Any) -> bool:
    """Whether ``value`` crosses Workers RPC as a function stub: a JavaScript function (a Python
    callable's ``create_proxy``, a PyProxy ``to_js`` made of one, a JS function), not a class."""
    if isinstance(value, FunctionStub):
        return False
    if isinstance(value, JsFunction):
        return True
    return callable(value) and not isinstance(value, (type, JsProxy))


def stubbed(value: Any, enhanced: bool = False) -> Any:
    """``value`` with each function in it (at any depth of a JS object, array or Map) the stub
    the other side of a Workers RPC call holds (:class:`FunctionStub`): a result's, that Worker's
    own -- no call disposes it, and passed on it goes as a new reference (:func:`_relayed`), as
    the JS twins' caller passing a returned function to a third Worker still called it after
    (wrangler dev -c A -c B -c C 4.164.0, review58); a stub returned again a new one too."""
    if isinstance(value, FunctionStub) or sent_function(value):
        stub = FunctionStub(value._func if isinstance(value, FunctionStub) else value, enhanced)
        stub._bound = True
        return stub
    if isinstance(value, JsObject):
        for key, item in value._props.items():
            if isinstance(item, (FunctionStub, JsObject, JsArray)) or sent_function(item):
                value._props[key] = stubbed(item, enhanced)
    elif isinstance(value, JsArray):
        value._items[:] = [stubbed(item, enhanced) for item in value._items]
    elif isinstance(value, JsMap):  # (the built-in SDK sends a dict as a Map: a method in it crosses so too)
        for key, item in value._entries.items():
            value._entries[key] = stubbed(item, enhanced)
    return value


def _shape(value: Any) -> tuple[list[Any], Callable[[list[Any]], Any]] | None:
    """A container a call's argument carries stubs in -- a Python dict or list, a JS object, array
    or ``Map`` (the built-in SDK's result for a dict) -- as its items and a function making a copy
    of it holding others in their place (a dict subclass copied as a plain dict: the call converts
    its arguments anyway); None for anything else."""
    if isinstance(value, (dict, JsObject, JsMap)):
        entries = value if isinstance(value, dict) else value._props if isinstance(value, JsObject) else value._entries
        keys = list(entries)
        made: Callable[[dict[Any, Any]], Any] = dict if isinstance(value, dict) else JsObject if isinstance(
            value, JsObject) else JsMap
        return list(entries.values()), lambda items: made(dict(zip(keys, items)))
    if isinstance(value, (list, JsArray)):
        return list(value if isinstance(value, list) else value._items), list if isinstance(value, list) else JsArray
    return None


def _stubs_in(value: Any) -> list[FunctionStub]:
    """Each :class:`FunctionStub` in a call's argument, at any depth of :func:`_shape`'s containers."""
    if isinstance(value, FunctionStub):
        return [value]
    shape = _shape(value)
    return [stub for item in shape[0] for stub in _stubs_in(item)] if shape is not None else []


def stubs_in_call(args: list[Any]) -> list[FunctionStub]:
    """The stubs a call's arguments hand the callee -- another Worker or a supplied service's
    method -- each its own (``args`` changed in place: one the caller received over RPC is a new
    reference, :func:`_relayed`), to be disposed when the call returns (:func:`dispose`)."""
    args[:] = [_relayed(arg) for arg in args]
    return [stub for arg in args for stub in _stubs_in(arg) if not stub._bound]


def disposed_after(result: Any, stubs: list[FunctionStub]) -> Any:
    """``result`` of a supplied service's method, its call's ``stubs`` disposed once it is
    settled: at once for a plain value, when it finishes for an awaitable."""
    if not inspect.isawaitable(result):
        dispose(stubs)
        return result

    async def settled() -> Any:
        try:
            return await result
        finally:
            dispose(stubs)

    return settled()


def dispose(stubs: list[FunctionStub]) -> None:
    """workerd's disposal of the stubs a call's arguments carried, as the call returns: each
    called later rejects with ``RPC stub used after being disposed.``"""
    for stub in stubs:
        stub._disposed = True


def _relayed(value: Any) -> Any:
    """A call's argument with each stub the caller received over RPC (one already bound to a
    call) a new reference of its own, as workerd sends it on (measured with JS twins under wrangler
    dev -c A -c B -c C 4.164.0: a stub the third Worker keeps is 'RPC stub used after being
    disposed.' once its call returned, the relaying Worker's still live); containers copied only
    where they hold one."""
    if isinstance(value, FunctionStub):
        return FunctionStub(value._func, value._enhanced) if value._bound else value
    shape = _shape(value)
    if shape is None or not any(stub._bound for stub in _stubs_in(value)):
        return value
    items, made = shape
    return made([_relayed(item) for item in items])


def _holds_pyproxy(value: Any, depth: int = 0) -> bool:
    """Whether the JavaScript value a callee's SDK made of its result holds a PyProxy of a
    Python object that is no function (``to_js`` leaves what it cannot convert so): workerd's
    RPC cannot serialize that (a callable's proxy crosses as a stub, as a function does)."""
    if value is None or isinstance(value, (str, int, float, JsNull, JsDate, JsOpaque)) or callable(value):
        return False
    if isinstance(value, (JsObject, JsArray, JsMap)):
        if depth > 64:
            return False
        items = (value._props.values() if isinstance(value, JsObject) else value._items if isinstance(value, JsArray)
                 else [v for pair in value._entries.items() for v in pair])
        return any(_holds_pyproxy(item, depth + 1) for item in items)
    return not isinstance(value, JsProxy)


def not_serialized(remote: bool = True) -> JsException:
    """workerd's ``DataCloneError`` for a result holding a proxy whose prototype is no plain
    object's (a PyProxy's is Pyodide's ``PyProxy`` class), as the caller gets it: ``remote``,
    the ``DOMException``'s own ``code``, ``name``, ``message``, ``stack`` (measured under
    ``wrangler dev -c A -c B`` 4.164.0, a JavaScript twin returning such a Proxy; the name kept
    with or without ``enhanced_error_serialization``, as workerd serializes a DOMException).
    Not ``remote`` (``remote=False``) for a function stub's arguments, which the calling side
    fails to serialize (the same twin calling a stub with such a Proxy: ``code``, ``name``,
    ``message``, ``stack`` its own keys, ``remote`` undefined; audit19)."""
    error = dom_exception("Proxy could not be serialized because it is not a valid RPC receiver type. The Proxy must "
                          "emulate either a plain object or an RpcTarget, as indicated by the Proxy's prototype chain.",
                          "DataCloneError")
    error.__dict__["_own_keys"] = dict.fromkeys(["code", "name", "message", "stack"])
    return _crossed(error) if remote else error


def with_length(request: JsRequest) -> JsRequest:
    """``request`` framed as workerd sends it to another Worker (measured with JavaScript twins):
    a body of known size (a string, bytes) arrives with ``content-length``, a stream with
    ``transfer-encoding: chunked``; a request that names its own length is left alone."""
    if request._body is None or request.headers.has("content-length"):
        return request
    if request._length_unknown:
        if not request.headers.has("transfer-encoding"):
            request.headers.set("transfer-encoding", "chunked")
    else:
        request.headers.set("content-length", str(len(request._body)))
    return request


class NotConnected(ServiceSource):
    """A ``[[services]]`` entry of a ``workers-env dev -c A -c B`` session naming no Worker of
    it: wrangler shows it ``[not connected]`` and workerd answers a call to it so
    (:class:`NotConnectedService`)."""

    def __init__(self, service: str):
        self.service = service

    def as_service(self, caller_config: Any = None) -> WorkerService:
        return NotConnectedService(self.service)

    def __repr__(self) -> str:
        return f"<NotConnected service {self.service!r}>"


class NotConnectedService(WorkerService):
    """What wrangler 4.164.0's dev session gives for a service it runs no Worker of (measured
    with a JavaScript twin): ``fetch`` answers 503 ``Service Unavailable`` with the text
    ``Worker "<name>" not found. Make sure it is running locally.`` (``text/plain;charset=UTF-8``),
    a method call rejects with an ``Error`` of that text, ``remote: true``."""

    def __init__(self, service: str):
        super().__init__(None)
        self._service = service

    def _text(self) -> str:
        return f'Worker "{self._service}" not found. Make sure it is running locally.'

    async def fetch(self, resource: Any, init: Any = None) -> JsResponse:
        JsRequest.new(resource, init)  # (a request that cannot be built fails as it would anyway)
        return JsResponse.new(self._text(), {"status": 503, "statusText": "Service Unavailable"})

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        text = self._text()

        async def method(*args: Any) -> Any:
            raise _crossed(JsException(text, name="Error"))

        method.__name__ = name
        return method

    def __repr__(self) -> str:
        return f"<WorkerService {self._service!r} [not connected]>"


async def _in_callee(work: Any, enhanced: bool, worker: Any) -> Any:
    """Await the callee ``worker``'s ``work`` in a task of its own, apart from the caller's request
    (its context variables set and reset in one context, as production runs it in another
    isolate), and hand what it throws over as production's RPC does (:func:`remote_error`) -- but
    a :class:`~workers_env.NotEmulatedError` as one (:func:`not_emulated_in`)."""
    task = contextvars.Context().run(asyncio.ensure_future, work)
    try:
        return await task
    except asyncio.CancelledError:
        if task.cancelled() or not task.done():
            raise
        thrown: BaseException = task.exception() or asyncio.CancelledError()
    except Exception as exc:
        thrown = exc
    if isinstance(thrown, NotEmulatedError):
        raise not_emulated_in(thrown, worker) from thrown
    raise remote_error(thrown, enhanced) from None


def not_emulated_in(error: NotEmulatedError, worker: Any) -> NotEmulatedError:
    """The callee ``worker``'s ``error`` as its caller gets it: a NotEmulatedError again, its own
    text after the callee's name, not the ``Error: PythonError: ...`` production's RPC would make
    of a Python exception -- production runs what workers-env does not emulate, so no Worker there
    sees such an error, and a test of the caller must say what is missing and where."""
    name = getattr(env_config(worker.env), "name", None)
    callee = f'the Worker "{name}"' if name else f"the Worker of {worker.main_path}"
    return NotEmulatedError(f"{callee}, called over a service binding, met what workers-env does not emulate: {error}")


def remote_error(error: BaseException, enhanced: bool) -> JsException:
    """The ``Error`` the caller's promise rejects with for the callee's ``error``, ``remote``
    ``True`` (an own enumerable property, as workerd sets it). ``enhanced``
    (``enhanced_error_serialization``): :func:`_enhanced_form` when the error can take it; else
    :func:`~workers_env.runtime.thrownerror.legacy_parts` (V8's classes keep their names, any
    other is written into the message of an ``Error``)."""
    name, message = thrown_parts(error, only_theirs=True)
    crossed = _enhanced_form(error, name, message) if enhanced else None
    if crossed is not None:
        return crossed
    name, message = legacy_parts(name, message, error)
    return _crossed(JsException(message, name=name))


def _enhanced_form(error: BaseException, name: Any, message: Any) -> JsException | None:
    """``error`` as ``enhanced_error_serialization`` sends it: a name none of V8's classes' kept,
    an own property, and a structured clone of each of the error's own properties after it (a
    ``PythonError``'s ``type``, the exception's class name); None -- the legacy form -- when its
    message is no string or a property does not clone (a function, a Symbol), as measured with
    JS twins under wrangler dev 4.164.0 at 2026-04-21 (``e.message = 5``, ``e.code = () => 1``)."""
    from workers_env.runtime.jsclone import structured_clone  # (jsclone builds on modules built on this one)

    if not isinstance(message, str):
        return None
    own: dict[str, Any] = {}
    if not (isinstance(name, str) and name in SERIALIZED_NAMES):
        own["name"] = name
    if name == "PythonError":  # Pyodide's own `type` (its `__error_address`, a wasm pointer, is left out)
        own["type"] = getattr(error, "type", None) or type(error).__name__
    if isinstance(error, JsException):
        own.update((key, value) for key, value in error._own_properties().items() if key != "name")
    try:
        own = {key: structured_clone(value) for key, value in own.items()}
    except JsException as exc:
        if exc.name != "DataCloneError":
            raise
        return None
    crossed = JsException(message, name=own.get("name", name))
    if not isinstance(crossed.name, str):  # Error.prototype.toString: String(name), undefined read as Error
        written = "Error" if crossed.name is None else js_text(crossed.name)
        crossed.args = (f"{written}: {message}" if written and message else written or message,)
    return _crossed(crossed, own)


def _crossed(error: JsException, own: dict[str, Any] | None = None) -> JsException:
    """``error`` as the other Worker receives it: ``own`` and ``remote: true`` its own enumerable
    properties (``Object.keys`` lists them, in that order), as workerd sets them."""
    own = {**(own or {}), "remote": True}
    error.__dict__.update(own)
    error.__dict__.setdefault("_own_keys", {}).update(dict.fromkeys(own))
    return error
