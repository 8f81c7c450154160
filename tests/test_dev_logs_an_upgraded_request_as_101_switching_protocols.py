"""``workers-env dev`` logs a request the Worker answered with a WebSocket as ``wrangler dev``
4.164.0 logs it: ``[wrangler:info] GET /hello/there 101 Switching Protocols (5ms)`` (measured with
a JavaScript Worker answering ``new Response(null, {status: 101, webSocket})`` and Node's
``WebSocket`` client asking for ``/hello/there?x=1``): the pathname without its query, and
workerd's default text for 101, the Worker having given none."""

from __future__ import annotations

import re
import struct
from pathlib import Path

from dev_reload_helpers import DevServer, python_project
from test_dev_serves_a_websocket_over_a_real_socket import WORKER, _connect, _receive, _send
from test_dev_streams_request_bodies import read_until_closed


def test_an_upgraded_request_is_logged_with_workerds_101_text(tmp_path: Path) -> None:
    with DevServer(python_project(tmp_path / "app", WORKER)) as server:
        sock, head = _connect(server.port, "/hello/there?x=1")
        assert head.startswith(b"HTTP/1.1 101 Switching Protocols\r\n")
        _send(sock, 1, b"hi")
        assert _receive(sock) == (1, b"hi")  # echoed
        _send(sock, 8, struct.pack("!H", 1000))
        _receive(sock)
        read_until_closed(sock)
        sock.close()
        line = server.lines[server.wait_for("[wrangler:info] GET /hello")]
    assert re.fullmatch(r"\[wrangler:info\] GET /hello/there 101 Switching Protocols \(\d+ms\)", line), line
