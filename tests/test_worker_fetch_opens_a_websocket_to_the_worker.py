"""``await worker.fetch(url, headers={"Upgrade": "websocket"})`` opens a WebSocket to a plain
Python Worker that answers with ``js.WebSocketPair`` and ``Response.new(None, status=101,
webSocket=client)``: the response's ``js_object.webSocket`` is the test's end (as Miniflare's
``dispatchFetch`` gives one), to ``accept()``, ``send``, ``close`` and read with ``await
ws.receive()`` / ``await ws.closed``. The frames, close codes and ``readyState`` are those a
JavaScript twin gave under ``wrangler dev`` 4.164.0 (compatibility date 2026-08-01), read over a
raw socket: a message sent before the 101 arrives first, a binary message reaches the Worker as a
``Blob`` (echoed, ``[object Blob]``), a client's close is answered with the same code and reason
and the Worker's close event has ``readyState`` 3, a close frame without a code is 1005, a
listener's uncaught error drops the connection (1006 for the test's end). Before 2026-04-07
(``web_socket_auto_reply_to_close`` off) a close is not answered and ``readyState`` is 2."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import js, load_worker
from workers_env.runtime.websockets import WebSocketClosed

ECHO = """
import json
from pyodide.ffi import create_proxy
from js import WebSocketPair, Object, Response as JsResponse
from workers import WorkerEntrypoint, Response

LOG = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.headers.get("upgrade") != "websocket":
            return Response.json(LOG)
        pair = WebSocketPair.new()
        client, server = Object.values(pair)
        assert client is pair[0] and server is pair[1]
        server.accept()

        def on_message(event):
            data = event.data
            LOG.append("t:" + data if isinstance(data, str) else "b:" + data.constructor.name)
            if data == "close":
                server.close(4000, "asked")
            elif data == "throw":
                raise ValueError("boom")
            else:
                server.send(data)

        def on_close(event):
            LOG.append(["close", event.code, event.reason, event.wasClean, server.readyState])

        server.addEventListener("message", create_proxy(on_message))
        server.onclose = on_close
        if request.url.endswith("/hello"):
            server.send("hello")
        if request.url.endswith("/first"):
            server.close(4002, "first")
        return JsResponse.new(None, status=101, webSocket=client)
"""


def _worker(tmp_path: Path, date: str = "2026-08-01"):
    return load_worker(one_file_worker(tmp_path, ECHO, date=date))


async def _open(worker, path: str = "/"):
    response = await worker.fetch(path, headers={"Upgrade": "websocket"})
    assert (response.status, response.js_object.statusText) == (101, "")
    ws = response.js_object.webSocket
    ws.accept()
    return ws


async def _log(worker):
    return await (await worker.fetch("/log")).json()


def test_messages_go_both_ways_as_workerd_sends_them(tmp_path: Path):
    worker = _worker(tmp_path)

    async def scenario():
        ws = await _open(worker, "/hello")
        got = [await ws.receive()]
        for message in ("hi", js.Uint8Array.new([0, 1]), ""):
            ws.send(message)
            got.append(await ws.receive())
        return got, await _log(worker)

    got, log = asyncio.run(scenario())
    assert got == ["hello", "hi", "[object Blob]", ""]
    assert log == ["t:hi", "b:Blob", "t:"]


def test_a_client_close_is_answered_with_its_code_and_reason(tmp_path: Path):
    worker = _worker(tmp_path)

    async def scenario():
        ws = await _open(worker)
        ws.close(1000, "done")
        event = await asyncio.wait_for(ws.closed, 5)
        return (event.code, event.reason, event.wasClean, ws.readyState), await _log(worker)

    assert asyncio.run(scenario()) == ((1000, "done", True, 3), [["close", 1000, "done", True, 3]])


def test_a_close_without_a_code_is_1005(tmp_path: Path):
    worker = _worker(tmp_path)

    async def scenario():
        ws = await _open(worker)
        ws.close()
        event = await asyncio.wait_for(ws.closed, 5)
        return (event.code, event.reason), await _log(worker)

    assert asyncio.run(scenario()) == ((1005, ""), [["close", 1005, "", True, 3]])


def test_the_workers_close_reaches_the_test(tmp_path: Path):
    worker = _worker(tmp_path)

    async def scenario():
        ws = await _open(worker)
        ws.send("close")
        with pytest.raises(WebSocketClosed) as closed:
            await ws.receive()
        first = await _open(worker, "/first")  # closed before the 101 was returned
        with pytest.raises(WebSocketClosed) as before:
            await first.receive()
        return (closed.value.code, closed.value.reason), (before.value.code, before.value.reason), await _log(worker)

    mine, first, log = asyncio.run(scenario())
    assert (mine, first) == ((4000, "asked"), (4002, "first"))
    assert ["close", 4000, "asked", True, 3] in log  # the test's end answers each close, as a browser does


def test_a_listeners_uncaught_error_drops_the_connection(tmp_path: Path, caplog):
    worker = _worker(tmp_path)

    async def scenario():
        ws = await _open(worker)
        ws.send("throw")
        event = await asyncio.wait_for(ws.closed, 5)
        return event.code, event.wasClean

    with caplog.at_level(logging.ERROR):
        assert asyncio.run(scenario()) == (1006, False)
    assert "Uncaught ValueError: boom" in caplog.text


def test_before_2026_04_07_a_close_is_not_answered(tmp_path: Path):
    worker = _worker(tmp_path, date="2026-04-06")

    async def scenario():
        ws = await _open(worker)
        ws.close(1000, "done")
        for _ in range(20):
            await asyncio.sleep(0)
        return ws.closed.done(), ws.readyState, await _log(worker)

    assert asyncio.run(scenario()) == (False, 2, [["close", 1000, "done", True, 2]])


def test_receive_before_accept_says_what_to_do(tmp_path: Path):
    worker = _worker(tmp_path)

    async def scenario():
        response = await worker.fetch("/", headers={"Upgrade": "websocket"})
        await response.js_object.webSocket.receive()

    with pytest.raises(Exception, match=r"call ws\.accept\(\) before ws\.receive\(\)"):
        asyncio.run(scenario())
