"""jsg reads a Queue call's arguments before ``WorkerQueue::send``/``sendBatch`` runs: each
message of a batch in turn (a ``null`` one refused, its ``delaySeconds`` read as an int32), then
the options (a string is no options object, a ``delaySeconds`` past int32 refused); only then
does the call refuse an empty batch or a body that is ``undefined``. So ``send(None,
delaySeconds=2**31)`` is jsg's ``Value out of range`` (measured under wrangler dev 4.164.0 with a
JavaScript Worker: ``send(undefined, {delaySeconds: 2 ** 31})``; ``send(undefined, {contentType:
"nope"})`` is the undefined body: the content type is read in the call)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def batch(*messages):
    return to_js(list(messages), dict_converter=Object.fromEntries)

CALLS = {
    "undefined, delay 2**31": lambda q: q.send(None, delaySeconds=2**31),
    "undefined, type nope": lambda q: q.send(None, contentType="nope"),
    "undefined, options a string": lambda q: q.send(None, "text"),
    "empty batch, delay 2**31": lambda q: q.sendBatch(batch(), Object.fromEntries(to_js({"delaySeconds": 2**31}))),
    "undefined body, own delay 2**31": lambda q: q.sendBatch(batch({"body": None, "delaySeconds": 2**31})),
    "null message before a delay 2**31": lambda q: q.sendBatch(batch(None, {"body": 1, "delaySeconds": 2**31})),
    "delay 2**31 before a null message": lambda q: q.sendBatch(batch({"body": 1, "delaySeconds": 2**31}, None)),
}

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for name, call in CALLS.items():
            try:
                await call(self.env.Q)
                out.append([name, "sent"])
            except Exception as exc:
                out.append([name, str(exc)])
        return Response.json(out)
'''
OUT_OF_RANGE = "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."
NULL_MESSAGE = ("TypeError: Cannot initialize MessageSendRequest with required members "
                "from an undefined or null value.")


@pytest.mark.asyncio
async def test_the_arguments_are_read_first(tmp_path):
    producer = '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'
    folder = one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=producer)
    worker = load_worker(folder)
    assert dict(await (await worker.fetch("/")).json()) == {
        "undefined, delay 2**31": OUT_OF_RANGE,
        "undefined, type nope": "TypeError: Message body cannot be undefined",
        "undefined, options a string": "TypeError: Failed to execute 'send' on 'WorkerQueue': parameter 2 is not of "
                                       "type 'SendOptions'.",
        "empty batch, delay 2**31": OUT_OF_RANGE,
        "undefined body, own delay 2**31": OUT_OF_RANGE,
        "null message before a delay 2**31": NULL_MESSAGE,
        "delay 2**31 before a null message": OUT_OF_RANGE,
    }
    assert worker.env.unwrapped("Q").sent == []
