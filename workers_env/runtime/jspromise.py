"""``Promise`` and the URI functions of JavaScript's global scope, as Python Worker code uses them.

``Promise.new(executor)``, ``Promise.resolve``, ``reject``, ``all``, ``allSettled``, ``race``,
``any`` and ``then``/``catch``/``finally_`` -- a promise is awaitable, as Pyodide makes a JavaScript
promise (``await Promise.new(lambda resolve, reject: setTimeout(resolve, 100))``, and
``run_sync(Promise.resolve())``, the JSPI check libraries make). A rejection reaches Python as
the reason itself when it is an error (a Python exception rejected as ``to_js(err)`` too), else
as a ``JsException`` carrying its string, raised at the ``await`` with none of this module's
frames; a Python handler that raises rejects the next promise with its ``PythonError``.

The promise a JavaScript call returns is the ``PyodideFuture`` Pyodide makes of it: the
combinators' (:func:`called_promise`) and a web object's promise-returning method's -- a body
read, ``fetch``, ``crypto.subtle`` -- (:func:`promise_call`).

``encodeURIComponent``/``encodeURI``/``decodeURIComponent``/``decodeURI`` follow the
standard's sets and throw its ``URIError: URI malformed``.
"""

from __future__ import annotations

import asyncio
import collections
import functools
import inspect
import logging
import os
import sys
import traceback
import weakref
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any
from urllib.parse import quote

from workers_env._errors import JsException
from workers_env._jsvalues import JsSet, handed_back, not_iterable
from workers_env.runtime import swallowed
from workers_env.runtime.jsbase import JsNull, JsProxy, js_type_error
from workers_env.runtime.jsdestroyed import EXHAUSTED_ITERATOR
from workers_env.runtime.jsfunctions import JsDoubleProxy, JsNativeFunction
from workers_env.runtime.jsproxy import JsArray, JsObject, JsObjectMap
from workers_env.runtime.current import current_runtime, pyodide_028
from workers_env.runtime.stalls import follows, gathers, is_hang
from workers_env.runtime.tasks import scoped_callback
from workers_env.runtime.tracebacks import PACKAGE_DIR, as_rejection, without_our_frames
from workers_env.runtime.unhandled import IN_PROGRESS_DONE
from workers_env.runtime.webloop import (
    PyodideFuture,
    StandsForPyodideFuture,
    unawaited,
    worker_code_running,
)

__all__ = ["JsPromise", "called_promise", "cut_off_microtasks", "decode_uri", "decode_uri_component", "encode_uri", "encode_uri_component",
           "promise_call", "promise_class", "python_error", "queue_microtask", "rejection",
           "run_microtasks"]


def rejection(reason: Any) -> BaseException:
    """What Python awaiting a promise rejected with ``reason`` gets: the reason when it is an
    exception -- a JS error's ``JsException``, or a Python exception handed over as itself or
    by ``to_js(err)`` (a PyProxy that converts back to the object: Pyodide 0.26.0a4, 0.28.2 and
    314.0.6 raise the original exception object) --, else a ``JsException`` carrying its string
    (README: Where we had to choose -- Pyodide fails to settle the ``await`` there)."""
    if isinstance(reason, BaseException) or isinstance(reason := _handed(reason), BaseException):
        return reason
    return JsException(str(reason))


def _handed(value: Any) -> Any:
    """A settled value or reason as a Python handler receives it: a PyProxy of a Python object
    (``to_js(err)``, handed to the executor's ``reject`` or ``resolve``) converts back to the object,
    as Pyodide converts every argument of a Python function JavaScript calls (0.26.0a4, 0.28.2 and
    314.0.6: ``.catch`` of ``Promise.new(lambda res, rej: rej(to_js(err)))`` gets ``err``)."""
    if type(value) is JsDoubleProxy and not value._roundtrip and not value._destroyed:
        return value._obj
    return value


class JsPromise(JsProxy):
    """A settled-once value or reason, awaitable from any event loop."""

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy of a promise
    _js_name = "Promise"

    def __init__(self) -> None:
        self._state = "pending"
        self._value: Any = None
        self._callbacks: list[Callable[[], None]] = []

    def _settle(self, state: str, value: Any) -> None:
        if self._state != "pending":
            return
        if state == "fulfilled" and (isinstance(value, JsPromise) or inspect.isawaitable(
                value._obj if type(value) is JsDoubleProxy else value)):
            _follow(self, value)  # resolving with a promise (a PyProxy's only if its object is awaitable) adopts it
            return
        if state == "fulfilled" and _thenable(value):
            _call_then(self, value)  # a JS object with a ``then`` function: adopted, as ECMAScript does
            return
        self._state, self._value = state, value
        callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def _on_settle(self, callback: Callable[[], None]) -> None:
        if self._state == "pending":
            self._callbacks.append(callback)
        else:
            callback()

    def __await__(self) -> Any:
        """Awaited, the promise's value or its reason raised -- through an asyncio future's own
        (C) iterator, so the reason's traceback gains no frame of this stand-in: the Worker sees
        its ``await`` and the error, as Pyodide shows a rejected JavaScript promise."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # (driven without an event loop: a settled promise's outcome)
            if self._state == "pending":
                raise
            return self._settled_now()
        future = loop.create_future()
        if self._state != "pending":
            self._pass_on(future)
            if worker_code_running():  # Pyodide's then(): the outcome reaches the task after its step
                return _Turn(future).__await__()
            return future.__await__()

        def settle() -> None:
            if not future.done():
                self._pass_on(future)

        def wake() -> None:
            if not loop.is_closed():
                loop.call_soon_threadsafe(settle)

        self._on_settle(wake)
        settler = getattr(self, "_settler", None)  # the task whose work settles it (a pipe's)
        if settler is not None:
            follows(future, settler)
        return future.__await__()

    def _pass_on(self, future: asyncio.Future[Any]) -> None:
        """Settle ``future`` as this promise settled: its value, or its reason as the exception
        Pyodide raises for it (:func:`rejection`)."""
        if self._state == "fulfilled":
            future.set_result(self._value)
        else:
            future.set_exception(as_rejection(rejection(self._value)))

    def _settled_now(self) -> Any:
        if False:  # pragma: no cover - a generator: what ``await`` takes
            yield
        if self._state == "rejected":
            raise rejection(self._value)
        return self._value

    def then(self, on_fulfilled: Any = None, on_rejected: Any = None) -> JsPromise:
        return self._then(on_fulfilled, on_rejected, prints=worker_code_running() and pyodide_028())

    def _then(self, on_fulfilled: Any, on_rejected: Any, prints: bool = False) -> JsPromise:
        """``then``; ``prints``: a raising fulfilment handler is printed as Pyodide 0.28 prints it
        (:func:`_print_unexpected`)."""
        following = JsPromise()
        on_fulfilled, on_rejected = scoped_callback(on_fulfilled), scoped_callback(on_rejected)
        # what a Python handler raises rejects the next promise with its PythonError, as Pyodide's
        # create_promise_handles does in every era for a rejection handler (0.26.0a4, 0.28.2,
        # 314.0.6); for a fulfilment handler 0.28.2 and 314.0.6 print it and fulfil with -1
        # instead: workers-env prints it as they do but rejects (README: Where we had to choose)

        def run() -> None:
            handler = on_fulfilled if self._state == "fulfilled" else on_rejected
            if not callable(handler):
                following._settle(self._state, self._value)
                return
            try:
                following._settle("fulfilled", handler(_handed(self._value)))
            except BaseException as exc:  # noqa: BLE001 - a throwing handler rejects the next promise (a
                # CancelledError, KeyboardInterrupt, SystemExit too: in JavaScript any throw does, and
                # Pyodide's create_promise_handles catches any, 0.26.0a4 measured), as its PythonError
                if prints and handler is on_fulfilled:
                    _print_unexpected(exc)
                following._settle("rejected", exc if isinstance(exc, JsException) else python_error(exc))

        self._on_settle(lambda: microtask(run))
        return following

    def catch(self, on_rejected: Any = None) -> JsPromise:
        return self.then(None, on_rejected)

    def finally_(self, on_finally: Any = None) -> JsPromise:
        def passing(value: Any) -> Any:
            if callable(on_finally):
                on_finally()
            return value

        def failing(reason: Any) -> Any:
            if callable(on_finally):
                on_finally()
            return _reject(reason)  # the reason passed on as it is (not as a handler's own error)

        return self._then(passing, failing)  # (a finally_ handler's error is not printed, in any era)

    def __repr__(self) -> str:
        return f"Promise {{ <{self._state}> }}"


def _print_unexpected(error: BaseException) -> None:
    """What Pyodide 0.28.2 and 314.0.6 print when a ``then`` fulfilment handler of a JS promise
    raises (``create_promise_handles_result_helper``: ``printf("Unexpected error:")``, then
    ``PyErr_Print()``), at the moment it fails, whether or not the promise is awaited -- measured
    under Node; 0.26.0a4 prints nothing. workers-env's frames are left out."""
    print("Unexpected error:", flush=True)
    traceback.print_exception(type(error), error, without_our_frames(error), file=sys.stderr)


#: each running loop's queued microtasks (see :func:`microtask`); held weakly, as a loop closed
#: before its drain ran (stopped in the step that queued them) must still be collected
_MICROTASKS: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, collections.deque[Callable[[], None]]] = (
    weakref.WeakKeyDictionary())


def microtask(job: Callable[[], None]) -> None:
    """Run ``job`` as JavaScript runs a promise reaction: once the code running now (this loop
    callback or task step) is done, before any callback queued earlier (``call_soon``, a task's
    next step), in the order queued, a job queued by a job running in the same drain. Outside a
    running loop, at once."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        job()
        return
    queue = _MICROTASKS.get(loop)
    if queue is None:
        queue = _MICROTASKS[loop] = collections.deque()
        ready = getattr(loop, "_ready", None)  # asyncio's own loops: the next callback to run
        if isinstance(ready, collections.deque):
            ready.appendleft(asyncio.Handle(_drain, (loop, queue), loop))
        else:
            loop.call_soon(_drain, loop, queue)
    queue.append(job)


def queue_microtask(callback: Any = None, *_ignored: Any) -> None:
    """``queueMicrotask(callback)``, a global of workerd: ``callback()`` runs as a microtask
    (:func:`microtask`: after the code running now, in order with promise reactions -- measured
    under wrangler dev 4.164.0: ``sync, micro, then, timeout``), with no argument. Not a
    function: jsg's ``TypeError`` for its parameter, as workerd throws it. A plain Python function
    is a borrowed proxy destroyed when the call returns, as Pyodide hands it over (pass
    ``create_proxy(fn)``): the microtask fails with Pyodide's error. What the callback raises is
    an uncaught error, logged, as workerd reports one (``Uncaught Error: ...``); the code after it
    and the other microtasks run on."""
    from workers_env.runtime.timers import destroyed, is_borrowed, log

    if not callable(callback):
        raise js_type_error("Failed to execute 'queueMicrotask' on 'ServiceWorkerGlobalScope': parameter 1 is not "
                            "of type 'function'.")
    scoped = scoped_callback(destroyed(callback, "queueMicrotask", "when the microtask runs")
                             if is_borrowed(callback) else callback)

    def job() -> None:
        try:
            scoped()
        except Exception as error:  # an uncaught error of a microtask: reported, and the event loop goes on
            swallowed.escaped(error)
            log.error("Uncaught exception in a queueMicrotask callback",
                      exc_info=(type(error), error, without_our_frames(error)))

    microtask(job)


#: the loops whose microtasks a signal cut off (:func:`cut_off_microtasks`)
_CUT: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()
#: the loops a stop signal ended: none of their microtasks runs again (:func:`cut_off_microtasks`)
_ENDED: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()
#: whether any loop is in ``_ENDED`` (a drain's look between two jobs, at the cost of a name)
_any_ended = False


def _ended(loop: asyncio.AbstractEventLoop, queue: collections.deque[Callable[[], None]]) -> bool:
    """Whether a stop signal ended ``loop`` (a drain asks once ``_any_ended``): its queued
    microtasks are dropped."""
    if loop in _ENDED:
        queue.clear()
        return True
    return False


def run_microtasks() -> None:
    """Run the running loop's queued microtasks now, and those they queue: the microtask
    checkpoint workerd runs after each I/O event's callback (a WebSocket message's listeners),
    before the next event is delivered. The drain already scheduled then finds none left."""
    loop = asyncio.get_running_loop()
    queue = _MICROTASKS.get(loop)
    while queue and not (_any_ended and _ended(loop, queue)):
        queue.popleft()()


def cut_off_microtasks(frame: FrameType | None) -> bool:
    """End the running loop's microtasks for a signal handler called in ``frame`` (dev
    stopping): whether ``frame`` runs in a drain of them -- the queued ones are dropped there, and
    the caller raises -- and from now on none runs, so a drain pending or begun later drops its
    jobs too. Microtasks that queue each other for ever (a ``queueMicrotask`` callback queueing
    itself) hold the loop's thread as they hold workerd's isolate, which never answers; wrangler
    dev's Ctrl+C ends that isolate with its process (130/143 in 0.06-0.12 s:
    tools/wrangler/dev_stop_signal_probe.py), where dev was deaf to every signal (review75), and
    still to one landing after the Worker queued the first such microtask and before its drain
    began -- in the Worker's code after the ``queueMicrotask``, in workers-env's making its
    ``Response`` (flake55: 1 SIGTERM test in a loaded suite run past its 30 s)."""
    global _any_ended
    loop = asyncio._get_running_loop()
    if loop is None:  # (no loop running in this thread: no microtask either)
        return False
    _ENDED.add(loop)
    _any_ended = True
    while frame is not None and frame.f_code not in _DRAINS:
        frame = frame.f_back
    if frame is None:
        return False
    _MICROTASKS.get(loop, collections.deque()).clear()
    _CUT.add(loop)
    return True


def _drain(loop: asyncio.AbstractEventLoop, queue: collections.deque[Callable[[], None]]) -> None:
    """Run ``loop``'s queued microtasks (``queue``, its entry in ``_MICROTASKS`` until now)."""
    try:
        while queue and not (_any_ended and _ended(loop, queue)):
            queue.popleft()()
    except asyncio.CancelledError:
        if loop not in _CUT:  # (cut off: the loop's callback ends quietly, as the request it ran for)
            raise
    finally:
        if _any_ended:  # (only a stop signal's cut-off adds to _CUT)
            _CUT.discard(loop)
        _MICROTASKS.pop(loop, None)
        for job in queue:  # a job raised past its promise (SystemExit): the others still run, next
            microtask(job)


_DRAINS = frozenset({run_microtasks.__code__, _drain.__code__})


def _follow(promise: JsPromise, awaitable: Any) -> None:
    """Settle ``promise`` as ``awaitable`` settles."""
    if isinstance(awaitable, JsPromise):
        settler = getattr(awaitable, "_settler", None)
        if settler is not None:  # (a pipe's promise adopted: awaiting this waits on the pipe too)
            promise._settler = settler  # type: ignore[attr-defined]
        awaitable._on_settle(lambda: promise._settle(awaitable._state, awaitable._value))
        return

    async def wait() -> None:
        try:
            promise._settle("fulfilled", await awaitable)
        except BaseException as exc:  # noqa: BLE001 - JavaScript's reason: the PythonError Pyodide makes of it,
            # whatever the awaitable raised (its future's result() raises it: a CancelledError, GeneratorExit,
            # KeyboardInterrupt and SystemExit too, Pyodide 314.0.6 measured) -- never pending for ever
            promise._settle("rejected", python_error(exc))
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):  # Task.__step re-raises these into JavaScript:
                _log.error("Uncaught exception in a task the Worker started",  # an uncaught error workerd logs
                           exc_info=(type(exc), exc, without_our_frames(exc)))

    task = asyncio.ensure_future(wait())
    # the runtime's own helper: one left pending when its request ends (a race's loser waiting on a
    # write nobody reads) is collected without asyncio's "Task was destroyed but it is pending!"
    task._log_destroy_pending = False  # type: ignore[attr-defined]
    promise._settler = task  # type: ignore[attr-defined] # awaiting it waits on this


def python_error(error: BaseException) -> BaseException:
    """The reason JavaScript sees for ``error``, raised by Python code a promise adopted (a
    coroutine's or future's exception, a Python ``then`` or executor that raised): Pyodide's
    ``PythonError`` (0.26.0a4 and 0.28.2 alike), a JS ``Error`` named ``PythonError`` whose
    ``message`` is the traceback as Python formats it (``Traceback (most recent call last):``,
    the frames the error passed through, ``ValueError: boom``; without frames, the last line
    only) and whose ``type`` is the exception's class name -- so Python reading it back gets a
    ``JsException``, ``str()`` ``PythonError: Traceback ...``. workers-env's own frames and
    asyncio's are left out (Pyodide's are not Python frames). The hung-request error is passed
    on as it is (workerd cancels the request)."""
    if is_hang(error):
        return error
    shown = traceback.TracebackException.from_exception(error)
    shown.stack = traceback.StackSummary.from_list(
        [frame for frame in shown.stack if not frame.filename.startswith(_NOT_SHOWN)])
    wrapped = JsException("".join(shown.format()), name="PythonError")
    wrapped.type = type(error).__name__  # type: ignore[attr-defined]
    return wrapped


#: where an uncaught error of the Worker's is logged (runtime/tasks.py's)
_log = logging.getLogger("workers_env.runtime")

#: the folders whose frames a PythonError's traceback leaves out: workers-env's and asyncio's
_NOT_SHOWN = (PACKAGE_DIR, os.path.join(os.path.dirname(asyncio.__file__), ""))


def _thenable(value: Any) -> bool:
    """A plain JS object whose ``then`` is a function (ECMAScript's thenable; a JsObject only:
    the runtime's other values with a Python ``then`` are promises or futures, adopted as such)."""
    return type(value) is JsObject and callable(value._props.get("then"))


def _call_then(promise: JsPromise, thenable: JsObject) -> None:
    """ECMAScript's NewPromiseResolveThenableJob: in a microtask, ``thenable.then(resolve,
    reject)`` with the promise's resolving functions (JS functions, as ``Promise.new`` hands
    them); a ``then`` that throws rejects it unless it has settled."""
    then = getattr(thenable, "then")
    done: list[bool] = []

    def settling(state: str) -> Any:
        def settle(value: Any = None, *_: Any) -> None:
            if not done:
                done.append(True)
                promise._settle(state, value)

        return JsNativeFunction(settle, "", length=1)  # a resolving function declares one parameter

    def job() -> None:
        resolve, reject = settling("fulfilled"), settling("rejected")
        try:
            then(resolve, reject)
        except BaseException as exc:  # noqa: BLE001 - a throwing then rejects the promise (a Python one's: its
            # PythonError, whatever it raised: any throw does in JavaScript)
            reject(exc if isinstance(exc, JsException) else python_error(exc))

    microtask(job)


def _new(executor: Any = None, *_ignored: Any) -> JsPromise:
    if not callable(executor):
        raise JsException("Promise resolver undefined is not a function", name="TypeError")
    promise = JsPromise()
    # the resolving functions are JavaScript's (anonymous built-ins): handed on to ``setTimeout``
    # they stay callable, as in Pyodide (0.26.0a4 and 0.28.2), unlike a Python function's proxy
    resolve = JsNativeFunction(lambda value=None, *_: promise._settle("fulfilled", handed_back(value)), "", length=1)
    reject = JsNativeFunction(lambda reason=None, *_: promise._settle("rejected", reason), "", length=1)
    try:
        executor(resolve, reject)
    except BaseException as exc:  # noqa: BLE001 - a throwing executor rejects the promise (a Python one's: its
        # PythonError, whatever it raised: any throw does in JavaScript)
        promise._settle("rejected", exc if isinstance(exc, JsException) else python_error(exc))
    return promise


def _resolve(value: Any = None, *_ignored: Any) -> JsPromise:
    if isinstance(value, JsPromise):
        return value
    promise = JsPromise()
    promise._settle("fulfilled", handed_back(value))  # a Python int from 2**53 - 1 up: a BigInt there
    return promise


def _reject(reason: Any = None, *_ignored: Any) -> JsPromise:
    promise = JsPromise()
    promise._settle("rejected", reason)
    return promise


# A Python iterable reaches JavaScript as a PyProxy: a Python awaitable in it (a call's
# ``PyodideFuture``, a coroutine) is a thenable PyProxy borrowed from the iterator JavaScript makes
# of it, destroyed once the combinator has iterated it -- before the promise job that calls its
# ``then`` runs, so that input rejects with the borrowed-proxy error (Pyodide 0.26.0a4 and 0.28.2
# under Node: ``Promise.all([Promise.resolve(1), 2])``, a tuple, set, frozenset, dict, dict view,
# deque or a class's ``__iter__`` alike); a Python *iterator* (a generator, ``iter(list)``) hands
# each item over as its own proxy, which stays; a JS promise in it (``Promise.new``) is a JS
# value, and a JS array (``to_js([...])``) or ``Set`` holds proxies that stay.
def _borrows_items(items: Any) -> bool:
    """Whether JavaScript iterating ``items`` borrows each Python item (see above)."""
    if isinstance(items, (JsProxy, JsSet, Iterator)):
        return False
    return type(items).__module__.partition(".")[0] not in ("workers_env", "js", "pyodide", "_pyodide")


def _gather(items: Any, settle_each: Callable[[JsPromise, list[Any], int, JsPromise], None],
            empty: Callable[[JsPromise], None] | None = None) -> JsPromise:
    if items is None or isinstance(items, (bool, int, float, JsObject, JsObjectMap, JsNull)):  # no [Symbol.iterator]:
        return _reject(not_iterable(items))  # the combined promise rejects with V8's TypeError
    listed = _borrows_items(items)
    promises = [_resolve(item) if not inspect.isawaitable(item) or isinstance(item, JsPromise)
                else _reject(JsException(EXHAUSTED_ITERATOR)) if listed and not isinstance(item, JsProxy)
                else _adopt(item) for item in list(items)]
    combined = _Combined(promises)
    results: list[Any] = [None] * len(promises)
    if not promises:
        if empty is not None:
            empty(combined)
        else:
            combined._settle("fulfilled", JsArray([]))
    for index, promise in enumerate(promises):
        promise._on_settle(functools.partial(_settle_input, settle_each, promise, results, index, combined))
    combined._gate()
    return combined


def _settle_input(settle_each: Callable[[JsPromise, list[Any], int, JsPromise], None], promise: JsPromise,
                  results: list[Any], index: int, combined: JsPromise) -> None:
    """One input settled: as the combinator says, but a wait the hang check failed fails the
    combined promise with it whatever the combinator (workerd cancels the whole request: an
    ``allSettled`` or ``any`` does not get to read it as one rejection among others)."""
    if promise._state == "rejected" and is_hang(promise._value):
        combined._settle("rejected", promise._value)
        return
    settle_each(promise, results, index, combined)


class _Combined(JsPromise):
    """The promise of ``Promise.all``/``race``/``allSettled``/``any``: settled by one of its
    inputs, so for workerd's hung-request check (runtime/stalls.py) it is hung when every input
    still pending is -- measured under wrangler dev 4.164.0: ``await Promise.all([write, write])``,
    ``race``, ``allSettled``, ``any`` and nestings of them over writes nobody reads are the
    hung-request error; a ``race`` with a timer's promise settles when the timer fires."""

    def __init__(self, inputs: list[JsPromise]) -> None:
        super().__init__()
        self._parts = _StallParts(inputs)  # what the hang check holds weakly (a JsProxy takes no weakref)

    def _gate(self) -> None:
        """Give the promise a settler the hang check follows: a future settled with it."""
        if self._state != "pending":
            return
        try:
            gate = asyncio.get_running_loop().create_future()
        except RuntimeError:  # no event loop: nothing to check
            return

        def done() -> None:
            if not gate.done():
                gate.set_result(None)

        gathers(gate, self._parts)
        self._settler = gate  # type: ignore[attr-defined] # awaiting the promise waits on the gate
        self._on_settle(done)

    def stall_parts(self) -> list[Any] | None:
        """The futures the pending inputs settle from; ``None`` when one has none (it could be
        settled by any code: the request is not called hung)."""
        return self._parts.stall_parts()


class _StallParts:
    """A combined promise's inputs, as the hang check reads them (runtime/stalls.py
    ``gathers``): held by the promise alone, so the check's weak reference goes with it."""

    __slots__ = ("__weakref__", "inputs")

    def __init__(self, inputs: list[JsPromise]) -> None:
        self.inputs = inputs

    def stall_parts(self) -> list[Any] | None:
        """See :meth:`_Combined.stall_parts`."""
        parts = []
        for promise in self.inputs:
            if promise._state != "pending":
                continue
            settler = getattr(promise, "_settler", None)
            if settler is None:
                return None
            parts.append(settler)
        return parts


def _adopt(awaitable: Any) -> JsPromise:
    promise = JsPromise()
    _follow(promise, awaitable)
    return promise


def _all(items: Any = (), *_ignored: Any) -> JsPromise:
    remaining: list[int] = []

    def settle(promise: JsPromise, results: list[Any], index: int, combined: JsPromise) -> None:
        if promise._state == "rejected":
            combined._settle("rejected", promise._value)
            return
        results[index] = promise._value
        remaining.append(index)
        if len(remaining) == len(results):
            combined._settle("fulfilled", JsArray(list(results)))

    return _gather(items, settle)


def _all_settled(items: Any = (), *_ignored: Any) -> JsPromise:
    remaining: list[int] = []

    def settle(promise: JsPromise, results: list[Any], index: int, combined: JsPromise) -> None:
        key = "value" if promise._state == "fulfilled" else "reason"
        results[index] = JsObject({"status": promise._state, key: promise._value})
        remaining.append(index)
        if len(remaining) == len(results):
            combined._settle("fulfilled", JsArray(list(results)))

    return _gather(items, settle)


def _race(items: Any = (), *_ignored: Any) -> JsPromise:
    def settle(promise: JsPromise, results: list[Any], index: int, combined: JsPromise) -> None:
        combined._settle(promise._state, promise._value)

    return _gather(items, settle)


def _any(items: Any = (), *_ignored: Any) -> JsPromise:
    """``Promise.any``: the first fulfilment; when every input rejects (or there is none), V8's
    ``AggregateError: All promises were rejected`` carrying the reasons in ``errors``."""
    rejected: list[int] = []

    def settle(promise: JsPromise, results: list[Any], index: int, combined: JsPromise) -> None:
        if promise._state == "fulfilled":
            combined._settle("fulfilled", promise._value)
            return
        results[index] = promise._value
        rejected.append(index)
        if len(rejected) == len(results):
            combined._settle("rejected", _aggregate_error(results))

    return _gather(items, settle, empty=lambda combined: combined._settle("rejected", _aggregate_error([])))


def _aggregate_error(reasons: list[Any]) -> JsException:
    error = JsException("All promises were rejected", name="AggregateError")
    error.errors = JsArray(list(reasons))  # type: ignore[attr-defined]
    return error


def promise_class() -> Any:
    """``js.Promise``: ``new(executor)``, ``resolve``, ``reject``, ``all``, ``allSettled``, ``race``, ``any``."""
    from types import SimpleNamespace

    return SimpleNamespace(new=_new, resolve=_called(_resolve), reject=_called(_reject), all=_called(_all),
                           allSettled=_called(_all_settled), race=_called(_race), any=_called(_any), name="Promise")


class _CalledFuture(PyodideFuture, metaclass=StandsForPyodideFuture):
    """The ``PyodideFuture`` Pyodide hands Python for the promise a JavaScript *call* returns
    (``Promise.resolve(1)``; ``Promise.new(...)`` gives the promise's JsProxy instead), measured on
    0.26 and 0.28: the promise's outcome reaches it in a microtask after the calling code's step,
    so its ``then`` handlers run a loop turn (and a task step) later, after ``call_soon``
    callbacks made before, and awaiting it in the step that made it waits one loop turn."""

    _fresh = True
    #: the Worker whose code made it (runtime/unhandled.py)
    workers_env_runtime: Any = None

    def __await__(self) -> Any:
        # asyncio's own (C) iterators: a rejection raised gains no frame of workers-env's
        if self._fresh and self.done():  # the awaiting task is woken a loop turn later (call_soon)
            return _Turn(self).__await__()
        return asyncio.Future.__await__(self)

    __iter__ = __await__


class _Turn(asyncio.Future):  # type: ignore[type-arg]
    """What awaiting a fresh, settled :class:`_CalledFuture` waits on: pending when its iterator
    hands it to the awaiting task, it takes the future's outcome as the task asks to be woken
    (``add_done_callback``, called by ``Task.__step`` for a yielded future), so the task's wakeup
    is queued right then, one loop turn later, and the outcome is raised by asyncio's C
    iterator -- no Python frame between the ``await`` and the error. Should nothing ask, it
    takes the outcome a loop turn later all the same."""

    def __init__(self, source: asyncio.Future[Any]) -> None:
        super().__init__(loop=source.get_loop())
        self._source = source
        self.get_loop().call_soon(self._take)

    def _take(self) -> None:
        if self.done():
            return
        if self._source.cancelled():
            self.cancel()
        elif self._source.exception() is not None:
            self.set_exception(self._source.exception())  # type: ignore[arg-type]
        else:
            self.set_result(self._source.result())

    def add_done_callback(self, fn: Any, *, context: Any = None) -> None:
        self._take()
        super().add_done_callback(fn, context=context)


_CalledFuture.__name__ = _CalledFuture.__qualname__ = "PyodideFuture"
_CalledFuture.__module__ = "pyodide.webloop"


def _called(make: Callable[..., JsPromise]) -> Callable[..., Any]:
    """``js.Promise.resolve`` and the others as Worker code calls them: a :class:`_CalledFuture`."""

    @functools.wraps(make)
    def call(*args: Any) -> Any:
        return called_promise(make(*args))

    return call


def called_promise(promise: JsPromise) -> Any:
    """``promise``, returned by a JavaScript call, as Python code holds it: in Worker code the
    :class:`_CalledFuture` Pyodide makes of it (``Promise.resolve(1)``, ``stream.pipeTo(w)``;
    measured on 0.26.0a4 and 0.28.2), outside Worker code the promise itself."""
    if not worker_code_running():
        return promise
    future = _CalledFuture()
    future.add_done_callback(IN_PROGRESS_DONE)  # Pyodide's loop's, as its repr names it
    future.workers_env_runtime = current_runtime()  # its era, should it fail unretrieved (runtime/unhandled.py)

    def settle() -> None:
        if future.done():
            return
        if promise._state == "fulfilled":
            future.set_result(promise._value)
        else:
            future.set_exception(as_rejection(rejection(promise._value)))

    def age() -> None:
        future._fresh = False

    promise._on_settle(lambda: microtask(settle))  # a promise reaction: pending until then, as Pyodide's
    future.get_loop().call_soon(age)
    settler = getattr(promise, "_settler", None)  # a pipe's promise: awaiting the future waits on the pipe
    if settler is not None:
        follows(future, settler)
    return future


def promise_call(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (an ``async def`` standing in for a JavaScript method that returns a promise:
    a body read, a ``Blob``'s, the Cache API's, ``crypto.subtle``'s) as Worker code calls it: the
    work begins at the call (:func:`webloop.unawaited`: a body is used from the call) and the
    ``PyodideFuture`` handed back takes its outcome in a microtask once the calling step is done,
    as Pyodide's future takes a JavaScript promise's (0.26.0a4, 0.28.2, 314.0.6 measured alike,
    group ``promise-returning-methods``): pending right after the call, settled before callbacks
    queued earlier run, so awaiting it in that step waits one loop turn; awaited twice it gives
    its value twice. Test code keeps the plain coroutine."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        if not worker_code_running():
            return result
        begun = unawaited(result)
        if not isinstance(begun, asyncio.Future):  # (not awaitable: handed back as it is)
            return begun
        return _settled_in_a_microtask(begun)

    return call


def binding_promise(result: Any) -> Any:
    """A binding call's result (``env.KV.get(...)``, ``env.DB.prepare(...).first()``, an RPC
    call) as Worker code holds it (:func:`webloop.as_promise`'s) -- but one the emulator settled at
    the call takes its outcome in a microtask, as :func:`promise_call`'s: awaiting a JavaScript
    promise always suspends the awaiting task under Pyodide (its future takes the promise's
    outcome in a ``then`` reaction), so two tasks gathered each awaiting a binding call run
    a1 b1 a2 b2, not a1 a2 b1 b2 (real Pyodide 0.26.0a4, 0.28.2, 314.0.6; leftovers56)."""
    begun = unawaited(result, _outcome_in_a_microtask) if worker_code_running() else result  # (as_promise's)
    if isinstance(begun, asyncio.Future) and begun.done():
        return _settled_in_a_microtask(begun, follow=False)
    return begun


def _outcome_in_a_microtask(outcome: Any, failed: bool) -> PyodideFuture:
    """The promise of a binding call whose coroutine ended at once (``outcome``: its value, or
    its rejection when ``failed``): what :func:`_settled_in_a_microtask` makes of a future settled
    so, without that future -- one ``PyodideFuture``, taking the outcome in a microtask."""
    future = PyodideFuture()
    future.add_done_callback(IN_PROGRESS_DONE)  # Pyodide's loop's, as its repr names it
    future.workers_env_runtime = current_runtime()  # type: ignore[attr-defined] # (runtime/unhandled.py)
    # run_sync's (runtime/runsync.py): the outcome at once, driving no loop
    future.workers_env_settle_if_ready = settle = functools.partial(_take, future, outcome, failed)  # type: ignore[attr-defined]
    microtask(settle)
    return future


def _take(future: asyncio.Future[Any], outcome: Any, failed: bool) -> None:
    """Settle ``future`` with ``outcome`` (see :func:`_outcome_in_a_microtask`), once."""
    # the cycle future -> its settle_if_ready -> future let go: what the outcome holds (a
    # stream's chunk) is freed by its last reference, not by a later collection
    try:
        del future.workers_env_settle_if_ready  # type: ignore[attr-defined]
    except AttributeError:  # (taken already: run_sync's call, then the microtask's)
        return
    if future.done():  # (cancelled by Python code meanwhile: nothing to report, as with Pyodide's then() reaction)
        return
    if failed:
        future.set_exception(outcome)
    else:
        future.set_result(outcome)


def _settled_in_a_microtask(begun: asyncio.Future, follow: bool = True) -> PyodideFuture:  # type: ignore[type-arg]
    """A ``PyodideFuture`` taking ``begun``'s outcome in a microtask once it is done. ``follow``:
    noted for the hang check as following ``begun`` -- pointless once ``begun`` is done (the check
    finds a future following a done one not hung, as one following nothing)."""
    future = PyodideFuture(loop=begun.get_loop())
    future.add_done_callback(IN_PROGRESS_DONE)  # Pyodide's loop's, as its repr names it
    future.workers_env_runtime = current_runtime()  # type: ignore[attr-defined] # (runtime/unhandled.py)
    if follow:
        follows(future, begun)  # waiting on it is waiting on the work (runtime/stalls.py)

    def settle() -> None:
        # the cycle future -> settle_if_ready -> settle -> future let go: what ``begun`` holds (a stream's
        # chunk) is freed by its last reference, not by a later collection (~9 MB held on 3.13 before)
        try:
            del future.workers_env_settle_if_ready  # type: ignore[attr-defined]
        except AttributeError:
            pass
        if future.done():  # (cancelled by Python code meanwhile: the rejection is handled, as by Pyodide's
            if not begun.cancelled():  # then() reaction -- nothing printed, review87)
                begun.exception()
            return
        if begun.cancelled():
            future.cancel()
        elif begun.exception() is not None:
            future.set_exception(begun.exception())  # type: ignore[arg-type]
        else:
            future.set_result(begun.result())

    def settle_if_ready() -> None:  # run_sync's: the outcome at once, driving no loop (runtime/runsync.py)
        if begun.done():
            settle()

    future.workers_env_settle_if_ready = settle_if_ready  # type: ignore[attr-defined]
    if begun.done():
        microtask(settle)
    else:
        begun.add_done_callback(lambda _: microtask(settle))
    return future


# -- URI functions -------------------------------------------------------------------------------
_COMPONENT_SAFE = "-_.!~*'()"
_URI_SAFE = _COMPONENT_SAFE + ";/?:@&=+$,#"


def _malformed() -> JsException:
    return JsException("URI malformed", name="URIError")


def _encode(text: Any, safe: str) -> str:
    from workers_env.runtime.jsglobals import js_text

    value = js_text(text)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in value):
        raise _malformed()  # a lone surrogate (a paired one is one code point here)
    return quote(value, safe=safe, encoding="utf-8")


def encode_uri_component(text: Any = None, *_ignored: Any) -> str:
    return _encode(text, _COMPONENT_SAFE)


def encode_uri(text: Any = None, *_ignored: Any) -> str:
    return _encode(text, _URI_SAFE)


def _decode(text: Any, reserved: str) -> str:
    from workers_env.runtime.jsglobals import js_text

    value = js_text(text)
    out: list[str] = []
    i = 0
    while i < len(value):
        ch = value[i]
        if ch != "%":
            out.append(ch)
            i += 1
            continue
        start = i
        raw = bytearray()
        while i < len(value) and value[i] == "%":
            pair = value[i + 1:i + 3]
            if len(pair) != 2 or not all(c in "0123456789abcdefABCDEF" for c in pair):
                raise _malformed()
            raw.append(int(pair, 16))
            i += 3
            if raw[0] < 0x80 or len(raw) >= _utf8_length(raw[0]):
                break
        try:
            decoded = bytes(raw).decode("utf-8")
        except UnicodeDecodeError:
            raise _malformed() from None
        out.append(value[start:i] if decoded in reserved else decoded)
    return "".join(out)


def _utf8_length(lead: int) -> int:
    if lead >= 0xF0:
        return 4
    if lead >= 0xE0:
        return 3
    return 2 if lead >= 0xC0 else 1


def decode_uri_component(text: Any = None, *_ignored: Any) -> str:
    return _decode(text, "")


def decode_uri(text: Any = None, *_ignored: Any) -> str:
    return _decode(text, ";/?:@&=+$,#")
