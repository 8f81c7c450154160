"""``workers-env dev`` writes a response's headers in the order and spelling KJ writes them under
``wrangler dev`` 4.164.0 (tools/wrangler/header_wire_probe.py, raw sockets on both sides): the
names KJ's header table indexes first, in its order -- ``Content-Length`` (or ``Transfer-Encoding:
chunked``), ``Content-Type``, ..., ``Set-Cookie``, ... ``Origin`` -- spelt as KJ spells them, an
indexed name's values on one line but ``Set-Cookie``'s, then the other headers in order of name,
a line per value. Before 2026-12-04 every name went in lower case, in order of name, the framing
header last; before 2026-12-05 a ``Host`` went first (h11 writes it first), where KJ writes it
after the framing header (tools/wrangler/header_wire_probe.py's ``/indexed-all``)."""

from __future__ import annotations

from test_dev_server import exchange, serving

ENTRY = """
from js import Headers, Response, TransformStream, TextEncoder
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        h = Headers.new()
        for name, value in [("x-z", "1"), ("Set-Cookie", "a=1"), ("origin", "o"), ("vary", "a"), ("etag", "e"),
                            ("server", "me"), ("x-m", "1"), ("Vary", "b"), ("x-m", "2"), ("set-cookie", "b=2"),
                            ("host", "h")]:
            h.append(name, value)
        if request.js_object.url.endswith("/chunked"):
            pair = TransformStream.new()
            writer = pair.writable.getWriter()
            writer.write(TextEncoder.new().encode("hi"))
            writer.close()
            return Response.new(pair.readable, headers=h)
        return Response.new("hello", headers=h)
"""


def _head(server, path):
    raw = exchange(server.port, f"GET {path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".encode())
    return raw.partition(b"\r\n\r\n")[0].split(b"\r\n")


def test_indexed_names_first_in_kjs_order_and_spelling(tmp_path) -> None:
    with serving(tmp_path / "app", ENTRY) as server:
        sized, chunked = _head(server, "/"), _head(server, "/chunked")
    names = [b"Host: h", b"Content-Type: text/plain;charset=UTF-8", b"ETag: e", b"Server: me", b"Set-Cookie: a=1",
             b"Set-Cookie: b=2", b"Vary: a, b", b"Origin: o", b"x-m: 1", b"x-m: 2", b"x-z: 1"]
    assert sized[1:] == [b"Content-Length: 5", *names, b"Connection: close"]
    assert chunked[1:] == [b"Transfer-Encoding: chunked", names[0], *names[2:], b"Connection: close"]
