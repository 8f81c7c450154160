"""A Python Worker's ``ws.send(value)`` sends what the value becomes after Pyodide hands it to
JavaScript and jsg converts it (``ArrayBuffer``/view or ``String``): ``bytes``, ``bytearray`` and
``memoryview`` are not converted by Pyodide, so their PyProxy's ``String()`` -- Python's ``str()``
-- goes out as text (``b'ab'``), as do a list, tuple or dict (``[1, 2]``, not ``1,2``); ``to_js(b"ab")``
is binary; ``None`` crosses as ``undefined``; ``send()`` with no argument is jsg's
``TypeError``, before the not-accepted check. Measured: a JS stub of jsg's conversion under real
Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (the same strings on all three), and ``send()``,
``send(undefined)``, ``send(null)`` of a JavaScript twin under ``wrangler dev`` 4.164.0."""

from __future__ import annotations

import asyncio
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
from js import WebSocketPair, Object, Response as JsResponse, JSON
from pyodide.ffi import to_js, jsnull, JsException
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = Object.values(WebSocketPair.new())
        try:
            server.send()
        except JsException as error:
            before_accept = str(error)
        server.accept()
        for value in [b"ab", bytearray(b"ab"), memoryview(b"ab"), [1, 2], (1, 2), {"a": 1}, None, jsnull,
                      JSON.parse("[1,[2,3]]"), to_js(b"ab"), 5, True]:
            server.send(value)
        server.send(before_accept)
        return JsResponse.new(None, status=101, webSocket=client)
"""


def test_send_reads_its_argument_as_pyodide_and_jsg_do(tmp_path: Path):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2026-08-01"))

    async def scenario() -> list:
        ws = (await worker.fetch("/", headers={"Upgrade": "websocket"})).js_object.webSocket
        ws.accept()
        got = [await ws.receive() for _ in range(13)]
        ws.close(1000)
        await ws.closed
        return got

    got = asyncio.run(scenario())
    assert got[2].startswith("<memory at 0x")
    assert got[:2] + got[3:] == [
        "b'ab'", "bytearray(b'ab')", "[1, 2]", "(1, 2)", "{'a': 1}", "undefined", "null", "1,2,3", b"ab", "5", "true",
        "TypeError: Failed to execute 'send' on 'WebSocket': parameter 1 is not of type 'ArrayBuffer or "
        "ArrayBufferView or string'."]
