"""A Worker's ``fetch`` with a header named ``""`` sends the request without that header line, as
wrangler dev 4.164.0 does (a JS Worker fetching a raw local origin with ``{"": "x"}``,
``[["", "y"], ["a", "b"]]`` and ``{"": ""}``, 2026-12-06: status 200 each time, the origin saw
``Host``, ``CF-Worker`` and ``a: b`` only; ``new Headers({"": "x"})`` keeps ``["", "x"]``). It was
urllib's ``ValueError: Invalid header name b''`` raised into the Worker (left57)."""

from __future__ import annotations

import json
import socket
import threading

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint, fetch


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        origin = request.url.split("?", 1)[1]  # the test's origin
        out = []
        r = await js.fetch(origin, to_js({"headers": to_js({"": "x", "a": "b"}, dict_converter=js.Object.fromEntries)},
                                         dict_converter=js.Object.fromEntries))
        out.append([r.status, await r.text()])
        r = await fetch(origin, headers={"": ""})
        out.append([r.status, await r.text()])
        out.append(list(map(list, js.Headers.new(to_js({"": "x"}, dict_converter=js.Object.fromEntries)))))
        return Response.json(out)
"""


def _origin(listener: socket.socket, heads: list[list[str]]) -> None:
    for _ in range(2):
        conn, _ = listener.accept()
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                more = conn.recv(65536)
                if not more:
                    break
                data += more
            lines = data.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")[1:]
            heads.append(sorted(line for line in lines if not line.lower().startswith(("host:", "cf-worker:"))))
            body = json.dumps(heads[-1]).encode()
            conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\nconnection: close\r\n\r\n%s" % (len(body), body))


@pytest.mark.parametrize("date", ["2025-11-01", "2026-10-01"])
def test_a_header_named_empty_is_left_out_and_the_fetch_goes_on(tmp_path, date):
    listener = socket.create_server(("127.0.0.1", 0))
    heads: list[list[str]] = []
    thread = threading.Thread(target=_origin, args=(listener, heads), daemon=True)
    thread.start()
    try:
        origin = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        answer = json_answer(one_file_worker(tmp_path, ENTRY, date=date), f"/?{origin}")
    finally:
        listener.close()
    assert answer == [[200, '["a: b"]'], [200, "[]"], [["", "x"]]]
