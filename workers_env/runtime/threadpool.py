"""anyio's thread pool as a Python Worker has it: there are no threads in production.

Pyodide cannot start a thread (``RuntimeError: can't start new thread``), so Starlette's and
FastAPI's ``run_in_threadpool`` -- every plain ``def`` route, sync dependency, ``FileResponse``,
``UploadFile`` over 1 MiB -- fails there, unless the Worker runs the external
``workers-runtime-sdk`` 1.6.11 or later, which patches ``anyio.to_thread.run_sync`` to call the
function inline (``_workers_sdk_package_patches.py``). :func:`install` gives ``anyio.to_thread``
the same behaviour for calls made from Worker code (a request or event being handled); other
callers, test code included, keep anyio's threads.

:func:`install` also refuses the threads the Worker's code starts, itself or through an
installed package it calls (``threading.Thread.start``, so ``threading.Timer`` and
``ThreadPoolExecutor.submit`` too, and the low-level ``_thread.start_new_thread`` / ``start_new``
/ ``start_joinable_thread`` after their own argument checks, as Pyodide 0.26, 0.28 and 314 refuse
them all: measured), with that error, and runs ``loop.run_in_executor`` (so
``asyncio.to_thread``) when the Worker's code calls it, itself or through a library (langchain-core's
``ainvoke``, ``loop.getaddrinfo`` in an HTTP client), as Pyodide's ``WebLoop`` does for every caller: the
function called at once, whatever the executor, its outcome in an already settled
``PyodideFuture``; and ``loop.create_future()`` while Worker code runs makes a ``PyodideFuture``,
as ``WebLoop``'s does. "The Worker's own code" is the first frame, walking out past the standard
library's (for a thread or ``run_in_executor``, past installed packages' too), in the Worker's folder (the upload root):
workers-env's own threads (``fetch``, ``run_sync``), a library's that workers-env or test code
calls, and test code's are kept.
``loop.run_until_complete(awaitable)``, called by any code while a Worker's code runs on a running
loop (a WSGI view's ``get_event_loop().run_until_complete(d1_call)``), is ``WebLoop``'s too: from
Pyodide 0.28 ``run_sync(awaitable)`` -- workerd turns Pyodide's ``enableRunUntilComplete`` on --
and on Pyodide 0.26, which has no such switch, ``asyncio.ensure_future(awaitable)``, returned
unawaited; CPython's own refuses a loop already running. ``loop.close()`` (of the running loop),
``run_forever()`` and ``stop()`` called so are ``WebLoop``'s too (:func:`_install_lifecycle`), and
``time.sleep(t)`` called so is Pyodide's from 0.28 (:func:`_install_sleep`).
"""

from __future__ import annotations

import _thread
import asyncio
import functools
import importlib
import math
import os
import sys
import threading
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

from workers_env.runtime import tasks, timers
from workers_env.runtime.auditstop import until_event
from workers_env.runtime.current import current_context, current_runtime, note_starter, pyodide_028, pyodide_029
from workers_env.runtime.moduledicts import held_names
from workers_env.runtime.runsync import cut_off_if_stopped, run_sync as _run_sync
from workers_env.runtime.tracebacks import PACKAGE_DIR, calls_the_workers, runs_the_workers
from workers_env.runtime.unhandled import IN_PROGRESS_DONE
from workers_env.runtime.webloop import PyodideFuture

__all__ = ["INLINE_FROM", "install", "worker_code_blocks"]

#: the workers-runtime-sdk release whose patch runs ``anyio.to_thread.run_sync`` inline
INLINE_FROM = (1, 6, 11)
NO_THREADS = "can't start new thread"
#: Pyodide 0.28 on, a refused thread started again (:func:`_refuse_start`)
STARTED_ALREADY = "thread already started"


def _inline(era: Any) -> bool:
    return era is not None and era.sdk_at_least(INLINE_FROM)


#: the standard library's folder: its frames (threading, concurrent.futures, asyncio) are walked past
_STDLIB = os.path.dirname(os.path.abspath(threading.__file__)) + os.sep
#: the frames of a Worker task's steps: a standard library coroutine's (``asyncio.to_thread``
#: made a task by ``gather``) are the Worker's when the Worker's own code made that task
_STEPS = frozenset({tasks.ScopedCoroutine._step.__code__})  # (send's and throw's)


#: the frame running a callback handed to ``call_soon``/``call_later`` or ``add_done_callback``: a
#: loop method run there was scheduled by whoever's context it runs in (asyncio schedules none of
#: them so itself)
_CALLBACK = asyncio.events.Handle._run.__code__


def worker_frame_calls(frame: FrameType | None, *, through_libraries: bool = False, scheduled: bool = False) -> bool:
    """Whether the first frame out from ``frame`` that is not the standard library's (nor
    frozen importlib's; nor, ``through_libraries``, an installed package's or workers-env's
    calling what the Worker's code handed it, its inline ``run_in_executor``) is the running
    Worker's own: a file under its upload root, not an installed package's -- code compiled by
    ``exec``/``eval`` counting as its module's (``__file__``), or in a namespace of no module
    (a ``namedtuple``'s ``__new__``, the Worker's own ``exec(..., {})``) as its caller's: taking
    it for the Worker's whoever called it had a signal cut off workers-env's or a test's code
    making a ``namedtuple`` (review74). With ``scheduled``, a callback the loop runs (the frame
    reached past the standard library's and installed packages') counts as the Worker's: it runs in
    the Worker's context, so Worker code or a library it called scheduled it (a library's done
    callback). Nothing outside Worker code, nor where the root is unknown."""
    runtime = current_runtime()
    uploads = getattr(runtime, "uploads", None)
    if uploads is None:
        return False
    root = str(uploads.root) + os.sep
    while frame is not None:
        if scheduled and frame.f_code is _CALLBACK:
            return True
        name = frame.f_code.co_filename
        if name[:1] == "<" and not name.startswith("<frozen "):  # exec'd code: its module's, else its caller's
            module_file = frame.f_globals.get("__file__")
            if not module_file:  # (its exec/eval in a namespace of no module)
                frame = frame.f_back
                continue
            name = module_file
        library = through_libraries and (calls_the_workers(frame.f_code) or "-packages" in name and not name.startswith(PACKAGE_DIR))
        if not (library or name.startswith("<frozen ") or (name.startswith(_STDLIB) and "-packages" not in name)):
            if frame.f_code in _STEPS:  # a task's step: who made the task (a library the Worker called, through_libraries)
                task = frame.f_locals.get("self")
                return bool(getattr(task, "by_worker", False) or through_libraries and getattr(task, "for_worker", False))
            return name.startswith(root) and "-packages" not in name and not name.startswith(PACKAGE_DIR)
        frame = frame.f_back
    return False


def _worker_or_library_calls(frame: FrameType | None) -> bool:
    """:func:`worker_frame_calls` walking past installed packages too: whether the Worker's code,
    itself or through a library it calls, asks -- as every caller's ``run_in_executor`` is
    ``WebLoop``'s in Pyodide, a library's (langchain-core's ``ainvoke``, an HTTP client's
    ``loop.getaddrinfo``) included; workers-env's own calls, and test code's, keep asyncio's."""
    return worker_frame_calls(frame, through_libraries=True, scheduled=True)


def install() -> None:
    """Wrap ``anyio.to_thread.run_sync`` (once; nothing when anyio is not installed), and
    ``threading.Thread.start``, ``_thread``'s thread starters and asyncio's ``run_in_executor`` (once)."""
    _install_threads()
    _install_low_level_threads()
    _install_executor()
    tasks.set_worker_frame_check(worker_frame_calls)
    try:
        to_thread: Any = importlib.import_module("anyio.to_thread")  # patched below
    except ImportError:
        return
    original = to_thread.run_sync
    if getattr(original, "workers_env_original", None) is not None:
        return

    async def run_sync(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if current_context() is None:  # not Worker code: anyio's own thread pool
            return await original(func, *args, **kwargs)
        if _inline(getattr(current_runtime(), "era", None)):
            return func(*args)  # the SDK's patch: "the workers runtime is single threaded"
        raise RuntimeError(NO_THREADS)  # what starting anyio's worker thread raises in Pyodide

    run_sync.workers_env_original = original  # type: ignore[attr-defined]
    run_sync.__doc__ = original.__doc__
    to_thread.run_sync = run_sync


def _install_threads() -> None:
    original = threading.Thread.start
    if getattr(original, "workers_env_original", None) is not None:
        return

    def start(self: threading.Thread) -> None:
        if (current_runtime() is not None and self._initialized and not self._started.is_set()  # type: ignore[attr-defined]
                and _worker_or_library_calls(sys._getframe(1))):
            _refuse_start(self)
        note_starter(self)  # a library's thread the Worker's code started: its imports are the Worker's
        original(self)

    start.workers_env_original = original  # type: ignore[attr-defined]
    start.__doc__ = original.__doc__
    threading.Thread.start = start  # type: ignore[method-assign]


def _refuse_start(thread: threading.Thread) -> None:
    """Pyodide's refusal of ``thread.start()``: ``can't start new thread`` (every era); again for
    the same thread object, ``thread already started`` from Pyodide 0.28 (Python 3.13's
    ``_start_joinable_thread`` finds the thread's handle used), as 0.28.2 and 314.0.6 answer,
    0.26.0a4 the first words again -- measured under Node (``threading.Thread`` and
    ``threading.Timer`` alike). An uninitialised or started thread gets CPython's own error first."""
    if pyodide_028() and getattr(thread, "_workers_env_refused", False):
        raise RuntimeError(STARTED_ALREADY)
    thread._workers_env_refused = True  # type: ignore[attr-defined]
    raise RuntimeError(NO_THREADS)


#: the audit event each of ``_thread``'s starters raises once its arguments passed its checks
#: (Python 3.12 on; ``start_new`` is ``start_new_thread``'s alias, ``start_joinable_thread`` 3.13 on)
_START_EVENTS = {"start_new_thread": "_thread.start_new_thread", "start_new": "_thread.start_new_thread",
                 "start_joinable_thread": "_thread.start_joinable_thread"}


def _install_low_level_threads() -> None:
    """``_thread.start_new_thread`` (and its alias ``start_new``, and ``start_joinable_thread``)
    called by the Worker's own code: ``RuntimeError: can't start new thread`` once the arguments
    pass the function's own checks (a non-callable is still its ``TypeError``), as Pyodide 0.26
    and 0.28 answer. From Python 3.12 the function itself runs up to the audit event it raises
    right after those checks (runtime/auditstop.py); 3.11's ``start_new_thread`` raises none, so
    there its checks are made as CPython words them. Only the ``_thread`` module's names are
    wrapped: ``threading`` took its own at import (its ``Thread.start`` is wrapped above)."""
    for name in _START_EVENTS:
        original = getattr(_thread, name, None)
        if original is None or getattr(original, "workers_env_original", None) is not None:
            continue
        setattr(_thread, name, _refusing(name, original))


def _refusing(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def starter(*args: Any, **kwargs: Any) -> Any:
        if current_runtime() is None or not _worker_or_library_calls(sys._getframe(1)):
            return original(*args, **kwargs)
        if sys.version_info >= (3, 12):
            until_event(_START_EVENTS[name], original, *args, **kwargs)  # its own TypeError, else stopped
        elif kwargs or not 2 <= len(args) <= 3:
            return original(*args, **kwargs)  # a wrong call is its own TypeError, before any thread
        else:
            _check_start_new_thread(args)
        raise RuntimeError(NO_THREADS)

    starter.__name__ = starter.__qualname__ = name
    starter.workers_env_original = original  # type: ignore[attr-defined]
    starter.__doc__ = original.__doc__
    return starter


def _check_start_new_thread(args: tuple[Any, ...]) -> None:
    """Python 3.11's ``start_new_thread(function, args[, kwargs])`` checks, worded as there."""
    if not callable(args[0]):
        raise TypeError("first arg must be callable")
    if not isinstance(args[1], tuple):
        raise TypeError("2nd arg must be a tuple")
    if len(args) == 3 and not isinstance(args[2], dict):  # a given None too
        raise TypeError("optional 3rd arg must be a dictionary")


def _install_create_future() -> None:
    """``loop.create_future()`` while Worker code runs is a ``PyodideFuture`` (``then``/``catch``/
    ``finally_``), as Pyodide's ``WebLoop.create_future`` makes one for every caller (0.26 and
    0.28 under Node); elsewhere asyncio's own ``Future``."""
    base: Any = asyncio.BaseEventLoop
    original = base.create_future
    if getattr(original, "workers_env_original", None) is not None:
        return

    def create_future(self: asyncio.AbstractEventLoop) -> asyncio.Future[Any]:
        if current_runtime() is None:
            return original(self)  # type: ignore[no-any-return]
        future = PyodideFuture(loop=self)
        future.add_done_callback(IN_PROGRESS_DONE)  # its loop's, as a pending one's repr names it
        return future

    create_future.workers_env_original = original  # type: ignore[attr-defined]
    create_future.__doc__ = original.__doc__
    base.create_future = create_future


def _worker_code_on_a_running_loop() -> bool:
    """Whether a Worker's code runs now on a running loop: where Pyodide's ``WebLoop`` answers the
    loop methods, ``asyncio.run`` and ``time.sleep`` that asyncio's own would refuse or block on."""
    return current_runtime() is not None and asyncio._get_running_loop() is not None


def _install_run_until_complete() -> None:
    """``loop.run_until_complete`` while Worker code runs on a running loop is Pyodide's
    ``WebLoop.run_until_complete`` (module doc); elsewhere asyncio's own."""
    base: Any = asyncio.BaseEventLoop
    original = base.run_until_complete
    if getattr(original, "workers_env_original", None) is not None:
        return

    def run_until_complete(self: asyncio.AbstractEventLoop, future: Any) -> Any:
        if not _worker_code_on_a_running_loop():
            return original(self, future)
        if pyodide_028():  # pyodide/webloop.py: `if config.enableRunUntilComplete: return run_sync(future)`
            return _run_sync(future)
        return asyncio.ensure_future(future)  # Pyodide 0.26: "we just ensure that the future is scheduled"

    run_until_complete.workers_env_original = original  # type: ignore[attr-defined]
    run_until_complete.__doc__ = original.__doc__
    base.run_until_complete = run_until_complete


#: asyncio's own folder: its calls of ``stop()``/``run_forever()`` (a loop it runs itself, as
#: ``run_sync``'s helper thread's ``asyncio.run``) are asyncio's, whoever's context they run in
_ASYNCIO = os.path.dirname(os.path.abspath(asyncio.__file__)) + os.sep


def _outside_asyncio(caller: FrameType) -> bool:
    """Whether ``caller`` is no code of asyncio's: from outside its folder, or a callback the
    Worker handed straight to ``call_soon``."""
    return caller.f_code is _CALLBACK or not caller.f_code.co_filename.startswith(_ASYNCIO)


def _webloop_call(caller: FrameType) -> bool:
    """Whether a loop method is called by Worker code, not asyncio's own, on a running loop."""
    return _worker_code_on_a_running_loop() and _outside_asyncio(caller)


def _install_lifecycle() -> None:
    """``loop.close()``, ``run_forever()`` and ``stop()`` while Worker code runs on a running
    loop are Pyodide's ``WebLoop``'s, which has "no lifecycle management" (``webloop.py`` of
    0.26.0a4, 0.28.2 and 314.0.6, measured under Node): ``close()`` of the running loop and
    ``run_forever()`` do nothing; ``stop()`` is ``AbstractEventLoop``'s ``NotImplementedError()``
    before 314.0.x, which adds ``WebLoop.stop``, doing nothing. CPython's refuse a running loop
    (``Cannot close a running event loop``, ``This event loop is already running``) or stop it.
    ``close()`` of another loop (``new_event_loop()``'s) still closes it, freeing its sockets."""
    classes = [asyncio.BaseEventLoop]  # and the subclasses asyncio has (the selector loops' own close())
    for cls in classes:
        classes.extend(sub for sub in cls.__subclasses__() if sub.__module__.startswith("asyncio."))
    for cls in classes:
        for name in ("close", "run_forever", "stop"):
            original = cls.__dict__.get(name)
            if original is not None and getattr(original, "workers_env_original", None) is None:
                setattr(cls, name, _webloop_method(name, original))


def _webloop_method(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    """``original`` (asyncio's ``close``, ``run_forever`` or ``stop``), as ``WebLoop`` has it when
    Worker code calls it on a running loop (:func:`_install_lifecycle`)."""

    def method(self: asyncio.AbstractEventLoop) -> Any:
        if not _webloop_call(sys._getframe(1)):
            return original(self)
        if name == "close" and self is not asyncio._get_running_loop():
            return original(self)  # another loop: closed, its sockets freed
        if name == "stop" and not pyodide_029():
            raise NotImplementedError  # 0.26/0.28: WebLoop has no stop(), AbstractEventLoop's raises
        return None  # "Ignore request to close WebLoop", run_forever "does nothing", 314's stop "a no-op"

    method.__name__ = name
    method.__qualname__ = original.__qualname__
    method.__doc__ = original.__doc__
    method.workers_env_original = original  # type: ignore[attr-defined]
    return method


def _install_run() -> dict[int, tuple[Any, Any]]:
    """``asyncio.run(main)`` while Worker code runs on a running loop is Pyodide's ``_run`` from
    0.28 (``webloop.py``, installed as ``asyncio.run``): with ``enableRunUntilComplete``, which
    workerd turns on, ``loop.run_until_complete(main)`` of the running loop, so ``run_sync``
    (:func:`_install_run_until_complete`); 0.26 has none and CPython's refuses a running loop."""
    original: Any = asyncio.run
    if getattr(original, "workers_env_original", None) is not None:
        return {}

    @functools.wraps(original)
    def run(main: Any, **kwargs: Any) -> Any:
        if kwargs.get("loop_factory") is None and _worker_code_on_a_running_loop() and pyodide_028():
            return asyncio.get_running_loop().run_until_complete(main)
        return original(main, **kwargs)

    run.workers_env_original = original  # type: ignore[attr-defined]
    asyncio.run = run
    return {id(original): (original, run)}


class Handle(asyncio.Handle):
    """What ``WebLoop.call_later``/``call_at`` give (Pyodide 0.26.0a4, 0.28.2, 314.0.6): a plain
    ``asyncio.Handle`` -- ``<Handle cb()>``, no ``when()`` -- over the loop's own timer here,
    which cancelling it cancels."""

    __slots__ = ("_timer",)

    def __init__(self, timer: asyncio.TimerHandle, callback: Callable[..., Any], args: tuple[Any, ...],
                 loop: asyncio.AbstractEventLoop, context: Any) -> None:
        super().__init__(callback, args, loop, context=context)
        self._timer = timer

    def cancel(self) -> None:
        self._timer.cancel()
        super().cancel()


PAST = "Can't schedule in the past"


#: asyncio's code that hands its caller's ``timeout`` to ``call_later`` unchecked -- ``wait``'s
#: ``_wait``, ``as_completed`` (3.13: its iterator's ``__init__``) --, so that on Pyodide, whose
#: every ``call_later`` is WebLoop's, ``asyncio.wait(fs, timeout=-1)`` and ``as_completed(fs,
#: timeout=-1)`` are ``Can't schedule in the past`` (0.26.0a4, 0.28.2, 314.0.6 under Node); its
#: other timers (``sleep``, ``timeout``, ``wait_for``) check for a time already past themselves
_TIMEOUT_TAKERS = frozenset(
    getattr(function, "__code__", None) for function in (
        getattr(asyncio.tasks, "_wait", None), asyncio.tasks.as_completed,
        getattr(getattr(asyncio.tasks, "_AsCompletedIterator", None), "__init__", None))) - {None}


def _webloop_timer_call(loop: asyncio.AbstractEventLoop, caller: FrameType | None) -> bool:
    """Whether ``call_later``/``call_at`` of ``loop`` is asked by Worker code (or a library it
    runs) on the running loop (past the per-loop ``call_at`` wrapper of runtime/timers.py, and
    past asyncio's :data:`_TIMEOUT_TAKERS` to whoever called them -- or, for ``asyncio.wait``
    made a task of its own, ``create_task(asyncio.wait(...))``, to the step of a task the
    Worker's code started: Pyodide's every timer is WebLoop's, whoever awaits): asyncio's own
    calls (its ``sleep``, ``call_later``'s ``call_at``) and workers-env's keep asyncio's timers."""
    if current_runtime() is None or caller is None:  # (the cheap test first: timers are a hot path)
        return False
    if caller.f_code is timers.PASSING_CALL_AT:
        caller = caller.f_back
    if caller is not None and caller.f_code in _TIMEOUT_TAKERS:
        while caller is not None and not _outside_asyncio(caller):
            caller = caller.f_back  # (``wait`` to ``_wait``: the first frame outside asyncio asked)
        if caller is not None and caller.f_code in _STEPS:  # a task of Worker code's whose coroutine
            return loop is asyncio._get_running_loop()  # is asyncio's own ``wait``
    # (current_runtime() was read above: the rest of _webloop_call's test, the loop running)
    return (caller is not None and not caller.f_code.co_filename.startswith(PACKAGE_DIR)
            and loop is asyncio._get_running_loop() and _outside_asyncio(caller))


def _install_timers() -> None:
    """``loop.call_later(delay, ...)`` and ``loop.call_at(when, ...)`` asked so (above) are
    ``WebLoop``'s: a time in the past (a negative delay) is ``ValueError: Can't schedule in the
    past``, where asyncio's runs the callback at once, and the answer is a :class:`Handle`."""
    base: Any = asyncio.BaseEventLoop
    later, at = base.call_later, base.call_at
    if getattr(later, "workers_env_original", None) is not None:
        return

    def call_later(self: asyncio.AbstractEventLoop, delay: Any, callback: Callable[..., Any], *args: Any,
                   context: Any = None) -> asyncio.Handle:
        if not _webloop_timer_call(self, sys._getframe(1)):
            return later(self, delay, callback, *args, context=context)  # type: ignore[no-any-return]
        if delay < 0:
            raise ValueError(PAST)
        return Handle(later(self, delay, callback, *args, context=context), callback, args, self, context)

    def call_at(self: asyncio.AbstractEventLoop, when: Any, callback: Callable[..., Any], *args: Any,
                context: Any = None) -> asyncio.Handle:
        if not _webloop_timer_call(self, sys._getframe(1)):
            return at(self, when, callback, *args, context=context)  # type: ignore[no-any-return]
        if when - self.time() < 0:
            raise ValueError(PAST)
        return Handle(at(self, when, callback, *args, context=context), callback, args, self, context)

    made: Any
    for name, made, original in (("call_later", call_later, later), ("call_at", call_at, at)):
        made.__name__, made.__qualname__, made.__doc__ = name, original.__qualname__, original.__doc__
        made.workers_env_original = original
        setattr(base, name, made)


#: Pyodide 0.28's Python (3.13) and 314.0.x's (3.14) refuse a NaN delay in ``asyncio.sleep``
NAN_DELAY = "Invalid delay: NaN (not a number)"


async def _webloop_sleep(secs: Any) -> None:
    """``asyncio.sleep(secs)`` as the Python of Pyodide 0.28 on has it: ``<= 0`` returns at once
    (``time.sleep(-1)`` too), NaN is refused, an infinite delay never ends."""
    if not secs <= 0 and math.isnan(secs):
        raise ValueError(NAN_DELAY)
    await asyncio.sleep(secs)


def _install_sleep() -> dict[int, tuple[Any, Any]]:
    """``time.sleep(t)`` called by any code while a Worker's code runs on a running loop is
    Pyodide's ``_sleep`` from 0.28 (``webloop.py`` of 0.28.2 and 314.0.6 installs it as
    ``time.sleep``): ``run_sync(asyncio.sleep(t))`` where ``can_run_sync()`` -- in workerd, which
    calls handlers with JSPI's ``promising`` -- so the loop's other tasks and timers go on while
    the caller waits; Pyodide 0.26.0a4 has none, and its ``time.sleep`` blocks the loop."""
    original = time.sleep
    if getattr(original, "workers_env_original", None) is not None:
        return {}

    @functools.wraps(original)
    def sleep(secs: Any) -> None:
        if not _worker_code_on_a_running_loop():
            original(secs)
        elif pyodide_028():
            _run_sync(_webloop_sleep(secs))
        else:  # 0.26's blocks the loop: not begun once a stop signal cut the Worker's code off
            cut_off_if_stopped()
            original(secs)

    sleep.workers_env_original = original  # type: ignore[attr-defined]
    _SLEEPS.add(sleep.__code__)  # type: ignore[attr-defined]  # (functools.wraps hides it from mypy)
    time.sleep = sleep
    return {id(original): (original, sleep)}


#: the code of the ``time.sleep`` wrapper (:func:`_install_sleep`): a signal handler called in
#: it interrupted its caller's wait
_SLEEPS: set[Any] = set()


def worker_code_blocks(frame: FrameType | None) -> bool:
    """Whether a signal handler called in ``frame`` interrupted the running Worker's code (or a
    library it called) holding the loop's thread: a loop of its own, a blocking call, Pyodide
    0.26's ``time.sleep`` -- nothing that gives the loop back soon."""
    if frame is None or current_runtime() is None:
        return False
    if frame.f_code in _SLEEPS:
        frame = frame.f_back
    return worker_frame_calls(frame, through_libraries=True)


def _rebind_taken(taken: dict[int, tuple[Any, Any]]) -> None:
    """Each patched function wherever a module imported before it took the original (``taken``:
    by its id, the original and the patched one) as a name of its own (``from time import
    sleep``, ``from asyncio import run``): Pyodide patches them before any module imports, so no
    module holds the original there; here the process may have imported a Worker's dependency
    before its first ``load_worker``. Outside Worker code the patched one calls the original, so
    the modules' own callers see no change. One walk for all (2,000 modules: some 20 ms); a
    module's names read as :func:`held_names` reads them (a lazily loaded module is not loaded)."""
    if not taken:
        return
    ids = taken.keys()
    for module in list(sys.modules.values()):
        names = held_names(module)
        if names is None or ids.isdisjoint(map(id, list(names.values()))):
            continue  # (most modules hold none of them: their values' ids compared in C, 4.5 -> 3.1 ms a walk)
        for name, value in list(names.items()):
            pair = taken.get(id(value))
            if pair is not None and pair[0] is value:
                names[name] = pair[1]


def _install_executor() -> None:
    _install_create_future()
    taken = _install_sleep()
    _install_run_until_complete()
    taken.update(_install_run())
    _rebind_taken(taken)
    _install_lifecycle()
    _install_timers()
    base: Any = asyncio.BaseEventLoop
    original = base.run_in_executor
    if getattr(original, "workers_env_original", None) is not None:
        return

    def run_in_executor(self: asyncio.AbstractEventLoop, executor: Any, func: Callable[..., Any], *args: Any) -> Any:
        if current_runtime() is None or not _worker_or_library_calls(sys._getframe(1)):
            return original(self, executor, func, *args)
        future = PyodideFuture(loop=self)  # Pyodide's WebLoop.run_in_executor (0.26 and 0.28):
        try:  # the executor unused, the function run now
            future.set_result(func(*args))
        except BaseException as exc:  # noqa: BLE001 - as Pyodide's, into the future
            future.set_exception(exc)
        return future

    runs_the_workers(run_in_executor)  # it runs the Worker's function: an error there is the Worker's (runtime/tracebacks.py)
    run_in_executor.workers_env_original = original  # type: ignore[attr-defined]
    run_in_executor.__doc__ = original.__doc__
    base.run_in_executor = run_in_executor
