"""ASGI lifespans left waiting when ``workers-env dev`` stops: ended as production's isolate ends them.

Production never ends an ASGI app's lifespan from outside: workerd's built-in bridge starts one
per request and never asks for its shutdown (its ``receive()`` awaits a ``Future()`` nothing
settles: workerd's ``asgi.py``), and workers-runtime-sdk shuts each down after its request
(1.9.5's ``asgi.fetch``; before 1.8.0 not after a failed request); a lifespan still waiting
when the isolate goes away is gone with it, none of the app's code run again. The dev server's
event loop, as it closes, would cancel such a task instead: the app's lifespan context unwinds
(its ``finally``, an ``async with`` exit: Starlette's then sends ``lifespan.shutdown.failed``),
code production never runs; so would the loop's closing ``shutdown_asyncgens()``, which closes an
``asynccontextmanager`` lifespan. So :func:`abandon` ends each still waiting without resuming
it: the task is marked done and its coroutine is kept for good (never collected, so never
closed -- collecting it would run those ``finally`` blocks too), and the loop forgets the app's
async generators, as the process ends right after. The pytest ``worker`` fixture's teardown
ends the lifespans its Worker started likewise (the test's loop would cancel them as it closes),
but keeps nothing: a run goes on for thousands of tests. Each coroutine, generator and async
generator the lifespan waits in is marked finished as CPython marks one it closed at a point with
no ``try`` around (its frame-state byte, :func:`_state_offset`, found and checked once on a
sample coroutine), so freeing it later clears its frame and runs none of its code -- what the
isolate's end does. Where that byte cannot be found (another interpreter), they are kept as dev
keeps them.
"""

from __future__ import annotations

import asyncio
import collections
import ctypes
import functools
import gc
import types
import weakref
from typing import Any

from workers_env.runtime.tracebacks import PACKAGE_DIR

__all__ = ["abandon", "abandoned", "note", "started"]

#: the lifespan tasks the bridges started (runtime/asgi.py), while they are alive, each with its
#: number in the order they started
_LIFESPANS: weakref.WeakKeyDictionary[asyncio.Future[Any], int] = weakref.WeakKeyDictionary()
_STARTED = [0]  # how many have started
#: the set each task is referenced from until it ends (:func:`note`'s ``kept_in``)
_KEPT_IN: weakref.WeakKeyDictionary[asyncio.Future[Any], set[asyncio.Future[Any]]] = weakref.WeakKeyDictionary()
#: those :func:`abandon` ended
_ABANDONED: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()
#: what :func:`_held_by` walks through: a coroutine's or generator's frame holds what it awaits
#: and its ``async with`` blocks' ``__aexit__`` (a bound method of the context manager, which
#: holds its generator; an ``AsyncExitStack`` holds them in a deque of callbacks)
_WALKED = (types.CoroutineType, types.GeneratorType, types.AsyncGeneratorType, types.FrameType, types.MethodType,
           tuple, list, dict, collections.deque)


def note(task: asyncio.Future[Any], kept_in: set[asyncio.Future[Any]] | None = None) -> None:
    """``task`` runs an ASGI app's lifespan (:func:`abandon` ends it if it is still waiting);
    ``kept_in``: the set that references it until it ends (its done callback discards it)."""
    _LIFESPANS[task] = _STARTED[0]
    _STARTED[0] += 1
    if kept_in is not None:
        kept_in.add(task)
        task.add_done_callback(kept_in.discard)
        _KEPT_IN[task] = kept_in


def started() -> int:
    """How many lifespans have started so far (``abandon(since=...)``: the ones started after)."""
    return _STARTED[0]


def abandon(since: int | None = None, loop: asyncio.AbstractEventLoop | None = None) -> int:
    """End every lifespan task still waiting without resuming its coroutine (see the module's
    docstring), and have the running loop forget the async generators not workers-env's own, so
    its closing ``shutdown_asyncgens()`` does not close them either (an ``asynccontextmanager``
    lifespan is one: closing it runs the code after its ``yield``); returns how many tasks. For
    ``workers-env dev``'s stop, as the process ends. ``since``: only the lifespans started since
    :func:`started` gave it, by any Worker load, and each loop forgets only the async generators
    they hold -- the pytest plugin's teardown of a test (every Worker it loaded, the ``worker``
    fixture's or its own ``load_worker``'s), whose loop still closes the test's own. ``loop``:
    only those running on it, likewise -- the plugin's, as a test fixture's loop is about to
    close (a lifespan a fixture's teardown started after the test's teardown began)."""
    own = since is not None or loop is not None
    waiting = [task for task, number in list(_LIFESPANS.items()) if not task.done() and (since is None or number >= since)
               and (loop is None or task.get_loop() is loop)]
    for task in waiting:
        coro = task.get_coro() if isinstance(task, asyncio.Task) else None
        if coro is not None:
            held = _held_by(coro) if own else []
            if not (own and _finish_unrun([coro, *held])):  # else: never freed, so never closed
                ctypes.pythonapi.Py_IncRef(ctypes.py_object(coro))
            _forget(getattr(task.get_loop(), "_asyncgens", None), [obj for obj in held
                                                                   if isinstance(obj, types.AsyncGeneratorType)])
        kept_in = _KEPT_IN.pop(task, None)
        if kept_in is not None:  # let go now: a done callback waits for the loop's next turn, which a
            task.remove_done_callback(kept_in.discard)  # loop kept for the next tests may not take soon
            kept_in.discard(task)
        asyncio.Future.set_result(task, None)  # done, its coroutine left where it waits (Task's own refuses)
        _ABANDONED.add(task)
    if not own:
        generators = getattr(asyncio.get_running_loop(), "_asyncgens", None)  # (asyncio's base loop's own set)
        _forget(generators, [generator for generator in list(generators or ())
                             if not generator.ag_code.co_filename.startswith(PACKAGE_DIR)])
    return len(waiting)


def _forget(generators: Any, these: list[Any]) -> None:
    """Take ``these`` out of a loop's set of async generators (asyncio's base loop's own)."""
    if isinstance(generators, weakref.WeakSet):
        for generator in these:
            generators.discard(generator)


#: the generator kinds :func:`_finish_unrun` marks finished (one layout: CPython's ``_PyGenObject_HEAD``)
_SUSPENDABLE = (types.CoroutineType, types.GeneratorType, types.AsyncGeneratorType)


def _finish_unrun(suspended: list[Any]) -> bool:
    """Mark each coroutine or generator of ``suspended`` not finished as finished, without running
    any of its code, as CPython's ``close()`` marks one suspended outside any ``try``: freed, it
    then clears its frame (what it holds is let go) and is never closed -- no ``finally``, no
    ``async with`` exit, no async generator finalizer, no "never awaited" warning. False (nothing
    marked) where the frame-state byte is unknown."""
    offset = _state_offset()
    if offset is None:
        return False
    for obj in suspended:
        if type(obj) in _SUSPENDABLE:
            state = ctypes.c_int8.from_address(id(obj) + offset)
            if state.value < _EXECUTING:  # created or suspended (running: 0; finished: 1 or more)
                state.value = _COMPLETED
    return True


#: CPython's frame states (``_framestate``, 3.11-3.14): executing, and completed (closed, frame not yet cleared)
_EXECUTING, _COMPLETED = 0, 1


class _Pause:
    """An awaitable that suspends its coroutine once (the sample of :func:`_state_offset`)."""

    def __await__(self) -> Any:
        yield


@functools.cache
def _state_offset() -> int | None:
    """Where a generator object keeps its frame state (``gi_frame_state``, one byte): the byte
    that reads created, then suspended, then cleared (4) on three sample coroutines, and whose
    ``_COMPLETED`` makes a fourth, suspended in a ``try``, refuse to run again and free without
    running its ``finally``; None where no byte does (the layout is not CPython 3.11-3.14's)."""
    ran: list[bool] = []

    async def sample(wait: bool) -> None:
        try:
            if wait:
                await _Pause()
        finally:
            ran.append(True)

    def states(coro: Any) -> list[int]:
        return [ctypes.c_int8.from_address(id(coro) + at).value for at in range(type(coro).__basicsize__)]

    created, suspended, finished = sample(True), sample(True), sample(False)
    suspended.send(None)
    try:
        finished.send(None)
    except StopIteration:
        pass
    before, during, after = states(created), states(suspended), states(finished)
    created.close()
    suspended.close()
    ran.clear()
    for at in range(2 * ctypes.sizeof(ctypes.c_void_p), len(before)):
        if not before[at] < during[at] < _EXECUTING or after[at] != 4:
            continue
        probe = sample(True)
        probe.send(None)
        ctypes.c_int8.from_address(id(probe) + at).value = _COMPLETED
        refused = False
        try:
            probe.send(None)
        except RuntimeError:  # "cannot reuse already awaited coroutine": finished
            refused = True
        except StopIteration:  # (it ran on: not the byte)
            pass
        finished_now = refused and not getattr(probe, "cr_suspended", True)
        del probe
        gc.collect()
        if finished_now and not ran:
            return at
        ran.clear()
    return None


def _held_by(coro: Any, limit: int = 10_000) -> list[Any]:
    """The coroutines, generators and async generators ``coro`` holds through what it awaits and
    its ``async with`` blocks' context managers (an ``asynccontextmanager`` lifespan's generator,
    suspended at its ``yield``), at most ``limit`` objects looked at."""
    found: list[Any] = []
    seen: set[int] = set()
    todo = [coro]
    while todo and len(seen) < limit:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, _SUSPENDABLE) and obj is not coro:
            found.append(obj)
        kind = type(obj)
        if (isinstance(obj, _WALKED) or hasattr(kind, "__aexit__") or kind.__name__.startswith("async_generator_")
                or (hasattr(kind, "send") and hasattr(kind, "throw"))):  # (a coroutine's wrapper: runtime/tasks.py)
            todo.extend(gc.get_referents(obj))
    return found


def abandoned(task: asyncio.Future[Any]) -> bool:
    """Whether :func:`abandon` ended ``task``: its app hears nothing more, so a bridge's
    ``shutdown()`` of it (a request's ``finally`` unwinding as dev stops) neither sends
    ``lifespan.shutdown`` -- that would wake the coroutine of a task already done (asyncio's
    ``_step(): already done`` traceback) -- nor waits for the answer that never comes."""
    return task in _ABANDONED
