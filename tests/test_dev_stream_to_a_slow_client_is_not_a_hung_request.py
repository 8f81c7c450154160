"""A Worker streaming its response from a ``waitUntil`` task (or a pipe it waits on) while the
client reads slowly is not hung: in workerd each write waits for the response pump's read, and
that pump waits on the socket, which is I/O in flight, so the request goes on (the body arrives
whole). Here the dev server's task sending the body is counted as one the request waits for,
so a write waiting while it sends (``await send`` paused by a full socket) is not the
hung-request error -- which before cut the body short after a few milliseconds of a slow
client and logged ``The Workers runtime canceled this request ...``."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
from js import IdentityTransformStream, Object, TransformStream, ReadableStream, Response as JsResponse
from pyodide.ffi import to_js
from workers import WorkerEntrypoint

CHUNK = to_js(b"x" * 65536)  # a Uint8Array: a Python bytes would reach the stream as a PyProxy
COUNT = 100

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        how, kind = request.url.rsplit("/", 2)[1:]
        stream = TransformStream.new() if kind == "transform" else IdentityTransformStream.new()
        if how == "pipe":
            sent = {"n": 0}
            def pull(controller):
                if sent["n"] == COUNT:
                    controller.close()
                else:
                    sent["n"] += 1
                    controller.enqueue(CHUNK)
            self.ctx.waitUntil(ReadableStream.new(to_js({"pull": pull}, dict_converter=Object.fromEntries)).pipeTo(stream.writable))
        else:
            writer = stream.writable.getWriter()
            async def produce():
                for _ in range(COUNT):
                    await writer.write(CHUNK)
                await writer.close()
            self.ctx.waitUntil(produce())
        return JsResponse.new(stream.readable)
"""

HUNG = "had hung"
#: the client is slow for the first MiB: by then the socket's buffers are full and the Worker's
#: writes wait (the hung-request error cut the body there, a few milliseconds in); the rest is
#: read at once
SLOW_BYTES = 1024 * 1024


def slow_read(url: str, path: str) -> bytes:
    """The response to ``GET path`` read by a client that waits a while before each read of
    its first :data:`SLOW_BYTES`."""
    host, port = url.removeprefix("http://").split(":")
    client = socket.socket()
    client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 32768)  # before connecting: a small window
    client.settimeout(30)
    client.connect((host, int(port)))
    client.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while chunk := client.recv(262144):
        data += chunk
        if len(data) < SLOW_BYTES:
            time.sleep(0.01)
    client.close()
    return data


@pytest.mark.parametrize("how", ["write", "pipe"])
@pytest.mark.parametrize("kind", ["transform", "identity"])
def test_a_slow_client_gets_the_whole_streamed_body(tmp_path, caplog, how, kind):
    caplog.set_level(logging.ERROR)
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with BackgroundServer(worker) as server:
        data = slow_read(server.url, f"/{how}/{kind}")
    head, _, body = data.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert body.count(b"x") == 100 * 65536
    assert body.endswith(b"0\r\n\r\n")
    assert HUNG not in caplog.text
