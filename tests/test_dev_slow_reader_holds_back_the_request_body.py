"""``workers-env dev`` takes a request body in only as the Worker reads it, with a read-ahead
(``READ_AHEAD``): a Worker reading slowly makes the server stop receiving (uvicorn then stops
reading the socket and TCP holds the client back, as workerd's stream does), rather than the
body piling up in memory up to the size limit. Driven through the dev server's ASGI app with a
``receive()`` that always has the next piece at once, which the server used to drain whole."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.requestbody import READ_AHEAD
from workers_env.runtime.workerapp import WorkerApp

PIECE = 4096
PIECES = 256  # 1 MiB, 16 times the read-ahead

ENTRY = """
import asyncio

from js import Response, TransformStream
from workers import WorkerEntrypoint


async def slowly():
    for _ in range(5):
        await asyncio.sleep(0)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ctx = self.ctx
        path = request.url.split("/", 3)[3]
        if path == "echo":  # each piece read (slowly) goes into the answer as it is read
            stream = TransformStream.new()
            writer = stream.writable.getWriter()

            async def pump():
                reader = request.body.getReader()
                while not (piece := await reader.read()).done:
                    await slowly()
                    await writer.write(piece.value)
                await writer.close()

            ctx.waitUntil(pump())
            return Response.new(stream.readable)
        if path == "text":
            await slowly()
            return Response.new(str(len(await request.text())))
        if path == "clone":  # synchronous code waiting for the whole body
            await slowly()
            copy = request.js_object.clone()
            return Response.new(str((await copy.arrayBuffer()).byteLength))
        return Response.new("?")
"""


class Client:
    """A client whose every next piece of the body is there at once; notes how far the server's
    pulls ran ahead of what the Worker has echoed back."""

    def __init__(self) -> None:
        self.pulled = 0
        self.echoed = 0
        self.ahead = 0
        self.left = PIECES
        self.sent: list[dict[str, Any]] = []

    async def receive(self) -> dict[str, Any]:
        if self.left == 0:  # the whole body sent: the client waits for its answer
            await asyncio.get_running_loop().create_future()
        self.left -= 1
        self.pulled += PIECE
        self.ahead = max(self.ahead, self.pulled - self.echoed)
        return {"type": "http.request", "body": b"x" * PIECE, "more_body": self.left > 0}

    async def send(self, message: dict[str, Any]) -> None:
        self.sent.append(message)
        if message["type"] == "http.response.body":
            self.echoed += len(message.get("body", b""))

    def answer(self) -> bytes:
        return b"".join(m.get("body", b"") for m in self.sent if m["type"] == "http.response.body")


def scope(path: str) -> dict[str, Any]:
    return {"type": "http", "method": "POST", "path": path, "raw_path": path.encode(), "query_string": b"",
            "headers": [(b"host", b"localhost"), (b"transfer-encoding", b"chunked")], "scheme": "http",
            "server": ("localhost", 8787), "client": ("127.0.0.1", 1), "http_version": "1.1"}


@pytest.fixture
def app(tmp_path: Path) -> WorkerApp:
    return WorkerApp(load_worker(one_file_worker(tmp_path, ENTRY)))


@pytest.mark.asyncio
async def test_a_slow_reader_keeps_the_server_within_the_read_ahead(app: WorkerApp) -> None:
    client = Client()
    await app(scope("/echo"), client.receive, client.send)
    assert client.answer() == b"x" * PIECE * PIECES
    assert client.ahead <= READ_AHEAD + 4 * PIECE  # (the old server pulled the whole MiB at once)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/text", "/clone"])
async def test_a_whole_read_takes_in_the_body_past_the_read_ahead(app: WorkerApp, path: str) -> None:
    """``text()`` and the synchronous wait of ``clone()`` are reads of every piece: they are not
    held back by the read-ahead (which would leave them waiting for ever)."""
    client = Client()
    await app(scope(path), client.receive, client.send)
    assert client.answer() == str(PIECE * PIECES).encode()


@pytest.mark.asyncio
async def test_the_body_keeps_no_more_than_the_read_ahead_and_no_piece_once_read() -> None:
    """The incoming body itself, read slowly: what it holds (``kept_bytes()``) stays within the
    read-ahead, as pieces read are let go."""
    from workers_env.runtime.livebytestream import END
    from workers_env.runtime.requestbody import IncomingBody, Upload

    client = Client()
    body = IncomingBody()
    pump = asyncio.ensure_future(Upload(client.receive, body, limit=10 * PIECE * PIECES).pump())
    kept, read = 0, 0
    while (chunk := await body.next_value()) is not END:
        read += len(chunk)
        for _ in range(5):  # a slow reader
            await asyncio.sleep(0)
        kept = max(kept, body.kept_bytes())
    pump.cancel()
    assert read == PIECE * PIECES
    assert kept <= READ_AHEAD + PIECE
