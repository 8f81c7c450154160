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

Why a byte and not plain Python (review83): CPython closes every suspended coroutine it frees
(PEP 342), so letting the chain go runs its ``finally`` blocks; ``frame.clear()`` of a suspended
frame closes it too (3.11, 3.12) or refuses (3.13+); dropping only its locals leaves its value
stack. Only the frame-state byte skips the close. What guards the write: CPython 3.11 to 3.14
only (3.15 renumbers the states, ``FRAME_COMPLETED`` gone); the byte must read the same in two
samples of each state and alike in a generator and an async generator before a sample is
written; and a coroutine or generator is marked only when nothing outside the lifespan holds it
(:func:`_held_by`): one a module still uses is freed with its ``finally`` run as before, never
finished under that module.
"""

from __future__ import annotations

import asyncio
import collections
import ctypes
import functools
import gc
import sys
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
#: holds its generator; an ``AsyncExitStack`` holds them in a deque of callbacks); sets and a
#: closure's cells too (review84: a generator the lifespan also kept in one of them was counted as
#: held from outside, so freed and closed, its ``finally`` run)
_WALKED = (types.CoroutineType, types.GeneratorType, types.AsyncGeneratorType, types.FrameType, types.MethodType,
           tuple, list, dict, collections.deque, set, frozenset, types.CellType)


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
            held = _held_by(coro) if own else []  # (what only the lifespan holds)
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


#: the CPython versions whose frame states are ``_framestate``'s above (3.15: created 0 ... cleared 5)
_VERIFIED = ((3, 11), (3, 14))


@functools.cache
def _state_offset() -> int | None:
    """Where a generator object keeps its frame state (``gi_frame_state``, one byte): the byte
    that reads created, then suspended, then cleared (4) -- the same in two sample coroutines of
    each state, and in a generator's and an async generator's -- and whose ``_COMPLETED`` makes
    a fifth coroutine, suspended in a ``try``, refuse to run again and free without running its
    ``finally``; None where no byte does, or on an interpreter other than CPython 3.11-3.14 (no
    byte is written there, not even a sample's)."""
    if sys.implementation.name != "cpython" or not _VERIFIED[0] <= sys.version_info[:2] <= _VERIFIED[1]:
        return None
    ran: list[bool] = []

    async def sample(wait: bool) -> None:
        try:
            if wait:
                await _Pause()
        finally:
            ran.append(True)

    def generator() -> Any:
        yield

    async def async_generator() -> Any:
        yield

    def states(obj: Any) -> list[int]:
        return [ctypes.c_int8.from_address(id(obj) + at).value for at in range(type(obj).__basicsize__)]

    def steps(step: Any, times: int) -> None:
        for _ in range(times):
            try:
                step()
            except (StopIteration, StopAsyncIteration):  # (an async generator's step ends in StopIteration)
                pass

    readings = []  # (created, suspended, cleared) of two coroutines, a generator, an async generator
    created: Any
    suspended: Any
    finished: Any
    for kind in ("coroutine", "coroutine", "generator", "async generator"):
        if kind == "coroutine":
            created, suspended, finished = sample(True), sample(True), sample(False)
            for obj in (suspended, finished):
                steps(functools.partial(obj.send, None), 1)
        elif kind == "generator":
            created, suspended, finished = generator(), generator(), generator()
            steps(functools.partial(next, suspended), 1)
            steps(functools.partial(next, finished), 2)
        else:
            created, suspended, finished = async_generator(), async_generator(), async_generator()
            steps(lambda: suspended.asend(None).send(None), 1)
            steps(lambda: finished.asend(None).send(None), 2)
        readings.append((states(created), states(suspended), states(finished)))
        if kind == "async generator":
            steps(lambda: suspended.aclose().send(None), 1)
        else:
            created.close()
            suspended.close()
    ran.clear()
    size = min(len(created) for created, _, _ in readings)
    for at in range(2 * ctypes.sizeof(ctypes.c_void_p), size):
        (before, during, after), *others = [(c[at], s[at], f[at]) for c, s, f in readings]
        if not before < during < _EXECUTING or after != 4 or any(
                other[0] != before or other[2] != after or not other[1] < _EXECUTING for other in others):
            continue
        probe = sample(True)
        probe.send(None)
        ctypes.c_int8.from_address(id(probe) + at).value = _COMPLETED
        refused = False
        try:
            probe.send(None)
        except RuntimeError:  # "cannot reuse already awaited coroutine": finished
            refused = True
        except Exception:  # noqa: BLE001 - it ran on, or answered otherwise: not the byte
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
    suspended at its ``yield``), at most ``limit`` objects looked at -- those only: one also held
    from outside what was looked at (a module's generator the lifespan keeps in a local, through a
    dict a module keeps) goes on when the lifespan goes, so it is not finished under its holder."""
    seen: dict[int, Any] = {}
    holds: dict[int, list[int]] = {}  # what each object looked into references, by id (no reference kept)
    inside: collections.Counter[int] = collections.Counter()  # references to each from what was looked into
    todo = [coro]
    while todo and len(seen) < limit:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen[id(obj)] = obj
        kind = type(obj)
        if (isinstance(obj, _WALKED) or hasattr(kind, "__aexit__") or kind.__name__.startswith("async_generator_")
                or (hasattr(kind, "send") and hasattr(kind, "throw"))):  # (a coroutine's wrapper: runtime/tasks.py)
            referents = gc.get_referents(obj)
        elif isinstance(obj, types.FunctionType) and obj.__closure__:  # (its cells only: not its globals)
            referents = [obj.__closure__]
        else:
            continue
        holds[id(obj)] = [id(referent) for referent in referents]
        inside.update(holds[id(obj)])
        todo.extend(referents)
        del referents
    del todo[:]
    # held from outside: more references than those from what was looked into, beyond those this
    # count makes itself -- as many as an object ``seen`` alone holds has (how many the interpreter
    # counts for a call's argument differs: 3.14 borrows it); ``coro`` goes with its task
    alone = object()
    seen[alone_key := id(alone)] = alone
    del alone
    counts: dict[int, int] = {}
    for key in list(seen):
        obj = seen[key]
        counts[key] = sys.getrefcount(obj)
    del obj, seen[alone_key]
    ours = counts.pop(alone_key)
    outside = [key for key, count in counts.items() if count - ours > inside[key] and seen[key] is not coro]
    stays: set[int] = set()
    while outside:
        key = outside.pop()
        if key not in stays:
            stays.add(key)
            outside.extend(held for held in holds.get(key, ()) if held in seen)
    return [obj for key, obj in seen.items() if obj is not coro and key not in stays and isinstance(obj, _SUSPENDABLE)]


def abandoned(task: asyncio.Future[Any]) -> bool:
    """Whether :func:`abandon` ended ``task``: its app hears nothing more, so a bridge's
    ``shutdown()`` of it (a request's ``finally`` unwinding as dev stops) neither sends
    ``lifespan.shutdown`` -- that would wake the coroutine of a task already done (asyncio's
    ``_step(): already done`` traceback) -- nor waits for the answer that never comes."""
    return task in _ABANDONED
