"""Code that a restart of the Workers runtime ends: it runs no further, whatever it catches.

A reload under ``wrangler dev`` restarts workerd, so a handler still running (a batch in
``queue()``) stops where it is: not one more line of it runs (measured with JavaScript twins,
tools/wrangler/dev_session_probe.py ``inflight``). Python code can catch the ``CancelledError``
asyncio cuts it off with (a bare ``except:``) and go on -- print, ``send`` into the new runtime's
queues -- so :class:`Severable` stops resuming it instead, and the requests it opened are cut
off with it: their tasks (``waitUntil`` work, ``create_task``'s) step no more and their timers
never fire (:meth:`~workers_env.runtime.executioncontext.ExecutionContext._sever`; review79: each printed
after the reload, where the JavaScript twin's were silent).
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Coroutine, Generator
from typing import Any

__all__ = ["Severable", "keep_suspended", "sever_running"]


class Severable:
    """An awaitable that runs ``coro`` step by step until :meth:`sever`: from then on the task
    awaiting it, once cancelled, ends with ``CancelledError`` and ``coro`` is never resumed --
    nor closed, which would run its ``except``/``finally`` code (at the latest as the process
    exits, when its last reference goes): :func:`keep_suspended` holds it, suspended, past the end of the
    interpreter (one frame a batch cut off by a reload). ``requests``: the requests ``coro``
    opens (it appends them), each ``_sever()``-ed with it."""

    def __init__(self, coro: Coroutine[Any, Any, Any], requests: list[Any] | None = None):
        self._coro = coro
        self._requests = [] if requests is None else requests
        self.severed = False

    def sever(self) -> None:
        """Resume the code no more (its task is then cancelled: :meth:`__await__` ends there),
        nor the work of the requests it opened."""
        self.severed = True
        for request in self._requests:
            request._sever()

    def __await__(self) -> Generator[Any, Any, Any]:
        coro = self._coro
        step: Any = coro.send
        value: Any = None
        _RUNNING.add(self)
        try:
            while True:
                try:
                    yielded = step(value)
                except StopIteration as stop:
                    return stop.value
                try:
                    value, step = (yield yielded), coro.send
                except BaseException as exc:  # noqa: BLE001 - handed to the code, unless it is cut off
                    if self.severed:
                        keep_suspended(coro)
                        raise asyncio.CancelledError from None
                    value, step = exc, coro.throw
        finally:
            _RUNNING.discard(self)


#: every :class:`Severable` being awaited now
_RUNNING: weakref.WeakSet[Severable] = weakref.WeakSet()


def sever_running() -> None:
    """:meth:`Severable.sever` every one being awaited (a stop that ends the process)."""
    for severable in list(_RUNNING):
        severable.sever()


def keep_suspended(coro: Coroutine[Any, Any, Any]) -> None:
    """Give ``coro`` a reference nothing drops (CPython's ``Py_IncRef``), so it is never
    collected: a collection closes it, running the code it cut off (measured: a bare ``except:``
    printed and a send raised at dev's stop when a module-level list held it)."""
    import ctypes

    ctypes.pythonapi.Py_IncRef(ctypes.py_object(coro))
