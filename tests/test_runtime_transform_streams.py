"""``TransformStream``: a Response body written after the handler returns -- read whole by
``worker.fetch`` once the writer closes, chunk by chunk by a reader, sent as it is written by
``workers-env dev``; a body nothing can close any more is workerd's hung-request error (texts
from a probe under ``wrangler dev`` 4.164.0)."""

from __future__ import annotations

import asyncio
import http.client
import time

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, js, load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
from js import TransformStream, TextEncoder, Response as JsResponse
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        encoder = TextEncoder.new()

        async def produce():
            for i in range(3):
                await writer.write(encoder.encode(f"data: {i}\\n\\n"))
                await asyncio.sleep(0.15 if "slow" in request.url else 0.001)
            await writer.close()

        if "task" in request.url:
            asyncio.ensure_future(produce())  # a plain task: the stream keeps the request alive
        elif "never" not in request.url:
            self.ctx.waitUntil(produce())
        return JsResponse.new(stream.readable, headers=[["content-type", "text/event-stream"]])
"""


def project(tmp_path):
    return one_file_worker(tmp_path, ENTRY)


@pytest.mark.asyncio
async def test_a_streamed_body_is_read_whole_once_its_writer_closes(tmp_path):
    worker = load_worker(project(tmp_path))
    for path in ("/", "/task"):
        response = await worker.fetch(path)
        assert (response.status, response.headers.get("content-type")) == (200, "text/event-stream")
        assert await response.text() == "data: 0\n\ndata: 1\n\ndata: 2\n\n"
    with pytest.raises(JsException, match="detected that your Worker's code had hung and would never generate a response"):
        await (await worker.fetch("/never")).text()


@pytest.mark.asyncio
async def test_a_reader_gets_the_chunks_as_they_are_written():
    stream = js.TransformStream.new()
    writer = stream.writable.getWriter()
    reader = stream.readable.getReader()
    write = asyncio.ensure_future(writer.write(js.TextEncoder.new().encode("a")))
    first = await reader.read()
    assert (first.done, first.value.to_bytes()) == (False, b"a")
    await write  # resolved by the read
    pending = asyncio.ensure_future(reader.read())
    await asyncio.sleep(0.01)
    assert not pending.done()  # waits for the next chunk
    write = asyncio.ensure_future(writer.write(js.Uint8Array.new(js.ArrayBuffer.new(2))))
    assert (await pending).value.to_bytes() == b"\x00\x00"
    await write
    closing = asyncio.ensure_future(writer.close())
    assert (await reader.read()).done
    await closing
    with pytest.raises(JsException, match="This WritableStream has been closed."):
        await writer.write(js.TextEncoder.new().encode("late"))
    text_stream = js.TransformStream.new()
    text_writer = text_stream.writable.getWriter()
    writing = asyncio.ensure_future(text_writer.write("not bytes"))  # fine on the writable side ...
    asyncio.ensure_future(text_writer.close())
    with pytest.raises(JsException, match="This ReadableStream did not return bytes."):
        await js.Response.new(text_stream.readable).text()  # ... not as a body
    await writing
    with pytest.raises(Exception, match="not emulated"):
        js.TransformStream.new(js.Object.fromEntries(js.Array.new()))


def test_workers_env_dev_sends_each_chunk_as_it_is_written(tmp_path):
    with BackgroundServer(load_worker(project(tmp_path))) as server:
        host, port = server.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", "/slow")
        started = time.monotonic()
        response = connection.getresponse()
        assert response.getheader("transfer-encoding") == "chunked" and response.getheader("content-length") is None
        first = response.read1()
        first_at = time.monotonic() - started
        rest = response.read()
        total = time.monotonic() - started
        connection.close()
    assert first + rest == b"data: 0\n\ndata: 1\n\ndata: 2\n\n"
    assert first.startswith(b"data: 0") and first_at < total - 0.2  # the first chunk came before the last was written


def test_a_request_body_from_an_open_stream_says_it_is_not_emulated():
    stream = js.TransformStream.new()
    with pytest.raises(Exception, match="Request body read from a TransformStream still being written is not emulated"):
        js.Request.new("https://e.com", method="POST", body=stream.readable)
