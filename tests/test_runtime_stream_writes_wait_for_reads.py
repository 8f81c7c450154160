"""A write to workerd's ``IdentityTransformStream``/``FixedLengthStream`` resolves only when a
read takes its chunk (identity-transform-stream.c++ ``writeHelper``: no read pending, the write
waits as a ``WriteRequest``), and so does one to a JavaScript ``TransformStream`` (its readable
side's highWaterMark is 0: standard.c++ ``TransformStreamDefaultController::write`` waits for
the pull a read makes). So ``await writer.write(chunk)`` or ``await request.body.pipeTo(fls.writable)``
before anything reads the readable hangs in production, which workerd ends with its
hung-request error; here both finished (the chunks were buffered), so a test passed for code
that hangs when deployed. Writing while the body is read (a pipe not awaited, ``waitUntil``, a
binding reading the readable) goes on working. ``desiredSize``/``ready`` are workerd's: 1 and
resolved for an internal stream without a highWaterMark (internal.c++ ``getDesiredSize``), the
``TransformStream`` writable's highWaterMark 1 less each chunk not read yet. A reader's
``read()`` after ``releaseLock()`` is workerd's TypeError (readable.c++ ``ReaderImpl::read``)."""

from __future__ import annotations

import http.client
import logging

import pytest
from worker_helpers import SETTLE, one_file_worker

from workers_env import JsException, load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, TransformStream, TextEncoder, Response as JsResponse
from workers import Response, WorkerEntrypoint

def made(kind, length=5):
    return {"fixed": lambda: FixedLengthStream.new(length), "identity": IdentityTransformStream.new,
            "transform": TransformStream.new}[kind]()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        how, kind = request.url.rsplit("/", 2)[1:]
        if how == "await-write":
            stream = made(kind)
            await stream.writable.getWriter().write(TextEncoder.new().encode("hello"))
            return JsResponse.new(stream.readable)
        if how in ("await-pipe", "pipe", "kv"):
            stream = made(kind, int(request.headers.get("content-length")))
            piped = request.body.pipeTo(stream.writable)
            if how == "await-pipe":
                await piped
            if how == "kv":
                await self.env.KV.put("k", stream.readable)
                return Response(await self.env.KV.get("k"))
            return JsResponse.new(stream.readable)
        if how == "wait-until":
            stream = made(kind)
            writer = stream.writable.getWriter()
            self.ctx.waitUntil(writer.write(TextEncoder.new().encode("hello")))
            self.ctx.waitUntil(writer.close())
            return JsResponse.new(stream.readable)
        if how == "sizes":
            stream = made(kind, 10)
            writer, reader = stream.writable.getWriter(), stream.readable.getReader()
            out = [writer.desiredSize]
            first = writer.write(TextEncoder.new().encode("a"))
            ready = writer.ready
            await settle()
            out += [first.done(), writer.desiredSize, ready.done()]
            value = (await reader.read()).value
            await first
            await ready
            out += [bytes(value.to_bytes()).decode(), writer.desiredSize]
            reader.releaseLock()
            try:
                await reader.read()
            except Exception as exc:
                out.append(str(exc))
            return Response.json(out)
""" + SETTLE

HUNG = "detected that your Worker's code had hung and would never generate a response"


def worker_for(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY, extra='[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'))


@pytest.mark.asyncio
@pytest.mark.parametrize("kind", ["fixed", "identity", "transform"])
async def test_a_write_or_a_pipe_awaited_before_anything_reads_is_workerds_hung_request(tmp_path, kind):
    worker = worker_for(tmp_path)
    with pytest.raises(JsException, match=HUNG):
        await worker.fetch(f"/await-write/{kind}")
    with pytest.raises(JsException, match=HUNG):
        await worker.fetch(f"/await-pipe/{kind}", method="POST", body=b"piped")
    # written while the body is read, or while a binding reads it: as in production
    assert await (await worker.fetch(f"/pipe/{kind}", method="POST", body=b"piped")).text() == "piped"
    assert await (await worker.fetch(f"/kv/{kind}", method="POST", body=b"stored")).text() == "stored"
    assert await (await worker.fetch(f"/wait-until/{kind}")).text() == "hello"


@pytest.mark.asyncio
@pytest.mark.parametrize(("kind", "waiting"), [("fixed", 1), ("identity", 1), ("transform", 0)])
async def test_desired_size_and_ready_follow_the_reads(tmp_path, kind, waiting):
    worker = worker_for(tmp_path)
    assert await (await worker.fetch(f"/sizes/{kind}")).json() == [
        1,
        # the write waits for its read; a TransformStream's ready (written in the turn that made it)
        # resolves once its start settles, though desiredSize is 0 (the jsapi differential's probe)
        False, waiting, True,
        "a", 1,
        "TypeError: This ReadableStream reader has been released.",
    ]


def test_workers_env_dev_answers_a_hung_request_with_a_500(tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    with BackgroundServer(worker_for(tmp_path)) as server:
        host, port = server.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", "/await-write/fixed")
        status = connection.getresponse().status
        connection.close()
    assert status == 500
    assert HUNG in caplog.text
