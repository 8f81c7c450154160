"""``clone()`` of a Response whose body is a stream still being written (a TransformStream's or
IdentityTransformStream's readable) tees that stream, as workerd's ``Body::clone`` does (http.c++:
``bodyStream.tee()``, one branch kept, the other the clone's): the clone and the original each
read every chunk not read yet -- after a reader since released read part of it, the rest -- and
neither is used. A body a reader holds, or one a ``text()`` is reading, refuses. An incoming
request's body a released reader read part of clones the same way. workers-env
refused every such clone as not emulated; a partly read body's ``bodyUsed`` was ``False``
(workerd's is its stream's ``isDisturbed()``). Checked under wrangler dev
(tools/wrangler/jsapi_differential.py)."""

from __future__ import annotations

import http.client
import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
from js import IdentityTransformStream, Response as JsResponse, TransformStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kind = TransformStream if request.url.endswith("/js") else IdentityTransformStream
        stream = kind.new()
        writer = stream.writable.getWriter()
        made = JsResponse.new(stream.readable)

        async def write():
            await writer.write(to_js(b"hello "))
            await writer.write(to_js(b"world"))
            await writer.close()

        writing = asyncio.ensure_future(write())
        reader = made.body.getReader()
        first = bytes((await reader.read()).value.to_py()).decode()
        read_from = made.bodyUsed
        try:
            made.clone()
            locked = "cloned"
        except Exception as error:
            locked = str(error)
        reader.releaseLock()
        copy = made.clone()
        state = [made.bodyUsed, copy.bodyUsed]
        again = copy.clone()
        texts = await asyncio.gather(made.text(), copy.text(), again.text())
        await writing
        return Response.json([first, read_from, locked, state, texts])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["js", "internal"])
async def test_the_clone_and_the_original_each_read_the_rest(tmp_path, kind):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(f"/{kind}")).json() == [
        "hello ", True, "TypeError: This ReadableStream is currently locked to a reader,", [False, False],
        ["world", "world", "world"]]


WHILE_READ = """
import asyncio
from js import Response as JsResponse, TransformStream
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        made = JsResponse.new(stream.readable)
        text = asyncio.ensure_future(made.text())
        await asyncio.sleep(0)
        try:
            made.clone()
            refused = None
        except Exception as error:
            refused = str(error)
        await writer.write(to_js(b"ab"))
        await writer.close()
        return Response.json([refused, await text])
"""


@pytest.mark.asyncio
async def test_a_body_being_read_whole_refuses_a_clone(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, WHILE_READ))
    assert await (await worker.fetch("/")).json() == ["TypeError: This ReadableStream is currently locked to a reader,", "ab"]


SENT = """
import asyncio
from js import Response as JsResponse, TransformStream
from pyodide.ffi import to_js
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        made = JsResponse.new(stream.readable)
        copy = made.clone()

        async def write():
            for piece in (b"one ", b"two"):
                await writer.write(to_js(piece))
            await writer.close()

        self.ctx.waitUntil(asyncio.ensure_future(write()))
        self.ctx.waitUntil(asyncio.ensure_future(copy.text()))
        return made
"""


@pytest.mark.asyncio
async def test_the_original_is_sent_while_the_clone_is_read(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, SENT))
    assert await (await worker.fetch("/")).text() == "one two"


PULLED = """
from js import Object, ReadableStream, Response as JsResponse
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        pulls = [0]

        def pull(controller):
            pulls[0] += 1
            if pulls[0] > 3:
                controller.close()
            else:
                controller.enqueue(to_js(f"c{pulls[0]} ".encode()))

        source = to_js({"pull": create_proxy(pull)}, dict_converter=Object.fromEntries)
        made = JsResponse.new(ReadableStream.new(source))
        reader = made.body.getReader()
        first = bytes((await reader.read()).value.to_py()).decode()
        reader.releaseLock()
        copy = made.clone()
        return Response.json([first, made.bodyUsed, copy.bodyUsed, await made.text(), await copy.text()])
"""


@pytest.mark.asyncio
async def test_a_pulled_stream_is_teed_too(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, PULLED))
    assert await (await worker.fetch("/")).json() == ["c1 ", False, False, "c2 c3 ", "c2 c3 "]


INCOMING = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = request.js_object
        reader = made.body.getReader()
        if request.url.endswith("/cancel"):
            await reader.cancel()
            first = 0
        else:
            first = (await reader.read()).value.byteLength
        reader.releaseLock()
        used = made.bodyUsed
        copy = made.clone()
        state = [made.bodyUsed, copy.bodyUsed]
        rest, copied = await made.text(), await copy.text()
        return Response.json([first, used, state, len(rest), len(copied)])
"""


@pytest.mark.parametrize("path, answer", [("/read", [4096, True, [False, False], 5904, 5904]),
                                          ("/cancel", [0, True, [False, False], 0, 0])])
def test_an_incoming_request_read_in_part_clones_to_the_rest(tmp_path, path, answer):
    """An incoming request's body (sent over HTTP) a released reader read part of, or canceled:
    the clone and the original each read what is left (workerd tees it). workers-env refused
    the clone as locked."""
    with BackgroundServer(load_worker(one_file_worker(tmp_path, INCOMING))) as server:
        host, port = server.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("POST", path, body=b"x" * 10000)
        body = connection.getresponse().read()
        connection.close()
    assert json.loads(body) == answer
