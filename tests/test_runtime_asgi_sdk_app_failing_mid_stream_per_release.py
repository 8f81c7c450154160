"""An ASGI app that fails once its streamed body has begun, per workers-runtime-sdk release. Each
logs ``Exception in ASGI application after response started``. Before 1.6.10 the bridge leaves
the stream's writer open: nothing can end the body, and workerd, idle, cancels the request as
hung -- the client gets the chunks sent so far, then the connection closes without the last
chunk (``wrangler dev`` 4.164.0, a JavaScript twin of the bridge). From 1.6.10 (workers-py #168,
"terminate the response stream when the app fails mid-stream") it closes the writer, unawaited:
the body ends cleanly where the app stopped. An app that returns without its last body message
leaves the stream open in every release. workers-env collected the body whole before and ended
it where the app stopped, in every release."""

from __future__ import annotations

import socket

import pytest
from worker_helpers import ASGI_LIFESPAN, read_to_the_end, sdk_worker

from workers_env import JsException, load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = ASGI_LIFESPAN + """
import asyncio

import asgi
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"one,", "more_body": True})
    await asyncio.sleep(0.05)
    await send({"type": "http.response.body", "body": b"two,", "more_body": True})
    if scope["path"] == "/fail":
        raise ValueError("boom")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(app, request, self.env, self.ctx)
"""

HUNG = "^Error: The Workers runtime canceled this request because it detected that your Worker's code had hung"


def _wire(worker, path: bytes) -> bytes:
    """Everything the client gets until the server closes the connection."""
    with BackgroundServer(worker) as server, socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        sock.sendall(b"GET %s HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n" % path)
        got = read_to_the_end(sock, b"two,\r\n")
    return got.partition(b"\r\n\r\n")[2]


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.1.1", "1.6.9"])
async def test_before_1_6_10_the_body_is_cut_off_as_hung(tmp_path, sdk, caplog):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    response = await worker.fetch("/fail")
    assert response.status == 200
    with pytest.raises(JsException, match=HUNG):
        await response.text()
    assert "Exception in ASGI application after response started" in caplog.text
    assert _wire(worker, b"/fail") == b"4\r\none,\r\n4\r\ntwo,\r\n"  # the chunks sent, no last chunk


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.10", "1.9.5"])
async def test_from_1_6_10_the_body_ends_where_the_app_stopped(tmp_path, sdk, caplog):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    response = await worker.fetch("/fail")
    assert await response.text() == "one,two,"
    assert "Exception in ASGI application after response started" in caplog.text
    assert _wire(worker, b"/fail") == b"4\r\none,\r\n4\r\ntwo,\r\n0\r\n\r\n"


@pytest.mark.parametrize("sdk", ["1.6.9", "1.9.5"])
def test_an_app_returning_without_its_last_message_leaves_the_body_open(tmp_path, sdk):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    assert _wire(worker, b"/open") == b"4\r\none,\r\n4\r\ntwo,\r\n"
