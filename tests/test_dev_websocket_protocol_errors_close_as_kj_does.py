"""A client's frame that breaks RFC 6455 is answered as workerd's HTTP server (KJ's
``WebSocketImpl::receive``) answers it, measured under ``wrangler dev`` 4.164.0 with a JavaScript
twin over the same bytes: a close frame with 1002 (1009 for a message over 32 MiB) and KJ's
description, the connection ended, and at the Worker's end an ``error`` event whose ``message`` is
``Uncaught Error: WebSocket protocol error; ...``, ``readyState`` 3 and a ``send``/``close`` then
ignored, and no ``close`` event. What KJ lets through
(an unmasked frame, a ping over 125 bytes, invalid UTF-8 replaced) passes here too."""

from __future__ import annotations

import json
import os
import socket
import struct
import time
from pathlib import Path

import pytest
from test_dev_serves_a_websocket_over_a_real_socket import _connect, _receive
from test_dev_streams_request_bodies import read_until_closed
from worker_helpers import one_file_worker, websocket_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

WORKER = websocket_worker("""\
        server.addEventListener("message", create_proxy(
            lambda e: server.send("T:" + e.data if isinstance(e.data, str) else e.data)))
        server.addEventListener("close", create_proxy(lambda e: LOG.append(["close", e.code])))
        def on_error(e):
            server.send("ignored")
            server.close(1000)  # ignored too
            LOG.append(["error", e.message, str(e.error), server.readyState])

        server.addEventListener("error", create_proxy(on_error))
""")

PREFIX = "WebSocket protocol error; protocolError.statusCode = "


def _frame(first: int, payload: bytes, masked: bool = True, size: int | None = None) -> bytes:
    size = len(payload) if size is None else size
    flag = 0x80 if masked else 0
    if size < 126:
        head = bytes([first, flag | size])
    elif size < 65536:
        head = bytes([first, flag | 126]) + struct.pack("!H", size)
    else:
        head = bytes([first, flag | 127]) + struct.pack("!Q", size)
    if not masked:
        return head + payload
    mask = os.urandom(4)
    return head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


REFUSED = [  # the bytes sent, KJ's close code and description (wrangler dev 4.164.0)
    (_frame(0x91, b"x"), 1002, "Received frame had RSV bits 2 or 3 set"),
    (_frame(0xC1, b"x"), 1002, "Received a WebSocket frame whose compression bit was set, but the compression "
                               "extension was not negotiated for this connection."),
    (_frame(0x83, b"x"), 1002, "Unknown opcode 3"),
    (_frame(0x8B, b"x"), 1002, "Unknown opcode 11"),
    (_frame(0x80, b"x"), 1002, "Unexpected continuation frame"),
    (_frame(0x01, b"a") + _frame(0x81, b"b"), 1002, "Missing continuation frame"),
    (_frame(0x09, b"p"), 1002, "Received fragmented control frame"),
    (_frame(0x82, b"", size=1 << 40)[:-4], 1009, "Message is too large: 1099511627776 > 33554432"),
]


def _log(port: int, entries: int) -> list:
    deadline = time.monotonic() + 60  # the Worker's listener runs once the server's loop gets to it
    while True:
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        sock.sendall(b"GET /log HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        log = json.loads(read_until_closed(sock).split(b"\r\n\r\n", 1)[1])
        sock.close()
        if len(log) >= entries or time.monotonic() > deadline:
            return log
        time.sleep(0.05)


def test_a_broken_frame_is_closed_with_kjs_code_and_an_error_event(tmp_path: Path):
    got = []
    with BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-08-01"))) as server:
        for sent, _code, _description in REFUSED:
            sock, head = _connect(server.port, "/")
            assert head.startswith(b"HTTP/1.1 101 ")
            sock.sendall(sent)
            got.append((_receive(sock), read_until_closed(sock)))
            sock.close()
        log = _log(server.port, len(REFUSED))
    assert got == [((8, struct.pack("!H", code) + text.encode()), b"") for _sent, code, text in REFUSED]
    assert log == [["error", f"Uncaught Error: {PREFIX}{code}; protocolError.description = {text}",
                    f"Error: {PREFIX}{code}; protocolError.description = {text}", 3] for _sent, code, text in REFUSED]


@pytest.mark.parametrize("sent, echoed", [
    (_frame(0x81, b"hi", masked=False), (1, b"T:hi")),  # KJ takes an unmasked frame
    (_frame(0x89, b"p" * 126), (10, b"p" * 126)),  # and a ping over 125 bytes
    (_frame(0x81, b"\xff\xfe"), (1, "T:\ufffd\ufffd".encode())),  # and invalid UTF-8, replaced, not 1007
    (_frame(0x01, b"a") + _frame(0x89, b"p") + _frame(0x80, b"b"), (10, b"p")),  # a ping between fragments
], ids=["unmasked", "long-ping", "bad-utf8", "ping-between-fragments"])
def test_what_kj_lets_through(tmp_path: Path, sent: bytes, echoed: tuple[int, bytes]):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-08-01"))) as server:
        sock, _ = _connect(server.port, "/")
        sock.sendall(sent)
        assert _receive(sock) == echoed
        sock.close()


def test_increase_websocket_message_size_raises_the_limit_to_128_mib(tmp_path: Path):
    """workerd's ``startReadLoop`` reads the Worker's flag (api/web-socket.c++): 128 MiB."""
    folder = one_file_worker(tmp_path, WORKER, date="2026-08-01", flags=("increase_websocket_message_size",))
    with BackgroundServer(load_worker(folder)) as server:
        sock, _ = _connect(server.port, "/")
        sock.sendall(_frame(0x82, b"", size=1 << 40)[:-4])
        got = _receive(sock)
        sock.close()
    assert got == (8, struct.pack("!H", 1009) + b"Message is too large: 1099511627776 > 134217728")
