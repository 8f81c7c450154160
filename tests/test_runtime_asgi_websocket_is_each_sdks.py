"""A FastAPI WebSocket endpoint served through ``asgi.websocket`` (and, from the release that
has it, ``workers.asgi.entrypoint``) behaves as each SDK's bridge does (workerd's built-in
``asgi.py``; workers-py's ``asgi.py`` read at each tag and in the 1.7.0/1.8.0/1.9.5 wheels): the
built-in bridge and the external SDK before 1.6.4 never tell the app of the client's close and
log `` == Not implemented`` for ``websocket.accept``/``websocket.close``; binary messages reach
the app as ``bytes`` from 1.6.9 (as ``text``, the ``Blob``, before); the app's close reaches the
client from 1.6.15; from 1.8.0 an app that ends without closing closes the connection (1000, or
1011 when it failed)."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from worker_helpers import one_file_worker, sdk_worker

from workers_env import js, load_worker
from workers_env.runtime.websockets import WebSocketClosed

APP = """
from fastapi import FastAPI, WebSocket, WebSocketDisconnect
from workers import WorkerEntrypoint
import asgi

app = FastAPI()
seen = []

@app.websocket("/ws")
async def ws(websocket: WebSocket):
    await websocket.accept()
    try:
        while True:
            msg = await websocket.receive()
            if msg["type"] != "websocket.receive":
                seen.append(msg["type"])
                return
            if msg.get("text") == "close":
                await websocket.close(4001, "bye")
                return
            if msg.get("text") == "end":
                return
            if msg.get("text") == "fail":
                raise RuntimeError("the app failed")
            if msg.get("text") is not None:
                await websocket.send_text("echo:" + str(msg["text"]))
            else:
                await websocket.send_bytes(msg["bytes"][::-1])
    except WebSocketDisconnect as e:
        seen.append(["disconnect", e.code])

@app.get("/seen")
async def get_seen():
    return seen

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.headers.get("upgrade") == "websocket":
            return await asgi.websocket(app, request.js_object)
        return await asgi.fetch(app, request.js_object, self.env)
"""


def _worker(tmp_path: Path, sdk: str | None):
    if sdk is None:
        return load_worker(one_file_worker(tmp_path, APP, date="2026-04-01"))
    return load_worker(sdk_worker(tmp_path, APP, sdk))


async def _open(worker):
    response = await worker.fetch("/ws", headers={"Upgrade": "websocket"})
    assert response.status == 101
    ws = response.js_object.webSocket
    ws.accept()
    return ws


async def _turns(n: int = 20) -> None:
    for _ in range(n):
        await asyncio.sleep(0)


@pytest.mark.parametrize(("sdk", "binary", "closed", "seen"), [
    (None, "echo:[object Blob]", None, []),          # built-in (2026-04-01): a Blob handed over as text
    ("1.6.3", "echo:[object Blob]", None, []),
    ("1.6.9", b"\x02\x01", None, ["websocket.disconnect"]),
    ("1.9.5", b"\x02\x01", (4001, "bye"), ["websocket.disconnect"]),
])
def test_an_echo_endpoint_per_sdk(tmp_path: Path, caplog, sdk, binary, closed, seen):
    worker = _worker(tmp_path, sdk)

    async def scenario():
        ws = await _open(worker)
        ws.send("hi")
        text = await asyncio.wait_for(ws.receive(), 5)
        ws.send(js.Uint8Array.new([1, 2]))
        data = await asyncio.wait_for(ws.receive(), 5)
        ws.send("close")
        await _turns()
        got_close = None
        if ws.closed.done():
            event = ws.closed.result()
            got_close = (event.code, event.reason)
        other = await _open(worker)
        other.close(1000, "done")
        await _turns()
        return text, data, got_close, await (await worker.fetch("/seen")).json()

    with caplog.at_level(logging.WARNING, logger="asgi"):
        text, data, got_close, got_seen = asyncio.run(scenario())
    assert (text, data, got_close, got_seen) == ("echo:hi", binary, closed, seen)
    warned = " == Not implemented websocket.accept" in caplog.text
    assert warned == (sdk != "1.9.5")


@pytest.mark.parametrize(("message", "code"), [("end", 1000), ("fail", 1011)])
def test_from_1_8_0_an_app_that_ends_closes_the_connection(tmp_path: Path, message, code):
    worker = _worker(tmp_path, "1.8.0")

    async def scenario():
        ws = await _open(worker)
        ws.send(message)
        with pytest.raises(WebSocketClosed) as closed:
            await asyncio.wait_for(ws.receive(), 5)
        return closed.value.code

    assert asyncio.run(scenario()) == code


def test_before_1_8_0_an_app_that_ends_leaves_the_connection_open(tmp_path: Path):
    worker = _worker(tmp_path, "1.7.0")

    async def scenario():
        ws = await _open(worker)
        ws.send("end")
        await _turns()
        return ws.closed.done(), ws.readyState

    assert asyncio.run(scenario()) == (False, 1)


def test_entrypoint_routes_an_upgrade_to_the_websocket_bridge(tmp_path: Path):
    entry = APP.split("class Default")[0] + "from workers.asgi import entrypoint\nDefault = entrypoint(app)\n"
    worker = load_worker(sdk_worker(tmp_path, entry, "1.9.5"))

    async def scenario():
        ws = await _open(worker)
        ws.send("hi")
        return await asyncio.wait_for(ws.receive(), 5)

    assert asyncio.run(scenario()) == "echo:hi"
