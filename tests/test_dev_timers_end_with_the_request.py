"""Under ``workers-env dev`` a JS timer ends with its request too (workerd's IoContext teardown,
io-context.c++): a ``setTimeout`` a handler left behind never runs once the response is sent.
A client that hangs up ends its request as workerd ends it -- the handler and the pump of its
body are cancelled, its ``waitUntil`` work settles, then the IoContext goes with its timers: an
event stream fed by a ``setInterval`` (or by a ``waitUntil`` loop, whose next write fails
once the body is canceled) stops when its client leaves. Once, such a stream went on writing
to nobody for as long as dev ran."""

from __future__ import annotations

import logging
import socket
import time

import pytest
from worker_helpers import one_file_worker, served_text

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import TextEncoder, TransformStream, setInterval, setTimeout
from pyodide.ffi import create_once_callable, create_proxy
from workers import Response, WorkerEntrypoint

TICKS = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        kv = self.env.KV
        if path == "/left-behind":
            async def write():
                await kv.put("left-behind", "written")
            setTimeout(create_once_callable(write), 50)
            return Response("answered at once")
        if path == "/kv":
            return Response(str(await kv.get("left-behind")))
        if path == "/ticks":
            return Response(str(len(TICKS)))
        stream = TransformStream.new()
        writer = stream.writable.getWriter()
        encoder = TextEncoder.new()
        if path == "/interval":  # server-sent events from a setInterval, never closed
            def tick():
                TICKS.append(1)
                writer.write(encoder.encode(f"data: {len(TICKS)}\\n\\n"))
            setInterval(create_proxy(tick), 10)
        else:  # the same from a waitUntil loop
            async def produce():
                while True:
                    TICKS.append(1)
                    await writer.write(encoder.encode(f"data: {len(TICKS)}\\n\\n"))
                    await asyncio.sleep(0.01)
            self.ctx.waitUntil(produce())
        return Response(stream.readable, headers={"content-type": "text/event-stream"})
"""


def test_a_timer_a_handler_left_behind_never_runs(tmp_path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))) as server:
        assert served_text(server, "/left-behind") == "answered at once"
        time.sleep(1.0)  # twenty times the timer's delay
        assert served_text(server, "/kv") == "None"


@pytest.mark.parametrize("path", ["/interval", "/loop"])
def test_an_event_stream_stops_when_its_client_hangs_up(tmp_path, caplog, path):
    caplog.set_level(logging.ERROR)
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY, extra=KV))) as server:
        host, port = server.url.removeprefix("http://").split(":")
        client = socket.create_connection((host, int(port)), timeout=10)
        client.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        received = b""
        while received.count(b"data: ") < 3:
            received += client.recv(65536)
        client.close()
        ticks, deadline = int(served_text(server, "/ticks")), time.monotonic() + 20
        while True:  # until dev has seen the client go (a count that stays put a while)
            time.sleep(0.3)
            now = int(served_text(server, "/ticks"))
            if now == ticks or time.monotonic() > deadline:
                break
            ticks = now
        assert now == ticks, "the stream is still being written after its client left"
        time.sleep(1.0)  # a hundred times its period
        assert int(served_text(server, "/ticks")) == ticks
    assert "had hung" not in caplog.text
