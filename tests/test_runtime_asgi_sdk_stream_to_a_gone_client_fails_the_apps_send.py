"""A client that hangs up on a body the external SDK's ASGI bridge streams: workerd cancels the
response's stream without a reason, so the bridge's next ``await writer.write(...)`` rejects with
``undefined`` -- ``JsException: Error: undefined`` in the app's ``send`` (a JavaScript twin of the
bridge under ``wrangler dev`` 4.164.0 catches ``undefined`` there). The app does not hear
``http.disconnect``: the bridge's ``receive()`` gives it only once the body has ended. An app that sends again at once (no pause) has that send's write in flight when
workerd cancels the body -- it hears of the client when it fails to send a piece it read, after
the code that read woke has run -- and gets the ``TypeError`` of a canceled ``TransformStream``
(the JavaScript twin under wrangler dev: 30 of 30, tools/wrangler/client_leaves_probe.py ``/generator``)."""

from __future__ import annotations

import socket
import time

import pytest
from worker_helpers import ASGI_SEEN_AFTER, ASGI_SEEN_BEFORE, read_to_the_end, read_until, sdk_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = ASGI_SEEN_BEFORE + """

async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    try:
        for n in range(10**6):
            await send({"type": "http.response.body", "body": f"n{n},".encode(), "more_body": True})
            if scope["path"] != "/at-once":
                await asyncio.sleep(0.02)
    except Exception as exc:
        SEEN.append(f"{type(exc).__name__}: {exc}")
""" + ASGI_SEEN_AFTER


def _get(port: int, path: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=20) as sock:
        sock.sendall(b"GET %s HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n" % path)
        return read_to_the_end(sock)


@pytest.mark.parametrize(("path", "seen"), [
    (b"/stream", b"JsException: Error: undefined"),
    (b"/at-once", b"JsException: TypeError: The readable side of this TransformStream is no longer readable."),
])
def test_the_apps_next_send_fails_as_workerds(tmp_path, path, seen):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, "1.9.5"))
    with BackgroundServer(worker) as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
            sock.sendall(b"GET %s HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n" % path)
            read_until(sock, b"n1,")
        deadline = time.monotonic() + 10
        while not (found := _get(server.port, b"/seen").partition(b"\r\n\r\n")[2]) and time.monotonic() < deadline:
            time.sleep(0.05)
    assert found == seen
