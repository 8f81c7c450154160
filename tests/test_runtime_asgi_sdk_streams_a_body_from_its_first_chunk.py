"""The external SDK's ASGI bridge (workers-runtime-sdk 1.1.1 on, workers-py
``runtime-sdk/src/workers/asgi.py``) streams a body: at the first ``http.response.body`` with
``more_body`` true it returns ``Response.new(transform_stream.readable, ...)`` and writes that
chunk and each later one to the stream as the app sends it, the last closing it. So under
``workers-env dev`` a Starlette ``StreamingResponse`` (server-sent events or not) goes out
chunked, each chunk as the app sends it -- the same wire as ``wrangler dev`` 4.164.0 gives a
JavaScript twin of the bridge. There is no server-sent-event case, as the built-in bridge has:
the headers wait for the first chunk. workers-env collected the body whole before (a
``Content-Length``, sent once the app ended)."""

from __future__ import annotations

import socket

import pytest
from worker_helpers import read_until, sdk_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio

import asgi
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route
from workers import WorkerEntrypoint

RELEASE = asyncio.Event()


async def parts():
    BEFORE_THE_FIRST
    yield b"data: one\\n\\n"
    await RELEASE.wait()  # until another request lets it go on
    yield b"data: two\\n\\n"


async def events(request):
    return StreamingResponse(parts(), media_type="text/event-stream")


async def release(request):
    RELEASE.set()
    return PlainTextResponse("released")


app = Starlette(routes=[Route("/events", events), Route("/release", release)])


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(app, request, self.env, self.ctx)
"""

GET = b"GET /%s HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"


def _release(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as other:
        other.sendall(GET % b"release")
        assert b"released" in read_until(other, b"released")


@pytest.mark.parametrize("sdk", ["1.1.1", "1.6.9", "1.9.5"])
def test_each_chunk_goes_out_as_the_app_sends_it(tmp_path, sdk):
    worker = load_worker(sdk_worker(tmp_path, ENTRY.replace("BEFORE_THE_FIRST", "pass"), sdk))
    with BackgroundServer(worker) as server, socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(GET % b"events")
        head, _, body = read_until(sock, b"data: one\n\n").partition(b"\r\n\r\n")  # while the app still waits
        lines = head.decode("latin-1").lower().split("\r\n")
        assert lines[0] == "http/1.1 200 ok"
        assert "transfer-encoding: chunked" in lines and not any(x.startswith("content-length") for x in lines)
        assert body == b"B\r\ndata: one\n\n\r\n"
        _release(server.port)
        assert read_until(sock, b"0\r\n\r\n") == b"B\r\ndata: two\n\n\r\n0\r\n\r\n"


def test_the_headers_wait_for_the_first_chunk(tmp_path):
    """Unlike the built-in bridge, which returns a ``text/event-stream`` response at
    ``http.response.start``: the external one knows no server-sent events."""
    worker = load_worker(sdk_worker(tmp_path, ENTRY.replace("BEFORE_THE_FIRST", "await RELEASE.wait()"), "1.9.5"))
    with BackgroundServer(worker) as server, socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(GET % b"events")
        sock.settimeout(0.5)
        with pytest.raises(TimeoutError):
            sock.recv(65536)
        sock.settimeout(20)
        _release(server.port)
        got = read_until(sock, b"0\r\n\r\n")
    assert got.startswith(b"HTTP/1.1 200 OK\r\n")
    assert got.endswith(b"\r\n\r\nB\r\ndata: one\n\n\r\nB\r\ndata: two\n\n\r\n0\r\n\r\n")


@pytest.mark.asyncio
async def test_the_worker_reads_every_chunk(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, ENTRY.replace("BEFORE_THE_FIRST", "pass").replace(
        "await RELEASE.wait()", "await asyncio.sleep(0)"), "1.9.5"))
    response = await worker.fetch("/events")
    assert (response.status, response.headers.get("content-length")) == (200, None)
    assert await response.text() == "data: one\n\ndata: two\n\n"
