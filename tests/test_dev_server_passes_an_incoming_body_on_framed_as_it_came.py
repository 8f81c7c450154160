"""``workers-env dev``: the incoming request's body a Worker hands on to ``fetch`` goes framed as
it came -- with its ``Content-Length`` when the client sent one, ``Transfer-Encoding: chunked``
when the client sent it chunked (its length unknown) -- as ``wrangler dev`` 4.164.0 sent it on
to a local origin from a JavaScript Worker (``fetch(origin, {method: "POST", body:
request.body})`` and ``fetch(origin, request)``)."""

from __future__ import annotations

import json

import pytest
from test_dev_server import exchange, serving, split_answer
from worker_helpers import EchoOrigin
from worker_helpers import serving as origin_serving

ENTRY = """
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/whole"):
            sent = await js.fetch(ORIGIN, request.js_object)
        else:
            init = to_js({"method": "POST", "body": request.js_object.body}, dict_converter=js.Object.fromEntries)
            sent = await js.fetch(ORIGIN, init)
        return Response(await sent.text())
"""


@pytest.mark.parametrize("path", ["/body", "/whole"])
def test_an_incoming_body_is_passed_on_framed_as_it_came(tmp_path, path: str) -> None:
    with origin_serving(EchoOrigin) as origin, serving(tmp_path / "app", f"ORIGIN = {origin!r}\n" + ENTRY) as server:
        head = f"POST {path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n".encode()
        with_length = split_answer(exchange(server.port, head + b"Content-Length: 3\r\n\r\nabc"))
        chunked = split_answer(exchange(server.port, head + b"Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"))
    framing = []
    for status, _, body in (with_length, chunked):
        assert status == "HTTP/1.1 200 OK", body
        method, sent, seen = json.loads(body)
        framing.append((method, sent, seen.get("content-length"), seen.get("transfer-encoding")))
    assert framing == [("POST", "abc", "3", None), ("POST", "abc", None, "chunked")]
