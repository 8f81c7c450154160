"""A ``load_worker`` Worker may be shared by threads, each running its own loop; a stream read's
promise handed out in its call (runtime/heldreads.py: ``webloop.begun_at_once`` and
``promise_instead``) must stay the thread's own. It was chosen through module globals, so a
thread's call handed out the promise another thread's read had just asked for -- a request got
another request's body bytes (seen under thread switches) -- and a read made while another
thread stepped a call was not held."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from workers_env.runtime.webloop import (
    PyodideFuture,
    begun_at_once,
    promise_instead,
    unawaited,
)


def _in_thread(body: Any, out: dict[str, Any], key: str) -> threading.Thread:
    def run() -> None:
        async def main() -> None:
            out[key] = await unawaited(body())
        asyncio.run(main())

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_promise_asked_for_in_one_thread_is_not_handed_out_in_another():
    b_asked, a_done = threading.Event(), threading.Event()
    out: dict[str, Any] = {}

    async def a_call() -> str:
        b_asked.wait(10)  # another thread's call asks for its promise meanwhile
        return "a's value"

    async def b_call() -> str:
        promise = PyodideFuture()
        promise.set_result("b's promise")
        promise_instead(promise)
        a_done.wait(10)  # still in its call as the other thread's ends
        return "b's value"

    a = _in_thread(a_call, out, "a")
    b = _in_thread(b_call, out, "b")
    b_asked.set()
    a.join(10)
    a_done.set()
    b.join(10)
    assert out == {"a": "a's value", "b": "b's promise"}


def test_a_call_begun_at_once_in_one_thread_stays_so_while_another_steps_a_call():
    b_in, a_checked = threading.Event(), threading.Event()
    seen: dict[str, bool] = {}
    out: dict[str, Any] = {}

    async def a_call() -> None:
        b_in.wait(10)
        seen["a"] = begun_at_once()
        a_checked.set()

    async def b_call() -> None:
        b_in.set()
        a_checked.wait(10)
        seen["b"] = begun_at_once()

    a = _in_thread(a_call, out, "a")
    b = _in_thread(b_call, out, "b")
    a.join(10)
    b.join(10)
    assert seen == {"a": True, "b": True}
