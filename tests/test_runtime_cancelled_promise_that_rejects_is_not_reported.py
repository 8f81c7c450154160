"""A promise Worker code cancels (``p.cancel()``, or the cancel of a task awaiting it) that then
rejects has nobody left to read its reason; Pyodide 0.28.2 and 314.0.6 print nothing of it (its
future takes the promise's outcome in a ``then`` reaction, which marks the rejection handled, and
drops it once cancelled: tools/pyodide/cancelled_promise_probe.mjs). workers-env printed
``PyodideFuture exception was never retrieved`` with the reason when the future was collected:
for a binding call settled at the call (``env.KV.get("")``), JavaScript's ``fetch`` refused at the
call, and a binding call that rejects later (review87). Nothing else is printed or logged either:
the cancelled promise's own microtask, run after the cancel, settles nothing (audit35: one that
set the cancelled future failed the loop's callback, ``Exception in callback _drain``)."""

from __future__ import annotations

import asyncio
import gc
import logging
from pathlib import Path

import pytest
from worker_helpers import one_file_worker, reported

from workers_env import load_worker

ENTRY = '''
import asyncio
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        what = request.url.rsplit("/", 1)[1]
        if what == "kv":
            promise = self.env.KV.get("")  # rejected at the call: an empty key
        elif what == "fetch":
            promise = js.fetch("not a url")
        else:  # a task awaiting a service's call (the SDK's wrapper) that rejects on a later turn
            promise = asyncio.ensure_future(self.env.SVC.later())
            await asyncio.sleep(0)
        promise.cancel()
        for _ in range(3):
            await asyncio.sleep(0)
        return Response(str(promise.cancelled()))
'''

EXTRA = """
[[kv_namespaces]]
binding = "KV"
id = "k1"

[[services]]
binding = "SVC"
service = "other"
"""


class Service:
    async def later(self):
        await asyncio.sleep(0)
        raise ValueError("rejected after the cancel")


@pytest.mark.parametrize("what", ["kv", "fetch", "later"])
def test_a_cancelled_promise_that_rejects_is_not_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                                          capsys: pytest.CaptureFixture[str], what: str) -> None:
    # 2025-11-01: the built-in SDK, whose env hands out the JavaScript bindings (their promises)
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-11-01", extra=EXTRA),
                         bindings={"SVC": Service()})

    async def scenario() -> str:
        resp = await worker.fetch(f"/{what}")
        text = await resp.text()
        for _ in range(5):
            await asyncio.sleep(0)
        return text

    capsys.readouterr()
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        answer = asyncio.run(scenario())
        gc.collect()  # asyncio reports an unretrieved exception as the future is collected
    assert answer == "True"
    assert reported(caplog, capsys, "never retrieved") == []
    assert [r.getMessage() for r in caplog.records] == []  # nothing else either (audit35: no failing microtask)
