"""``AbortController`` and ``AbortSignal`` as workerd has them (``src/workerd/api/basics.c++``).

A signal aborts once, with a reason: ``abort()``'s own value, else workerd's
``AbortError: The operation was aborted``; ``AbortSignal.timeout(ms)`` aborts with
``TimeoutError: The operation was aborted due to timeout`` once ``ms`` have passed: by a timer
of the event loop it was made on, on a later turn, as workerd's ``setTimeoutInternal`` (never in
the code that made it, however long that runs); made outside a loop, or read once its loop is
closed, when read past its time.
``AbortSignal.any(signals)`` follows the first to abort. ``fetch`` and ``Request`` take one as
``signal``: an aborted signal fails the fetch with its reason, before or during the request.
A signal is an EventTarget (:class:`~workers_env.runtime.jsevents.JsEventTarget`): its abort
dispatches a trusted ``abort`` Event to the listeners of that type, then removes every listener.

A signal ``any`` made is held by the signals it follows only while its abort can be seen
without a reference to it -- while it has listeners or an ``onabort`` function: workerd keeps
every one until its source aborts (basics.c++ ``AbortSignal::any``, ``followingSignal``), which
can be told apart only by memory, so a long-lived source (a module-level controller's, every
request passing it to ``pyfetch``) does not gather the signals of requests long gone here.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import time
from collections.abc import Iterable
from typing import Any

from workers_env._errors import JsException
from workers_env._jsvalues import BigInt, is_safe_int, is_symbol, js_string
from workers_env.runtime import swallowed
from workers_env.runtime.byidentity import weak_ref
from workers_env.runtime.domexception import dom_exception
from workers_env.runtime.jsbase import JsProxy, js_type_error, jsnull
from workers_env.runtime.jsevents import JsEvent, JsEventTarget, is_primitive, reports_listener_errors
from workers_env.runtime.jsglobals import js_text
from workers_env.runtime.jsnumbers import to_number, to_primitive
from workers_env.runtime.jsreadable import JsgObject
from workers_env.runtime.jstopy import js_null
from workers_env.runtime.tasks import scoped_callback

log = logging.getLogger("workers_env.runtime")

__all__ = ["CLIENT_DISCONNECTED", "JsAbortController", "JsAbortSignal", "abort_on_disconnect", "any_signal", "abort_signal_class",
           "caught_as_error", "incoming_request_signal", "no_request_signal", "raise_reason", "subrequest_signal"]

_MISSING: Any = object()
#: the key of the listener an ``onabort`` function is called through (see ``onabort``)
_ONABORT: Any = object()

#: workerd's reason when a request's client goes away (worker-entrypoint.c++: a ``DOMAbortError``)
CLIENT_DISCONNECTED = "The client has disconnected"


def _aborted_error() -> JsException:
    return dom_exception("The operation was aborted", "AbortError")  # code 20


def _timeout_error() -> JsException:
    return dom_exception("The operation was aborted due to timeout", "TimeoutError")  # code 23


def raise_reason(reason: Any) -> None:
    """Throw a signal's reason into Python: an error as it is, another value as Pyodide catches
    it (:func:`caught_as_error`; JavaScript throws the value itself)."""
    if isinstance(reason, BaseException):
        raise reason
    raise caught_as_error(reason)


def caught_as_error(value: Any) -> JsException:
    """A thrown value that is no error, as Pyodide's ``ensureCaughtObjectIsError`` hands it to
    Python (0.26.0a4, 0.28.2, 314.0.6): a string as ``new Error(value)``, anything else an
    ``Error`` whose message describes it -- ``A value of type number with tag [object Number]
    was thrown as an error!`` and what ``${value}`` and ``value.toString()`` give, or that they fail."""
    if isinstance(value, str):
        return JsException(value)
    kind, tag = _type_and_tag(value)
    text = f"A value of type {kind} with tag {tag} was thrown as an error!"
    shown = None if is_symbol(value) else _string_of(value)  # a template literal refuses a Symbol
    text += ("\nString interpolation of the thrown value fails." if shown is None
             else f'\nString interpolation of the thrown value gives """{shown}""".')
    shown = js_string(value) if is_symbol(value) else _to_string_called(value)  # null's and undefined's fail
    text += ("\nThe thrown value's toString method fails." if shown is None or value is None or value is jsnull
             else f'\nThe thrown value\'s toString method returns """{shown}""".')
    return JsException(text)


def _type_and_tag(value: Any) -> tuple[str, str]:
    """``typeof value`` and ``Object.prototype.toString.call(value)`` (Pyodide's ``getTypeTag``)."""
    if value is None:
        return "undefined", "[object Undefined]"
    if value is jsnull:
        return "object", "[object Null]"
    if is_symbol(value):
        return "symbol", "[object Symbol]"
    if isinstance(value, bool):
        return "boolean", "[object Boolean]"
    if isinstance(value, BigInt) or (isinstance(value, int) and not is_safe_int(value)):
        return "bigint", "[object BigInt]"
    if isinstance(value, (int, float)):
        return "number", "[object Number]"
    if callable(value):
        return "function", "[object Function]"
    return "object", f"[object {getattr(value, '_to_string_tag', 'Object')}]"


def _string_of(value: Any) -> str | None:
    """``${value}`` (``None``: it throws): an object's own ``toString``/``valueOf`` first
    (``{"toString": 1}`` has no primitive: it fails, as in Pyodide 0.26.0a4, 0.28.2, 314.0.6)."""
    try:
        return "null" if value is jsnull else js_text(to_primitive(value, "string"))
    except JsException:
        return None


def _to_string_called(value: Any) -> str | None:
    """What ``value.toString()`` gives, written as text (``None``: it throws): an object's own
    ``toString`` called, one that is no function failing."""
    props = getattr(value, "_props", None)
    if isinstance(props, dict) and "toString" in props:
        method = props["toString"]
        if not callable(method):
            return None
        try:
            return _string_of(method())
        except JsException:
            return None
    return _string_of(value)


class JsAbortSignal(JsEventTarget):
    """An ``AbortSignal`` (an EventTarget): ``aborted``, ``reason``, ``throwIfAborted()``,
    ``onabort`` and ``addEventListener("abort", ...)``."""

    _js_name = "AbortSignal"
    #: an incoming request's signal without ``request_signal_passthrough``: a ``fetch()`` of a
    #: request carrying it does not see it (basics.c++ ``isIgnoredForSubrequests``). A class
    #: default, set on the one signal it concerns, so other signals cost nothing more to make
    _ignored_for_subrequests = False

    def __init__(self) -> None:
        super().__init__()  # its listeners: those of "abort" called when it aborts
        self._aborted = False
        self._reason: Any = None
        self._deadline: float | None = None  # time.monotonic() at which a timeout signal aborts
        #: (deadline, the loop whose timer aborts it, or None) of each timeout it is or follows
        self._timers: tuple[tuple[float, asyncio.AbstractEventLoop | None], ...] = ()
        self._followers: dict[int, _Following] = {}  # the signals AbortSignal.any made of this one, in order
        self._following: list[_Following] = []  # how this one, made by AbortSignal.any, follows its sources
        self._onabort: Any = None
        self._onabort_call: Any = None  # the handler, run in the import scope of the request that set it

    @property
    def onabort(self) -> Any:
        """The ``onabort`` handler, JavaScript's ``null`` when none."""
        return js_null() if self._onabort is None else self._onabort

    @onabort.setter
    def onabort(self, handler: Any) -> None:
        # workerd's setOnAbort keeps a function or an object and makes anything else null;
        # only a function is called (an object, even with handleEvent, is passed over)
        self._onabort = None if is_primitive(handler) else handler
        self._onabort_call = scoped_callback(handler) if callable(handler) else None
        # called in the order of the listeners, where it was first set, as an event handler's
        # listener is added (the DOM standard; wrangler dev 4.164.0); null takes it out
        if self._onabort is None:
            self._remove("abort", _ONABORT)
        else:
            self._add("abort", self._call_onabort, given=_ONABORT)
        self._held_while_heard()

    def _call_onabort(self, event: Any) -> None:
        if self._onabort_call is not None:  # an object, even with handleEvent, is passed over
            self._onabort_call(event)

    def _listen(self, key: Any, call: Any) -> None:
        """Call ``call(event)`` when this signal aborts (``key`` names it for :meth:`_unlisten`)."""
        self._add("abort", call, given=key)
        self._held_while_heard()

    def _unlisten(self, key: Any) -> None:
        self._remove("abort", key)
        self._held_while_heard()

    def _held_while_heard(self) -> None:
        """A signal ``any`` made is held by its sources while something hears its abort (a
        listener or an ``onabort`` function), else only weakly, so nothing keeps it once the
        Worker's code lets go of it."""
        if not self._following:
            return
        heard = self._onabort_call is not None or any(entry.given is not _ONABORT
                                                      for entry in self._handlers.get("abort", ()))
        for following in self._following:
            following.held = self if heard else None

    def _check_deadline(self) -> None:
        """A read aborts a timeout signal past its time only where no loop's timer will: one made
        on a running loop is aborted by that timer alone (:meth:`_time_out`) while the loop is open
        -- before, a read in the very turn that made it aborted it once a loaded machine let 1 ms
        pass (flake56)."""
        if self._aborted or not self._timers:
            return
        now = time.monotonic()
        if any(now >= due and (loop is None or loop.is_closed()) for due, loop in self._timers):
            self._trigger(_timeout_error())

    def _time_out(self) -> None:
        """The timer of ``AbortSignal.timeout`` fired (asyncio may run it a clock tick early)."""
        if not self._aborted:
            self._trigger(_timeout_error())

    def _trigger(self, reason: Any) -> None:
        """The DOM standard's "signal abort", as wrangler dev 4.164.0 runs it: this signal and
        every signal ``any`` made of it are aborted with ``reason`` first, then this one's
        listeners are called, then theirs, in the order they were made. A listener's error is
        reported (logged as ``Uncaught``) and the rest run, from ``spec_compliant_dispatch_exceptions``
        (2026-09-15); before it, it stops the rest (the signals stay aborted) and is thrown to
        the caller (``abort()``, or the timer of ``AbortSignal.timeout``)."""
        if self._aborted:
            return
        dependents = self._mark(reason)
        self._dispatch()
        for dependent in dependents:
            dependent._dispatch()

    def _mark(self, reason: Any) -> list[JsAbortSignal]:
        """Abort this signal and its followers without telling anyone; answers the followers."""
        self._aborted, self._reason, self._deadline, self._timers = True, reason, None, ()
        # taken whole first, so that a follower collected meanwhile (its weak reference's
        # callback) leaves the new, empty table
        followers, self._followers = self._followers, {}
        dependents: list[JsAbortSignal] = []
        for following in list(followers.values()):
            follower = following.follower()
            if follower is not None and not follower._aborted:
                dependents.append(follower)
                dependents.extend(follower._mark(reason))
        return dependents

    def _dispatch(self) -> None:
        """Call this aborted signal's listeners (and ``onabort``, in its place among them) with a
        trusted ``abort`` Event (:meth:`_trigger` says what a listener's error does)."""

        def failed(error: Exception) -> bool:  # the spec's "inner invoke": reported, the next listener runs
            swallowed.escaped(error)
            log.exception("Uncaught exception in an abort event listener")
            return True

        try:
            self._fire(JsEvent("abort"), failed if reports_listener_errors() else None)
        finally:  # workerd's triggerAbort: KJ_DEFER(removeAllHandlers()), "to prevent memory leaks"
            self._handlers.clear()
            self._stop_following()

    def _stop_following(self) -> None:
        """Once aborted, a signal ``any`` made leaves its sources (nothing it hears is left)."""
        for following in self._following:
            following.leave()
        self._following = []

    @property
    def aborted(self) -> bool:
        self._check_deadline()
        return self._aborted

    @property
    def reason(self) -> Any:
        self._check_deadline()
        return self._reason

    def seconds_left(self) -> float | None:
        """How long until a timeout signal aborts (``None``: no timeout)."""
        return None if self._deadline is None else max(self._deadline - time.monotonic(), 0.0)

    def throwIfAborted(self) -> None:  # noqa: N802 - JS name
        if self.aborted:
            raise_reason(self._reason)

    def addEventListener(self, *args: Any) -> None:  # noqa: N802 - JS name
        """Add a listener as every EventTarget does; an ``abort`` one keeps a signal ``any`` made
        held by its sources (:meth:`_held_while_heard`)."""
        super().addEventListener(*args)
        self._held_while_heard()

    def removeEventListener(self, *args: Any) -> None:  # noqa: N802 - JS name
        super().removeEventListener(*args)
        self._held_while_heard()

    def _drop(self, listener: Any) -> None:
        self._unlisten(listener)

    # (no __repr__: Pyodide's repr of it is its toString, ``[object AbortSignal]``, the base's;
    # console.log prints its properties, jsinspect's host fields)


class _Following:
    """How a signal ``AbortSignal.any`` made follows one source: by a weak reference, and a strong
    one (``held``) while its abort is heard; it leaves the source's followers when collected."""

    __slots__ = ("follower", "held", "key", "source")

    _keys = itertools.count(1)

    def __init__(self, source: JsAbortSignal, follower: JsAbortSignal) -> None:
        self.key = next(_Following._keys)
        # a signal takes no weakref.ref (a JsProxy): workers-env's own weak references
        self.source = weak_ref(source)
        self.follower = weak_ref(follower, lambda _gone: self.leave())
        self.held: JsAbortSignal | None = None
        source._followers[self.key] = self

    def leave(self) -> None:
        source = self.source()
        if source is not None:
            source._followers.pop(self.key, None)
        self.held = None


class JsAbortController(JsgObject, JsProxy):
    """An ``AbortController``: its ``signal`` and ``abort(reason)``."""

    _js_name = "AbortController"

    def __init__(self) -> None:
        self.signal = JsAbortSignal()

    @staticmethod
    def new() -> JsAbortController:
        return JsAbortController()

    def abort(self, reason: Any = _MISSING, *_ignored: Any) -> None:
        """Abort the signal (a second call changes nothing); ``undefined`` means workerd's
        ``AbortError``."""
        self.signal._trigger(_aborted_error() if reason is _MISSING or reason is None else reason)


def incoming_request_signal(*, passthrough: bool) -> JsAbortSignal:
    """The ``signal`` of a request reaching a Worker with ``enable_request_signal``: a signal
    :func:`abort_on_disconnect` aborts (workerd's per-request ``AbortController``, made with
    ``IGNORE_FOR_SUBREQUESTS`` unless ``request_signal_passthrough``)."""
    signal = JsAbortSignal()
    if not passthrough:
        signal._ignored_for_subrequests = True
    return signal


async def abort_on_disconnect(signal: JsAbortSignal) -> None:
    """Abort an incoming request's signal because its client went away while the handler ran:
    workerd triggers it from a ``waitUntil`` task of the request, with ``AbortError: The client
    has disconnected``; a listener's error is that task's (logged)."""
    signal._trigger(dom_exception(CLIENT_DISCONNECTED, "AbortError"))


def no_request_signal() -> JsAbortSignal:
    """The ``signal`` of a Request made without one: workerd's lazily made ``thisSignal``, which
    never aborts and stands for none -- ``fetch`` does not follow it and ``structuredClone`` of
    the Request (or of one made with it as its ``signal``) leaves it out (wrangler dev 4.164.0)."""
    signal = JsAbortSignal()
    signal._ignored_for_subrequests = True
    return signal


def subrequest_signal(signal: JsAbortSignal) -> JsAbortSignal:
    """The signal a ``fetch()`` of a request carrying ``signal`` obeys: none (a signal that
    never aborts) when it is an incoming request's kept from subrequests, else ``signal``."""
    return JsAbortSignal() if getattr(signal, "_ignored_for_subrequests", False) else signal


def _abort(reason: Any = _MISSING, *_ignored: Any) -> JsAbortSignal:
    signal = JsAbortSignal()
    signal._trigger(_aborted_error() if reason is _MISSING or reason is None else reason)
    return signal


def _timeout(delay: Any = _MISSING, *_ignored: Any) -> JsAbortSignal:
    if delay is _MISSING or delay is None:
        raise js_type_error("Failed to execute 'timeout' on 'AbortSignal': parameter 1 is not of type 'number'.")
    ms = to_number(delay)
    # as setTimeout reads a delay; its timer fires on a later turn of the event loop, so even a
    # zero delay leaves the signal unaborted for the code that made it (at least a millisecond)
    ms = 1.0 if ms != ms or ms < 1 else float(ms)
    signal = JsAbortSignal()
    signal._deadline = time.monotonic() + ms / 1000 if math.isfinite(ms) else None
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if signal._deadline is not None:
        signal._timers = ((signal._deadline, loop),)
        if loop is not None:
            loop.call_later(ms / 1000, signal._time_out)
    return signal


def _any(signals: Iterable[Any] = _MISSING, *_ignored: Any) -> JsAbortSignal:
    try:
        items = [] if isinstance(signals, (str, bytes)) or signals is _MISSING else list(signals)
    except TypeError:
        items = None
    if items is None or isinstance(signals, (str, bytes)) or signals is _MISSING:
        raise js_type_error("Failed to execute 'any' on 'AbortSignal': parameter 1 is not of type 'Array'.")
    for index, signal in enumerate(items):  # jsg's conversion of a kj::Array<jsg::Ref<AbortSignal>>
        if not isinstance(signal, JsAbortSignal):
            raise js_type_error(f"Incorrect type for array element {index}: the provided value is not of type "
                                "'AbortSignal'.")
    for signal in items:
        if signal.aborted:
            return _abort(signal.reason)
    follower = JsAbortSignal()
    deadlines = [s._deadline for s in items if s._deadline is not None]
    follower._deadline = min(deadlines) if deadlines else None
    follower._timers = tuple(timer for signal in items for timer in signal._timers)
    sources: dict[int, JsAbortSignal] = {}
    for signal in items:
        # a signal any made is followed through its own sources (the DOM standard's "source
        # signals"), so no chain of them needs holding for the last one to hear an abort
        for source in _sources_of(signal):
            sources.setdefault(id(source), source)
    follower._following = [_Following(source, follower) for source in sources.values()]
    return follower


def _sources_of(signal: JsAbortSignal) -> list[JsAbortSignal]:
    if not signal._following:
        return [signal]
    return [source for source in (following.source() for following in signal._following) if source is not None]


#: ``AbortSignal.any(signals)`` for Python callers (Pyodide 0.28's ``pyfetch`` uses it)
any_signal = _any


def _illegal(*_args: Any, **_kwargs: Any) -> Any:
    raise js_type_error("Illegal constructor")


def abort_signal_class() -> Any:
    """``js.AbortSignal``: ``abort``, ``timeout``, ``any``; not constructible."""
    from types import SimpleNamespace

    return SimpleNamespace(abort=_abort, timeout=_timeout, any=_any, new=_illegal, name="AbortSignal")
