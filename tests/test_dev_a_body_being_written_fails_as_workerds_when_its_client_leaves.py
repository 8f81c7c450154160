"""Under ``workers-env dev`` a client that hangs up while its answer's body is still being
written fails the Worker's next write as workerd fails it (wrangler dev 4.164.0, a JS Worker
writing 20 kB every 50 ms, its client gone after 60 kB): a ``TransformStream``'s write rejects
with ``undefined`` -- Python code gets ``Error: undefined``, as for every stream whose error is
``undefined`` here -- an ``IdentityTransformStream``'s and a ``FixedLengthStream``'s with
``Error: Network connection lost.``, and a ``ReadableStream``'s source is canceled without a
reason. workers-env gave ``AbortError: The client has disconnected`` to all three writers, the
reason workerd gives a request's ``signal``, not its body. After that failed write the writer's
``ready`` still resolves and its ``desiredSize`` is ``null`` (TransformStream) or 0 (the other two),
as in workerd (the same probe with ``await w.ready`` and ``w.desiredSize`` after it).

That next write fails so whenever the client goes, also under load: workerd's body pump cancels
the stream right after the read whose chunk it fails to send, while the writer pauses
(tools/wrangler/client_leaves_probe.py: 84 of 84 for moments spread over the pause, 48 of them
under load ~10, and 16 of 16 with a task holding workerd's loop, 87 to 202 ms a turn where timed). Here the
body was canceled a few loop turns after its sending stopped, and a write made in between found
no read waiting and failed as one the cancel met (``TypeError: The readable side of this
TransformStream is no longer readable.``): ``/transform`` failed 2 of 50 runs under load (two
busy Python loops beside, flaky50); 50 of 50 once the cancel came in the step the sending stopped.
Since hangup51 the cancel comes as workerd's does, at the failed sending of the next chunk read,
at most a few loop turns after the read -- the writer's pause has just begun.

A writer that writes again as soon as its last write resolved (``?at-once``) has that write in
flight when workerd's pump cancels the body: it fails with ``TypeError: The readable side of this
TransformStream is no longer readable.`` and the writer's ``ready`` rejects with it (under wrangler
dev 21 of 21 in flaky50, 30 of 30 in hangup51's tools/wrangler/client_leaves_probe.py, clients
leaving early, late and with full buffers). workerd hears of the client only
when its pump fails to send a chunk it read, and cancels the body then -- after the writer's code
the read woke has run. workers-env canceled at the socket's close: the writer mostly got ``Error:
undefined`` with ``ready`` resolving; it now hears of the client as workerd does, at the sending
of the next piece (hangup51)."""

from __future__ import annotations

import socket
import time

import pytest
from worker_helpers import one_file_worker, served_text

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
import json
from urllib.parse import urlparse
import js
from js import FixedLengthStream, IdentityTransformStream, ReadableStream, TextEncoder, TransformStream
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint

SEEN = {}
CHUNK = TextEncoder.new().encode("x" * 20000 + "\\n")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/seen":
            return Response(json.dumps(SEEN))
        if path == "/pull":
            async def pull_later(controller):
                await asyncio.sleep(0.05)
                controller.enqueue(CHUNK)

            def cancel(reason):
                SEEN[path] = repr(reason)

            source = to_js({"pull": create_proxy(pull_later), "cancel": create_proxy(cancel)},
                           dict_converter=js.Object.fromEntries)
            return Response(ReadableStream.new(source))
        at_once = urlparse(request.url).query == "at-once"  # no pause between writes
        count = 100_000 if at_once else 100
        stream = (TransformStream.new() if path == "/transform" else IdentityTransformStream.new() if path == "/identity"
                  else FixedLengthStream.new(20001 * count))
        writer = stream.writable.getWriter()
        path += "?at-once" if at_once else ""

        async def produce():
            for _ in range(count):
                try:
                    await writer.write(CHUNK)
                except Exception as exc:
                    try:
                        await writer.ready
                        ready = "resolves"
                    except Exception as later:
                        ready = f"rejects {later}"
                    SEEN[path] = f"{type(exc).__name__}: {exc}; ready {ready}; desiredSize {writer.desiredSize}"
                    return
                if not at_once:
                    await asyncio.sleep(0.05)

        self.ctx.waitUntil(produce())
        return Response(stream.readable)
"""


GONE = "TypeError: The readable side of this TransformStream is no longer readable."


@pytest.mark.parametrize(("path", "seen"), [
    ("/transform", "JsException: Error: undefined; ready resolves; desiredSize jsnull"),
    ("/identity", "JsException: Error: Network connection lost.; ready resolves; desiredSize 0"),
    ("/fixed", "JsException: Error: Network connection lost.; ready resolves; desiredSize 0"),
    ("/pull", "None"),
    ("/transform?at-once", f"JsException: {GONE}; ready rejects {GONE}; desiredSize jsnull"),
    ("/identity?at-once", "JsException: Error: Network connection lost.; ready resolves; desiredSize 0"),
])
def test_the_next_write_fails_as_workerds(tmp_path, path, seen):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY))) as server:
        host, port = server.url.removeprefix("http://").split(":")
        client = socket.create_connection((host, int(port)), timeout=10)
        client.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        received = 0
        while received < 60000:
            received += len(client.recv(65536))
        client.close()
        deadline = time.monotonic() + 10
        while path not in (found := served_text(server, "/seen")) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert found == f'{{"{path}": "{seen}"}}'
