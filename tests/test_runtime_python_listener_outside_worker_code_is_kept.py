"""Outside Worker code -- a test using ``workers_env.js`` itself, or driving the test's end of a
WebSocket ``worker.fetch`` opened -- a plain Python function handed to ``addEventListener`` stays
a working listener: no Pyodide lends it there (a JavaScript test would pass a JavaScript function),
so nothing is destroyed. Inside a Worker the same call is Pyodide's borrowed proxy
(``test_websocket_plain_function_listener_is_a_destroyed_borrowed_proxy.py``)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import js, load_worker

ENTRY = """
from js import WebSocketPair, Object, Response as JsResponse
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        server.send("hello")
        return JsResponse.new(None, status=101, webSocket=client)
"""


def test_event_target_and_abort_signal_listeners_are_called():
    seen = []
    target = js.EventTarget.new()
    target.addEventListener("x", lambda event: seen.append(event.type))
    target.dispatchEvent(js.Event.new("x"))
    controller = js.AbortController.new()
    controller.signal.addEventListener("abort", lambda event: seen.append("abort"))
    controller.abort()
    assert seen == ["x", "abort"]


def test_the_tests_end_of_a_websocket_calls_them(tmp_path: Path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-11-17"))

    async def scenario():
        got = asyncio.get_running_loop().create_future()
        ws = (await worker.fetch("/", headers={"Upgrade": "websocket"})).js_object.webSocket
        ws.addEventListener("message", lambda event: got.done() or got.set_result(event.data))
        ws.accept()
        return await asyncio.wait_for(got, 5)

    assert asyncio.run(scenario()) == "hello"
