"""A test that gives up waiting for the close of a WebSocket the Worker accepted (``await
asyncio.wait_for(ws.closed, ...)`` timing out, or its task cancelled) leaves the connection as it
is, as a client that stops waiting closes nothing: the Worker's request lives on -- its
``waitUntil`` work still answers -- and ``ws.closed`` still resolves at the close. The request
watched the very future the test waits on: asyncio cancels a future whose wait is given up, and
a cancelled one read as the test's event loop ending (``ExecutionContext._gone``), so the Worker's
work was cancelled and ``ws.closed`` stayed cancelled (gone64)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ANSWERS_LATER = """
import asyncio

from js import Object, Response as JsResponse, WebSocketPair
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        asked = asyncio.get_running_loop().create_future()
        server.addEventListener("message", create_proxy(lambda event: asked.done() or asked.set_result(event.data)))

        async def answer_when_asked():
            server.send("answer to " + await asked)
            server.close(4000, "answered")

        self.ctx.waitUntil(answer_when_asked())
        return JsResponse.new(None, status=101, webSocket=client)
"""


def test_a_wait_on_the_close_given_up_leaves_the_request_and_its_close(tmp_path: Path):
    worker = load_worker(one_file_worker(tmp_path, ANSWERS_LATER))

    async def scenario():
        ws = (await worker.fetch("/", headers={"Upgrade": "websocket"})).js_object.webSocket
        ws.accept()
        try:
            await asyncio.wait_for(ws.closed, 0.01)  # the Worker closes only once asked: this gives up
        except asyncio.TimeoutError:
            pass
        ws.send("the question")
        answer = await asyncio.wait_for(ws.receive(), 5)
        event = await asyncio.wait_for(ws.closed, 5)
        return answer, event.code, event.reason

    assert asyncio.run(scenario()) == ("answer to the question", 4000, "answered")
