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
does the same for the lifespans its Worker started (the test's loop would cancel them as it
closes), keeping from the loop's closing only the async generators they hold.
"""

from __future__ import annotations

import asyncio
import collections
import ctypes
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
#: those :func:`abandon` ended
_ABANDONED: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()
#: what :func:`_held_by` walks through: a coroutine's or generator's frame holds what it awaits
#: and its ``async with`` blocks' ``__aexit__`` (a bound method of the context manager, which
#: holds its generator; an ``AsyncExitStack`` holds them in a deque of callbacks)
_WALKED = (types.CoroutineType, types.GeneratorType, types.AsyncGeneratorType, types.FrameType, types.MethodType,
           tuple, list, dict, collections.deque)


def note(task: asyncio.Future[Any]) -> None:
    """``task`` runs an ASGI app's lifespan (:func:`abandon` ends it if it is still waiting)."""
    _LIFESPANS[task] = _STARTED[0]
    _STARTED[0] += 1


def started() -> int:
    """How many lifespans have started so far (``abandon(since=...)``: the ones started after)."""
    return _STARTED[0]


def abandon(since: int | None = None) -> int:
    """End every lifespan task still waiting without resuming its coroutine (see the module's
    docstring), and have the running loop forget the async generators not workers-env's own, so
    its closing ``shutdown_asyncgens()`` does not close them either (an ``asynccontextmanager``
    lifespan is one: closing it runs the code after its ``yield``); returns how many tasks. For
    ``workers-env dev``'s stop, as the process ends. ``since``: only the lifespans started since
    :func:`started` gave it, by any Worker load, and each loop forgets only the async generators
    they hold -- the pytest plugin's teardown of a test (every Worker it loaded, the ``worker``
    fixture's or its own ``load_worker``'s), whose loop still closes the test's own."""
    own = since is not None
    waiting = [task for task, number in list(_LIFESPANS.items()) if not task.done() and (since is None or number >= since)]
    for task in waiting:
        coro = task.get_coro() if isinstance(task, asyncio.Task) else None
        if coro is not None:  # one reference never given back: the coroutine is never freed, so never closed
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(coro))
            if own:
                _forget(getattr(task.get_loop(), "_asyncgens", None), _held_by(coro))
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


def _held_by(coro: Any, limit: int = 10_000) -> list[types.AsyncGeneratorType[Any, Any]]:
    """The async generators ``coro`` holds through what it awaits and its ``async with``
    blocks' context managers (an ``asynccontextmanager`` lifespan's generator, suspended at its
    ``yield``), at most ``limit`` objects looked at."""
    found: list[types.AsyncGeneratorType[Any, Any]] = []
    seen: set[int] = set()
    todo = [coro]
    while todo and len(seen) < limit:
        obj = todo.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, types.AsyncGeneratorType):
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
