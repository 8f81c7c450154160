"""``workers-env dev`` hands the Worker an incoming request's header names as the client spelt
them (and ``CF-Connecting-IP`` as Miniflare's entry worker spells it), as workerd keeps them: a
Worker that answers with the request's headers sends ``X-Client-Header`` and ``x-lower`` as they
came, after ``Content-Length`` and ``Host`` in KJ's order. Measured under ``wrangler dev`` 4.164.0
with a JavaScript twin, raw sockets on both sides (hunt31: 4 of 5 exchanges byte for byte the same,
the fifth a gzip body's bytes). Before, h11 lower-cased every name (``x-client-header``,
``cf-connecting-ip``) and wrote a ``Host`` header first, ahead of ``Content-Length``. Reading the
headers back still gives lower case."""

from __future__ import annotations

from test_dev_server import exchange, serving

ENTRY = """
from js import Response
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        h = request.js_object.headers
        return Response.new(",".join(h.keys()), headers=h)
"""


def _answer(server, extra: bytes) -> tuple[list[bytes], bytes]:
    raw = exchange(server.port, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extra + b"\r\n")
    head, _, body = raw.partition(b"\r\n\r\n")
    return [line for line in head.split(b"\r\n")[1:] if not line.startswith(b"Date:")], body


def test_request_header_names_go_back_out_as_the_client_spelt_them(tmp_path) -> None:
    with serving(tmp_path / "app", ENTRY) as server:
        plain = _answer(server, b"X-Client-Header: 1\r\nx-lower: 2\r\nAccept-Language: en\r\n")
        twice = _answer(server, b"X-Dup: 1\r\nx-DUP: 2\r\nCF-Connecting-IP: 9.9.9.9\r\n")
    assert plain == ([b"Content-Length: 77", b"Host: localhost", b"Content-Type: text/plain;charset=UTF-8",
                      b"Accept-Encoding: br, gzip", b"Accept-Language: en", b"CF-Connecting-IP: 127.0.0.1",
                      b"X-Client-Header: 1", b"x-lower: 2", b"Connection: close"],
                     b"accept-encoding,accept-language,cf-connecting-ip,host,x-client-header,x-lower")
    assert twice[0][4:7] == [b"CF-Connecting-IP: 9.9.9.9", b"X-Dup: 1", b"X-Dup: 2"]
