"""``sendBatch`` given a plain Python list in the built-in SDK era hands workerd a PyProxy, of
which it reads no message: the call is refused as such (``a Python list reached JavaScript as a
PyProxy ... convert it with to_js()``), whatever its bodies are -- a ``text`` number, a ``json``
BigInt, a JavaScript function as ``v8``. leftovers44's message-by-message serialisation had read
the bodies first and named the body's error (``Content Type "text" requires ...``, ``Do not know
how to serialize a BigInt``, ``DataCloneError: function fetch() ...``), which sent the user after
the wrong value (review55); a batch ``to_js`` made is still serialised message by message."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, batch in {"text number": [{"body": 1, "contentType": "text"}], "BigInt": [{"body": 2**64}],
                            "v8 fetch": [{"body": js.fetch, "contentType": "v8"}], "string": [{"body": "x"}]}.items():
            try:
                await self.env.JOBS.sendBatch(batch)
                out[name] = "sent"
            except Exception as exc:
                out[name] = str(exc).split(";")[0]
        return Response.json(out)
'''


async def _refusals(tmp_path, entry):
    """What the Worker answers (each batch's refusal, by name), once checked that JOBS sent nothing."""
    worker = load_worker(one_file_worker(tmp_path, entry, date="2026-01-01", extra=consumed_queue()))
    answer = await (await worker.fetch("/")).json()
    assert worker.env.unwrapped("JOBS").sent == []
    return answer


@pytest.mark.asyncio
async def test_the_list_is_refused_whatever_its_bodies(tmp_path):
    refused = "TypeError: a Python list reached JavaScript as a PyProxy in this call to JOBS.sendBatch()"
    assert await _refusals(tmp_path, ENTRY) == dict.fromkeys(["text number", "BigInt", "v8 fetch", "string"], refused)


NESTED = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Kept:
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for kind in ("json", "text"):
            body = to_js({"x": Kept()}, dict_converter=Object.fromEntries)  # a PyProxy inside a JS object
            try:
                await self.env.JOBS.sendBatch(to_js([{"body": body, "contentType": kind}],
                                                    dict_converter=Object.fromEntries))
                out[kind] = "sent"
            except Exception as exc:
                out[kind] = str(exc).split(";")[0]
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_a_pyproxy_inside_a_converted_messages_body_is_refused_naming_the_message(tmp_path):
    # (audit19: the message's own refusal, "in this sendBatch() message", was unpinned)
    refused = "TypeError: a Python Kept reached JavaScript as a PyProxy in this sendBatch() message"
    assert await _refusals(tmp_path, NESTED) == {"json": refused, "text": refused}
