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
async generators, as the process ends right after.
"""

from __future__ import annotations

import asyncio
import ctypes
import weakref
from typing import Any

from workers_env.runtime.tracebacks import PACKAGE_DIR

__all__ = ["abandon", "abandoned", "note"]

#: the lifespan tasks the bridges started (runtime/asgi.py), while they are alive
_LIFESPANS: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()
#: those :func:`abandon` ended
_ABANDONED: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()


def note(task: asyncio.Future[Any]) -> None:
    """``task`` runs an ASGI app's lifespan (:func:`abandon` ends it if it is still waiting)."""
    _LIFESPANS.add(task)


def abandon() -> int:
    """End every lifespan task still waiting without resuming its coroutine (see the module's
    docstring), and have the running loop forget the async generators not workers-env's own, so
    its closing ``shutdown_asyncgens()`` does not close them either (an ``asynccontextmanager``
    lifespan is one: closing it runs the code after its ``yield``); returns how many tasks. For
    ``workers-env dev``'s stop, as the process ends."""
    waiting = [task for task in _LIFESPANS if not task.done()]
    for task in waiting:
        coro = task.get_coro() if isinstance(task, asyncio.Task) else None
        if coro is not None:  # one reference never given back: the coroutine is never freed, so never closed
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(coro))
        asyncio.Future.set_result(task, None)  # done, its coroutine left where it waits (Task's own refuses)
        _ABANDONED.add(task)
    generators = getattr(asyncio.get_running_loop(), "_asyncgens", None)  # (asyncio's base loop's own set)
    if isinstance(generators, weakref.WeakSet):
        for generator in list(generators):
            if not generator.ag_code.co_filename.startswith(PACKAGE_DIR):
                generators.discard(generator)
    return len(waiting)


def abandoned(task: asyncio.Future[Any]) -> bool:
    """Whether :func:`abandon` ended ``task``: its app hears nothing more, so a bridge's
    ``shutdown()`` of it (a request's ``finally`` unwinding as dev stops) neither sends
    ``lifespan.shutdown`` -- that would wake the coroutine of a task already done (asyncio's
    ``_step(): already done`` traceback) -- nor waits for the answer that never comes."""
    return task in _ABANDONED
