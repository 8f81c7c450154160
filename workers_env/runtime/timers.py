"""``setTimeout`` / ``clearTimeout`` / ``setInterval`` / ``clearInterval`` from ``js``.

Timers run on the Worker's event loop (``loop.call_later``). As in Pyodide, a plain Python
function Worker code hands to ``setTimeout`` is a *borrowed* proxy, destroyed when ``setTimeout``
returns: when the timer fires it fails with Pyodide's error (logged as an uncaught exception, as
the runtime logs one); outside Worker code it is kept. ``create_proxy(fn)`` / ``create_once_callable(fn)`` keep it alive; a JS
function (``js.queueMicrotask``, ``Object.keys``, a value's ``constructor``) is handed over as
itself and runs. A callback that returns an awaitable (an ``async def``) has it scheduled on the loop.

As in workerd, a timer belongs to the request (or event) whose code set it: its IoContext's
``TimeoutManager`` (io-context.c++). Once the request is over -- its response sent and its
``waitUntil`` work settled -- the IoContext is torn down and a timer still pending never runs
(:func:`end_request`); a timer set by the request's code after that is never scheduled. The
same holds for the asyncio timers the request's code set on the loop (``loop.call_later``/
``call_at``, ``asyncio.sleep``, an ``asyncio.timeout``): Pyodide's WebLoop makes each a
JavaScript ``setTimeout``, so the request's end cancels those still pending, and one that a
task the request left running sets later is cancelled at the end of the step that set it
(:func:`outlived_step_ended`, the runtime's hook on the steps of Worker code's tasks) -- unless
code of another request, live, woke that step: it then runs as that request's code, whose timers
they are (runtime/tasks.py's ``ScopedCoroutine._outlived_step``). At a
Worker module's top level, outside any request, setting a timer is workerd's global-scope
error (``IoContext::current()``).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import math
import sys
import threading
from collections.abc import Callable
from types import CodeType, FrameType
from typing import Any

from workers_env._errors import JsException, add_hint
from workers_env.runtime import swallowed
from workers_env.runtime.byidentity import WeakIdentitySet
from workers_env.runtime.heldpyproxies import borrowed_error
from workers_env.runtime.heldtimers import HeldTimers
from workers_env.runtime.current import (
    GLOBAL_SCOPE_ERROR,
    current_context,
    current_runtime,
    in_global_scope,
    request_tasks,
    scheduled_by,
)
from workers_env.runtime.jsbase import JsProxy, js_type_error, jsnull
from workers_env.runtime.jsnumbers import JsNumber, to_number
from workers_env.runtime.stalls import is_hang_check
from workers_env.runtime.tasks import ScopedCoroutine, set_request_end_hooks
from workers_env.runtime.thrownerror import keeps_error_names
from workers_env.runtime.tracebacks import without_our_frames
from workers_env.runtime.webloop import dropped_promise

__all__ = ["clear_timer", "delay_seconds", "destroyed", "end_request", "ends_with_request", "is_borrowed", "pending_timers", "request_ended",
           "run_top_level_microtasks", "set_interval", "set_timeout", "watch_loop"]

log = logging.getLogger("workers_env.runtime")

#: workerd's longest delay (io-context.c++): 100 years of milliseconds
MAX_DELAY_MS = 3153600000000

_ids = itertools.count(1)
#: each timer's next run, and the request (its ExecutionContext, None outside one) it was set
#: in: workerd's timers belong to the request's IoContext, so one request's timer is no work
#: for another's wait
_timers: dict[int, tuple[asyncio.TimerHandle, Any]] = {}
#: requests that are over (their IoContext torn down): a timer their code sets is never scheduled
_ended: WeakIdentitySet[Any] = WeakIdentitySet()  # (by identity: a ctx is an unhashable JsProxy)
#: other I/O of a request that its end cancels (its subrequests under way), by the request's id
_closing: dict[int, tuple[Any, dict[int, Callable[[], None]]]] = {}
_lock = threading.Lock()


def _fire(timer_id: int, callback: Any, args: tuple[Any, ...], repeat: float | None) -> None:
    loop = asyncio.get_running_loop()
    with _lock:
        timer = _timers.get(timer_id)
        if repeat is None:
            _timers.pop(timer_id, None)
        elif timer is not None:  # an interval not cleared: the next run first, for the same request
            _timers[timer_id] = (loop.call_later(repeat, _fire, timer_id, callback, args, repeat), timer[1])
    scope = getattr(timer[1], "_scope", None) if timer is not None else None
    try:
        with scope if scope is not None else contextlib.nullcontext():  # the request's Worker's modules
            result = callback(*args)
        dropped_promise(result)  # an async callback's coroutine: a promise nobody handles
    except Exception as error:  # a timer's error is the runtime's uncaught exception: logged
        swallowed.escaped(error)
        log.error("Uncaught exception in a timer callback", exc_info=(type(error), error, without_our_frames(error)),
                  extra={"error_names_kept": keeps_error_names(getattr(scope, "runtime", None))})


def is_borrowed(callback: Any) -> bool:
    """Whether ``callback``, handed to a JS function now, is a borrowed proxy destroyed when that
    call returns: a plain Python callable Worker code hands over is; a JS function (a
    ``create_proxy``, ``js.fetch``, ``Object.keys``, a value's ``constructor``, a JS value's method
    such as ``controller.abort``) is handed over as itself. Outside Worker code (a test calling
    ``workers_env.js`` itself) no Pyodide lends it: it is kept (see README's "Where we had to
    choose")."""
    return (not isinstance(callback, JsProxy) and not isinstance(getattr(callback, "__self__", None), JsProxy)
            and current_runtime() is not None)


def destroyed(callback: Any, call: str, when: str) -> Callable[..., None]:
    """What a borrowed ``callback`` is when JavaScript calls it after ``call`` returned: Pyodide's
    error (``Error: This borrowed proxy was automatically destroyed ...`` and its second line,
    ``pyodide.setDebug(true)``: 0.26.0a4, 0.28.2 and 314.0.6 under Node, a JS stub calling it from
    ``setTimeout`` and ``queueMicrotask``), with a note saying how to keep it."""
    note = (f"workers-env: the function given to {call} was a plain Python function, which Pyodide hands "
            f"JavaScript as a borrowed proxy destroyed when {call} returns, so it fails {when} (in production "
            "too): pass create_proxy(fn) or create_once_callable(fn) (from pyodide.ffi) to keep it")

    def call_destroyed(*_args: Any) -> None:
        error = borrowed_error(True)
        add_hint(error, note)
        raise error

    return call_destroyed


def delay_seconds(delay: Any) -> float:
    """The delay as workerd takes it: JavaScript's ``ToNumber`` (``"abc"`` and ``undefined`` are
    NaN, a Python int past 2**53 a BigInt, refused), NaN or at most 0 is 0, at most 100 years,
    whole milliseconds."""
    ms = to_number(delay)
    ms = 0 if math.isnan(ms) or ms <= 0 else min(ms, MAX_DELAY_MS)
    return int(ms) / 1000.0


def _schedule(callback: Any, delay: Any, args: tuple[Any, ...], *, repeat: bool) -> int:
    if not callable(callback):  # jsg's text for a required ``function`` parameter
        method = "setInterval" if repeat else "setTimeout"
        raise js_type_error(f"Failed to execute '{method}' on 'ServiceWorkerGlobalScope': parameter 1 is not "
                            "of type 'function'.")
    seconds = delay_seconds(delay)
    if in_global_scope():  # the arguments are read first, then IoContext::current() (global-scope.c++)
        if not repeat and not _truthy(delay):  # Python Workers' top-level setTimeout(cb, 0): a microtask
            _top_level_microtasks.append(destroyed(callback, "setTimeout", "when the microtask runs")
                                         if is_borrowed(callback) else callback)
            return 0
        raise JsException(GLOBAL_SCOPE_ERROR)
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        raise JsException("setTimeout/setInterval need a running event loop (call them from Worker code)",
                          name="Error") from None
    if is_borrowed(callback):
        callback = destroyed(callback, "setInterval" if repeat else "setTimeout", "when the timer fires")
    timer_id = next(_ids)
    ctx = current_context()
    with _lock:
        if ctx is not None and request_ended(ctx):
            return timer_id  # set by code of a request already over: its IoContext is gone
        handle = loop.call_later(seconds, _fire, timer_id, callback, args, seconds if repeat else None)
        _timers[timer_id] = (handle, ctx)
    return timer_id


#: callbacks of ``setTimeout(cb, 0)`` called at a Worker's top level, run once it has run
_top_level_microtasks: list[Any] = []


def _truthy(value: Any) -> bool:
    """JavaScript's truthiness of a delay: ``0``, ``NaN``, ``""``, ``undefined``/``null`` are false."""
    if value is None or value is jsnull or value is False:
        return False
    if isinstance(value, (int, float)):
        return not (value == 0 or math.isnan(value))
    if isinstance(value, str):
        return value != ""
    return True


def run_top_level_microtasks(*, run: bool = True) -> None:
    """Run the callbacks the Worker's top level gave ``setTimeout`` without a delay, as workerd's
    Python runtime does: while the top level runs, its ``setTimeout`` is a patch
    (``setTimeoutTopLevelPatch``, python.ts) that queues a falsy delay's handler as a microtask,
    called without arguments, and returns 0 (a delay given goes to workerd's own ``setTimeout``,
    the global-scope error). An error is logged as an uncaught one. ``run=False`` (the top level
    failed): dropped."""
    if not run:
        _top_level_microtasks.clear()
    while _top_level_microtasks:
        callback = _top_level_microtasks.pop(0)
        try:
            callback()
        except Exception as error:  # a microtask's error (the patch queues it as one): reported once
            swallowed.escaped(error)
            log.error("Uncaught exception in a top-level setTimeout callback",
                      exc_info=(type(error), error, without_our_frames(error)))


def request_ended(ctx: Any) -> bool:
    """Whether request ``ctx`` is over (:func:`end_request`)."""
    try:
        return ctx in _ended
    except TypeError:  # a context that takes no weak reference: never marked ended
        return False


def set_timeout(callback: Any = None, delay: Any = 0, *args: Any) -> int:
    """``setTimeout(callback, delay_ms, ...args)``: the timer's id."""
    return _schedule(callback, delay, args, repeat=False)


def set_interval(callback: Any = None, delay: Any = 0, *args: Any) -> int:
    """``setInterval(callback, delay_ms, ...args)``: the timer's id."""
    return _schedule(callback, delay, args, repeat=True)


def clear_timer(timer_id: Any = None) -> None:
    """``clearTimeout`` / ``clearInterval``: a timer of the running request (the id a
    JavaScript number: ``5.0`` is 5); an unknown id, or another request's, is ignored, as
    workerd looks it up in the request's own ``TimeoutManager`` (io-context.c++); given an id at
    a module's top level, workerd's global-scope error (it asks ``IoContext::current()``)."""
    if not JsNumber.isSafeInteger(timer_id):  # what clearTimeout takes as an id; anything else is ignored
        return
    if in_global_scope():
        raise JsException(GLOBAL_SCOPE_ERROR)
    ctx = current_context()
    with _lock:
        timer = _timers.get(int(timer_id))
        if timer is None or timer[1] is not ctx:
            return
        del _timers[int(timer_id)]
    timer[0].cancel()


def pending_timers(ctx: Any = None) -> bool:
    """Whether a ``setTimeout``/``setInterval`` is still to fire (work a waiting request may
    get): one set in request ``ctx`` (its ExecutionContext), or any when ``ctx`` is None."""
    with _lock:
        timers = list(_timers.values())
    return any(not handle.cancelled() and (ctx is None or owner is ctx) for handle, owner in timers)


def end_request(ctx: Any) -> None:
    """Request ``ctx`` is over (its response sent, its ``waitUntil`` work settled): the timers
    its code set and that are still pending never run, as workerd tears down the request's
    IoContext and its ``TimeoutManager`` with it -- the asyncio timers its code set on the loop
    too, as each is a ``setTimeout`` under Pyodide's WebLoop; one set later is never scheduled
    (an asyncio one, by a task the request left running: cancelled as set, see
    :func:`outlived_step_ended`); its other I/O still under way is closed
    (:func:`ends_with_request`)."""
    with _lock:
        try:
            _ended.add(ctx)
        except TypeError:  # a context that takes no weak reference: only its pending timers end
            pass
        owned = [timer_id for timer_id, (_, owner) in _timers.items() if owner is ctx]
        handles = [_timers.pop(timer_id)[0] for timer_id in owned]
        closing = _closing.pop(id(ctx), (None, {}))[1]
    for handle in handles:
        handle.cancel()
    _cancel(_asyncio_timers(ctx))
    _outlive(ctx)
    watch_loop()
    for close in closing.values():
        close()


def watch_loop() -> None:
    """Watch the running loop's asyncio timers, once per loop (at each request's start and end):

    - once a request on it is over, every asyncio timer set from then on by code running as a
      request already over -- a plain callback it left behind (``loop.call_soon``, a future's
      done callback it added) as much as a task's step -- is cancelled as it is set, as
      production runs that code in the request's IoContext, gone, where its ``setTimeout``
      never fires;
    - a timer that code of a live request sets with a delay above 0 waits for the callbacks
      queued on the loop (runtime/heldtimers.py), as workerd's timers wait for its event queue.

    The loop's ``call_at`` (which ``call_later``, so ``asyncio.sleep`` and ``setTimeout``, goes
    through) is wrapped once per loop for it; the timer is set in the code's context as before,
    and code outside any request is left alone. (A task's step is looked at again as it ends,
    :func:`outlived_step_ended`: a loop whose ``call_at`` is not asyncio's Python one --
    uvloop's -- goes on without this.)"""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    if "call_at" in vars(loop):  # wrapped already (or by another's instance attribute: left alone)
        return
    call_at = loop.call_at
    held = HeldTimers.install(loop)

    def ending_call_at(when: float, callback: Callable[..., Any], *args: Any,
                       context: Any = None) -> asyncio.TimerHandle:
        handle = call_at(when, callback, *args, context=context)
        ctx = current_context()
        if ctx is None or is_hang_check(handle):  # (the check's first run may be set from an ended request's wait: no Worker's timer)
            return handle
        if request_ended(ctx):
            _cancel([handle], asyncio.current_task())
        elif held is not None and _later(sys._getframe(1), when, loop):
            held.note(getattr(handle, "_timer", handle))  # (a WebLoop ``Handle`` over the timer: runtime/threadpool.py)
        return handle

    loop.call_at = ending_call_at  # type: ignore[method-assign,assignment]


def _later(caller: FrameType, when: float, loop: asyncio.AbstractEventLoop) -> bool:
    """Whether a timer is set with a delay above 0: ``call_later``'s own ``delay`` (``asyncio.sleep``,
    ``setTimeout``), not its time read again, which a loaded machine may have passed meanwhile; for
    ``call_at`` called directly (``asyncio.timeout``), a time still to come."""
    if caller.f_code is _CALL_LATER:
        return bool(caller.f_locals["delay"] > 0)
    return when > loop.time()


def _asyncio_call_later() -> CodeType:
    call_later: Any = asyncio.BaseEventLoop.call_later
    while getattr(call_later, "workers_env_original", None) is not None:  # (runtime/threadpool.py's, if installed)
        call_later = call_later.workers_env_original
    return call_later.__code__  # type: ignore[no-any-return]


#: the code of asyncio's own ``call_later``, which calls ``call_at`` with ``delay`` added to the time
_CALL_LATER = _asyncio_call_later()


#: the code of :func:`watch_loop`'s ``call_at`` wrapper: a frame of it passes its caller's
#: call on (threadpool's WebLoop timers look past it to that caller)
PASSING_CALL_AT = next(code for code in watch_loop.__code__.co_consts
                       if getattr(code, "co_name", None) == "ending_call_at")


def _asyncio_timers(ctx: Any) -> list[asyncio.Handle]:
    """The asyncio timers still pending on the running loop that code of request ``ctx`` set
    (read off the context vars each handle was scheduled with), the hang check's own aside."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return []
    # asyncio's heap of timers (uvloop: none seen); the hang check's run is in a context of its own
    scheduled = list(getattr(loop, "_scheduled", ()))
    return [handle for handle in scheduled_by(ctx, scheduled) if not is_hang_check(handle)]


def _cancel(handles: list[asyncio.Handle], stepping: asyncio.Task[Any] | None = None) -> None:
    """Cancel asyncio timers of a request that is over. A task waiting on what one would have
    settled (its ``asyncio.sleep``'s future, ``wait_for``'s waiter; ``stepping``, the task whose
    step just set the timer, is about to) now waits for good, and is collected, when nothing
    holds it, without asyncio's ``Task was destroyed but it is pending!``: in production its
    ``setTimeout``'s callback, holding it, is let go (if ever) by JavaScript's collector once
    the request's IoContext is gone, not when Python's runs."""
    for handle in handles:
        # ``sleep``'s ``(future, result)``; the future of a ``call_later(delay, future.set_result, ...)``
        callback = getattr(handle, "_callback", None)
        settles = [*(getattr(handle, "_args", None) or ()), getattr(callback, "__self__", None)]
        for arg in settles:
            if isinstance(arg, asyncio.Future) and not arg.done():
                waiting = [getattr(done_callback, "__self__", None)  # a task's wakeup: it awaits ``arg``
                           for done_callback, _context in list(getattr(arg, "_callbacks", None) or ())]
                for task in [*waiting, stepping]:
                    if isinstance(task, asyncio.Task):
                        task._log_destroy_pending = False  # type: ignore[attr-defined]
        handle.cancel()


def _outlive(ctx: Any) -> None:
    """Mark the tasks request ``ctx`` (over) leaves running, so that each of their steps ends in
    :func:`outlived_step_ended` (the runtime's hook on the steps of Worker code's tasks,
    :class:`~workers_env.runtime.tasks.ScopedCoroutine`; the loop itself is left as it is), and
    what each waits on already, to learn whose code wakes it; the tasks their code starts later
    are marked as they start (runtime/tasks.py's factory)."""
    for task in request_tasks(ctx):
        coro = task.get_coro()
        if isinstance(coro, ScopedCoroutine):
            coro.outlived = True
            waiter = getattr(task, "_fut_waiter", None)  # what it waits on already
            if waiter is not None:
                coro.waits_on(waiter)


def _timer_count() -> int:
    """How many timers the running loop holds (-1: unknown), read as a step of a task whose
    request is over begins: a step that leaves it as it was set no timer (the heap only grows
    while a step runs; handles leave it between steps)."""
    try:
        scheduled = getattr(asyncio.get_running_loop(), "_scheduled", None)
    except RuntimeError:
        return -1
    return -1 if scheduled is None else len(scheduled)


def outlived_step_ended(timers: int = -1) -> None:
    """A step of a task whose request is over has run: the asyncio timers it set on the loop
    (an ``asyncio.sleep``, a ``call_later``) are cancelled as they were set -- that request's
    IoContext is gone, so its ``setTimeout`` never fires. ``timers``: the loop's count of
    timers as the step began (:func:`_timer_count`); a step that set none walks none of them."""
    ctx = current_context()
    if ctx is None or not request_ended(ctx):
        return
    if timers >= 0 and _timer_count() == timers:
        return
    _cancel(_asyncio_timers(ctx), asyncio.current_task())


set_request_end_hooks(request_ended, _timer_count, outlived_step_ended)


def ends_with_request(ctx: Any, close: Callable[[], None]) -> Callable[[], None]:
    """Call ``close()`` when request ``ctx`` ends (:func:`end_request`), as workerd cancels the
    I/O still under way when it tears down the request's IoContext; answers the function that
    forgets it (the I/O is done). Outside a request (``ctx`` None) nothing is noted."""
    if ctx is None:
        return lambda: None
    key = id(close)
    with _lock:
        _closing.setdefault(id(ctx), (ctx, {}))[1][key] = close

    def forget() -> None:
        with _lock:
            entry = _closing.get(id(ctx))
            if entry is not None and entry[0] is ctx:
                entry[1].pop(key, None)
                if not entry[1]:
                    del _closing[id(ctx)]

    return forget
