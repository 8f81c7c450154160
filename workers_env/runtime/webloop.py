"""``pyodide.webloop.PyodideFuture``: what Python holds for a JavaScript promise it has not awaited.

Pyodide turns the promise a JavaScript call returns into a ``PyodideFuture`` (an
``asyncio.Future`` with the promise's ``then``/``catch``/``finally_``), and the call's work has
begun whether or not anyone awaits it: :func:`unawaited` gives a call's coroutine that shape,
running it at once up to its first suspension and on as a task from there.
"""

from __future__ import annotations

import abc
import asyncio
import functools
import inspect
import sys
import types
import weakref
from collections.abc import Awaitable, Callable
from typing import Any

from workers_env._errors import worker_code
from workers_env.runtime.current import current_context, current_runtime, pyodide_028, pyodide_029
from workers_env.runtime.stalls import follows
from workers_env.runtime.tasks import STEPS, continues_a_call, scoped_callback
from workers_env.runtime.tracebacks import as_rejection, passes_through

__all__ = ["PyodideFuture", "PyodideTask", "StandsForPyodideFuture", "WebLoop", "WebLoopPolicy", "as_promise", "begun_at_once", "dropped_promise",
           "handled_promise", "js_call", "promise_instead", "unawaited",
           "worker_code_running"]


class PyodideFuture(asyncio.Future):  # type: ignore[type-arg]
    """What Pyodide hands Python for a JavaScript promise nobody awaited yet (``pyodide.webloop``):
    an ``asyncio.Future`` with the promise's ``then``/``catch``/``finally_``."""

    def workers_env_note_settler(self) -> bool:
        """Note, from now on, the request whose code settles this future
        (``workers_env_settled_in``): a task that outlived its request waits on it
        (runtime/tasks.py), and in production the task's wakeup belongs to that request's
        IoContext. Only a plain ``PyodideFuture`` (a queue's, an event's, a sleep's) is
        followed, made one of :class:`_SettlerNoted` -- no cost to any other future."""
        if type(self) is PyodideFuture:
            self.__class__ = _SettlerNoted
        return type(self) is _SettlerNoted

    def then(self, onfulfilled: Callable[[Any], Any] | None = None,
             onrejected: Callable[[BaseException], Any] | None = None) -> PyodideFuture:
        """As Pyodide's (0.26 and 0.28): when this future is done, its done callback starts a task
        (``asyncio.ensure_future``) that calls the handler -- a loop turn after the callback, so
        after a ``call_soon`` made before -- and awaits what it returns until that is not
        awaitable. The handler's ``Exception`` rejects the returned future; a ``BaseException``
        (``CancelledError``) ends that task instead and the returned future never settles, as
        does this future's cancellation (``fut.exception()`` raises in the task); a returned
        future cancelled meanwhile is the task's ``InvalidStateError``, the handler having run.
        From Pyodide 314.0.1 (pyodide#6290; the Python 3.14 era) this future's cancellation
        cancels the returned future instead, no handler called."""
        return self._chain(onfulfilled, onrejected)

    def _chain(self, onfulfilled: Callable[[Any], Any] | None, onrejected: Callable[[BaseException], Any] | None,
               oncancelled: Callable[[], Any] | None = None) -> PyodideFuture:
        """:meth:`then`, and with ``oncancelled`` what :meth:`finally_` runs for a cancelled
        future in the 314 era (``onfinally``, then the returned future cancelled)."""
        following = PyodideFuture(loop=self.get_loop())
        follows(following, self)  # waiting on it is waiting on this future, then on the handler's task (runtime/stalls.py)
        # Pyodide's then is Python code calling the handlers: a create_proxy'd one answers as to Python
        onfulfilled, onrejected = _read_as_python(onfulfilled), _read_as_python(onrejected)
        onfulfilled, onrejected = scoped_callback(onfulfilled), scoped_callback(onrejected)
        oncancelled = scoped_callback(_read_as_python(oncancelled))
        cancels = pyodide_029()  # the era of the Worker whose code chains it

        async def callback(done: asyncio.Future) -> None:  # type: ignore[type-arg]
            if done.cancelled() and cancels:  # Pyodide 314.0.1 on: the cancellation propagates
                try:
                    if oncancelled is not None:
                        await _awaited_fully(oncancelled())
                except Exception as exc:  # noqa: BLE001 - as Pyodide's finally_: its error rejects
                    following.set_exception(exc)
                    return
                following.cancel()
                return
            error = done.exception()
            try:
                if error is not None:
                    if onrejected is None:
                        raise error
                    value = onrejected(error)
                else:
                    value = done.result() if onfulfilled is None else onfulfilled(done.result())
                value = await _awaited_fully(value)
            except Exception as exc:  # noqa: BLE001 - as Pyodide's: a throwing handler rejects the next promise
                following.set_exception(exc)
                return
            following.set_result(value)

        def wrapper(done: asyncio.Future) -> None:  # type: ignore[type-arg]
            follows(following, asyncio.ensure_future(callback(done), loop=done.get_loop()))

        self.add_done_callback(wrapper)
        return following

    # the callback of then (_chain) runs the Worker's handlers, as Pyodide's does (runtime/tracebacks.py)
    passes_through(*(code for code in _chain.__code__.co_consts if getattr(code, "co_name", None) == "callback"))

    def catch(self, onrejected: Callable[[BaseException], Any]) -> PyodideFuture:
        return self.then(None, onrejected)

    def finally_(self, onfinally: Callable[[], Any]) -> PyodideFuture:
        """As Pyodide's: ``onfinally()`` (awaited if it returns an awaitable, so an ``async def``
        runs), then this future's outcome passed on -- or ``onfinally``'s own error. A cancelled
        future: nothing runs before the 314 era; from it ``onfinally()``, then the returned future
        is cancelled (pyodide#6290)."""
        def after(outcome: Callable[[], Any]) -> Any:
            waiting = _read_as_python(onfinally)()
            if not inspect.isawaitable(waiting):
                return outcome()

            async def waited() -> Any:
                await _awaited_fully(waiting)
                return outcome()

            return waited()

        def passing(value: Any) -> Any:
            return after(lambda: value)

        def failing(error: BaseException) -> Any:
            def again() -> Any:
                raise error

            return after(again)

        return self._chain(passing, failing, onfinally)


PyodideFuture.__module__ = "pyodide.webloop"


class StandsForPyodideFuture(type):
    """The metaclass of workers-env's own kinds of :class:`PyodideFuture` that Worker code holds as
    it (a promise a JS call returned: ``type(js.Promise.resolve(1))``), all named so: Worker code's
    class made on one is made on ``PyodideFuture`` itself, as Pyodide's promise class is that
    (real 0.26.0a4, 0.28.2, 314.0.6: ``class Mine(type(promise))`` has the MRO ``Mine``,
    ``PyodideFuture``, ``Future``, ``object``; tools/pyodide group ``ffi-concrete-subclasses``)."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> Any:
        caller = sys._getframe(1)
        if not worker_code(caller):
            return super().__new__(mcs, name, bases, namespace, **kwargs)
        plain = tuple(dict.fromkeys(PyodideFuture if isinstance(base, mcs) else base for base in bases))
        namespace = {"__module__": caller.f_globals.get("__name__"), **namespace}  # (type()'s: its caller's)
        made = type(name, plain, namespace, **kwargs)
        _MADE_ON[made] = frozenset(base for base in bases if isinstance(base, mcs))
        return made

    def __subclasscheck__(cls, subclass: Any) -> bool:
        """A Worker's class made on this one still is a subclass of it (there, of ``PyodideFuture``)."""
        return type.__subclasscheck__(cls, subclass) or any(
            cls in _MADE_ON.get(kind, ()) for kind in getattr(subclass, "__mro__", ()))

    def __instancecheck__(cls, instance: Any) -> bool:
        return cls.__subclasscheck__(type(instance))


#: Worker code's classes :class:`StandsForPyodideFuture` made on ``PyodideFuture``: the classes named
#: as their bases
_MADE_ON: weakref.WeakKeyDictionary[type, frozenset[type]] = weakref.WeakKeyDictionary()


class _SettlerNoted(PyodideFuture, metaclass=StandsForPyodideFuture):
    """A :class:`PyodideFuture` that notes the request whose code settles it (see
    :meth:`PyodideFuture.workers_env_note_settler`); named as the class it stands for."""

    workers_env_settled_in: Any = None

    def set_result(self, result: Any) -> None:
        super().set_result(result)
        self.workers_env_settled_in = current_context()

    def set_exception(self, exception: Any) -> None:
        super().set_exception(exception)
        self.workers_env_settled_in = current_context()

    def cancel(self, msg: Any = None) -> bool:
        cancelled = super().cancel(msg)
        if cancelled:
            self.workers_env_settled_in = current_context()
        return cancelled


_SettlerNoted.__name__ = _SettlerNoted.__qualname__ = "PyodideFuture"
_SettlerNoted.__module__ = "pyodide.webloop"


class PyodideTask(asyncio.Task, PyodideFuture):  # type: ignore[type-arg,misc]
    """``pyodide.webloop.PyodideTask``: an ``asyncio.Task`` that is also a :class:`PyodideFuture`
    (``then``/``catch``/``finally_``) -- what ``asyncio.create_task`` makes in Worker code
    (runtime/tasks.py), as Pyodide's ``WebLoop.create_task`` does."""

    #: Pyodide 0.28's count of done callbacks (set in ``__init__`` there; a class default here,
    #: the same to read, and no Python ``__init__`` to run for each task)
    _num_done_callbacks = 0

    #: a cancel still in force was asked by the Worker's own code (called in one of its requests,
    #: from a task or from a callback it scheduled: ``loop.call_later(d, task.cancel)``): a
    #: ``waitUntil`` task so ended is its failure, one cancelled from outside is not
    #: (runtime/executioncontext.py, ``_waited``)
    workers_env_cancelled_by_worker = False

    def cancel(self, msg: Any = None) -> bool:
        cancelled = super().cancel(msg)
        if cancelled and current_context() is not None:
            self.workers_env_cancelled_by_worker = True
        return cancelled

    def uncancel(self) -> int:
        left = super().uncancel()
        if not left:  # every cancel withdrawn (asyncio.timeout's, say)
            self.workers_env_cancelled_by_worker = False
        return left

    def add_done_callback(self, cb: Any, *, context: Any = None) -> None:
        if context is None and not pyodide_028():  # 0.26's PyodideTask has asyncio's own: the context copied now
            super().add_done_callback(cb)
        else:  # 0.28's passes context=None on, so the callback runs in a copy of the context it is scheduled in
            super().add_done_callback(cb, context=context)
        self._num_done_callbacks += 1

    if sys.version_info[:3] == (3, 13, 0):  # its create_task names a factory's task 'None' (runtime/tasks.py)
        def set_name(self, value: object) -> None:
            if value is not None:
                super().set_name(value)


PyodideTask.__module__ = "pyodide.webloop"


def _event_loop_policy() -> Any:
    """asyncio's event loop policy, without the ``DeprecationWarning`` Python 3.14 gives
    ``asyncio.get_event_loop_policy()`` (3.14 keeps the quiet ``asyncio.events._get_event_loop_policy``
    it calls; before 3.14 the public function is the quiet one)."""
    quiet = getattr(asyncio.events, "_get_event_loop_policy", None)
    return quiet() if quiet is not None else asyncio.events.get_event_loop_policy()


class _RunningStandIn(abc.ABCMeta):
    """The metaclass of :class:`WebLoop` and :class:`WebLoopPolicy`: workers-env runs Worker code
    on asyncio's own loop, so while a Worker's code runs the running loop (and the event loop
    policy) count as instances, as production's are; constructing one is not emulated."""

    def __instancecheck__(cls, obj: Any) -> bool:
        if super().__instancecheck__(obj):
            return True
        if current_runtime() is None:
            return False
        if cls.__name__ == "WebLoop":
            return obj is not None and obj is asyncio._get_running_loop()
        return obj is _event_loop_policy()

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        from workers_env._errors import NotEmulatedError

        raise NotEmulatedError(
            f"pyodide.webloop.{cls.__name__}() is not emulated by workers-env: Worker code runs on asyncio's own "
            f"event loop here (while it runs, isinstance(asyncio.get_running_loop(), WebLoop) is true, as in "
            "production); use asyncio.get_running_loop() / asyncio.get_event_loop_policy() instead of making one")


class WebLoop(asyncio.AbstractEventLoop, metaclass=_RunningStandIn):
    """``pyodide.webloop.WebLoop``: Pyodide's event loop on the JavaScript one. Here the loop
    running a Worker's code is an instance (``isinstance``); none can be made."""


class WebLoopPolicy(metaclass=_RunningStandIn):
    """``pyodide.webloop.WebLoopPolicy``: the policy of Pyodide's :class:`WebLoop` (an
    ``asyncio.DefaultEventLoopPolicy`` there; not a subclass here, that name being deprecated
    from Python 3.14). The event loop policy is an instance while a Worker's code runs; none
    can be made."""


WebLoop.__module__ = WebLoopPolicy.__module__ = "pyodide.webloop"


def _read_as_python(handler: Any) -> Any:
    """``handler`` as the Python code of Pyodide's ``webloop`` calls it (``then``'s ``onfulfilled``,
    ``finally_``'s ``onfinally``): a ``create_proxy``'d function's awaitable answer is the
    ``PyodideFuture`` of its promise, whose failure -- a ``CancelledError`` too -- is the
    ``JsException`` of its ``PythonError`` (real 0.26.0a4, 0.28.2 and 314.0.6: ``.then(create_proxy(bad))``
    rejects with ``JsException``; workers-env took the task's own error, and hung on its
    ``CancelledError``: review90). Any other handler as it is."""
    from workers_env.runtime.jsfunctions import JsFunction, python_callers_answer

    if not isinstance(handler, JsFunction):
        return handler

    def called(*args: Any) -> Any:
        return python_callers_answer(handler, handler(*args))

    return called


passes_through(*(code for code in _read_as_python.__code__.co_consts if getattr(code, "co_name", None) == "called"))


async def _awaited_fully(value: Any) -> Any:
    """``value`` awaited until what it gives is not awaitable (Pyodide's ``while isawaitable(r): r = await r``)."""
    while inspect.isawaitable(value):
        value = await value
    return value


def _settle_from(future: asyncio.Future, awaitable: Awaitable[Any]) -> asyncio.Future[Any]:  # type: ignore[type-arg]
    """Resolve ``future`` as ``awaitable`` settles, running it at once as a task (returned)."""
    task = asyncio.ensure_future(awaitable)
    follows(future, task)  # waiting on the promise is waiting on the task (runtime/stalls.py)

    def settle(done: asyncio.Future) -> None:  # type: ignore[type-arg]
        if future.cancelled():  # the Worker cancelled the promise: its rejection is handled, as Pyodide's
            if not done.cancelled():  # then() reaction handles it (nothing printed: review87)
                done.exception()
            return
        if done.cancelled():
            future.cancel()
        elif done.exception() is not None:
            future.set_exception(as_rejection(done.exception()))  # type: ignore[arg-type]
        else:
            future.set_result(done.result())

    task.add_done_callback(settle)
    return task


def unawaited(result: Any, at_once: Callable[[Any, bool], Any] | None = None) -> Any:
    """A JavaScript call's result as Python holds it un-awaited: its promise a
    :class:`PyodideFuture`, anything else as it is. The call runs at once up to its first
    suspension, as a JavaScript call does (its request is sent whether or not anyone awaits the
    promise), and on as a task from there. ``at_once(outcome, failed)``, if given, makes the
    promise of a call whose coroutine ends without suspending (its value, or its rejection)."""
    if type(result) is not types.CoroutineType:
        if not inspect.isawaitable(result):
            return result
        future = PyodideFuture()
        if not inspect.iscoroutine(result):
            _settle_from(future, result)
            return future
    calls = STEPS.calls
    outer_stepping, outer_instead = calls
    calls[0] = result
    calls[1] = None
    try:
        yielded = result.send(None)
    except StopIteration as stop:
        instead = calls[1]
        if instead is not None:  # the coroutine settles its promise itself (:func:`promise_instead`)
            return instead
        if at_once is not None:
            return at_once(stop.value, False)
        future = PyodideFuture()
        future.set_result(stop.value)
        return future
    except Exception as exc:  # noqa: BLE001 - a rejected promise
        if at_once is not None:
            return at_once(as_rejection(exc), True)
        future = PyodideFuture()
        future.set_exception(as_rejection(exc))
        return future
    finally:
        calls[0] = outer_stepping
        calls[1] = outer_instead
    future = PyodideFuture()
    continues_a_call(_settle_from(future, _finish(_resumed(result, yielded))))
    return future


# STEPS.calls: the coroutine :func:`unawaited` runs now up to its first suspension, and the
# promise that coroutine asked to be handed out in place of one resolved with its value -- kept
# per thread (runtime/tasks.py): a Worker shared by threads steps coroutines
# in each at once, and a module global let one thread's read hand out another's promise.


def begun_at_once() -> bool:
    """Whether the calling coroutine runs now as :func:`unawaited` begins it -- so its promise
    has not been handed out yet and no one has seen its outcome (not when it is awaited
    directly, whose caller takes its value at once, nor once it has waited for anything)."""
    stepping = STEPS.calls[0]
    return stepping is not None and stepping.cr_frame is sys._getframe(1)


def promise_instead(promise: asyncio.Future[Any]) -> None:
    """Called by a coroutine :func:`begun_at_once` just before it returns: :func:`unawaited`
    hands out ``promise`` (which the caller settles) instead of one resolved with the value."""
    STEPS.calls[1] = promise


@types.coroutine
def _resumed(coro: Any, yielded: Any) -> Any:
    """The rest of a coroutine already stepped once (``yielded`` what it waits on), to run as a task."""
    while True:
        try:
            sent = yield yielded
        except GeneratorExit:  # closed (its task collected pending): the coroutine too, as ``yield from`` does
            coro.close()
            raise
        except BaseException as exc:  # noqa: BLE001 - the task's throw (a cancellation) goes to the coroutine
            try:
                yielded = coro.throw(exc)
            except StopIteration as stop:
                return stop.value
        else:
            try:
                yielded = coro.send(sent)
            except StopIteration as stop:
                return stop.value


async def _finish(resumed: Any) -> Any:
    return await resumed


def worker_code_running() -> bool:
    """Whether a Worker's code runs now, on an event loop (what :func:`unawaited` needs)."""
    if current_runtime() is None:
        return False
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def as_promise(result: Any) -> Any:
    """A JavaScript call's pending result as the calling code holds it: in Worker code a
    :class:`PyodideFuture` whose work has begun (:func:`unawaited`; a put nobody awaits still
    writes), in test code the plain coroutine (``asyncio.run(env.KV.get("k"))`` works)."""
    return unawaited(result) if worker_code_running() else result


def handled_promise(result: Any) -> Any:
    """:func:`as_promise` of a promise workerd marks as handled (``markAsHandled``: a reader's
    ``closed``): a rejection nobody awaits is not reported (no "exception was never retrieved")."""
    promise = as_promise(result)
    if isinstance(promise, asyncio.Future):
        promise.add_done_callback(_retrieve)
    return promise


def kept_promise(owner: Any, slot: str, make: Callable[[], Any], era: Any = None,
                 settled_era: Callable[[Any], Any] | None = None) -> Any:
    """A promise property as workerd keeps it (a ``MemoizedIdentity``: a reader's or writer's
    ``closed``, a writer's ``ready``): the promise ``make()``'s coroutine settles, marked handled
    (:func:`handled_promise`), and the same object at each read while it is pending or ``era``
    (what would make workerd replace a settled one) is unchanged; kept in ``owner``'s ``slot``.
    ``settled_era(era at its making)``, if given, is the era as the promise settles (workerd
    settles a pending one in place -- a ``ready`` rejected by an abort -- and replaces it only
    at a change after that). Outside any event loop (test code's ``asyncio.run(...)``) a new
    coroutine each time."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return make()
    kept = owner.__dict__.get(slot)
    if kept is not None and (not kept[0].done() or kept[1] == era) and kept[0].get_loop() is loop:
        return kept[0]  # (one made under another loop -- test code's earlier asyncio.run() -- is not kept)
    entry: list[Any] = [None, era]
    if settled_era is not None:
        making = era

        async def settled() -> Any:
            try:
                return await make()
            finally:  # at the settling, before anything can read the property again
                entry[1] = settled_era(making)

        promise = unawaited(settled())
    else:
        promise = unawaited(make())
    promise.add_done_callback(_retrieve)
    entry[0] = promise
    setattr(owner, slot, entry)
    return promise


def _retrieve(future: asyncio.Future[Any]) -> None:
    if not future.cancelled():
        future.exception()


def dropped_promise(result: Any) -> None:
    """What Pyodide makes of a Python callback's coroutine that its JavaScript caller drops (an
    event listener's, a timer's: workerd ignores what they return): a promise whose task starts on
    a later turn, after the caller's code (0.26.0a4, 0.28.2 and 314.0.6 alike), and whose rejection
    nobody handles -- Node reports it as an unhandled rejection, workerd logs none (see
    :func:`handled_promise`), so no "Task exception was never retrieved" either. Anything but an
    awaitable is left alone."""
    if not inspect.isawaitable(result):
        return
    # held as asyncio holds any task: weakly (one waiting for good after its request is collected)
    asyncio.ensure_future(result).add_done_callback(_retrieve)


def js_call(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` (an ``async def`` standing in for a JavaScript function that returns a
    promise) as Worker code calls it: the work begins at the call and the promise is a
    :class:`PyodideFuture`; test code keeps the plain coroutine."""

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        return as_promise(function(*args, **kwargs))

    return call
