"""What Python code gets calling a ``create_proxy`` (or ``create_once_callable``, ``to_js``) of a
Python function that answers an awaitable -- an ``async def``'s coroutine, a future, a promise:
the ``PyodideFuture`` Pyodide makes of the JavaScript promise the call hands back, never the
coroutine itself (npm pyodide 0.26.0a4, 0.28.2 and 314.0.6 alike; group ``proxy-async-calls``).

Pyodide's ``callPyObjectKwargs`` answers JavaScript with the coroutine's PyProxy, made a task at
once (``_ensure_future``) when the function is a coroutine function (``_iscoroutinefunction``: an
``async def``, a ``partial`` or bound method of one); Python reads that thenable back as a
``PyodideFuture`` -- any other awaitable (a sync function's coroutine, a future) is made a task
in a microtask, once the calling step is done. The future takes the task's outcome as a promise
reaction: its value as it reads after crossing to JavaScript and back (a whole float an ``int``),
its error the ``PythonError`` JavaScript sees, a ``JsException``. So the body runs as a task -- a
call nobody awaits runs all the same -- and cancelling the future leaves it running (0.28.2 and
314.0.6; 0.26.0a4's Node dies of an ``InvalidStateError`` there).

A JavaScript caller -- workers-env's stand-ins: ``arr.forEach``/``map``, ``queueMicrotask``, a
timer; not a promise's ``then``, Pyodide's Python ``webloop`` (review90) -- gets the same task of an ``async def``'s coroutine, begun at the call
(:func:`started`), so its body runs though the caller drops the answer, as it does in Pyodide
(review89: ``forEach``/``map``/``queueMicrotask`` of a ``create_proxy``'d ``async def`` ran it
on 0.26.0a4, 0.28.2 and 314.0.6; here it never ran, "coroutine ... was never awaited")."""

from __future__ import annotations

import asyncio
import inspect
import weakref
from contextvars import copy_context
from typing import Any

from workers_env._jsvalues import handed_back, js_number
from workers_env.runtime.jspromise import JsPromise, called_promise, microtask, python_error
from workers_env.runtime.stalls import follows
from workers_env.runtime.webloop import worker_code_running

__all__ = ["answered", "started"]

#: the tasks :func:`started` made of an ``async def``'s coroutine at a JavaScript caller's call
_STARTED: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()


def answered(func: Any, result: Any) -> Any:
    """``result``, what the Python callable ``func`` behind a proxy answered, as the Python code
    calling the proxy holds it: an awaitable a ``PyodideFuture`` (a JavaScript promise's the one a
    JavaScript call gives), anything else as it is. Test code keeps ``result``."""
    if not worker_code_running():
        return result
    if isinstance(result, JsPromise):  # a JavaScript promise the function handed back
        return called_promise(result)
    if not hasattr(type(result), "__await__"):
        return result
    promise = JsPromise()
    future = called_promise(promise)
    if (inspect.iscoroutine(result) and inspect.iscoroutinefunction(func)) or result in _STARTED:
        _run(promise, future, result)
    else:  # ``Promise.resolve(thenable)``: its ``then`` -- the ensure_future -- in a microtask
        context = copy_context()
        microtask(lambda: context.run(_run, promise, future, result))
    return future


def started(func: Any, result: Any) -> Any:
    """``result``, what the Python callable ``func`` behind a proxy answered a JavaScript caller
    (a workers-env stand-in): an ``async def``'s coroutine a task begun at the call, as Pyodide's
    ``callPyObjectKwargs`` makes it (``_ensure_future``); anything else as it is (a sync
    function's coroutine Pyodide hands over unrun). Test code keeps ``result``. The task's
    outcome settles the promise JavaScript gets (a done callback), so a failure nobody awaits is
    that promise's unhandled rejection, which workerd logs none of -- never "Task exception was
    never retrieved" nor 0.28's "Unhandled exception in event loop" (0.26.0a4, 0.28.2, 314.0.6:
    ``queueMicrotask``, ``forEach``, ``map`` of a failing ``async def``, leftovers59)."""
    if not (inspect.iscoroutine(result) and inspect.iscoroutinefunction(func) and worker_code_running()):
        return result
    task = asyncio.ensure_future(result)
    task.add_done_callback(_settles_the_promise)
    _STARTED.add(task)
    return task


def _settles_the_promise(task: asyncio.Future[Any]) -> None:
    """The promise reaction Pyodide adds to the task (``_pyproxy_ensure_future``): it reads the
    outcome, so the task's exception counts as retrieved."""
    if not task.cancelled():
        task.exception()


def _run(promise: JsPromise, future: asyncio.Future[Any], awaitable: Any) -> None:
    """``asyncio.ensure_future(awaitable)``, whose outcome settles ``promise`` (pyproxy.c
    ``_pyproxy_ensure_future``'s done callback)."""
    task = asyncio.ensure_future(awaitable)
    follows(future, task)  # waiting on the future is waiting on the task (runtime/stalls.py)
    task.add_done_callback(lambda done: _settle(promise, done))


def _settle(promise: JsPromise, task: asyncio.Future[Any]) -> None:
    try:
        value = task.result()
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException as exc:  # noqa: BLE001 - a CancelledError too: JavaScript sees its PythonError
        promise._settle("rejected", python_error(exc))
    else:
        promise._settle("fulfilled", js_number(value) if type(value) is float else handed_back(value))
