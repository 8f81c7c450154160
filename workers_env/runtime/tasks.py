"""Tasks a Worker starts run inside its import scope, whenever their steps run.

In production a Worker's modules, ``js``, ``workers`` and ``pyodide`` live in Pyodide's one
``sys.modules``, so a task the Worker starts (``asyncio.create_task``, the SDKs'
``asgi.run_in_background``, ``wait_until(create_proxy(create_task(...)))``) finds them at
every step. Here the Worker's modules are in ``sys.modules`` only while its
:class:`~workers_env.runtime.scope.ImportScope` is entered, and a task's steps run after the
handler that started it has returned. So the running loop gets a task factory that wraps the
coroutine of every task started from Worker code (a request or event being handled, see
:func:`~workers_env.runtime.current.handling`) in one that enters the scope around each step.
Tasks started elsewhere are left as they are, and a factory already set on the loop is kept
and called.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import weakref
from collections.abc import Callable, Coroutine, Generator
from contextvars import copy_context
from types import FrameType
from typing import Any

from workers_env.runtime import swallowed
from workers_env.runtime.current import acting_for, adopt_task, current_context, pyodide_028
from workers_env.runtime.severable import keep_suspended, sever_running
from workers_env.runtime.tracebacks import PACKAGE_DIR, passes_through, runs_for_the_worker, without_our_frames
from workers_env.runtime.unhandled import IN_PROGRESS_DONE, REPORTED_AT_END, install, silence

log = logging.getLogger("workers_env.runtime")

__all__ = ["ScopedCoroutine", "end_worker_tasks", "sever_worker_code", "in_scope", "scope_new_tasks", "scoped_callback", "set_request_end_hooks",
           "set_made_by_worker_check", "set_step_loop_hooks", "set_worker_frame_check"]

#: the standard library's coroutines that call ``run_in_executor`` (``asyncio.to_thread``, the
#: loop's ``getaddrinfo``, ...): made into a task by Worker code (``gather``, ``create_task``,
#: 3.11's ``wait_for``) they run as its code; other coroutines (``asyncio.sleep``) are not looked at
_EXECUTOR_CALLERS = frozenset({asyncio.threads.__file__, asyncio.base_events.__file__})
#: whether a frame, walked out past the standard library's, is the running Worker's own
#: (runtime/threadpool.py sets it: that module imports this one)
_WORKER_FRAME: Callable[[FrameType | None], bool] | None = None


def set_worker_frame_check(check: Callable[[FrameType | None], bool]) -> None:
    """Let :class:`ScopedCoroutine` record whether the Worker's own code made a task of a
    standard library coroutine (see runtime/threadpool.py)."""
    global _WORKER_FRAME
    _WORKER_FRAME = check


#: whether the code at a frame (a task's starter) is the running Worker's, a library it calls
#: included (runtime/osenviron.py sets it)
_MADE_BY_WORKER: Callable[[FrameType | None], bool] = lambda _frame: False  # noqa: E731


def set_made_by_worker_check(check: Callable[[FrameType | None], bool]) -> None:
    """Let the factory note whether the Worker's code started a task of a coroutine not its own
    (a library's, made a task by ``gather``): its steps run as the Worker's code, whose
    ``os.environ`` and file system checks see (:func:`~workers_env.runtime.filesystem.by_worker_code`)."""
    global _MADE_BY_WORKER
    _MADE_BY_WORKER = check


#: runtime/timers.py's (it imports this module, see :func:`set_request_end_hooks`): whether a
#: request is over, the loop's count of timers as a step begins, and the end of a step of a task
#: whose request is over given that count
_REQUEST_OVER: Callable[[Any], bool] | None = None
_TIMER_COUNT: Callable[[], int] = lambda: -1  # noqa: E731
_OUTLIVED_STEP_ENDED: Callable[[int], None] = lambda _count: None  # noqa: E731


#: runtime/newloops.py's, once Worker code made a loop (``asyncio.new_event_loop()``): called as a
#: step of Worker code begins (giving the running loop then) and as it ends (given that back)
_STEP_BEGAN: Callable[[], Any] | None = None
_STEP_ENDED: Callable[[Any], None] = lambda _before: None  # noqa: E731


def set_step_loop_hooks(began: Callable[[], Any], ended: Callable[[Any], None]) -> None:
    """Let each step of Worker code run on the loop the era makes it run on after the Worker
    made one of its own, and end on the loop that ran before (see runtime/newloops.py)."""
    global _STEP_BEGAN, _STEP_ENDED
    _STEP_BEGAN, _STEP_ENDED = began, ended


def set_request_end_hooks(over: Callable[[Any], bool], timer_count: Callable[[], int],
                          step_ended: Callable[[int], None]) -> None:
    """Let the factory mark a task that code of a request already over starts as outliving it,
    and each step of such a task end in ``step_ended(timer_count() as it began)`` (see
    runtime/timers.py's ``outlived_step_ended``)."""
    global _REQUEST_OVER, _TIMER_COUNT, _OUTLIVED_STEP_ENDED
    _REQUEST_OVER, _TIMER_COUNT, _OUTLIVED_STEP_ENDED = over, timer_count, step_ended


class Steps:
    """One thread's steps of Worker code's tasks: how many run now (:class:`ScopedCoroutine`
    counts them), and what is to run as the outermost one ends -- a stream read held in it
    settles then, the end of its turn, with no callback to schedule (runtime/heldreads.py)."""

    __slots__ = ("count", "at_end")

    def __init__(self) -> None:
        self.count = 0
        self.at_end: list[Callable[[], None]] = []

    def ended(self) -> None:
        calls = self.at_end[:]
        self.at_end.clear()
        for call in calls:
            call()


class _PerThread(threading.local):
    """This thread's :class:`Steps` (``steps``), and ``calls``: :func:`webloop.unawaited`'s
    coroutine stepping now and the promise it asked to hand out instead, ``[coroutine,
    promise]`` -- per thread, as threads sharing a Worker each run their own loop; plain
    objects inside, so a step or a call reads the thread-local state once."""

    def __init__(self) -> None:
        self.steps = Steps()
        self.calls: list[Any] = [None, None]


STEPS = _PerThread()


class ScopedCoroutine(Coroutine[Any, Any, Any]):
    """``coro`` driven inside ``scope``: each ``send``/``throw``/``close`` enters it -- the first
    fully, later ones through the scope's cheaper ``resume`` when it has one (the Worker's
    folder is looked at once per coroutine, see :meth:`ImportScope.resume
    <workers_env.runtime.scope.ImportScope.resume>`). Other attributes (``cr_frame``,
    ``cr_running``, ``__qualname__``, ...) are ``coro``'s, so ``inspect.getcoroutinestate``
    and task names read as for the coroutine itself."""

    __slots__ = ("_coro", "_enter", "_scope", "_waited", "by_worker", "for_worker", "outlived", "parked", "severed")

    def __init__(self, coro: Coroutine[Any, Any, Any], scope: Any):
        self._coro = coro
        self._scope = scope
        self._enter: Any = None  # the first step's scope.__enter__, then scope.resume
        #: a standard library coroutine the Worker's own code made a task of: its steps call
        #: ``run_in_executor``/``Thread.start`` for the Worker (runtime/threadpool.py)
        self.by_worker = False
        #: the Worker's code (a library it calls included) started the task: its steps are its code
        self.for_worker = False
        #: the task's request is over (runtime/timers.py's ``end_request`` marks it, the factory
        #: a task started once it is): each step that set asyncio timers ends by cancelling them,
        #: as that request's ``setTimeout``s are gone
        self.outlived = False
        #: what the task, outliving its request, waits on: settled by code of a request still
        #: live, the task's next step runs as that request's code (see :meth:`_outlived_step`)
        self._waited: Any = None
        #: its request was cut off with the runtime (runtime/severable.py): ``coro`` is never
        #: stepped again, nor closed -- its ``except``/``finally`` code does not run
        self.severed = False
        #: ``coro`` is the rest of a call that began in a step of the scope and is parked on what it
        #: waits for (:func:`continues_a_call`): its first step runs none of its code
        self.parked = False

    def _entered(self) -> Any:
        enter = self._enter
        if enter is None:
            self._enter = getattr(self._scope, "resume", None) or self._scope.__enter__
            try:
                return self._scope.__enter__()
            except BaseException:  # (ModuleScopeError: a turn waited for too long) its code never runs:
                self._coro.close()  # closed, not collected unawaited (a RuntimeWarning of ours; audit37)
                raise
        return enter()

    def send(self, value: Any) -> Any:
        if self.parked:
            self.parked = False
            if not (self.severed or self.outlived):  # (those go the usual way)
                # the first step only hands the task what the call waits on: none of its code runs,
                # so not in the scope; its next step is a later step of code that entered already
                self._enter = getattr(self._scope, "resume", None) or self._scope.__enter__
                return self._coro.send(value)
        return self._step(self._coro.send, value)

    def throw(self, *args: Any) -> Any:
        return self._step(self._coro.throw, *args)

    def _step(self, step: Callable[..., Any], *args: Any) -> Any:
        """One step of the coroutine (``send``'s or ``throw``'s) in the Worker's scope."""
        if self.severed:  # the task ends cancelled, its code where it was
            keep_suspended(self._coro)
            raise asyncio.CancelledError
        if self.outlived:
            return self._outlived_step(step, *args)
        self._entered()
        steps = STEPS.steps
        steps.count += 1
        began = _STEP_BEGAN
        before = began() if began is not None else None
        try:
            return step(*args)
        except (KeyboardInterrupt, SystemExit) as error:  # the Worker's own: not the end of the server
            return self._ended_by(error)
        except StopIteration:
            raise
        except Exception as error:  # the task's outcome, shown to what awaits it or logged
            swallowed.escaped(error)
            raise
        finally:
            if _STEP_BEGAN is not None:  # (set during the step by the Worker's first new loop: before is None)
                _STEP_ENDED(before)
            steps.count -= 1
            if steps.at_end and not steps.count:  # reads held in the step settle as it ends (runtime/heldreads.py)
                steps.ended()
            if self.outlived:  # its request ended during the step
                _OUTLIVED_STEP_ENDED(-1)
            self._scope.__exit__(None, None, None)

    def _outlived_step(self, step: Callable[..., Any], *args: Any) -> Any:
        """A step of a task whose request is over. Woken by code of another request of the
        Worker still live (what it waited on settled by that code: a queue's ``put``), it runs
        as that request's code -- in production its wakeup is a ``setTimeout``/message of that
        request's IoContext, so the step runs there and the timers it sets are that request's.
        Otherwise it runs as code of its own request, over: the asyncio timers it sets are
        cancelled as it ends (runtime/timers.py's ``outlived_step_ended``)."""
        waker = self._waker()
        acting = acting_for(waker) if waker is not None else None
        if acting is not None:
            acting.__enter__()
        self._entered()
        steps = STEPS.steps
        steps.count += 1
        timers = _TIMER_COUNT()
        began = _STEP_BEGAN
        before = began() if began is not None else None
        try:
            result = step(*args)
        except (KeyboardInterrupt, SystemExit) as error:
            return self._ended_by(error)
        except StopIteration:
            raise
        except Exception as error:  # the task's outcome, shown to what awaits it or logged
            swallowed.escaped(error)
            raise
        finally:
            if _STEP_BEGAN is not None:  # (set during the step by the Worker's first new loop: before is None)
                _STEP_ENDED(before)
            steps.count -= 1
            if steps.at_end and not steps.count:
                steps.ended()
            _OUTLIVED_STEP_ENDED(timers)
            self._scope.__exit__(None, None, None)
            if acting is not None:
                acting.__exit__(None, None, None)
        if getattr(result, "_asyncio_future_blocking", False):  # the future it waits on now
            self.waits_on(result)
        return result

    def waits_on(self, future: Any) -> None:
        """Note ``future`` as what the task, outliving its request, waits on: a plain
        ``PyodideFuture`` notes then whose code settles it (runtime/webloop.py); other futures
        (asyncio's own, a task) are not followed."""
        note = getattr(future, "workers_env_note_settler", None)
        if note is not None and note():
            self._waited = future

    def _waker(self) -> Any:
        """The live request of this Worker whose code settled what the task waited on, if any."""
        waited, self._waited = self._waited, None
        waker = getattr(waited, "workers_env_settled_in", None)
        if (waker is None or _REQUEST_OVER is None or _REQUEST_OVER(waker)
                or getattr(waker, "_scope", None) is not self._scope):
            return None
        return waker

    def _ended_by(self, error: BaseException) -> Any:
        """A ``KeyboardInterrupt``/``SystemExit`` out of a step of the task this coroutine runs
        (one Worker code started): settled as Pyodide's asyncio settles it -- the task done with
        that exception, what awaits it gets it -- and logged as the uncaught error production
        logs when its ``Task.__step`` re-raises it into the JavaScript callback that ran the step;
        but the loop, the dev server's, goes on. Raised by a coroutine awaited inside another
        (a handler's), it goes up as it is, to whatever awaits it."""
        task = asyncio.current_task()
        if task is None or task.get_coro() is not self:
            raise error
        log.error("Uncaught exception in a task the Worker started",
                  exc_info=(type(error), error, without_our_frames(error)))
        asyncio.Future.set_exception(task, error)  # Task.__step's super().set_exception(exc)
        never = _Ended(loop=task.get_loop())  # the step's end: the task is done, nothing wakes it
        never._asyncio_future_blocking = True
        return never

    def close(self) -> None:
        """Close ``coro`` in the scope, in a copy of the running context: a coroutine awaiting this
        one closes it when collected, from inside a garbage collection that may have interrupted a
        ``ContextVar.set`` of that context (:func:`~workers_env.runtime.current.as_worker`)."""
        copy_context().run(self._close)

    def _close(self) -> None:
        self._entered()
        try:
            self._coro.close()
        finally:
            self._scope.__exit__(None, None, None)

    def __await__(self) -> Generator[Any, None, Any]:
        return self  # type: ignore[return-value]

    def __iter__(self) -> ScopedCoroutine:
        return self

    def __next__(self) -> Any:
        return self.send(None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._coro, name)

    def __repr__(self) -> str:
        return repr(self._coro)


# a step runs the coroutine of a task Worker code started: the frames below are the Worker's
# doing (the asyncio.sleep it made a task of), whoever awaits the task (runtime/tracebacks.py)
passes_through(ScopedCoroutine.send, ScopedCoroutine.throw, ScopedCoroutine._step, ScopedCoroutine.__next__,
               ScopedCoroutine._outlived_step)


class _Ended(asyncio.Future):  # type: ignore[type-arg]
    """What the step of a task that a ``KeyboardInterrupt``/``SystemExit`` settled answers, for
    the task to wait on: it never settles, keeps no callback (no wakeup of a task already done)
    and refuses cancelling -- a ``cancel()`` the task asked for during that step finds it done,
    rather than being passed on to this future and waking the task again."""

    def add_done_callback(self, fn: Any, *, context: Any = None) -> None:
        pass

    def cancel(self, msg: Any = None) -> bool:
        return False


def in_scope(awaitable: Any, scope: Any) -> Any:
    """``awaitable`` to await with ``scope`` entered around each of its steps only, not across
    its waits: a handler's coroutine, so that another Worker's request running while it waits
    (or a test's code) never sees its modules, nor it theirs. A future is awaited as it is (a
    task Worker code started is scoped by the factory)."""
    if isinstance(awaitable, asyncio.Future | ScopedCoroutine):
        return awaitable
    if not asyncio.iscoroutine(awaitable):
        awaitable = _awaiting(awaitable)
    return ScopedCoroutine(awaitable, scope)


def continues_a_call(task: asyncio.Future[Any]) -> None:
    """``task`` (just made, not stepped yet) runs the rest of a call that Worker code's step began
    and that waits for something now (runtime/webloop.py's ``unawaited``): its coroutine's first
    step only yields back what the call waits on, and the call's code already ran in the scope --
    so that step enters none (a full entry, which looks at the Worker's folder, for each call that
    waits: a stream's write or read, every chunk), and the next one resumes it."""
    coro = task.get_coro() if isinstance(task, asyncio.Task) else None
    if type(coro) is ScopedCoroutine:
        coro.parked = True


def scoped_callback(callback: Any) -> Any:
    """``callback`` (a promise's ``then`` handler, say) to run in the import scope of the
    request calling this, whenever it runs: the loop may call it between the handler's steps,
    when the scope is not entered."""
    scope = getattr(current_context(), "_scope", None)
    if scope is None or not callable(callback):
        return callback

    def run(*args: Any) -> Any:
        with scope:
            return callback(*args)

    return run


passes_through(*(code for code in scoped_callback.__code__.co_consts if getattr(code, "co_name", None) == "run"))


async def _awaiting(awaitable: Any) -> Any:
    return await awaitable


TaskFactory = Callable[..., "asyncio.Future[Any]"]


class _NamedTask(asyncio.Task):  # type: ignore[type-arg]
    """Python 3.13.0's ``create_task`` calls ``set_name(name)`` after any task factory, with
    ``name=None`` too, which names every task ``'None'``; its default ``Task-N`` stays."""

    def set_name(self, value: object) -> None:
        if value is not None:
            super().set_name(value)


_TASK: type[asyncio.Task] = _NamedTask if sys.version_info[:3] == (3, 13, 0) else asyncio.Task  # type: ignore[type-arg]


_PYODIDE_TASK: Any = None


def _pyodide_task() -> Any:
    """``webloop.PyodideTask`` (webloop.py imports this module), looked up once: an import
    statement in the factory cost each task more than the class's own extra work."""
    global _PYODIDE_TASK
    from workers_env.runtime.webloop import PyodideTask

    _PYODIDE_TASK = PyodideTask
    return PyodideTask


#: the loops on which a task Worker code starts never runs (:func:`end_worker_tasks`)
_ENDED: weakref.WeakSet[asyncio.AbstractEventLoop] = weakref.WeakSet()


def end_worker_tasks(loop: asyncio.AbstractEventLoop) -> None:
    """From now on a task Worker code starts on ``loop`` never runs, and is dropped unreported:
    ``workers-env dev``'s stop, after which the loop only winds down (its closing
    ``_cancel_all_tasks``, ``shutdown_asyncgens``). Promise handlers chained for ever
    (``PyodideFuture.then``) went on starting tasks there, and the closing loop dropped one with
    asyncio's ``Task was destroyed but it is pending!`` and a never-awaited coroutine's warning,
    where wrangler dev ends the isolate with nothing printed (leftovers50b); a task started before
    and still waiting, collected as the loop closes, is dropped unreported too (the loop's reports
    are silenced from the stop signal on: runtime/stopcutoff.py)."""
    silence(loop)
    _ENDED.add(loop)


def sever_worker_code(loop: asyncio.AbstractEventLoop) -> None:
    """No step of the Worker's code suspended on ``loop`` runs again: ``workers-env dev``'s stop,
    as production's isolate ends with the process (none of its ``except``/``finally`` code runs
    after Ctrl+C under wrangler dev). Each :class:`ScopedCoroutine` on a task's chain of awaits
    (a task the Worker started, its ``waitUntil`` work, a request's handler awaited by the
    server's task) and each running queue handler (runtime/severable.py) is severed, so the
    cancels that follow end them at once -- a ``waitUntil`` loop that catches every exception and
    waits again held the stop for ever (review79)."""
    for task in asyncio.all_tasks(loop):
        awaited: Any = task.get_coro()
        while awaited is not None:
            if isinstance(awaited, ScopedCoroutine):
                awaited.severed = True
            awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "gi_yieldfrom", None)
    sever_running()


class _Unrun(Coroutine[Any, Any, None]):
    """The coroutine of a task that never runs: cancelled at its first step, and no warning of
    a coroutine never awaited when the closing loop drops it unrun."""

    def send(self, value: Any) -> Any:
        raise StopIteration

    def throw(self, typ: Any, val: Any = None, tb: Any = None) -> Any:
        raise typ if val is None else val

    def close(self) -> None:
        pass

    def __await__(self) -> Generator[Any, None, None]:
        return self  # type: ignore[return-value]


def _never_run(loop: asyncio.AbstractEventLoop, coro: Any, kwargs: dict[str, Any]) -> asyncio.Task[Any]:
    """A cancelled task in place of one of ``coro`` (closed unstarted: no never-awaited warning),
    which nothing reports whether its step runs or the loop drops it unrun."""
    coro.close()
    task = _TASK(_Unrun(), loop=loop, **kwargs)
    task.cancel()
    task._log_destroy_pending = False  # type: ignore[attr-defined]  # (asyncio's gather sets it so too)
    return task


def _factory(previous: TaskFactory | None) -> TaskFactory:
    def factory(loop: asyncio.AbstractEventLoop, coro: Any, **kwargs: Any) -> asyncio.Future[Any]:
        ctx = current_context()
        if ctx is not None and loop in _ENDED and asyncio.iscoroutine(coro):  # the Worker gone (dev stopped)
            return _never_run(loop, coro, kwargs)
        scope = getattr(ctx, "_scope", None)
        own = True  # a coroutine of workers-env's: not reported as the Worker's (runtime/unhandled.py)
        if scope is not None and asyncio.iscoroutine(coro) and not isinstance(coro, ScopedCoroutine):
            coro = ScopedCoroutine(coro, scope)
            if _REQUEST_OVER is not None and _REQUEST_OVER(ctx):  # started by code of a request over
                coro.outlived = True
            code = getattr(coro._coro, "cr_code", None)
            if code is not None and not code.co_filename.startswith(PACKAGE_DIR):
                own = False
                coro.for_worker = _MADE_BY_WORKER(sys._getframe(1))
            elif code is not None and runs_for_the_worker(code):  # a promise handler's task: Pyodide's too
                own = False
            if _WORKER_FRAME is not None and code is not None and code.co_filename in _EXECUTOR_CALLERS:
                coro.by_worker = _WORKER_FRAME(sys._getframe(1))
        if previous is not None:
            task = previous(loop, coro, **kwargs)
        elif ctx is not None:  # Worker code's: a PyodideTask (then/catch/finally_), as Pyodide's WebLoop makes
            task = (_PYODIDE_TASK or _pyodide_task())(coro, loop=loop, **kwargs)
            if not own:  # its loop's done callback, from 0.28 reporting a failure nobody awaits
                task.add_done_callback(REPORTED_AT_END if pyodide_028() else IN_PROGRESS_DONE)
        else:
            task = _TASK(coro, loop=loop, **kwargs)
        if ctx is not None and isinstance(task, asyncio.Task):
            adopt_task(ctx, task)  # one of the request's tasks, for workerd's hang check (runtime/stalls.py)
        return task

    factory.workers_env_previous = previous  # type: ignore[attr-defined]
    return factory


def scope_new_tasks() -> None:
    """Give the running loop (if any) the factory that scopes tasks Worker code starts; once."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return
    current = loop.get_task_factory()
    if current is None or not hasattr(current, "workers_env_previous"):
        loop.set_task_factory(_factory(current))
        install(loop)  # the Worker's futures nobody handles reported as Pyodide reports them
