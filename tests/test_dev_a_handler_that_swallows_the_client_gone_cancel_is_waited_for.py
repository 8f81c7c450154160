"""When the client leaves, the server cancels the request's handler and waits for it to unwind
before it lets the request go: a handler that swallows the cancellation (a bare ``except:``) and
answers with a stream still has its answer sent out, so its writer is not left waiting for a read
that never comes and nothing is logged (audit26's hand mutant CG2: without that wait the request's
task was abandoned mid-send, uvicorn logged its ``GeneratorExit`` and the writes hung). What the
writes give here -- all taken, the client being gone -- is not pinned: workerd does not cancel a
handler when its client leaves, and fails the writes of a body it cannot send (see
test_dev_a_body_being_written_fails_as_workerds_when_its_client_leaves.py)."""

from __future__ import annotations

import logging
import socket
import time

from worker_helpers import one_file_worker, served_text

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
import json
from urllib.parse import urlparse
from js import TextEncoder, TransformStream
from workers import Response, WorkerEntrypoint

SEEN = {}
CHUNK = TextEncoder.new().encode("x" * 20000)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if urlparse(request.url).path == "/seen":
            return Response(json.dumps(SEEN))
        try:
            await asyncio.sleep(5)
        except BaseException:
            SEEN["handler"] = "cancelled"
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def produce():
            for _ in range(20):
                try:
                    await writer.write(CHUNK)
                except Exception:
                    break
                await asyncio.sleep(0.01)
            try:
                await writer.close()
            except Exception:
                pass
            SEEN["writes"] = "ended"

        self.ctx.waitUntil(produce())
        return Response(stream.readable)
"""


def test_its_answer_is_sent_out_and_nothing_is_logged(tmp_path, caplog):
    caplog.set_level(logging.ERROR)
    with BackgroundServer(load_worker(one_file_worker(tmp_path, ENTRY))) as server:
        host, port = server.url.removeprefix("http://").split(":")
        client = socket.create_connection((host, int(port)), timeout=10)
        client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        time.sleep(0.3)
        client.close()
        deadline = time.monotonic() + 10
        while "writes" not in (found := served_text(server, "/seen")) and time.monotonic() < deadline:
            time.sleep(0.1)
    assert found == '{"handler": "cancelled", "writes": "ended"}'
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
