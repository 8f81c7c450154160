"""An exception raised in a WebSocket listener, per ``spec_compliant_dispatch_exceptions`` (on from
2026-09-15), as a JavaScript twin's did under ``wrangler dev`` 4.164.0 (raw-socket probe at
2026-09-14 and 2026-09-15): from the flag every listener of the event runs, each exception logged;
before it the listeners after the throwing one do not. A ``message`` listener's exception then
fails the connection in both eras: an ``error`` event at the Worker's end (``readyState`` 3; a
Python exception as Pyodide throws it, a ``PythonError``) and the client's end hears 1006. A clean
``close`` event's exception is an ``error`` event before the flag, only logged from it."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import pytest
from worker_helpers import one_file_worker, websocket_worker

from workers_env import load_worker

WORKER = websocket_worker("""
        def first(event):
            LOG.append("first " + event.type)
            if event.type == "close" or event.data == "throw":
                raise ValueError("boom")
            server.send(event.data)

        def on_error(event):
            LOG.append(["error", event.message.splitlines()[-1], server.readyState])

        for kind in ("message", "close"):
            server.addEventListener(kind, create_proxy(first))
            server.addEventListener(kind, create_proxy(lambda event: LOG.append("second " + event.type)))
        server.addEventListener("error", create_proxy(on_error))
""")


async def _open(worker):
    ws = (await worker.fetch("/", headers={"Upgrade": "websocket"})).js_object.webSocket
    ws.accept()
    return ws


@pytest.mark.parametrize(("date", "second_runs", "lines"), [("2026-09-15", True, 2), ("2026-09-14", False, 1)])
def test_a_message_listeners_exception_fails_the_connection(tmp_path: Path, caplog, date, second_runs, lines):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date))

    async def scenario():
        ws = await _open(worker)
        ws.send("a")
        assert await ws.receive() == "a"
        with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
            ws.send("throw")
            closed = await asyncio.wait_for(ws.closed, 5)
        return closed, await (await worker.fetch("/log")).json()

    closed, log = asyncio.run(scenario())
    assert (closed.code, closed.reason, closed.wasClean) == (1006, "WebSocket disconnected without sending Close frame.",
                                                            False)
    assert log == ["first message", "second message", "first message", *(["second message"] * second_runs),
                   ["error", "ValueError: boom", 3]]
    uncaught = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Uncaught")]
    assert uncaught == ["Uncaught ValueError: boom"] * lines  # from the flag: reported, then the read loop's


@pytest.mark.parametrize(("date", "after"), [
    ("2026-09-15", ["second close"]),
    ("2026-09-14", [["error", "ValueError: boom", 3]]),
])
def test_a_clean_close_listeners_exception_per_era(tmp_path: Path, date, after):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date))

    async def scenario():
        ws = await _open(worker)
        ws.close(4001, "bye")
        closed = await asyncio.wait_for(ws.closed, 5)
        return closed, await (await worker.fetch("/log")).json()

    closed, log = asyncio.run(scenario())
    assert (closed.code, closed.reason, closed.wasClean) == (4001, "bye", True)  # answered before the listeners ran
    assert log == ["first close", *after]
