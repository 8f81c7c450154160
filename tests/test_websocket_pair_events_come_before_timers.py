"""Two ends of one ``WebSocketPair`` inside one Worker deliver as workerd delivers them (a
JavaScript twin under ``wrangler dev`` 4.164.0, 2026-09-15, the same steps): after the code that
sent them and its microtasks, one event at a time, each end's next after the other's, what a
listener queues as a microtask before the next event, a ``Blob`` message in its place among the
others, the closes last -- and all of them before a timer of 0 ms set earlier fires, even a
ping-pong between the two ends. An ``async`` listener runs too (Pyodide makes a Promise of its
coroutine); workers-env dropped its coroutine unrun, and fired the timer between two events."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
import asyncio
from urllib.parse import urlparse
from js import WebSocketPair, Object, Uint8Array, queueMicrotask, setTimeout
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint, Response


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = urlparse(request.url).query
        ev = []
        a, b = Object.values(WebSocketPair.new())
        a.accept()
        b.accept()
        shown = lambda e: e.data if isinstance(e.data, str) else e.data.constructor.name
        b.addEventListener("message", create_proxy(lambda e: ev.append("b msg " + shown(e))))
        b.addEventListener("close", create_proxy(lambda e: ev.append(f"b close {e.code} rs{b.readyState}")))
        a.addEventListener("message", create_proxy(lambda e: ev.append("a msg " + shown(e))))
        a.addEventListener("close", create_proxy(lambda e: ev.append(f"a close {e.code} rs{a.readyState}")))
        queueMicrotask(create_proxy(lambda: ev.append("microtask")))
        setTimeout(create_proxy(lambda: ev.append("timeout0")), 0)
        if kind == "pingpong":
            for end in (a, b):
                end.addEventListener("message", create_proxy(
                    lambda e, end=end: int(e.data) < 6 and end.send(str(int(e.data) + 1))))
            a.send("0")
        else:
            if kind == "micro":
                b.addEventListener("message", create_proxy(
                    lambda e: queueMicrotask(create_proxy(lambda: ev.append("after " + shown(e))))))
            if kind == "async":
                async def later(e):
                    ev.append("async " + shown(e))
                b.addEventListener("message", create_proxy(later))
            a.send("1")
            a.send(Uint8Array.new([1, 2]))
            a.send("2")
            b.send("from b")
            a.close(4000, "x")
        ev.append("sync end")
        await asyncio.sleep(0.05)
        return Response.json(ev)
"""


@pytest.fixture(scope="module")
def worker(tmp_path_factory):
    return load_worker(one_file_worker(tmp_path_factory.mktemp("pair"), WORKER, date="2026-09-15"))


def _events(worker, kind: str) -> list[str]:
    async def scenario():
        return await (await worker.fetch("/?" + kind)).json()
    return asyncio.run(scenario())


def test_in_order_and_before_the_timer(worker):
    assert _events(worker, "plain") == ["sync end", "microtask", "b msg 1", "a msg from b", "b msg Blob", "b msg 2",
                                        "b close 4000 rs3", "a close 4000 rs3", "timeout0"]


def test_a_listeners_microtask_runs_before_the_next_event(worker):
    assert _events(worker, "micro") == ["sync end", "microtask", "b msg 1", "after 1", "a msg from b",
                                        "b msg Blob", "after Blob", "b msg 2", "after 2", "b close 4000 rs3", "a close 4000 rs3",
                                        "timeout0"]


def test_a_ping_pong_between_the_ends_comes_before_the_timer(worker):
    assert _events(worker, "pingpong") == ["sync end", "microtask", "b msg 0", "a msg 1", "b msg 2", "a msg 3",
                                           "b msg 4", "a msg 5", "b msg 6", "timeout0"]


def test_an_async_listener_runs(worker):
    assert [event for event in _events(worker, "async") if event.startswith("async")] == ["async 1", "async Blob", "async 2"]
