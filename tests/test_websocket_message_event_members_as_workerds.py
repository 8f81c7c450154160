"""A WebSocket's ``message`` event has a ``MessageEvent``'s other members as workerd gives them:
``origin`` ``null`` (no URL; a ``MessageEvent.new(...)``'s is ``""``), ``lastEventId`` ``""``,
``source`` ``null``, ``ports`` empty, ``isTrusted`` true -- a JavaScript twin under wrangler dev
4.164.0 at 2026-11-17 answered ``[null, "", null, 0, true]`` -- and each is read-only."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import js
from js import JSON, WebSocketPair
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        client, server = WebSocketPair.new().object_values()
        server.accept(); client.accept()
        got = asyncio.get_running_loop().create_future()
        server.addEventListener("message", create_proxy(got.set_result))
        client.send("x")
        e = await got
        null = JSON.parse("null")
        try:
            e.origin = "o"
            assigned = "assigned"
        except Exception as exc:
            assigned = str(exc)
        return Response.json([e.origin is null, e.lastEventId, e.source is null, e.ports.length, e.isTrusted,
                              e.data, js.MessageEvent.new("m", data=1).origin, assigned])
"""


def test_a_message_events_members_are_workerds(tmp_path: Path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-11-17"))

    async def scenario() -> list:
        return json.loads(await (await worker.fetch("/")).text())

    assert asyncio.run(scenario()) == [True, "", True, 0, True, "x", "",
                                       "TypeError: Cannot assign to read only property 'origin' of object "
                                       "'#<MessageEvent>'"]
