"""A plain Python function a Worker hands ``WebSocket.addEventListener`` is, as in production, the
borrowed proxy Pyodide lends JavaScript for that call and destroys when it returns: when a message
comes the listener throws Pyodide's ``Error: This borrowed proxy was automatically destroyed at the
end of a function call. ...`` (its text measured with a JavaScript stub keeping the listener under
Node, Pyodide 0.26.0a4, 0.28.2 and 314.0.6), which workerd handles as any listener's exception: logged
``Uncaught Error: ...`` (once more from ``spec_compliant_dispatch_exceptions``, as the read loop
fails), the connection dropped (the client hears 1006) and the listener never run. workers-env's
note on the error says to wrap it in ``create_proxy``; ``create_proxy(fn)``,
``create_once_callable(fn)`` and ``pyodide.ffi.wrappers.add_event_listener`` keep it."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from worker_helpers import DISPATCH_EXCEPTION_ERAS, one_file_worker

from workers_env import load_worker

ENTRY = """
from js import WebSocketPair, Object, Response as JsResponse
from pyodide.ffi import create_once_callable, create_proxy
from pyodide.ffi.wrappers import add_event_listener
from workers import Response, WorkerEntrypoint

RAN = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.headers.get("upgrade") != "websocket":
            return Response.json(RAN)
        client, server = Object.values(WebSocketPair.new())
        server.accept()
        echo = lambda event: (RAN.append(event.data), server.send(event.data))
        how = request.url.rsplit("/", 1)[1]
        if how == "plain":
            server.addEventListener("message", echo)
        elif how == "proxy":
            server.addEventListener("message", create_proxy(echo))
        elif how == "once":
            server.addEventListener("message", create_once_callable(echo))
        else:
            add_event_listener(server, "message", echo)
        return JsResponse.new(None, status=101, webSocket=client)
"""

BORROWED = ("Error: This borrowed proxy was automatically destroyed at the end of a function call. Try using "
            "create_proxy or create_once_callable.\n"
            "For more information about the cause of this error, use `pyodide.setDebug(true)`")


async def _exchange(worker, how: str):
    response = await worker.fetch(f"/{how}", headers={"Upgrade": "websocket"})
    ws = response.js_object.webSocket
    ws.accept()
    ws.send("hi")
    got = await asyncio.wait_for(ws.receive(), 5) if how != "plain" else None
    if how == "plain":
        event = await asyncio.wait_for(ws.closed, 5)
        got = (event.code, event.wasClean)
    return got, await (await worker.fetch("/ran")).json()


@pytest.mark.parametrize(("date", "flags", "reported"), DISPATCH_EXCEPTION_ERAS)
def test_a_plain_function_fails_when_its_message_comes(tmp_path: Path, caplog, date, flags, reported):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, flags=flags))
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert asyncio.run(_exchange(worker, "plain")) == ((1006, False), [])
    records = [r for r in caplog.records if r.getMessage().startswith("Uncaught")]
    assert [r.getMessage() for r in records] == [f"Uncaught {BORROWED}"] * (2 if reported else 1)
    notes = getattr(records[0].exc_info[1], "__notes__", [])
    assert any("WebSocket.addEventListener('message', ...)" in note and "create_proxy(fn)" in note
               for note in notes), notes


@pytest.mark.parametrize("how", ["proxy", "once", "wrapper"])
def test_create_proxy_create_once_callable_and_add_event_listener_keep_it(tmp_path: Path, how):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-11-17"))
    assert asyncio.run(_exchange(worker, how)) == ("hi", ["hi"])
