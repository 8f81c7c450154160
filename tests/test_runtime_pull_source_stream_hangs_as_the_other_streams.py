"""A ``new ReadableStream({pull})`` body is checked for workerd's hung request by the same rule as
the other streams (runtime/stalls.py): hung when every task of the request waits on a stream
and no JS timer of it is pending, with the same error text. A ``pull`` that settles having
enqueued nothing is not asked again for that read (the streams spec's ``pullAgain``; workerd's
standard.c++ ``pullIfNeeded``): the read waits for other code to enqueue, and one whose promise
is pending is not asked again until it settles. Once, such a pull was asked again every
millisecond and the request was called hung only when its task was the last one on the whole
event loop: under ``worker.fetch`` a source that can never enqueue read on for ever, and a pull
that enqueues from a timer was asked again every millisecond while its timer was pending (36
times for three chunks), each asking setting another timer."""

from __future__ import annotations

import asyncio
import http.client
import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker
from workers_env.runtime.server import BackgroundServer

#: workerd's text (checked under wrangler dev 4.164.0)
HANGING = ("Error: The Workers runtime canceled this request because it detected that your Worker's code had hung and "
           "would never generate a response. Refer to: https://developers.cloudflare.com/workers/observability/errors/")

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import Object, Promise, ReadableStream, TextEncoder, TransformStream, setTimeout
from pyodide.ffi import create_once_callable, create_proxy, to_js
from workers import Response, WorkerEntrypoint

ENC = TextEncoder.new()
PULLS = []


def stream_of(pull):
    return ReadableStream.new(to_js({"pull": create_proxy(pull)}, dict_converter=Object.fromEntries))


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        items = iter(["a", "b", "c"])

        def next_or_close(controller):
            item = next(items, None)
            if item is None:
                controller.close()
            else:
                controller.enqueue(ENC.encode(item))

        if path == "/never":  # a pull that enqueues nothing, and nothing else could
            return Response(stream_of(lambda controller: None))
        if path == "/waits-on-a-stream":  # a pull waiting on a write nobody reads
            async def pull(controller):
                await TransformStream.new().writable.getWriter().write(ENC.encode("lost"))
            return Response(stream_of(pull))
        if path == "/transform":  # the same wait, for the other kind's text
            await TransformStream.new().writable.getWriter().write(ENC.encode("lost"))
        if path == "/slow":  # each chunk after a wait
            async def pull(controller):
                await asyncio.sleep(0.05)
                next_or_close(controller)
            return Response(stream_of(pull))
        if path == "/timer":  # the pull returns, a timer enqueues (one timer at a time)
            armed = []
            def fire():
                armed.clear()
                next_or_close(controller_of[0])
            controller_of = []
            def pull(controller):
                controller_of[:] = [controller]
                if not armed:
                    armed.append(setTimeout(create_once_callable(fire), 20))
            return Response(stream_of(pull))
        if path == "/promise":  # the JavaScript way: the pull's promise settles once it has enqueued
            def pull(controller):
                PULLS.append(1)
                def executor(resolve, reject):
                    def fire():
                        next_or_close(controller)
                        resolve()
                    setTimeout(create_once_callable(fire), 20)
                return Promise.new(create_once_callable(executor))
            return Response(stream_of(pull))
        if path == "/other-task":  # the pull enqueues nothing; a waitUntil task does, later
            held = []
            def pull(controller):
                held.append(controller)
            async def feed():
                while not held:
                    await asyncio.sleep(0.01)
                for _ in range(4):
                    await asyncio.sleep(0.05)
                    next_or_close(held[0])
            self.ctx.waitUntil(feed())
            return Response(stream_of(pull))
        return Response(str(len(PULLS)))
"""


def worker_in(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY))


async def failure(worker, path: str) -> str:
    with pytest.raises(JsException) as caught:
        await asyncio.wait_for((await worker.fetch(path)).text(), 30)
    return str(caught.value)


@pytest.mark.asyncio
async def test_a_pull_source_nothing_can_fill_is_a_hung_request_as_the_other_streams(tmp_path):
    worker = worker_in(tmp_path)
    with pytest.raises(JsException) as transform:
        await asyncio.wait_for(worker.fetch("/transform"), 30)
    assert str(transform.value) == HANGING
    assert await failure(worker, "/never") == str(transform.value)
    assert await failure(worker, "/waits-on-a-stream") == str(transform.value)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/slow", "/timer", "/promise", "/other-task"])
async def test_a_slow_pull_source_that_goes_on_is_not_hung(tmp_path, path):
    worker = worker_in(tmp_path)
    assert await asyncio.wait_for((await worker.fetch(path)).text(), 30) == "abc"
    if path == "/promise":  # not asked again while its promise is pending: once for each chunk and the close
        assert await (await worker.fetch("/pulls")).text() == "4"


def test_workers_env_dev_cuts_a_hung_pull_source_body_off_and_says_so(tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    with BackgroundServer(worker_in(tmp_path)) as server:
        host, port = server.url.removeprefix("http://").split(":")
        for path, whole in (("/slow", True), ("/never", False)):
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            connection.request("GET", path)
            response = connection.getresponse()
            assert response.status == 200
            if whole:
                assert response.read() == b"abc"
            else:
                with pytest.raises(http.client.IncompleteRead):
                    response.read()
            connection.close()
    # wrangler dev 4.164.0's two lines for it (tools/wrangler/hung_body_lines_probe.py, /pull): the
    # hang's Uncaught Error, then workerd's io-context line (before leftovers52 workers-env's own
    # "response stream failed" line, once)
    hang = HANGING.removeprefix("Error: ")
    assert [record.getMessage() for record in caplog.records if hang in record.getMessage()] == [
        f"Uncaught Error: {hang} ", f"Uncaught exception: workerd/io/io-context.c++:2067: failed: remote.jsg.Error: {hang}"]
