"""``worker.fetch``'s client of a streamed body the test has not read takes bytes, not chunks, off
the writer's hands, as a socket's buffer does -- a JavaScript twin under wrangler dev 4.164.0 let
7.9-12.6 MB be written for a client that read nothing, in chunks of 1 KiB to 1 MiB (1,024 KiB
chunks: 7,693-9,970; 64 KiB: 156-355; 1 MiB: 12): here 8 MiB, and 16,384 chunks at most. Before,
1,024 chunks whatever their size (64 MiB of 64 KiB chunks, 1 GiB of 1 MiB ones).

And once the test holds nothing of the body any more (the response, its ``body``, a reader), the
client is gone: the body is canceled as workerd cancels it when the client disconnects, so the
writer's next write fails and the request's tasks end. Before, 50 responses dropped unread kept
150 tasks and their chunks (66 MB of 1 KiB chunks, 400 MB with the byte hold) until the loop ended."""

from __future__ import annotations

import asyncio
import gc

import pytest
from worker_helpers import sdk_worker

from workers_env import load_worker
from workers_env.runtime.clientbody import CLIENT_HOLDS_BYTES

WRITER = """
from js import TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

SENT = []
STOPPED = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        size = int(request.url.split("?")[1])
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def write():
            try:
                while True:
                    await writer.write(Uint8Array.new(size))
                    SENT.append(size)
            except Exception as error:
                STOPPED.append(str(error))

        self.ctx.waitUntil(write())
        return Response(stream.readable)
"""


#: what the writer meets once the client went: its next write fails as workerd's does when the client
#: disconnects, a write waiting for room when that came V8's TransformStream error (a writer that
#: never waits fills the client's hold in about a second, sooner or later than the test's cancel)
GONE = {"Error: undefined", "TypeError: The readable side of this TransformStream is no longer readable."}


@pytest.fixture
def worker(tmp_path):
    return load_worker(sdk_worker(tmp_path, WRITER, "1.9.5"))


async def _settled(worker, at_least: int = 0) -> int:
    """The chunks written once ``at_least`` are (up to 60 s) and none came for 0.1 s: under a load
    of 30-40 a writer not yet begun was once a quiet 0.1 s, counted 0 (flake56)."""
    for _ in range(1200):
        if len(worker.module.SENT) >= at_least:
            break
        await asyncio.sleep(0.05)
    seen = -1
    while seen != len(worker.module.SENT):
        seen = len(worker.module.SENT)
        await asyncio.sleep(0.1)
    return seen


@pytest.mark.asyncio
@pytest.mark.parametrize(("size", "held"), [(64 * 1024, 128), (1024 * 1024, 8), (3 * 1024 * 1024, 3)])
async def test_the_client_takes_8_mib_unread(worker, size, held):
    """Chunks are taken while less than 8 MiB waits unread: the one that crosses it too."""
    response = await worker.fetch(f"/?{size}")
    assert await _settled(worker, held) == held
    assert (held - 1) * size < CLIENT_HOLDS_BYTES <= held * size
    reader = response.body.getReader()
    await reader.read()  # a read makes room for one more
    assert await _settled(worker, held + 1) == held + 1
    await reader.cancel()


def _tasks() -> int:
    return len([task for task in asyncio.all_tasks() if not task.done()])


@pytest.mark.asyncio
async def test_bodies_dropped_unread_end_their_requests(worker):
    before = _tasks()
    for _ in range(50):
        await worker.fetch("/?1024")  # its response dropped at once
    gc.collect()
    for _ in range(1200):  # until each writer met its gone client (up to 60 s: a fixed 0.3 s was short under load, flake56)
        if len(worker.module.STOPPED) >= 50:
            break
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    assert _tasks() == before
    assert len(worker.module.SENT) <= 100 and len(worker.module.STOPPED) == 50  # the client went: each writer stopped
    assert set(worker.module.STOPPED) <= GONE


@pytest.mark.asyncio
async def test_a_reader_kept_keeps_the_body(worker):
    """The response dropped, its reader kept: the client is still there."""
    reader = (await worker.fetch("/?10")).body.getReader()
    gc.collect()
    await asyncio.sleep(0.1)
    for _ in range(3):
        read = await reader.read()
        assert not read.done and read.value.length == 10
    assert worker.module.STOPPED == []
    await reader.cancel()
    await asyncio.sleep(0.1)
    assert len(worker.module.STOPPED) == 1 and set(worker.module.STOPPED) <= GONE


@pytest.mark.asyncio
async def test_a_clone_kept_keeps_the_body(worker):
    response = await worker.fetch("/?10")
    clone = response.clone()
    del response
    gc.collect()
    await asyncio.sleep(0.1)
    reader = clone.body.getReader()
    read = await reader.read()
    assert not read.done and read.value.length == 10 and worker.module.STOPPED == []
    await reader.cancel()


FINITE = """
import asyncio
from js import TransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

STOPPED = []
LATER = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def write():
            try:
                for _ in range(20):
                    await asyncio.sleep(0.01)
                    await writer.write(Uint8Array.new(10))
                await writer.close()
            except Exception as error:
                STOPPED.append(str(error))

        async def later():
            await asyncio.sleep(0.3)
            LATER.append("ran")

        self.ctx.waitUntil(write())
        self.ctx.waitUntil(later())
        return Response(stream.readable)
"""


async def _read_all(reader) -> int:
    got = 0
    while not (read := await reader.read()).done:
        got += read.value.length
    return got


async def _text_coroutine(response):
    return len(await response.text())


async def _tee_branch(response):
    kept, _ = response.body.tee()
    return lambda: _read_all(kept.getReader())


async def _body_in_a_new_response(worker, response):
    again = worker.module.Response(response.body)
    return lambda: _text_of(again)


async def _text_of(response):
    return len(await response.text())


@pytest.mark.asyncio
@pytest.mark.parametrize("kept", ["text coroutine", "reader", "tee branch", "new Response", "another task"])
async def test_what_the_test_keeps_of_the_body_keeps_the_client(tmp_path, kept):
    """Whatever the test keeps that reads the body -- a whole read's coroutine, a reader, a tee
    branch, a Response made of the body, a task holding the response -- the client stays: the body
    read to its end, the writer never failed (review69)."""
    worker = load_worker(sdk_worker(tmp_path, FINITE, "1.9.5"))
    response = await worker.fetch("/")
    if kept == "text coroutine":
        read = response.text()
    elif kept == "reader":
        reader = response.body.getReader()
        read = _read_all(reader)
    elif kept == "tee branch":
        read = (await _tee_branch(response))()
    elif kept == "new Response":
        read = (await _body_in_a_new_response(worker, response))()
    else:
        read = asyncio.ensure_future(_text_coroutine(response))
    del response
    gc.collect()
    await asyncio.sleep(0.05)
    gc.collect()
    got = await read
    assert (len(got) if isinstance(got, str) else got) == 200 and worker.module.STOPPED == []


@pytest.mark.asyncio
async def test_a_dropped_body_leaves_the_requests_other_waituntil_work_running(tmp_path):
    """A client that disconnects cancels the body, not the request's ``waitUntil`` work: workerd lets
    it run on (up to 30 s) -- the writer's next write fails, the other task still ends (review69)."""
    worker = load_worker(sdk_worker(tmp_path, FINITE, "1.9.5"))
    await worker.fetch("/")  # dropped at once
    gc.collect()
    await asyncio.sleep(0.5)
    assert len(worker.module.STOPPED) == 1 and set(worker.module.STOPPED) <= GONE
    assert worker.module.LATER == ["ran"]
