"""A header value holding a lone surrogate goes out as the bytes workerd holds for it -- the JS
string's UTF-8, ``ED A0 80`` for U+D800 -- in a response and in a ``fetch``, while the Worker's own
``get`` reads three U+FFFD (wrangler dev 4.164.0, raw sockets: tools/wrangler/header_wire_probe.py).
Before 2026-12-04 three ``EF BF BD`` went out, and a ``fetch`` header value past U+00FF was
http.client's ``UnicodeEncodeError`` (one up to it went out as Latin-1)."""

from __future__ import annotations

import asyncio

from test_dev_server import exchange, serving
from worker_helpers import local_origin, one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Headers, Response, fetch
from workers import WorkerEntrypoint

VALUES = [["x-a", "\\ud800"], ["x-b", "a\\udc00b"], ["x-c", "\\ud83d\\ude00"], ["x-d", "\\u00e9\\u20ac"]]

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        to = request.js_object.headers.get("x-origin")
        if to:
            answer = await fetch(f"http://{to}/", headers=VALUES)
            return Response.new(str(answer.status))
        return Response.new([ord(c) for c in Headers.new(VALUES).get("x-a")].__repr__(), headers=VALUES)
"""
SENT = [b"x-a: \xed\xa0\x80", b"x-b: a\xed\xb0\x80b", b"x-c: \xf0\x9f\x98\x80", b"x-d: \xc3\xa9\xe2\x82\xac"]


def test_a_response_sends_the_bytes_and_get_reads_u_fffd(tmp_path) -> None:
    with serving(tmp_path / "app", ENTRY) as server:
        raw = exchange(server.port, b"GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
    head, _, body = raw.partition(b"\r\n\r\n")
    assert [line for line in head.split(b"\r\n") if line.startswith(b"x-")] == SENT
    assert body == b"[65533, 65533, 65533]"


def test_a_fetch_sends_the_bytes(tmp_path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with local_origin() as (host, seen):
        answer = asyncio.run(worker.fetch("/", headers={"x-origin": host}))
        assert asyncio.run(answer.text()) == "204"
    sent = {name: value.encode("latin-1") for name, value in seen[0].items()}  # (http.server reads Latin-1)
    assert [b"%s: %s" % (name.encode(), sent[name]) for name in ("x-a", "x-b", "x-c", "x-d")] == SENT
