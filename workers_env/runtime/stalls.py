"""workerd's hung-request check for the waits of streams: a write nobody will read, a read nobody will write.

workerd cancels a request whose response (or ``waitUntil`` work) waits on a promise that only
the Worker's own code could settle while none of it can run any more (no I/O, no timer):
``The Workers runtime canceled this request because it detected that your Worker's code had
hung ...``. A write to an ``IdentityTransformStream``/``FixedLengthStream``/``TransformStream``
resolves only when a read takes the chunk (identity-transform-stream.c++ ``writeHelper``), so
``await writer.write(chunk)`` (or an awaited ``pipeTo``) before anything reads the readable is
such a wait, and so is a read of a ``new ReadableStream({pull})`` whose ``pull`` settled having
enqueued nothing (it is not asked again until something is, or another read comes). Here each
such wait (:func:`wait`) is checked now and then: the request is hung when every task of it
(:func:`~workers_env.runtime.current.request_tasks`) waits on a stream, on another such task,
on a pipe's promise or on a promise combinator whose pending inputs all are such waits
(:func:`gathers`), no timer of it is pending -- a JS ``setTimeout``/``setInterval``, or any
asyncio timer its code set on the loop (``loop.call_later``/``call_at``, ``asyncio.sleep``, an
``asyncio.timeout``), as each is a ``setTimeout`` under Pyodide's WebLoop -- and the waiting task is one the response or
a ``waitUntil`` waits for (a promise nobody awaits just stays pending).
"""

from __future__ import annotations

import asyncio
import contextvars
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.current import context_in, request_tasks

__all__ = ["HANGING", "follows", "gathers", "is_hang", "is_hang_check", "suspended", "wait"]

#: workerd's text when no task is left that could finish a response (here: close its stream)
HANGING = ("The Workers runtime canceled this request because it detected that your Worker's code had hung and "
           "would never generate a response. Refer to: https://developers.cloudflare.com/workers/observability/errors/")

#: futures only stream code of the request settles (a write's or a read's wait)
_INTERNAL: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()
#: futures settled when a task goes on (a pipe's promise, an un-awaited call's PyodideFuture);
#: the task held weakly too, as it holds its future (a loop closed with it pending is not kept)
_FOLLOWS: weakref.WeakKeyDictionary[asyncio.Future[Any], weakref.ref[asyncio.Future[Any]]] = weakref.WeakKeyDictionary()
#: futures settled when the first of some others does (a ``Promise.all``/``race``/``allSettled``/
#: ``any``): the combined promise, held weakly, whose ``stall_parts()`` names them
_GATHERED: weakref.WeakKeyDictionary[asyncio.Future[Any], weakref.ref[Any]] = weakref.WeakKeyDictionary()
#: tasks whose stack waits (``run_sync``) on a future while their loop goes on
_SUSPENDED: weakref.WeakKeyDictionary[asyncio.Future[Any], asyncio.Future[Any]] = weakref.WeakKeyDictionary()
_FIRST_CHECK = 0.002
_LONGEST_GAP = 0.05
#: the most the check backs off for its own cost (20 times it): with thousands of waits a
#: hung request still fails within about twice this, plus two runs of the check
_LONGEST_BACKOFF = 1.0


def is_hang_check(handle: asyncio.Handle) -> bool:
    """Whether ``handle`` is the hang check's own next run (no Worker's timer)."""
    return getattr(handle._callback, "__func__", None) is _Watch.check  # type: ignore[attr-defined]


def follows(future: asyncio.Future[Any], task: asyncio.Future[Any]) -> None:
    """Mark ``future`` as settled by ``task``'s work: waiting on it is waiting on that task."""
    _FOLLOWS[future] = weakref.ref(task)


def settler_of(future: asyncio.Future[Any]) -> asyncio.Future[Any] | None:
    """The task (or future) :func:`follows` noted as settling ``future``, if it is still there."""
    follow = _FOLLOWS.get(future)
    return None if follow is None else follow()


def is_hang(error: Any) -> bool:
    """Whether ``error`` is the one a hung wait fails with (:data:`HANGING`)."""
    return isinstance(error, JsException) and error.message == HANGING


def gathers(future: asyncio.Future[Any], combined: Any) -> None:
    """Mark ``future`` as settled with ``combined`` (a promise combinator's promise): waiting on
    it is waiting on each input still pending, as ``combined.stall_parts()`` lists them -- the
    future each settles from, or ``None`` when one could be settled by anything (a
    ``Promise.new`` whose resolve functions are out there): it is hung when all of them are."""
    _GATHERED[future] = weakref.ref(combined)


@contextmanager
def suspended(task: asyncio.Future[Any] | None, future: asyncio.Future[Any]) -> Iterator[None]:
    """While ``task``'s stack waits on ``future`` in ``run_sync`` (no ``await``), it counts as
    waiting on it."""
    if task is None:
        yield
        return
    _SUSPENDED[task] = future
    try:
        yield
    finally:
        _SUSPENDED.pop(task, None)


async def wait(future: asyncio.Future[Any], ctx: Any) -> Any:
    """Await ``future`` (settled by the stream code of request ``ctx``; ``None``: of no
    request): fails with :data:`HANGING` once nothing could settle it any more."""
    _INTERNAL.add(future)
    watch = _watch_of(future.get_loop())
    watch.add(future, ctx)
    try:
        return await future
    finally:
        watch.waits.pop(future, None)


class _Wait:
    """One :func:`wait` in progress: its request, and when a check first found it hung."""

    __slots__ = ("ctx", "hung_since", "hung_tick")

    def __init__(self, ctx: Any):
        self.ctx = ctx
        self.hung_since = 0.0
        self.hung_tick = -2  # the last check that found it hung (two in a row fail it)


class _Watch:
    """The hang check of one event loop's waits, all of them at once on one timer (a check of
    each wait's own walked every task, so n waits cost O(n^2) a round: 10,000 un-awaited writes).
    It runs ``_FIRST_CHECK`` after a new wait, then at doubling gaps up to ``_LONGEST_GAP`` --
    and never more often than every 20 times its own cost (up to ``_LONGEST_BACKOFF``), so that
    with many waits the check stays a small part of the loop's time; a wait it finds hung is
    looked at again ``2 * _FIRST_CHECK`` later, as the second finding fails it. The waits of a
    request that is over are dropped: nothing could fail them, or wait for them."""

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self._loop = weakref.ref(loop)  # the loop holds its watch (see _watch_of), not the other way
        self.waits: dict[asyncio.Future[Any], _Wait] = {}
        self.handle: asyncio.TimerHandle | None = None
        self.gap = _FIRST_CHECK
        self.backoff = 0.0  # 20 times the last run's cost, at most _LONGEST_BACKOFF
        self.tick = 0

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        loop = self._loop()
        assert loop is not None  # a wait or a timer of the loop is what calls this
        return loop

    def add(self, future: asyncio.Future[Any], ctx: Any) -> None:
        now = self.loop.time()
        self.waits[future] = _Wait(ctx)
        self.gap = _FIRST_CHECK
        due = now + max(_FIRST_CHECK, self.backoff)
        if self.handle is None or self.handle.cancelled() or self.handle.when() > due + _FIRST_CHECK / 2:
            if self.handle is not None:
                self.handle.cancel()
            self.handle = self.loop.call_at(due, self.check, context=contextvars.Context())

    def check(self) -> None:
        """The check's run, scheduled in an empty context (a new one each time: one context
        cannot run on two threads' loops at once): it is no request's code, so its next run is
        no timer of the request whose wait it first looked at -- the end of that request would
        cancel it (runtime/timers.py), and no check would run again on the loop."""
        self.handle = None
        if not self.waits:
            return
        started = time.perf_counter()
        self.tick += 1
        # another callback about to run might settle a wait: not now
        suspects = self._fail_hung() if _only_tasks_ready(self.loop) else False
        self.backoff = min(20 * (time.perf_counter() - started), _LONGEST_BACKOFF)
        self.gap = max(min(self.gap * 2, _LONGEST_GAP), self.backoff)
        if self.waits:  # a wait found hung once is looked at again soon: a second time fails it
            self.handle = self.loop.call_later(2 * _FIRST_CHECK if suspects else self.gap, self.check,
                                               context=contextvars.Context())

    def _fail_hung(self) -> bool:
        """Fail with :data:`HANGING` each wait found hung twice in a row, some time apart (not
        a moment between two steps); whether some wait is found hung and not failed yet. A wait
        begun just before this run is judged too: a run comes ``_FIRST_CHECK`` after the first
        of several waits, not after each, and the next one could be a back-off (up to
        ``_LONGEST_BACKOFF``) away -- a request stuck on its newest wait would fail that late."""
        now = self.loop.time()
        suspects = False
        # the requests first; the waits of one only if it is over or stuck, which few checks
        # find: garbage made for every wait would have the collector move thousands of pending
        # writes' objects to its oldest generation, and then walk them all (~0.1 s a time)
        requests = {id(state.ctx): state.ctx for state in self.waits.values()}
        timed = _Timed(self.loop)
        waiting: dict[asyncio.Future[Any], asyncio.Task[Any]] | None = None
        for ctx in requests.values():
            ended = ctx is not None and _ended(ctx)
            stuck = None if ended else _stuck(ctx, self.loop, timed)
            if not ended and stuck is None:
                continue
            waits = [(future, state) for future, state in self.waits.items()
                     if state.ctx is ctx and not future.done()]
            if waiting is None:  # the task waiting on each: found now, as an un-awaited call's first step runs in its caller's
                waiting = {t._fut_waiter: t for t in asyncio.all_tasks(self.loop)  # type: ignore[attr-defined]
                           if getattr(t, "_fut_waiter", None) is not None}
            if stuck is None:  # its request is over: its writes left pending are no one's
                for future, _state in waits:
                    del self.waits[future]
                    task = waiting.get(future)
                    if task is not None:  # collected when nothing holds it, as workerd drops the request's promises
                        task._log_destroy_pending = False  # type: ignore[attr-defined]
                continue
            members, reached = stuck
            for future, state in waits:
                task = waiting.get(future)
                # a reader outside the request (the response's consumer) counts as a root
                if task is None or (task in members and id(task) not in reached):
                    continue
                if state.hung_tick != self.tick - 1:
                    state.hung_since = now
                elif now - state.hung_since >= 2 * _FIRST_CHECK:
                    future.set_exception(JsException(HANGING))
                    continue
                state.hung_tick = self.tick
                suspects = True
        return suspects


def _watch_of(loop: asyncio.AbstractEventLoop) -> _Watch:
    """``loop``'s watch, kept on the loop itself: its timer handle and its waits' futures hold
    the loop, so a watch kept anywhere else would keep every loop that ever waited alive
    (pytest-asyncio makes one a test)."""
    watch: _Watch | None = getattr(loop, "_workers_env_watch", None)
    if watch is None:
        watch = _Watch(loop)
        setattr(loop, "_workers_env_watch", watch)  # noqa: B010 - an attribute of ours on asyncio's object
    return watch


def _only_tasks_ready(loop: asyncio.AbstractEventLoop) -> bool:
    """Whether what is about to run on ``loop`` is only tasks' steps (or nothing): a task about
    to run is not blocked, which the check sees, so another request's busy task does not hold
    back the check of a hung one; any other callback might settle a wait, so it waits then."""
    for handle in getattr(loop, "_ready", ()):
        if not handle.cancelled() and not isinstance(getattr(handle._callback, "__self__", None), asyncio.Task):
            return False
    return True


class _Timed:
    """The requests with a timer pending on ``loop``: every asyncio ``TimerHandle`` not cancelled
    (``call_later``/``call_at``, so ``setTimeout``, ``asyncio.sleep``, an ``asyncio.timeout``'s
    deadline) but the hang check's own, each of the request current in the context it was
    scheduled with -- Pyodide's WebLoop makes each a JavaScript ``setTimeout``, which workerd
    counts as work pending in the request's IoContext (one set by Python code outside any
    Worker -- the dev server's, a test's -- is no request's)."""

    __slots__ = ("any_worker", "requests")

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.requests: set[int] = set()
        self.any_worker = False  # some Worker code's timer is pending (what a wait of no request counts)
        for handle in getattr(loop, "_scheduled", ()):  # asyncio's heap of timers (uvloop: none seen)
            if handle.cancelled() or is_hang_check(handle):
                continue
            context = getattr(handle, "_context", None)
            if context is None:
                continue
            request, worker = context_in(context)
            self.any_worker = self.any_worker or worker
            if request is not None:
                self.requests.add(id(request))

    def pending(self, ctx: Any) -> bool:
        return self.any_worker if ctx is None else id(ctx) in self.requests


def _stuck(ctx: Any, loop: asyncio.AbstractEventLoop,
           timed: _Timed | None = None) -> tuple[dict[asyncio.Task[Any], bool], set[int]] | None:
    """When request ``ctx`` (``None``: the loop's tasks) can go on no more -- every task of it
    waits on stream code, a pipe or another such task, and no timer of it is pending (a JS
    one, or an asyncio one: :class:`_Timed`) -- its tasks and the ids of what its roots (the
    response, ``waitUntil``) wait on; else ``None``."""
    if _timers_pending(ctx) or (timed if timed is not None else _Timed(loop)).pending(ctx):
        return None
    members = request_tasks(ctx) if ctx is not None else {t: True for t in asyncio.all_tasks(loop)}
    roots = [t for t, root in members.items() if root]
    reached: set[int] = set()
    for root in roots:  # the likeliest to be running: looked at first
        if not _blocked(root, reached):
            return None
    for member in members:
        if not _blocked(member, set()):
            return None
    return members, reached


def _blocked(future: asyncio.Future[Any], seen: set[int]) -> bool:
    """Whether ``future`` (a task, or what one waits on) can only be settled by stream code
    that cannot run; the tasks met on the way are added to ``seen``."""
    if future.done():
        return False
    if id(future) in seen:
        return True  # a cycle of waits: none of them can go on
    seen.add(id(future))
    if future in _INTERNAL:
        return True
    follow = _FOLLOWS.get(future)
    followed = follow() if follow is not None else None
    if followed is not None:
        return _blocked(followed, seen)
    gathered = _GATHERED.get(future)
    combined = gathered() if gathered is not None else None
    if combined is not None:  # a Promise.all/race/allSettled/any: hung when every pending input is
        parts = combined.stall_parts()
        return bool(parts) and all(_blocked(part, seen) for part in parts)
    if isinstance(future, asyncio.Task):
        waiter = getattr(future, "_fut_waiter", None) or _SUSPENDED.get(future)
        return waiter is not None and _blocked(waiter, seen)
    children = getattr(future, "_children", None)  # asyncio.gather's future
    if isinstance(children, list):
        pending = [c for c in children if not c.done()]
        return bool(pending) and all(_blocked(c, seen) for c in pending)
    return False


def _ended(ctx: Any) -> bool:
    """Request ``ctx`` is over (runtime/timers.py): its waits left pending are no one's."""
    from workers_env.runtime.timers import request_ended

    return request_ended(ctx)


def _timers_pending(ctx: Any) -> bool:
    """A JS timer set in request ``ctx`` (any, for a stream of no request) is still to fire."""
    from workers_env.runtime.timers import pending_timers

    return pending_timers(ctx)
