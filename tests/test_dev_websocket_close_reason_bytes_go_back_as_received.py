"""A client's close frame whose reason is not UTF-8, over ``workers-env dev``: the Worker's close
event reads it as V8 decodes UTF-8 (U+FFFD for each bad sequence) and the automatic reply
(``web_socket_auto_reply_to_close``) sends the reason's bytes back as they came, as KJ's
``kj::str(close.reason)`` does -- measured with a JavaScript twin under ``wrangler dev`` 4.164.0
over a raw socket (2026-09-15: ``a\\xff\\xfeb``, ``x\\xe2\\x82`` and ``\\xed\\xa0\\x80z`` echoed byte for
byte; the Worker read ``a\\ufffd\\ufffdb``, ``x\\ufffd``, ``\\ufffd\\ufffd\\ufffdz``)."""

from __future__ import annotations

import json
import struct
import urllib.request
from pathlib import Path

from test_dev_serves_a_websocket_over_a_real_socket import _connect, _receive, _send
from test_dev_websocket_client_reset_is_a_1006_close import WORKER
from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

CASES = [(b"a\xff\xfeb", "a\ufffd\ufffdb"), (b"x\xe2\x82", "x\ufffd"), (b"\xed\xa0\x80z", "\ufffd\ufffd\ufffdz")]


def test_the_reply_echoes_the_reasons_bytes(tmp_path: Path):
    with BackgroundServer(load_worker(one_file_worker(tmp_path, WORKER, date="2026-09-15"))) as server:
        replies = []
        for raw, _read in CASES:
            sock, head = _connect(server.port, "/ws")
            assert head.startswith(b"HTTP/1.1 101 ")
            _send(sock, 8, struct.pack("!H", 4001) + raw)
            replies.append(_receive(sock))
            sock.close()
        with urllib.request.urlopen(f"http://127.0.0.1:{server.port}/log", timeout=10) as answer:
            read = json.loads(answer.read())
    assert replies == [(8, struct.pack("!H", 4001) + raw) for raw, _read in CASES]
    assert read == [["close", 4001, text, True, 3] for _raw, text in CASES]
