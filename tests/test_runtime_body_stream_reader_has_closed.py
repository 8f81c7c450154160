"""``reader.closed`` on the reader of a *body* stream -- an incoming request's ``body``, and the
``body`` of a ``Response``/``Request`` built from bytes or a string -- as on every other reader.

A gap left by 255ad1d, which added ``reader.closed`` to the readers of ``TransformStream``/
``ReadableStream``/``IdentityTransformStream``/``FixedLengthStream`` (runtime/jsstreams.py) but not
to runtime/jsreadable.py's ``_StreamReader``, the reader of a buffered body: a bare ``AttributeError:
closed``. In workerd every ``ReadableStreamDefaultReader`` has ``closed`` (readable.c++
``ReaderImpl::getClosed``); a body is an internal stream, whose ``closed`` settles when a read meets
the end (internal.c++ ``doClose``), checked under wrangler dev (tools/wrangler/jsapi_differential.py)."""

from __future__ import annotations

import asyncio

from worker_helpers import STATE, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import js
from workers import Response, WorkerEntrypoint

""" + STATE + """

async def read_to_end_then_closed(stream):
    reader = stream.getReader()
    if not hasattr(reader, "closed"):
        return "no closed attribute"
    while not (await reader.read()).done:
        pass
    return await state(reader.closed)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({
            "incoming": await read_to_end_then_closed(request.js_object.body),
            "response": await read_to_end_then_closed(js.Response.new("abc").body),
            "request": await read_to_end_then_closed(
                js.Request.new("https://example.com/", {"method": "POST", "body": "abc"}).body),
        })
"""


def test_a_body_readers_closed_resolves_once_a_read_meets_the_end(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    async def scenario():
        worker = load_worker(folder)
        resp = await asyncio.wait_for(worker.fetch("/", method="POST", body="hello"), 10)
        assert resp.status == 200, await resp.text()
        return await resp.json()

    assert asyncio.run(scenario()) == {"incoming": "resolved", "response": "resolved", "request": "resolved"}
