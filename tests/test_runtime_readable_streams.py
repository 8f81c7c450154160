"""``new ReadableStream(source)``: a body filled by the source's ``start`` and ``pull`` (the
streaming example of Cloudflare's Python Workers docs), read by ``worker.fetch``, by a reader
and chunk by chunk by ``workers-env dev``; a source JavaScript cannot see (a ``Map``) leaves
the body unfinished, which is workerd's hung-request error."""

from __future__ import annotations

import asyncio
import http.client

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, js, load_worker, to_js
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
from js import Object, ReadableStream, TextEncoder
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        enc = TextEncoder.new()
        if "pull" in request.url:
            items = iter(range(3))

            def pull(controller):
                try:
                    controller.enqueue(enc.encode(f"line {next(items)}\\n"))
                except StopIteration:
                    controller.close()

            source = to_js({"pull": create_proxy(pull)}, dict_converter=Object.fromEntries)
        else:
            async def start(controller):
                for i in range(3):
                    controller.enqueue(enc.encode(f"chunk {i}\\n"))
                    await asyncio.sleep(0.01)
                controller.close()

            converter = None if "map" in request.url else Object.fromEntries
            source = to_js({"start": create_proxy(start)}, dict_converter=converter)
        return Response(ReadableStream.new(source), headers={"Content-Type": "text/plain"})
"""


@pytest.mark.asyncio
async def test_start_and_pull_sources_fill_the_body(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/start")).text() == "chunk 0\nchunk 1\nchunk 2\n"
    assert await (await worker.fetch("/pull")).text() == "line 0\nline 1\nline 2\n"
    # to_js(dict) without dict_converter: from Pyodide 0.28 a LiteralMap, whose keys are properties
    assert await (await worker.fetch("/map")).text() == "chunk 0\nchunk 1\nchunk 2\n"
    # on Pyodide 0.26 (dates before 2025-09-29) a plain Map: JavaScript reads no start from it
    old = load_worker(one_file_worker(tmp_path / "old", ENTRY, date="2025-09-01"))
    with pytest.raises(JsException, match="would never generate a response"):
        await (await old.fetch("/map")).text()


@pytest.mark.asyncio
async def test_a_pull_source_is_asked_one_chunk_ahead_of_its_reader_and_cancel_reaches_it():
    """workerd's ``pullIfNeeded`` (standard.c++): the source is asked as soon as its (absent)
    ``start`` settles and whenever fewer chunks than the highWaterMark (1) wait unread and
    nothing pulls; a read served from the queue asks nothing (queue.c++ ``handleRead``), one
    that finds it empty asks, and the chunk handed to it leaves room, so the source is asked
    again (``pullAgain``) -- not once per read, as workers-env once had it."""
    pulled, cancelled = [], []

    def pull(controller):
        pulled.append(len(pulled))
        controller.enqueue(to_js(bytes([len(pulled)])))

    source = to_js({"pull": pull, "cancel": cancelled.append}, dict_converter=js.Object.fromEntries)
    stream = js.ReadableStream.new(source)
    assert pulled == [0]  # asked in the constructor, before any read
    reader = stream.getReader()
    assert (await reader.read()).value.to_bytes() == b"\x01"
    await asyncio.sleep(0.01)
    assert pulled == [0]  # taken from the queue: nothing asked
    assert (await reader.read()).value.to_bytes() == b"\x02"
    await asyncio.sleep(0.01)
    assert pulled == [0, 1, 2]  # the empty queue asked, then once more to fill it again
    with pytest.raises(JsException, match="This ReadableStream is currently locked to a reader."):
        await stream.cancel("enough")  # workerd's readable.c++ cancel(): a locked stream refuses
    assert cancelled == []
    await reader.cancel("enough")  # its reader's cancel() is the way
    assert cancelled == ["enough"] and (await reader.read()).done  # the chunk asked ahead is dropped



@pytest.mark.asyncio
async def test_what_the_source_throws_errors_the_stream_as_workerd_does():
    """A probe under wrangler dev 4.164.0: the constructor never throws; a read rejects with
    what ``start``/``pull`` threw or ``error(reason)`` gave; an error after ``close()`` is moot."""
    def stream(**source):
        return js.ReadableStream.new(to_js(source, dict_converter=js.Object.fromEntries))

    async def first_read(readable):
        try:
            return "done" if (await readable.getReader().read()).done else "value"
        except Exception as exc:  # noqa: BLE001
            return str(exc)

    def boom(controller):
        raise JsException("boom")

    async def late(controller):
        raise JsException("late")

    assert await first_read(stream(start=lambda c: (c.close(), c.enqueue(to_js(b"x"))))) == "done"
    assert await first_read(stream(start=lambda c: (c.close(), c.close()))) == "done"
    assert await first_read(stream(start=lambda c: c.error(JsException("boom")))) == "Error: boom"
    assert await first_read(stream(start=boom)) == "Error: boom"
    assert await first_read(stream(start=late)) == "Error: late"
    assert await first_read(stream(pull=boom)) == "Error: boom"
    assert await first_read(stream(start=lambda c: c.error())) == (
        "TypeError: Failed to execute 'error' on 'ReadableStreamDefaultController': parameter 1 is not of type 'Value'.")


def test_workers_env_dev_streams_it(tmp_path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY))) as server:
        host, port = server.url.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        connection.request("GET", "/start")
        response = connection.getresponse()
        assert response.getheader("transfer-encoding") == "chunked"
        assert response.read() == b"chunk 0\nchunk 1\nchunk 2\n"
        connection.close()
