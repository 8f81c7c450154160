"""``pyodide.ffi.run_sync`` under CPython: wait for an awaitable from synchronous code.

In a Python Worker, ``run_sync(awaitable)`` suspends the Python stack with JavaScript Promise
Integration until the awaitable settles, while the event loop goes on; libraries use it to
offer synchronous APIs over async bindings (``sqlalchemy-cloudflare-d1``, langmem's
Vectorize store). CPython cannot suspend a stack, so when an asyncio event loop is already
running in this thread, that loop is run from inside the call until the awaitable settles:
a coroutine (a binding call, a reader's ``read()``, the Worker's own) runs as a task of it, as
Pyodide's ``run_sync`` makes it, and a promise or task of it (a stream writer's
``write()``/``close()``/``ready``, a pipe, ``js.fetch`` not awaited, a pending ``Promise``)
settles as the loop's other tasks, reads and timers go on. A wait only stream code could end,
with nothing else able to run, is workerd's hung-request error (runtime/stalls.py), as in
production, never a hang of the process. On an event loop of another kind, a coroutine runs
on a helper thread with its own loop, in a copy of the caller's context, and a future of the
caller's loop is refused.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import sys
import threading
import weakref
from collections.abc import Awaitable
from types import FrameType
from typing import Any, TypeVar

from workers_env._errors import NotEmulatedError
from workers_env.runtime.stalls import suspended
from workers_env.runtime.tasks import STEPS

try:  # asyncio's own bookkeeping of the current task, which _drive switches while it runs the loop
    from asyncio.tasks import _enter_task, _leave_task  # type: ignore[attr-defined]
except ImportError:  # a Python without them: run_sync falls back to its helper thread
    _enter_task = _leave_task = None  # type: ignore[assignment]

__all__ = ["base_loop", "can_run_sync", "cut_off_drivers", "cut_off_here", "cut_off_if_stopped", "raise_between_steps", "run_sync"]

T = TypeVar("T")

_FOREIGN_LOOP = ("run_sync() of a promise or task of the running event loop is emulated by workers-env on asyncio's "
                 "own event loop only (this one is another kind): await it instead")


#: an exception a signal handler could not raise where it ran, and the run_sync frame that is to
#: raise it once the loop step under way has ended (:func:`raise_between_steps`)
_between_steps: list[tuple[FrameType, BaseException]] = []


def raise_between_steps(frame: FrameType | None, until: FrameType | None, exc: BaseException) -> bool:
    """Have ``exc`` -- a signal handler's, called in ``frame`` -- raised where nothing swallows it.
    Inside a ``run_sync`` that drives the running loop (below ``until``, the frame that catches
    ``exc``), a loop callback may be running, and asyncio keeps a BaseException a callback or a
    task step raises (logged, or the task's outcome): the outermost such ``run_sync`` raises it
    instead, once the loop step under way has ended (True). False: no ``run_sync`` there, the
    caller raises it where it is."""
    outermost = None
    while frame is not None and frame is not until:
        if frame.f_code in _DRIVERS:
            outermost = frame
        frame = frame.f_back
    if outermost is None:
        return False
    _between_steps[:] = [(outermost, exc)]
    return True


#: the :func:`_drive` frames a stopping server cut off (:func:`cut_off_drivers`)
_cut_off: set[FrameType] = set()
#: the loops whose server a stop signal cut off: a ``run_sync`` started on one is cut off at once
_stopped: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()


def cut_off_drivers(frame: FrameType | None) -> bool:
    """Cut off each ``run_sync`` that drives the loop, out from ``frame`` (a signal handler's: the
    dev server stopping): each raises ``CancelledError`` once the loop step under way has ended,
    the innermost first, so the code waiting in it (a handler's or a ``waitUntil`` task's
    ``time.sleep``) ends as a cancelled task does and the loop gets back to the server, which
    then cuts off the rest as for any request under way. Without it the server, its own steps
    run inside that ``run_sync``, had shut down but could not return until the wait ended
    (review73: deaf for the whole of a ``time.sleep(60)``). Whether there was one.

    Each ``run_sync`` started on the running loop from then on is cut off as it begins, and
    Pyodide 0.26's blocking ``time.sleep`` too (:func:`cut_off_if_stopped`): a signal landing in
    workers-env's own code on the Worker's way into a wait (``time.sleep``'s look at the
    Pyodide version, ``run_sync``'s at its awaitable), where nothing can be raised safely, cut
    off nothing, and the wait begun a moment later held the stop for its whole length (flake53:
    1 run in ~20 of a SIGTERM test, under load, past its 30 s)."""
    loop = asyncio._get_running_loop()
    if loop is not None:
        _stopped.add(loop)
    found = False
    while frame is not None:
        if frame.f_code is _drive.__code__:
            _cut_off.add(frame)
            found = True
        frame = frame.f_back
    return found


def _raise_cut_off(me: FrameType, caller: asyncio.Task[Any] | None) -> None:
    if _cut_off and me in _cut_off:
        _cut_off.discard(me)
        if caller is not None:  # cancelled from outside, as a request whose client left: nothing logged
            _cancel_with_waiters(caller)
        raise asyncio.CancelledError


def cut_off_here() -> None:
    """Raise ``CancelledError`` where a signal handler runs (the Worker's code blocking the loop's
    thread: a busy loop, Pyodide 0.26's blocking ``time.sleep``), its task and the tasks awaiting
    it cancelled from outside, as :func:`cut_off_drivers` ends a waiting ``run_sync``."""
    try:
        task = asyncio.current_task()
    except RuntimeError:  # no loop running
        task = None
    if task is not None:
        _cancel_with_waiters(task)
    raise asyncio.CancelledError


def base_loop(loop: Any) -> Any:
    """``loop``, or the loop it schedules on when Worker code made it (``asyncio.new_event_loop()``:
    runtime/newloops.py's ``NewWebLoop``, whose ``workers_env_base`` runs its callbacks)."""
    return getattr(loop, "workers_env_base", loop)


def cut_off_if_stopped() -> None:
    """:func:`cut_off_here` if a stop signal cut off the running loop's server (:func:`cut_off_drivers`):
    Worker code about to block the loop's thread (Pyodide 0.26's ``time.sleep``) never begins."""
    loop = asyncio._get_running_loop()
    if loop is not None and loop in _stopped:
        cut_off_here()


def _cancel_with_waiters(task: asyncio.Task[Any]) -> None:
    """Cancel ``task`` and the tasks awaiting it (a ``waitUntil`` wrapper awaiting the Worker's
    task), from outside: asyncio's own ``cancel``, which a ``PyodideTask``'s would note as the
    Worker's own cancel (runtime/webloop.py)."""
    waiting = [task]
    others = asyncio.all_tasks(task.get_loop())
    while waiting:
        one = waiting.pop()
        asyncio.Task.cancel(one)
        waiting.extend(other for other in others if getattr(other, "_fut_waiter", None) is one)


def drop_between_steps() -> None:
    """Forget an exception :func:`raise_between_steps` kept that nothing raised."""
    _between_steps.clear()


def _raise_kept(*frames: FrameType) -> None:
    if _between_steps and _between_steps[0][0] in frames:
        raise _between_steps.pop()[1]


async def _settle(awaitable: Awaitable[T]) -> T:
    return await awaitable


def _drive(loop: asyncio.AbstractEventLoop, future: asyncio.Future[T], own: bool = False) -> T:
    """Run ``loop`` (running already, in this thread) from inside the caller until ``future``
    settles, as production's event loop goes on while JSPI suspends the caller's stack. ``own``:
    ``future`` is the task ``run_sync`` made of a coroutine, whose steps go first while what it
    waits on is a promise settled at the call (:func:`_step_alone`)."""
    run_once = getattr(loop, "_run_once", None)
    ready = getattr(loop, "_ready", None)
    if run_once is None or ready is None or _enter_task is None:  # not asyncio's own loop: not from inside
        raise NotEmulatedError(_FOREIGN_LOOP)
    me = sys._getframe()
    caller_frame = me.f_back or me
    running = asyncio._get_running_loop()  # a loop the Worker made (runtime/newloops.py): ``loop`` runs the others' steps
    if running is not loop:  # (before current_task: Python 3.14 finds the thread's task through the running loop)
        asyncio._set_running_loop(loop)
    caller = asyncio.current_task(loop)
    # the loop step that runs the caller counted the handles queued then; they run now, so as
    # many skipped ones stand in for them when it goes on (see asyncio's BaseEventLoop._run_once)
    queued = len(ready)
    drove = False  # (none of them ran while only the caller's own task stepped: no stand-ins then)
    if caller is not None:
        _leave_task(loop, caller)
    steps = STEPS.steps  # the caller's step pauses here: its turn ends (reads it held settle, runtime/heldreads.py),
    outer, steps.count = steps.count, 0  # and the steps the loop runs meanwhile are steps of their own
    try:
        steps.ended()
        with suspended(caller, future):
            if _stopped and loop in _stopped:  # begun after a stop signal: cut off at once
                _cut_off.add(me)
            first = True
            while True:
                _raise_kept(me, caller_frame)  # a stop signal's, between two steps (raise_between_steps)
                _raise_cut_off(me, caller)  # the dev server stopping (cut_off_drivers)
                if future.done():
                    break
                if own and _step_alone(ready, future, first):
                    first = False
                    continue
                first = False
                drove = True
                run_once()
    finally:
        _cut_off.discard(me)
        steps.count = outer
        if asyncio._get_running_loop() is not loop:  # (a step may leave another: 3.14 enters tasks of the running loop only)
            asyncio._set_running_loop(loop)
        if caller is not None:
            _enter_task(loop, caller)
        for _ in range(queued if drove else 0):
            skipped = asyncio.Handle(_nothing, (), loop)
            skipped.cancel()
            ready.appendleft(skipped)
        if running is not loop:  # the caller's stack's running loop, as JSPI resumes it
            asyncio._set_running_loop(running)
    return future.result()


def _step_alone(ready: Any, task: asyncio.Future[Any], first: bool) -> bool:
    """Run the next step of ``task`` (the one ``run_sync`` made of a coroutine) ahead of the loop's
    other callbacks: its ``first``, or its wake-up from a promise whose outcome the emulator had at
    the call (a binding call's), settled here as ``run_sync`` of the promise itself is (see
    :func:`run_sync`). Driving the loop instead runs the other tasks' steps inside this one, each
    ``run_sync`` of theirs one more drive on the stack: the external SDK's wrappers hand
    ``run_sync`` a coroutine, and 100 tasks each ``run_sync``-ing binding calls met Python's
    recursion limit (left57). Whether a step ran."""
    if not first:
        waiter = getattr(task, "_fut_waiter", None)
        if waiter is None or waiter.done():
            return False
        getattr(waiter, "workers_env_settle_if_ready", _nothing)()
        if not waiter.done():
            return False
    handle = ready[-1] if ready else None  # the step just queued
    if handle is None or getattr(handle._callback, "__self__", None) is not task or handle._cancelled:
        return False
    ready.pop()
    handle._run()
    return True


def _drivable(loop: asyncio.AbstractEventLoop) -> bool:
    return hasattr(loop, "_run_once") and hasattr(loop, "_ready") and _enter_task is not None


def _nothing() -> None:
    pass


def can_run_sync() -> bool:
    """``pyodide.ffi.can_run_sync``: True (workers-env can always wait, see the module doc)."""
    return True


def run_sync(awaitable: Awaitable[T]) -> T:
    """Block until ``awaitable`` settles; return its result or raise its exception."""
    if not inspect.isawaitable(awaitable):
        raise TypeError(f"run_sync() expects an awaitable, got {type(awaitable).__name__}")
    try:
        caller_loop = asyncio.get_running_loop()
    except RuntimeError:
        caller_loop = None
    caller_loop = base_loop(caller_loop)
    if caller_loop is None:
        return asyncio.run(_settle(awaitable))
    if isinstance(awaitable, asyncio.Future) and not awaitable.done():
        # a promise whose outcome the emulator had at the call (a binding call's, a body read's), which
        # an await takes a microtask later: settled now -- driving the loop here would run the other
        # tasks' steps inside this one, each run_sync of theirs one more drive on the stack, and 100
        # tasks gathered, each run_sync-ing binding calls, met Python's recursion limit (review87)
        getattr(awaitable, "workers_env_settle_if_ready", _nothing)()
    if isinstance(awaitable, asyncio.Future) and awaitable.done():  # a settled promise
        return awaitable.result()
    if isinstance(awaitable, asyncio.Future) and base_loop(awaitable.get_loop()) is caller_loop:
        return _drive(caller_loop, awaitable)
    if not isinstance(awaitable, asyncio.Future) and _drivable(caller_loop):
        # a coroutine (a reader's read(), text(), the Worker's own) or a pending Promise runs
        # as a task of the Worker's loop, as Pyodide's run_sync makes it, while the loop goes on
        return _drive(caller_loop, asyncio.ensure_future(_settle(awaitable)), own=True)
    outcome: dict[str, Any] = {}
    context = contextvars.copy_context()

    def settle() -> None:
        try:
            outcome["value"] = context.run(asyncio.run, _settle(awaitable))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller as is
            outcome["error"] = exc

    helper = threading.Thread(target=settle, name="workers-env run_sync")
    helper.start()
    helper.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


#: the frames a stop signal waits in for the loop step to end (run_sync's, _drive's)
_DRIVERS = frozenset({run_sync.__code__, _drive.__code__})
