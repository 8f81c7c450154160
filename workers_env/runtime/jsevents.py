"""``Event``, ``CustomEvent``, ``ErrorEvent``, ``MessageEvent``, ``CloseEvent`` and ``EventTarget``
as workerd has them (api/basics.c++/.h; measured with a JavaScript twin under wrangler dev 4.164.0
at 2026-09-14 and 2026-11-17).

An event has no hierarchy to travel (workerd's EventTarget has no parent): ``eventPhase`` is 2
(``AT_TARGET``) while it is dispatched and 0 otherwise, ``composedPath()`` that target alone or
nothing, ``timeStamp`` always 0, and ``bubbles``/``composed``/``stopPropagation()`` change nothing
but their own flags. ``preventDefault()`` marks it whatever ``cancelable`` says -- ``dispatchEvent``
answers ``false`` for a non-cancelable event a listener called it on, though ``defaultPrevented``
stays ``false`` -- and a listener returning ``true`` calls it. ``stopImmediatePropagation()`` ends
the dispatch, and every later dispatch of that event (workerd never clears the flag).

Every member but ``cancelBubble`` is read-only (V8's ``Cannot assign to read only property``);
a ``MessageEvent``'s and a ``CloseEvent``'s are its own properties (``Object.keys``).

A listener is a function or an object whose ``handleEvent`` is one (read once, when it is added);
``once`` and ``signal`` are followed (the signal's abort removes only the registration it came
with), ``capture`` is refused, ``passive`` taken; a dispatch skips a listener no longer there
by identity. A listener's
exception ends the dispatch and is thrown to ``dispatchEvent``'s caller; from
``spec_compliant_dispatch_exceptions`` (2026-09-15) it is reported (logged ``Uncaught ...``) and
the rest run. A plain Python function handed to ``addEventListener`` in Worker code -- a
``WebSocket``'s, an ``AbortSignal``'s, any EventTarget's -- is a borrowed proxy, destroyed when the
call returns (Pyodide), a new one at each call (added twice, two; ``removeEventListener`` with
it matches none): dispatched, it fails with Pyodide's error (a Python object with a
``handleEvent``, with its borrowed-attribute error), which goes where any listener's error goes;
``create_proxy(fn)``, ``create_once_callable(fn)`` or ``pyodide.ffi.wrappers.add_event_listener``
keep it. Outside Worker code (a test using ``workers_env.js`` itself) a Python listener is kept.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable
from typing import Any

from workers_env._errors import JsException, add_hint
from workers_env.runtime import swallowed
from workers_env.runtime.byidentity import WeakIdentityDict
from workers_env.runtime.current import current_runtime
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.heldpyproxies import borrowed_error
from workers_env.runtime.jsbase import JsProxy, js_type_error
from workers_env.runtime.jsconversions import to_boolean
from workers_env.runtime.jsdestroyed import BORROWED_ATTRIBUTE
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jsnumbers import jsg_int
from workers_env.runtime.jsproxy import JsArray, JsObject, jsnull, read_member
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.jstopy import js_null
from workers_env.runtime.tasks import scoped_callback
from workers_env.runtime.timers import is_borrowed
from workers_env.runtime.tracebacks import without_our_frames
from workers_env.runtime.webloop import dropped_promise

__all__ = ["JsCloseEvent", "JsCustomEvent", "JsErrorEvent", "JsEvent", "JsEventTarget", "JsMessageEvent",
           "global_scope_target", "is_primitive", "listener_call", "listener_options", "log_uncaught", "refuse_capture",
           "reports_listener_errors", "required_arguments"]

log = logging.getLogger("workers_env.runtime")

_MISSING: Any = object()

def is_primitive(value: Any) -> bool:
    """A Python value Pyodide hands JavaScript as a primitive (``None`` is ``undefined``); any
    other is an object there (a PyProxy, a function when callable)."""
    return value is None or value is jsnull or isinstance(value, (bool, int, float, str))


def _flag(name: str, default: bool) -> bool:
    """A workerd flag of the running Worker (outside one, or unknown: ``default``, the newest dates')."""
    flags = getattr(current_runtime(), "compat_flags", None)
    return default if flags is None else bool(flags.get(name, default))


def reports_listener_errors() -> bool:
    """``spec_compliant_dispatch_exceptions`` (2026-09-15) of the running Worker (outside one: on)."""
    runtime = current_runtime()
    return runtime is None or runtime.spec_compliant_dispatch_exceptions


def log_uncaught(error: BaseException) -> None:
    """A listener's exception as workerd reports it (``Uncaught Error: ...``)."""
    swallowed.escaped(error)
    shown = str(error) if isinstance(error, JsException) else f"{type(error).__name__}: {error}"  # "Error: ..."
    log.error("Uncaught %s", shown, exc_info=(type(error), error, without_our_frames(error)))


# -- what every EventTarget's methods check (jsg's conversions of their arguments) --------------

def listener_call(listener: Any, method: str) -> Any:
    """The function ``addEventListener`` keeps for ``listener``, as jsg converts workerd's
    ``Handler`` (a function, or an object whose ``handleEvent`` is one, read now): anything else
    is its TypeError when the listener is added, not when the event comes."""
    if callable(listener):
        return listener
    if is_primitive(listener):
        raise js_type_error(f"Failed to execute '{method}' on 'EventTarget': parameter 2 is not of type "
                            "'function or HandlerObject'.")
    handle = getattr(listener, "handleEvent", None)
    if not callable(handle):
        raise js_type_error("Incorrect type for the 'handleEvent' field on 'HandlerObject': the provided value "
                            "is not of type 'function'.")
    return handle


def required_arguments(method: str, kind: Any, listener: Any, listener_type: str) -> None:
    """jsg's TypeError for an argument left out (``undefined`` given is another matter)."""
    for position, (value, type_) in enumerate(((kind, "string"), (listener, listener_type)), start=1):
        if value is _MISSING:
            raise js_type_error(f"Failed to execute '{method}' on 'EventTarget': parameter {position} is not of "
                                f"type '{type_}'.")


def listener_options(options: Any, *, listen: bool) -> tuple[bool, bool, Any, bool]:
    """jsg's conversion of a listener method's third argument (``bool`` or an options object):
    ``(given as a boolean, capture, signal, once)``. A primitive is coerced to a boolean (``1``
    and ``"x"`` are ``true``); for ``addEventListener`` the object's ``signal`` must be an
    ``AbortSignal`` when present (``null`` too is refused), a TypeError even when the listener
    is ``null``; ``removeEventListener``'s options have no ``signal`` nor ``once``."""
    if options is None or options is jsnull:
        return False, False, None, False
    if is_primitive(options):
        return True, to_boolean(options), None, False
    from workers_env.runtime.abort import JsAbortSignal
    from workers_env.runtime.queuingstrategy import _source_fields

    fields = _source_fields(options, ("capture", "once", "signal") if listen else ("capture",),
                            f"options of EventTarget.{'add' if listen else 'remove'}EventListener()")
    if not listen:
        return False, to_boolean(fields.get("capture", False)), None, False
    signal = fields.get("signal")
    if signal is not None and not isinstance(signal, JsAbortSignal):
        raise js_type_error("Incorrect type for the 'signal' field on 'AddEventListenerOptions': the provided value "
                            "is not of type 'AbortSignal'.")
    return False, to_boolean(fields.get("capture", False)), signal, to_boolean(fields.get("once", False))


def refuse_capture(method: str, as_boolean: bool, capture: bool) -> None:
    """workerd's ``useCapture must be false`` / ``options.capture must be false``."""
    if capture:
        what = "useCapture" if as_boolean else "options.capture"
        raise js_type_error(f"{method}(): {what} must be false.")


def _destroyed(target: JsEventTarget, kind: str, listener: Any) -> Callable[[Any], None]:
    """What a borrowed listener is when its event comes: Pyodide's error (measured with a JS
    stub keeping the listener, 0.26.0a4, 0.28.2 and 314.0.6 under Node), a function's the
    borrowed proxy's, a ``handleEvent`` object's the borrowed attribute's (jsg read the method
    off the object's proxy when it was added), with a note saying how to keep it."""
    function = callable(listener)
    what = ("a plain Python function" if inspect.isfunction(listener) else "a Python callable" if function
            else "a Python object with a handleEvent method")
    fix = ("create_proxy(fn) (from pyodide.ffi; or pyodide.ffi.wrappers.add_event_listener(target, type, fn), "
           "or create_once_callable(fn) for one call)" if function else "create_proxy(obj) (from pyodide.ffi)")
    where = target.__dict__.get("_where", f"{target._js_name}.addEventListener")  # the global scope's: js.addEventListener
    note = (f"workers-env: this listener of {where}({kind!r}, ...) was {what}, which "
            "Pyodide hands JavaScript as a borrowed proxy destroyed when addEventListener returns, so it fails "
            f"when its event comes (in production too): pass {fix} to keep it")

    def call(_event: Any) -> None:
        error = borrowed_error(True) if function else JsException(BORROWED_ATTRIBUTE)
        add_hint(error, note)
        raise error

    return call


# -- events -------------------------------------------------------------------------------------

#: the init members an event keeps as given (a JS value, not converted)
_KEPT = frozenset({"detail", "data", "error"})


class _Kept:
    """An init member kept as given, read back as Python reads it from the init object
    (:func:`~workers_env.runtime.jsproxy.read_member`): a Python container given as a keyword
    argument (``CustomEvent.new("x", detail={...})``) is the proxy Pyodide borrowed for the
    ``new`` call and destroyed when it returned, so reading it is Pyodide's borrowed-proxy error
    (0.26.0a4, 0.28.2 and 314.0.6 under Node)."""

    __slots__ = ("owner", "raw")

    def __init__(self, owner: Any, raw: Any) -> None:
        self.owner, self.raw = owner, raw


class _OwnMembers:
    """An event whose members jsg defines on the instance (``JSG_READONLY_INSTANCE_PROPERTY``:
    a ``MessageEvent``'s, a ``CloseEvent``'s), so it owns them: ``Object.keys`` lists them, in
    the reverse of their declaration (wrangler dev 4.164.0: ``["wasClean", "reason", "code"]``)."""

    __slots__ = ()  # a mixin of JS values' classes: no ``__weakref__`` (see PyodideProxyType)
    _own: tuple[str, ...] = ()

    def object_keys(self) -> JsArray:
        return JsArray(list(self._own))

    def object_values(self) -> JsArray:
        return JsArray([getattr(self, name) for name in self._own])

    def object_entries(self) -> JsArray:
        return JsArray([JsArray([name, getattr(self, name)]) for name in self._own])


class _Member:
    """A member an event subclass adds (``detail``, ``data``, ``code`` ...): set by its
    constructor, read-only to Worker code (V8's TypeError, as for the flags)."""

    def __init__(self, default: Any) -> None:
        self.default = default

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_member_" + name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__.get(self.slot, self.default)
        return read_member(value.owner, value.raw) if isinstance(value, _Kept) else value

    def __set__(self, obj: Any, value: Any) -> None:  # the constructors' object.__setattr__
        obj.__dict__[self.slot] = value


class JsEvent(JsgObject, JsProxy):
    """``new Event(type, {bubbles, cancelable, composed})``; the runtime's own events are
    trusted (``isTrusted``), the Worker's not."""

    _js_name = "Event"
    NONE, CAPTURING_PHASE, AT_TARGET, BUBBLING_PHASE = 0, 1, 2, 3
    timeStamp = 0  # noqa: N815 - JS name (workerd's is always 0.0)
    #: the members of its init dictionary jsg reads
    _init_members: tuple[str, ...] = ("bubbles", "cancelable", "composed")

    def __init__(self, kind: str, *, bubbles: bool = False, cancelable: bool = False, composed: bool = False,
                 trusted: bool = True) -> None:
        object.__setattr__(self, "_type", kind)
        object.__setattr__(self, "_flags", {"bubbles": bubbles, "cancelable": cancelable, "composed": composed,
                                            "trusted": trusted, "stopped": False, "prevented": False,
                                            "dispatching": False, "propagation_stopped": False})
        object.__setattr__(self, "_target", None)

    @classmethod
    def new(cls, kind: Any = _MISSING, init: Any = None, *_ignored: Any) -> Any:
        if kind is _MISSING:
            raise js_type_error(f"Failed to construct '{cls._js_name}': constructor parameter 1 is not of type "
                                "'string'.")
        fields = {k: v for k, v in cls._read_init(init).items() if k in cls._init_members}
        made = cls(js_text(kind), trusted=False, **{k: to_boolean(fields.get(k)) for k in ("bubbles", "cancelable",
                                                                                           "composed")})
        if isinstance(init, JsObject):  # a value kept as read from it: its PyProxy, if Python code put it there
            fields = {k: _Kept(init, v) if k in _KEPT else v for k, v in fields.items()}
        made._take(fields)
        return made

    @classmethod
    def _read_init(cls, init: Any) -> dict[str, Any]:
        """jsg's reading of an init dictionary: ``undefined``/``null`` its defaults, another
        primitive a TypeError, an object its members (a Python dict's as the Worker's Pyodide
        reads a PyProxy's)."""
        if init is None or init is jsnull:
            return {}
        if is_primitive(init):
            raise js_type_error(f"Failed to construct '{cls._js_name}': constructor parameter 2 is not of type "
                                f"'{cls._init_type}'.")
        from workers_env.runtime.queuingstrategy import _source_fields

        return _source_fields(init, cls._init_members, f"init of new {cls._js_name}()")

    _init_type = "Init"

    def _take(self, fields: dict[str, Any]) -> None:
        """The members a subclass reads beyond the flags."""

    def __setattr__(self, name: str, value: Any) -> None:
        held = getattr(type(self), name, None)
        if (isinstance(held, property) and held.fset is None or isinstance(held, _Member)
                or name in ("NONE", "CAPTURING_PHASE", "AT_TARGET", "BUBBLING_PHASE", "timeStamp")):
            # jsg's members are read-only (the Worker's Pyodide assigns as strict code does)
            raise js_type_error(f"Cannot assign to read only property '{name}' of object '#<{self._js_name}>'")
        object.__setattr__(self, name, value)

    @property
    def type(self) -> str:
        return self._type  # type: ignore[no-any-return]

    @property
    def bubbles(self) -> bool:
        return self._flags["bubbles"]  # type: ignore[no-any-return]

    @property
    def cancelable(self) -> bool:
        return self._flags["cancelable"]  # type: ignore[no-any-return]

    @property
    def composed(self) -> bool:
        return self._flags["composed"]  # type: ignore[no-any-return]

    @property
    def isTrusted(self) -> bool:  # noqa: N802 - JS name
        return self._flags["trusted"]  # type: ignore[no-any-return]

    @property
    def defaultPrevented(self) -> bool:  # noqa: N802 - JS name
        return bool(self._flags["cancelable"] and self._flags["prevented"])

    @property
    def returnValue(self) -> bool:  # noqa: N802 - JS name
        return not self.defaultPrevented

    @property
    def eventPhase(self) -> int:  # noqa: N802 - JS name
        return self.AT_TARGET if self._flags["dispatching"] else self.NONE

    @property
    def target(self) -> Any:
        """The EventTarget it was last dispatched on (``undefined`` before)."""
        return self._target

    srcElement = target  # noqa: N815 - JS name

    @property
    def currentTarget(self) -> Any:  # noqa: N802 - JS name
        """:attr:`target` (workerd's getTarget), or with ``pedantic_wpt`` that target only while it
        is dispatched, else ``null``."""
        if _flag("pedantic_wpt", False) and not self._flags["dispatching"]:
            return js_null()
        return self._target

    @property
    def cancelBubble(self) -> bool:  # noqa: N802 - JS name
        return self._flags["propagation_stopped"]  # type: ignore[no-any-return]

    @cancelBubble.setter
    def cancelBubble(self, value: Any) -> None:  # noqa: N802 - JS name
        self._flags["propagation_stopped"] = to_boolean(value)

    def stopImmediatePropagation(self, *_ignored: Any) -> None:  # noqa: N802 - JS name
        self._flags["stopped"] = True

    def preventDefault(self, *_ignored: Any) -> None:  # noqa: N802 - JS name
        self._flags["prevented"] = True

    def stopPropagation(self, *_ignored: Any) -> None:  # noqa: N802 - JS name
        self._flags["propagation_stopped"] = True

    def composedPath(self, *_ignored: Any) -> JsArray:  # noqa: N802 - JS name
        return JsArray([self._target] if self._flags["dispatching"] else [])


class JsCustomEvent(JsEvent):
    """``new CustomEvent(type, {detail, ...})``: ``detail`` as given (``undefined`` without one)."""

    _js_name = "CustomEvent"
    _init_members = (*JsEvent._init_members, "detail")
    _init_type = "CustomEventInit"
    detail = _Member(None)

    def _take(self, fields: dict[str, Any]) -> None:
        object.__setattr__(self, "detail", fields.get("detail"))


class JsErrorEvent(JsEvent):
    """``new ErrorEvent(type, {message, filename, lineno, colno, error})``: ``""``, ``0`` and
    ``undefined`` without them; the flags too (workerd 1.20261117.1 reads them, though the
    6552d99 mirror's ``ErrorEventInit`` had none)."""

    _js_name = "ErrorEvent"
    _init_members = (*JsEvent._init_members, "message", "filename", "lineno", "colno", "error")
    _init_type = "ErrorEventInit"
    message, filename, lineno, colno, error = _Member(""), _Member(""), _Member(0), _Member(0), _Member(None)

    def _take(self, fields: dict[str, Any]) -> None:
        for name in ("message", "filename"):
            if fields.get(name) is not None:
                object.__setattr__(self, name, js_text(fields[name]))
        for name in ("lineno", "colno"):  # int32_t, as jsg converts it
            if fields.get(name) is not None:
                object.__setattr__(self, name, jsg_int(fields[name]))
        object.__setattr__(self, "error", fields.get("error"))


class JsMessageEvent(_OwnMembers, JsEvent):
    """``new MessageEvent(type, {data})``: ``data`` as given (``null`` without one), and the flags;
    ``origin`` and ``lastEventId`` ``""``, ``source`` ``null``, ``ports`` an empty array (workerd
    1.20261117.1 under wrangler dev 4.164.0: no MessagePort here)."""

    _js_name = "MessageEvent"
    _init_members = (*JsEvent._init_members, "data")
    _init_type = "Initializer"
    data, origin, lastEventId = _Member(None), _Member(""), _Member("")  # noqa: N815 - JS name
    _own = ("ports", "source", "lastEventId", "origin", "data")

    def __init__(self, kind: str, **flags: Any) -> None:
        super().__init__(kind, **flags)
        object.__setattr__(self, "data", js_null())

    def _take(self, fields: dict[str, Any]) -> None:
        data = fields.get("data")
        if data is not None and not (isinstance(data, _Kept) and data.raw is None):
            object.__setattr__(self, "data", data)

    @property
    def source(self) -> Any:
        return js_null()

    @property
    def ports(self) -> JsArray:
        return JsArray([])


class JsCloseEvent(_OwnMembers, JsEvent):
    """``new CloseEvent(type, {code, reason, wasClean})``: ``0``, ``""`` and ``false`` without
    them, and the flags."""

    _js_name = "CloseEvent"
    _init_members = (*JsEvent._init_members, "code", "reason", "wasClean")
    _init_type = "Initializer"
    code, reason, wasClean = _Member(0), _Member(""), _Member(False)  # noqa: N815 - JS name
    _own = ("wasClean", "reason", "code")

    def _take(self, fields: dict[str, Any]) -> None:
        if fields.get("code") is not None:
            object.__setattr__(self, "code", jsg_int(fields["code"]))  # an int, as jsg converts it
        if fields.get("reason") is not None:
            object.__setattr__(self, "reason", js_text(fields["reason"]))
        if fields.get("wasClean") is not None:
            object.__setattr__(self, "wasClean", to_boolean(fields["wasClean"]))


# -- the EventTarget --------------------------------------------------------------------------

class _Listener:
    """One registration: the listener as given (its identity), the function called, ``once``, and
    what ends with it (its ``signal``'s abort listener: workerd's ``abortHandler``, destroyed with
    the registration, so a listener removed and added again is not removed by that abort)."""

    __slots__ = ("call", "ended", "given", "once")

    def __init__(self, given: Any, call: Any, once: bool, ended: Callable[[], None] | None = None) -> None:
        self.given, self.call, self.once, self.ended = given, call, once, ended


class JsEventTarget(JsgObject, JsProxy):
    """``new EventTarget()``: ``addEventListener``, ``removeEventListener``, ``dispatchEvent``;
    an ``on<type>`` function set on it is called first, as workerd's ``onEvents``."""

    _js_name = "EventTarget"

    def __init__(self) -> None:
        object.__setattr__(self, "_handlers", {})

    @classmethod
    def new(cls, *_ignored: Any) -> Any:
        return cls()

    def addEventListener(self, kind: Any = _MISSING, listener: Any = _MISSING, options: Any = None,  # noqa: N802 - JS name
                         *_ignored: Any) -> None:
        """Add ``listener`` for ``kind`` once (the same listener again changes nothing, its
        ``once`` included); ``null`` and ``undefined`` add nothing."""
        required_arguments("addEventListener", kind, listener, "function or HandlerObject")
        absent = listener is None or listener is jsnull
        call = None if absent else listener_call(listener, "addEventListener")
        as_boolean, capture, signal, once = listener_options(options, listen=True)
        if call is None:  # workerd checks the options' values only for a listener it adds
            return
        refuse_capture("addEventListener", as_boolean, capture)
        name = js_text(kind)
        if signal is not None and signal.aborted:  # an options.signal already aborted: nothing is added
            return
        given = listener
        if is_borrowed(listener):
            call = _destroyed(self, name, listener)
            # a new borrowed proxy at each call: the same function twice is two listeners, and
            # removeEventListener(fn) matches neither (Pyodide 0.26.0a4, 0.28.2, 314.0.6)
            given = object()
        key = object()
        ended = None if signal is None else (lambda: signal._unlisten(key))
        # called in the import scope of the request adding it (a timer may dispatch between its steps)
        if self._add(name, scoped_callback(call), once, given, ended) and signal is not None:
            signal._listen(key, lambda _event: self._remove(name, given))

    def _add(self, name: str, call: Any, once: bool = False, given: Any = _MISSING,
             ended: Callable[[], None] | None = None) -> bool:
        """Add ``call`` for events of type ``name`` (``given``: the listener it stands for, by
        identity; without one, ``call``; ``ended``: called when it is removed); ``False`` when
        that listener was there already."""
        given = call if given is _MISSING else given
        handlers = self._handlers.setdefault(name, [])
        if any(entry.given is given for entry in handlers):
            return False
        handlers.append(_Listener(given, call, once, ended))
        return True

    def removeEventListener(self, kind: Any = _MISSING, listener: Any = _MISSING, options: Any = None,  # noqa: N802 - JS name
                            *_ignored: Any) -> None:
        """Remove ``listener``; a ``true`` capture is workerd's TypeError, whatever the listener."""
        required_arguments("removeEventListener", kind, listener, "Object")
        if is_primitive(listener) and listener is not None and listener is not jsnull:
            raise js_type_error("Failed to execute 'removeEventListener' on 'EventTarget': parameter 2 is not of "
                                "type 'Object'.")
        refuse_capture("removeEventListener", *listener_options(options, listen=False)[:2])
        self._remove(js_text(kind), listener)

    def _remove(self, name: str, listener: Any) -> None:
        handlers = self._handlers.get(name)
        gone = [entry for entry in handlers or () if entry.given is listener]
        if gone:
            handlers[:] = [entry for entry in handlers if entry.given is not listener]  # type: ignore[index]
            for entry in gone:
                if entry.ended is not None:
                    entry.ended()

    def _holds(self, name: str, listener: Any) -> bool:
        """``listener`` (by identity) is among ``name``'s, as when it was added or added again."""
        return any(entry.given is listener for entry in self._handlers.get(name, ()))

    def dispatchEvent(self, event: Any = _MISSING, *_ignored: Any) -> bool:  # noqa: N802 - JS name
        """Call ``event``'s listeners; ``false`` when one prevented its default."""
        if not isinstance(event, JsEvent):
            raise js_type_error("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type "
                                "'Event'.")
        return self._fire(event)

    def _fire(self, event: JsEvent, failed: Callable[[Exception], bool] | None = None) -> bool:
        """workerd's ``dispatchEventImpl``: the ``on<type>`` function, then a snapshot of the
        listeners (those removed meanwhile skipped, those added not called). A listener's
        exception goes to ``failed``, which says whether the rest run (a WebSocket's); without
        it, as ``spec_compliant_dispatch_exceptions`` says (see the module's docstring)."""
        flags = event._flags
        if flags["dispatching"]:
            raise dom_exception("The event is already being dispatched.", "InvalidStateError")
        flags["dispatching"] = True
        object.__setattr__(event, "_target", self)
        flags["prevented"] = False
        try:
            calls: list[tuple[_Listener | None, Any]] = []
            prop = self.__dict__.get("on" + event.type)
            if callable(prop):
                calls.append((None, scoped_callback(prop)))
            calls += [(entry, entry.call) for entry in list(self._handlers.get(event.type, ()))]
            report = failed is not None or reports_listener_errors()
            for entry, call in calls:
                if flags["stopped"]:
                    break
                if entry is not None:
                    if not self._holds(event.type, entry.given):  # removed meanwhile (workerd's isRemoved)
                        continue
                    if entry.once:
                        self._remove(event.type, entry.given)
                try:
                    result = call(event)
                except Exception as error:
                    if not report:
                        raise
                    if failed is None:
                        log_uncaught(error)  # the spec's "inner invoke": reported, the next listener runs
                    elif not failed(error):
                        break
                    continue
                if result is True:  # returning true is calling preventDefault() (workerd)
                    flags["prevented"] = True
                dropped_promise(result)  # an async listener's coroutine: a promise nobody handles
            return not flags["prevented"]
        finally:
            flags["dispatching"] = False


#: the global scope's listeners (workerd's ``ServiceWorkerGlobalScope`` is an EventTarget), one per
#: loaded Worker (its isolate's), and one outside Worker code
_GLOBAL_TARGETS: WeakIdentityDict[Any, JsEventTarget] = WeakIdentityDict()
_OUTSIDE = JsEventTarget()


def global_scope_target() -> JsEventTarget:
    """The running Worker's global scope as an EventTarget (``js.addEventListener`` and co.)."""
    runtime = current_runtime()
    if runtime is None:
        return _OUTSIDE
    target = _GLOBAL_TARGETS.get(runtime)
    if target is None:
        target = JsEventTarget()
        target.__dict__["_where"] = "js.addEventListener"  # (named so in a borrowed listener's note)
        _GLOBAL_TARGETS[runtime] = target
    return target
