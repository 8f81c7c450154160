"""``pyodide.ffi.run_sync`` under CPython: wait for an awaitable from synchronous code.

In a Python Worker, ``run_sync(awaitable)`` suspends the Python stack with JavaScript Promise
Integration until the awaitable settles, while the event loop goes on; libraries use it to
offer synchronous APIs over async bindings (``sqlalchemy-cloudflare-d1``, langmem's
Vectorize store). CPython cannot suspend a stack, so when an event loop is already running in
this thread the awaitable runs to completion on a helper thread with its own loop, in a copy
of the caller's context (the running Worker and its era go along), and the caller waits. That
is what it can do because every emulated binding is synchronous underneath, with no state in
any event loop; an awaitable tied to the caller's own loop (a future or task of it) cannot
settle while that loop waits, so it is refused with a message instead of hanging.
"""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import threading
from collections.abc import Awaitable
from typing import Any, TypeVar

__all__ = ["can_run_sync", "run_sync"]

T = TypeVar("T")


async def _settle(awaitable: Awaitable[T]) -> T:
    return await awaitable


def can_run_sync() -> bool:
    """``pyodide.ffi.can_run_sync``: True (workers-env can always wait, see the module doc)."""
    return True


def run_sync(awaitable: Awaitable[T]) -> T:
    """Block until ``awaitable`` settles; return its result or raise its exception."""
    if not inspect.isawaitable(awaitable):
        raise TypeError(f"run_sync() expects an awaitable, got {type(awaitable).__name__}")
    try:
        caller_loop = asyncio.get_running_loop()
    except RuntimeError:
        caller_loop = None
    if caller_loop is None:
        return asyncio.run(_settle(awaitable))
    if isinstance(awaitable, asyncio.Future) and awaitable.done():  # a settled promise (a binding call's)
        return awaitable.result()
    if isinstance(awaitable, asyncio.Future) and awaitable.get_loop() is caller_loop:
        raise RuntimeError(
            "run_sync() cannot wait here for a task or future of the event loop it blocks: under "
            "workers-env the awaitable runs on another thread. Pass the coroutine itself "
            "(run_sync(binding.method(...))) rather than a task created from it."
        )
    outcome: dict[str, Any] = {}
    context = contextvars.copy_context()

    def settle() -> None:
        try:
            outcome["value"] = context.run(asyncio.run, _settle(awaitable))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller as is
            outcome["error"] = exc

    helper = threading.Thread(target=settle, name="workers-env run_sync")
    helper.start()
    helper.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
