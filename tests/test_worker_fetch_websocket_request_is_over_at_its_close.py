"""The request that accepted a WebSocket ``worker.fetch`` opened lives while the socket is open and
is over once it closes -- then what every request's end does is done: here, the not-emulated error
its handler caught and went on past is said on stderr (runtime/swallowed.py), not before the close
(pin68: with the close not telling the request, every WebSocket test passed and the request never
ended)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ACCEPTS = """
import js
from js import WebSocketPair, Object, Response as JsResponse
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            js.WebAssembly.validate(js.Object.new())  # not emulated: caught, and the handler goes on
        except Exception:
            pass
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        return JsResponse.new(None, status=101, webSocket=client)
"""

TOLD = "workers-env: the Worker's code caught NotEmulatedError and went on"


def test_the_request_is_over_once_its_websocket_closes(tmp_path: Path, capsys) -> None:
    worker = load_worker(one_file_worker(tmp_path, ACCEPTS, date="2026-08-01"))

    def told() -> int:
        return sum(line.startswith(TOLD) for line in capsys.readouterr().err.splitlines())

    async def scenario() -> tuple[int, int]:
        response = await worker.fetch("/", headers={"Upgrade": "websocket"})
        ws = response.js_object.webSocket
        ws.accept()
        for _ in range(5):
            await asyncio.sleep(0)
        while_open = told()
        ws.close(1000, "done")
        await asyncio.wait_for(ws.closed, 5)
        for _ in range(5):  # (the request hears of the close a loop pass or so later)
            await asyncio.sleep(0)
        return while_open, told()

    capsys.readouterr()
    assert asyncio.run(scenario()) == (0, 1)
