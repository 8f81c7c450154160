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
(:func:`~workers_env.runtime.current.request_tasks`) waits on a stream, on another such task or
on a pipe's promise, no JS timer of it is pending, and the waiting task is one the response or
a ``waitUntil`` waits for (a promise nobody awaits just stays pending).
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from workers_env._errors import JsException
from workers_env.runtime.current import request_tasks

__all__ = ["HANGING", "follows", "suspended", "wait"]

#: workerd's text when no task is left that could finish a response (here: close its stream)
HANGING = ("The Workers runtime canceled this request because it detected that your Worker's code had hung and "
           "would never generate a response. Refer to: https://developers.cloudflare.com/workers/observability/errors/")

#: futures only stream code of the request settles (a write's or a read's wait)
_INTERNAL: weakref.WeakSet[asyncio.Future[Any]] = weakref.WeakSet()
#: futures settled when a task goes on (a pipe's promise, an un-awaited call's PyodideFuture)
_FOLLOWS: weakref.WeakKeyDictionary[asyncio.Future[Any], asyncio.Future[Any]] = weakref.WeakKeyDictionary()
#: tasks whose stack waits (``run_sync``) on a future while their loop goes on
_SUSPENDED: weakref.WeakKeyDictionary[asyncio.Future[Any], asyncio.Future[Any]] = weakref.WeakKeyDictionary()
_FIRST_CHECK = 0.002
_LONGEST_GAP = 0.05


def follows(future: asyncio.Future[Any], task: asyncio.Future[Any]) -> None:
    """Mark ``future`` as settled by ``task``'s work: waiting on it is waiting on that task."""
    _FOLLOWS[future] = task


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
    loop = future.get_loop()
    state: dict[str, Any] = {"hits": 0, "gap": _FIRST_CHECK}

    def check() -> None:
        if future.done():
            return
        # the task waiting: found when checked, as an un-awaited call's first step runs in its caller's
        task = next((t for t in asyncio.all_tasks(loop) if getattr(t, "_fut_waiter", None) is future), None)
        state["hits"] = state["hits"] + 1 if _hung(ctx, task, loop) else 0
        if state["hits"] >= 2:  # twice in a row, some time apart: not a moment between two steps
            future.set_exception(JsException(HANGING))
            return
        state["gap"] = min(state["gap"] * 2, _LONGEST_GAP)
        state["handle"] = loop.call_later(state["gap"], check)

    state["handle"] = loop.call_later(_FIRST_CHECK, check)
    try:
        return await future
    finally:
        state["handle"].cancel()


def _hung(ctx: Any, task: asyncio.Task[Any] | None, loop: asyncio.AbstractEventLoop) -> bool:
    if task is None or getattr(loop, "_ready", None) or _timers_pending(ctx):
        return False
    members = request_tasks(ctx) if ctx is not None else {t: True for t in asyncio.all_tasks(loop)}
    reached: set[int] = set()
    for member in members:
        if not _blocked(member, set()):
            return False
    roots = [t for t, root in members.items() if root]
    if task not in members:  # a reader outside the request: the response's consumer
        roots.append(task)
    for root in roots:
        _blocked(root, reached)
    return id(task) in reached


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
    followed = _FOLLOWS.get(future)
    if followed is not None:
        return _blocked(followed, seen)
    if isinstance(future, asyncio.Task):
        waiter = getattr(future, "_fut_waiter", None) or _SUSPENDED.get(future)
        return waiter is not None and _blocked(waiter, seen)
    children = getattr(future, "_children", None)  # asyncio.gather's future
    if isinstance(children, list):
        pending = [c for c in children if not c.done()]
        return bool(pending) and all(_blocked(c, seen) for c in pending)
    return False


def _timers_pending(ctx: Any) -> bool:
    """A JS timer set in request ``ctx`` (any, for a stream of no request) is still to fire."""
    from workers_env.runtime.timers import pending_timers

    return pending_timers(ctx)
