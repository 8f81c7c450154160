"""``asyncio.new_event_loop()`` in Worker code: Pyodide's new ``WebLoop``, which becomes the running loop.

In Pyodide the event loop policy's ``new_event_loop()`` is ``WebLoop()``, whose ``__init__`` calls
``asyncio._set_running_loop(self)`` (``webloop.py`` of 0.26.0a4, 0.28.2 and 314.0.6). Called
while a handler runs, the new loop is then the running loop: ``get_running_loop()`` and
``get_event_loop()`` give it, the futures made from then on (``asyncio.sleep``'s, an awaited JS
promise's, ``create_task``'s) are attached to it, and the handler's task, on the first loop,
awaiting one is asyncio's ``RuntimeError: Task ... got Future ... attached to a different loop``
(measured under Node with JSPI, as workerd runs it). How long it stays the running loop is the era's:

- Pyodide 0.26 and 0.28: for good (the thread's one running loop): the rest of the request
  fails so; here it is the running loop for the steps of that request's code (the handler's,
  and the tasks it starts from then on) until the request ends;
- Pyodide 314.0.6: until the next handle the loop dispatches (``WebLoop._install_running_loop``
  claims the spot for the dispatching loop each time): only the rest of the step that made it;
  here, until that step of the Worker's code ends.

The new loop (:class:`NewWebLoop`) schedules on the loop running the Worker's code (it is
JavaScript's event loop in both), each of its callbacks run with it as the running loop, as a
handle it dispatches is in 314.0.6; like every ``WebLoop`` it never stops, closes or blocks.

Made at the module's top level (no request yet), it is a ``WebLoop`` too (Pyodide's default loop
runs there, measured: ``is_running()``, ``close()`` ignored, ``run_until_complete`` the era's),
scheduling on whichever loop runs the Worker's code when it is used; it is not made the running
loop there (nothing runs Worker code between its import and its first request here).
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import os
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

from workers_env._errors import NotEmulatedError
from workers_env.runtime import tasks, threadpool
from workers_env.runtime.current import current_context, current_runtime, in_global_scope, pyodide_028, pyodide_029
from workers_env.runtime.runsync import base_loop, run_sync
from workers_env.runtime.tracebacks import PACKAGE_DIR
from workers_env.runtime.unhandled import IN_PROGRESS_DONE
from workers_env.runtime.webloop import PyodideFuture, PyodideTask, WebLoop

__all__ = ["NewWebLoop", "install", "made_in_worker_code"]

_get_running = asyncio._get_running_loop
_set_running = asyncio._set_running_loop

#: (request context, new loop): the loop a request's code made on Pyodide 0.26/0.28, the running
#: loop of that request's steps from then on (copied into the tasks it starts afterwards)
_CLAIM: contextvars.ContextVar[tuple[Any, NewWebLoop] | None] = contextvars.ContextVar(
    "workers_env_new_webloop", default=None)

_ASYNCIO = os.path.dirname(os.path.abspath(asyncio.__file__)) + os.sep

#: a top-level loop used where no loop runs (its import): Pyodide schedules on JavaScript's event loop
_UNBOUND = ("scheduling on a loop made at a Worker's top level while the module is imported, or where no event loop "
            "runs, is not emulated by workers-env (Pyodide runs it after the import, on JavaScript's event loop): "
            "schedule it from a handler")


class NewWebLoop(WebLoop):
    """A ``WebLoop`` Worker code made (``asyncio.new_event_loop()``): its own loop to asyncio
    (futures and tasks attached to it), scheduling on ``base``, the loop that runs the Worker."""

    #: the loop it schedules on; ``None``: made at the module's top level, the loop running when used
    workers_env_bound: asyncio.AbstractEventLoop | None = None

    @property
    def workers_env_base(self) -> asyncio.AbstractEventLoop:
        """The loop that runs its callbacks: the one it was made on, else the one running now."""
        if self.workers_env_bound is not None:
            return self.workers_env_bound
        running = _get_running()
        if running is self:  # its own callback runs (a task's step): on the loop dispatching it
            running = self.__dict__.get("workers_env_dispatcher")
        if running is None or running is self or in_global_scope():  # (a test's loop may run an import)
            raise NotEmulatedError(_UNBOUND)
        return base_loop(running)  # type: ignore[no-any-return]

    def is_running(self) -> bool:
        return True  # "Always returns True because WebLoop has no lifecycle management"

    def is_closed(self) -> bool:
        return False

    def close(self) -> None:
        return None  # "Ignore request to close WebLoop"

    def run_forever(self) -> None:
        return None  # "Does nothing in this implementation"

    def stop(self) -> None:
        if not pyodide_029():  # 0.26/0.28: WebLoop has none, AbstractEventLoop's raises
            raise NotImplementedError
        return None

    def run_until_complete(self, future: Any) -> Any:
        if pyodide_028():  # enableRunUntilComplete, which workerd sets: run_sync(future)
            if not pyodide_029() and _get_running() is self and isinstance(future, asyncio.Task) \
                    and not future.done() and future.get_loop() is not self:
                raise RuntimeError(f"Cannot enter into task {future!r} while another task "
                                   f"{asyncio.current_task(self.workers_env_base)!r} is being executed.")
            return run_sync(future)
        if self.workers_env_bound is None and (_get_running() is None or in_global_scope()):
            if inspect.iscoroutine(future):
                future.close()  # (never to run: no "never awaited" warning on top of the error)
            raise NotEmulatedError(_UNBOUND)
        return asyncio.ensure_future(future)  # 0.26: scheduled, returned unawaited

    def time(self) -> float:
        return self.workers_env_base.time()

    def get_debug(self) -> bool:
        return self.workers_env_base.get_debug()

    def call_soon(self, callback: Callable[..., Any], *args: Any, context: Any = None) -> asyncio.Handle:  # type: ignore[override]
        return self.call_later(0, callback, *args, context=context)

    def call_soon_threadsafe(self, callback: Callable[..., Any], *args: Any,  # type: ignore[override]
                             context: Any = None) -> asyncio.Handle:
        """WebLoop's is its ``call_soon`` (Pyodide has one thread); here workers-env's own threads
        call it too, so through the base loop's, which wakes it (its ``call_soon`` does not)."""
        timer: Any = self.workers_env_base.call_soon_threadsafe(_OnLoop(self, callback), *args, context=context)
        return threadpool.Handle(timer, callback, args, self, context)

    def call_later(self, delay: float, callback: Callable[..., Any], *args: Any,  # type: ignore[override]
                   context: Any = None) -> asyncio.Handle:
        """WebLoop's: a time in the past refused, a plain ``Handle`` back; the callback runs
        with this loop as the running loop."""
        if delay < 0:
            raise ValueError(threadpool.PAST)
        on_loop = _OnLoop(self, callback)
        if delay == 0:
            timer: Any = self.workers_env_base.call_soon(on_loop, *args, context=context)
        else:
            timer = self.workers_env_base.call_later(delay, on_loop, *args, context=context)
        return threadpool.Handle(timer, callback, args, self, context)

    def call_at(self, when: float, callback: Callable[..., Any], *args: Any,  # type: ignore[override]
                context: Any = None) -> asyncio.Handle:
        return self.call_later(when - self.time(), callback, *args, context=context)

    def create_future(self) -> asyncio.Future[Any]:
        future = PyodideFuture(loop=self)
        future.add_done_callback(IN_PROGRESS_DONE)
        return future

    def create_task(self, coro: Any, **kwargs: Any) -> asyncio.Task[Any]:
        factory = self.workers_env_base.get_task_factory()  # the Worker's (runtime/tasks.py): scoped, a PyodideTask
        if factory is not None:
            return factory(self, coro, **kwargs)  # type: ignore[return-value]
        return PyodideTask(coro, loop=self, **kwargs)

    def run_in_executor(self, executor: Any, func: Callable[..., Any], *args: Any) -> asyncio.Future[Any]:  # type: ignore[override]
        future = self.create_future()  # WebLoop's: the function run now, its outcome in the future
        try:
            future.set_result(func(*args))
        except BaseException as exc:  # noqa: BLE001 - as Pyodide's, into the future
            future.set_exception(exc)
        return future

    def __repr__(self) -> str:
        return f"<pyodide.webloop.WebLoop object at {id(self):#x}>"


def _delegate(name: str) -> Callable[..., Any]:
    def method(self: NewWebLoop, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.workers_env_base, name)(*args, **kwargs)

    method.__name__ = method.__qualname__ = name
    return method


# the rest of AbstractEventLoop's methods (exception handlers, I/O, signals, ...): the base loop's
for _name, _value in vars(asyncio.AbstractEventLoop).items():
    if callable(_value) and not _name.startswith("__") and _name not in vars(NewWebLoop):
        setattr(NewWebLoop, _name, _delegate(_name))
NewWebLoop.__name__ = NewWebLoop.__qualname__ = "WebLoop"
NewWebLoop.__module__ = "pyodide.webloop"


class _OnLoop:
    """A callback of a :class:`NewWebLoop`, run with that loop as the running loop (as the
    handle a ``WebLoop`` dispatches claims the spot), the one before given back after."""

    __slots__ = ("callback", "loop")

    def __init__(self, loop: NewWebLoop, callback: Callable[..., Any]):
        self.loop = loop
        self.callback = callback

    def __call__(self, *args: Any) -> Any:
        before = _get_running()
        _set_running(self.loop)
        # the loop dispatching it, which a top-level loop's callback schedules on (review85: a task
        # a handler started on it stopped at its first sleep, NotEmulatedError, it being the running loop)
        outer = self.loop.__dict__.get("workers_env_dispatcher")
        self.loop.__dict__["workers_env_dispatcher"] = before
        try:
            return self.callback(*args)
        finally:
            self.loop.__dict__["workers_env_dispatcher"] = outer
            _set_running(before)

    def __repr__(self) -> str:
        return repr(self.callback)


def _make(base: asyncio.AbstractEventLoop) -> NewWebLoop:
    """A new loop over ``base``, made the running loop as ``WebLoop.__init__`` does, for as long
    as the era keeps it (module doc)."""
    while type(base) is NewWebLoop:  # (isinstance is true of the running loop: runtime/webloop.py)
        base = base.workers_env_base
    loop = object.__new__(NewWebLoop)  # type: ignore[type-abstract]  # (its metaclass refuses a call)
    loop.workers_env_bound = base
    _set_running(loop)
    if not pyodide_029():
        ctx = current_context()
        if ctx is not None:
            _CLAIM.set((ctx, loop))
    tasks.set_step_loop_hooks(_step_began, _step_ended)
    return loop


def _make_top_level() -> NewWebLoop:
    """A new loop made at the module's top level: a ``WebLoop`` scheduling on the loop running when used."""
    return object.__new__(NewWebLoop)  # type: ignore[type-abstract, no-any-return]


def _step_began() -> Any:
    """A step of Worker code begins: on Pyodide 0.26/0.28 a request that made a loop runs on it."""
    before = _get_running()
    claim = _CLAIM.get()
    if claim is not None and claim[0] is current_context() and before is not None:
        _set_running(claim[1])
    return before


def _step_ended(before: Any) -> None:
    """The step ends: the loop running before it runs again (what the Worker made, in 314.0.6
    until the next dispatch, and what it claimed here, end with its code). ``None``: the step
    began before any loop was made, on the base of the one running now."""
    running = _get_running()
    claim = _CLAIM.get()
    if claim is not None and running is not claim[1] and claim[0] is current_context():
        _CLAIM.set(None)  # the Worker's code put another loop back (``asyncio._set_running_loop(old)``)
    if before is None:
        before = base_loop(running)
    if running is not before:
        _set_running(before)


def _caller(frame: FrameType | None) -> FrameType | None:
    """The first frame out from ``frame`` that is not asyncio's."""
    while frame is not None and frame.f_code.co_filename.startswith(_ASYNCIO):
        frame = frame.f_back
    return frame


def made_in_worker_code(frame: FrameType | None) -> bool:
    """Whether a new loop asked for from ``frame`` is Pyodide's ``WebLoop``: Worker code (its
    own or a library's, not workers-env's) calls it on a running loop."""
    if _get_running() is None:
        return False
    return _worker_caller(frame)


def _asked_for(asker: FrameType) -> bool:
    """Whether the code asked for a loop itself (``asyncio.new_event_loop()``, the policy's): not
    asyncio's own machinery -- the policy's default loop (``get_event_loop()``), which would stay
    the process's after the import, nor ``asyncio.Runner``'s, whose loop is its own to run and close."""
    if not asker.f_code.co_filename.startswith(_ASYNCIO):
        return True  # the policy's new_event_loop called by the code itself
    caller = asker.f_back  # asyncio.new_event_loop()'s caller
    return asker.f_code.co_name == "new_event_loop" and caller is not None \
        and not caller.f_code.co_filename.startswith(_ASYNCIO)


def _worker_caller(frame: FrameType | None) -> bool:
    """Whether Worker code (its own or a library's, not workers-env's) asks from ``frame``."""
    if current_runtime() is None:
        return False
    caller = _caller(frame)
    return caller is not None and not caller.f_code.co_filename.startswith(PACKAGE_DIR)


def install() -> None:
    """The event loop policy's ``new_event_loop`` (so ``asyncio.new_event_loop()``) makes a
    :class:`NewWebLoop` when Worker code asks on a running loop or at its module's top level;
    asyncio's own loop elsewhere."""
    policy = asyncio.events._get_event_loop_policy() if hasattr(asyncio.events, "_get_event_loop_policy") \
        else asyncio.get_event_loop_policy()
    owner: Any = next((cls for cls in type(policy).__mro__ if "new_event_loop" in vars(cls)), None)
    if owner is None or getattr(owner.new_event_loop, "workers_env_original", None) is not None:
        return
    original = owner.new_event_loop

    def new_event_loop(self: Any) -> Any:
        running = _get_running()
        asker = sys._getframe(1)
        if in_global_scope() and _asked_for(asker) and _worker_caller(asker):
            return _make_top_level()  # the module's top level (under a test's running loop too)
        if running is not None and made_in_worker_code(asker):
            return _make(running)
        return original(self)

    new_event_loop.__doc__ = original.__doc__
    new_event_loop.workers_env_original = original  # type: ignore[attr-defined]
    owner.new_event_loop = new_event_loop
