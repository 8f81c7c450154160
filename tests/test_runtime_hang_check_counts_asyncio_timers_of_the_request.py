"""The hang check counts every asyncio timer the request's code set on the loop as a pending
timer: Pyodide's WebLoop makes ``loop.call_later``/``loop.call_at`` (so an ``asyncio.timeout``'s
deadline, ``asyncio.wait_for``'s) a JavaScript ``setTimeout``, which keeps a workerd request
alive. A write awaited before a reader that a ``call_later`` callback starts goes on once the
callback runs; a cancelled handle counts no more (the write nobody reads is the hung-request
error), nor does another request's. Once, only ``js.setTimeout``'s timers counted: the
``call_later`` and ``call_at`` cases and the ``asyncio.timeout`` one were reported hung (a 500)."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import hang_seen_worker

from workers_env import JsException

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import TextDecoder, TextEncoder, TransformStream
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        loop = asyncio.get_running_loop()
        stream = TransformStream.new()
        got = []

        async def read():
            chunk = await stream.readable.getReader().read()
            got.append(TextDecoder.new().decode(chunk.value))

        def start_reader():
            asyncio.ensure_future(read())

        if path == "/call_later":
            loop.call_later(0.05, start_reader)
        elif path == "/call_at":
            loop.call_at(loop.time() + 0.05, start_reader)
        elif path == "/call_soon_chain":
            def hop(left):
                if left:
                    loop.call_soon(hop, left - 1)
                else:
                    start_reader()
            loop.call_soon(hop, 300)
        elif path == "/call_soon_chain_for_50_ms":  # hops over several of the check's runs: none judges it hung
            end = loop.time() + 0.05

            def hop_until():
                if loop.time() < end:
                    loop.call_soon(hop_until)
                else:
                    start_reader()
            loop.call_soon(hop_until)
        elif path == "/cancelled":
            loop.call_later(0.05, start_reader).cancel()
        elif path in ("/timeout", "/wait_for"):
            write = stream.writable.getWriter().write(TextEncoder.new().encode("nobody reads this"))
            try:
                if path == "/timeout":
                    async with asyncio.timeout(0.05):
                        await write
                else:
                    await asyncio.wait_for(write, 0.05)
            except TimeoutError:
                return Response("timed out")
            return Response("written")
        elif path == "/other-has-a-timer":
            handle = loop.call_later(60, lambda: None)  # pending while the other request waits
            for _ in range(200):  # up to 2 s: until the other request has been reported hung
                if self.env.SEEN.hung():
                    break
                await asyncio.sleep(0.01)
            handle.cancel()
            return Response("hung first" if self.env.SEEN.hung() else "timer cancelled first")
        await stream.writable.getWriter().write(TextEncoder.new().encode("read after " + path))
        await asyncio.sleep(0)  # the reader's task takes its chunk
        return Response(" ".join(got))
"""


@pytest.fixture
def worker_and_seen(tmp_path):
    return hang_seen_worker(tmp_path, ENTRY)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/call_later", "/call_at", "/call_soon_chain", "/call_soon_chain_for_50_ms"])
async def test_a_reader_started_by_a_loop_callback_is_waited_for(worker_and_seen, path):
    worker, _ = worker_and_seen
    response = await worker.fetch(path)
    assert (response.status, await response.text()) == (200, f"read after {path}")


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/timeout", "/wait_for"])
async def test_a_timeout_around_a_write_nobody_reads_fires(worker_and_seen, path):
    worker, _ = worker_and_seen
    response = await worker.fetch(path)
    assert await response.text() == "timed out"


@pytest.mark.asyncio
async def test_a_cancelled_call_later_does_not_hold_a_hang_back(worker_and_seen):
    worker, _ = worker_and_seen
    with pytest.raises(JsException, match="your Worker's code had hung"):
        await worker.fetch("/cancelled")


@pytest.mark.asyncio
async def test_another_requests_call_later_does_not_hide_a_hang(worker_and_seen):
    worker, seen = worker_and_seen

    async def hung() -> None:
        with pytest.raises(JsException, match="your Worker's code had hung"):
            await worker.fetch("/cancelled")
        seen.state["hung"] = True

    timer, _ = await asyncio.gather(worker.fetch("/other-has-a-timer"), hung())
    assert await timer.text() == "hung first"
