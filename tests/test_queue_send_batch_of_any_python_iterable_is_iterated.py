"""``sendBatch`` given any Python iterable in the built-in SDK era -- not just a list, tuple, set,
dict or iterator -- is walked by jsg, as its PyProxy has a ``Symbol.iterator``: a dict's
``values()`` of ``to_js``'d messages is sent, a ``range`` or ``bytes`` yields numbers, each jsg's
``Incorrect type ... 'MessageSendRequest'`` (review89: tools/pyodide/queue_batch_probe.mjs's
stand-in of jsg's unwrapping, run from real Pyodide 0.26.0a4 and 0.28.2 with these forms). They
were refused as "a Python dict_values reached JavaScript as a PyProxy"; a refused batch sends
nothing."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker

ENTRY = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def tj(message):
    return to_js(message, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, make in {"values": lambda: {"a": tj({"body": "v1"}), "b": tj({"body": "v2"})}.values(),
                           "range": lambda: range(2), "bytes": lambda: b"ab"}.items():
            try:
                await self.env.JOBS.sendBatch(make())
                out[name] = "sent"
            except Exception as exc:
                out[name] = str(exc)
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_any_iterable_is_walked_as_jsg_walks_it(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=consumed_queue()))
    refused = "TypeError: Incorrect type: the provided value is not of type 'MessageSendRequest'."
    assert await (await worker.fetch("/")).json() == {"values": "sent", "range": refused, "bytes": refused}
    assert [m.body for m in worker.env.unwrapped("JOBS").sent] == ["v1", "v2"]
