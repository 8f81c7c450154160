"""The built-in ASGI bridge (compatibility dates before 2026-04-21) answers a server-sent-event
response as workerd's ``asgi.py`` does: at ``http.response.start`` naming ``text/event-stream``
it returns ``Response.new(transform_stream.readable, ...)``, writes each body message to the
stream as the app sends it and closes it with the last; the app runs on under
``ctx.waitUntil``. So ``workers-env dev`` sends the headers and each event as they come,
chunked (a stream of unknown length), and a stream that never ends -- an MCP server's standalone
``GET`` stream (danlapid/python-workers-mcp, dated 2025-04-10) -- answers its headers at once.
workers-env collected the events whole before: a ``Content-Length``, and no answer at all to a
stream that never ends (hunt27)."""

from __future__ import annotations

import socket

import pytest

from worker_helpers import one_file_worker, read_to_the_end, read_until

from workers_env import JsException, load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio

from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

RELEASE = asyncio.Event()


async def events(request):
    async def parts():
        yield b"data: one\\n\\n"
        await RELEASE.wait()  # until another request lets it go on
        yield b"data: two\\n\\n"

    return StreamingResponse(parts(), media_type="text/event-stream")


async def release(request):
    RELEASE.set()
    return PlainTextResponse("released")


app = Starlette(routes=[Route("/events", events), Route("/release", release)])


async def on_fetch(request, env, ctx):
    import asgi

    return await asgi.fetch(app, request, env, ctx)
"""


def test_events_go_out_as_the_app_sends_them(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-04-10"))
    with BackgroundServer(worker) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
            sock.sendall(b"GET /events HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
            first = read_until(sock, b"data: one\n\n")  # while the app still waits
            head, _, body = first.partition(b"\r\n\r\n")
            lines = head.decode("latin-1").lower().split("\r\n")
            assert lines[0] == "http/1.1 200 ok"
            assert "content-type: text/event-stream; charset=utf-8" in lines
            assert "transfer-encoding: chunked" in lines and not any(x.startswith("content-length") for x in lines)
            assert body == b"B\r\ndata: one\n\n\r\n"  # its own chunk
            with socket.create_connection(("127.0.0.1", server.port), timeout=20) as other:
                other.sendall(b"GET /release HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                assert b"released" in read_until(other, b"released")
            rest = read_until(sock, b"0\r\n\r\n")
    assert rest == b"B\r\ndata: two\n\n\r\n0\r\n\r\n"


@pytest.mark.asyncio
async def test_the_worker_reads_every_event_and_the_app_finishes_under_wait_until(tmp_path):
    entry = ENTRY.replace("await RELEASE.wait()", "await asyncio.sleep(0)")
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-04-10"))
    response = await worker.fetch("/events")
    assert (response.status, response.headers.get("content-type")) == (200, "text/event-stream; charset=utf-8")
    assert await response.text() == "data: one\n\ndata: two\n\n"


@pytest.mark.asyncio
async def test_an_app_failing_mid_stream_leaves_a_body_cut_off_as_hung(tmp_path, caplog):
    """workerd's bridge logs the error and never closes the stream's writer; nothing can end the
    body, and workerd, idle, cancels the request as hung (wrangler dev 4.164.0: the events sent so
    far, then the connection closed without the last chunk, the hung error logged)."""
    entry = ENTRY.replace("await RELEASE.wait()", "raise ValueError('boom')")
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-04-10"))
    response = await worker.fetch("/events")
    assert response.status == 200
    with pytest.raises(JsException, match="^Error: The Workers runtime canceled this request because it detected "
                                          "that your Worker's code had hung"):
        await response.text()
    assert "Exception in ASGI application after response started" in caplog.text


def test_a_body_cut_off_as_hung_keeps_the_events_sent_so_far(tmp_path):
    """The client gets every event the app sent before it failed, then the connection closes
    without the last chunk (wrangler dev 4.164.0, a JavaScript twin: the hung request is noticed
    once idle, after the body's pump took what was written)."""
    entry = ENTRY.replace("await RELEASE.wait()", "yield b'data: also\\n\\n'\n        raise ValueError('boom')")
    worker = load_worker(one_file_worker(tmp_path, entry, date="2025-04-10"))
    with BackgroundServer(worker) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
            sock.sendall(b"GET /events HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
            got = read_to_the_end(sock)
    assert got.partition(b"\r\n\r\n")[2] == b"B\r\ndata: one\n\n\r\nC\r\ndata: also\n\n\r\n"
