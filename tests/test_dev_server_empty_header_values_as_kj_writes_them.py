"""``workers-env dev`` writes a response header with an empty value as KJ writes it under
``wrangler dev`` 4.164.0 (tools/wrangler/header_wire_probe.py, raw sockets, 2026-12-05): a name
KJ's header table indexes holds one string, an empty one counting as none -- so an empty value
alone is not written (``Content-Type: ``, ``ETag: ``, ``Vary: ``), a value after an empty one
takes its place, an empty one after a value leaves ``a,`` (the trailing space trimmed), and an
empty ``Set-Cookie`` before the first is dropped; a name KJ does not index keeps its empty line.
Before 2026-12-05 every empty value went out, and ``Cache-Control: a, `` (an empty value after
another) made h11 refuse the head: the client got no answer at all."""

from __future__ import annotations

from test_dev_server import exchange, serving

CASES = {
    "/alone": [["vary", ""], ["etag", ""], ["x-a", ""], ["content-type", ""]],
    "/first": [["vary", ""], ["vary", "b"], ["cache-control", "a"], ["cache-control", ""]],
    "/middle": [["cache-control", "a"], ["cache-control", ""], ["cache-control", "c"], ["vary", "a"], ["vary", ""],
                ["x-a", "1"], ["x-a", ""]],
    "/cookies": [["set-cookie", ""], ["set-cookie", "b=2"], ["set-cookie", ""], ["set-cookie", "c=3"]],
    "/twice": [["etag", ""], ["etag", ""], ["vary", " "], ["pragma", "p"]],
}

ENTRY = """
from js import Response, URL
from workers import WorkerEntrypoint

CASES = %r

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.new("hello", headers=CASES[URL.new(request.js_object.url).pathname])
""" % (CASES,)

#: wrangler dev 4.164.0's header lines for each path, Date and Connection left out
WRANGLER = {
    "/alone": [b"Content-Length: 5", b"x-a: "],
    "/first": [b"Content-Length: 5", b"Content-Type: text/plain;charset=UTF-8", b"Cache-Control: a,", b"Vary: b"],
    "/middle": [b"Content-Length: 5", b"Content-Type: text/plain;charset=UTF-8", b"Cache-Control: a, , c",
                b"Vary: a,", b"x-a: 1", b"x-a: "],
    "/cookies": [b"Content-Length: 5", b"Content-Type: text/plain;charset=UTF-8", b"Set-Cookie: b=2",
                 b"Set-Cookie: ", b"Set-Cookie: c=3"],
    "/twice": [b"Content-Length: 5", b"Content-Type: text/plain;charset=UTF-8", b"Pragma: p"],
}


def test_empty_header_values_go_out_as_kj_writes_them(tmp_path) -> None:
    got = {}
    with serving(tmp_path / "app", ENTRY) as server:
        for path in CASES:
            raw = exchange(server.port, f"GET {path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".encode())
            head, _, body = raw.partition(b"\r\n\r\n")
            got[path] = [line for line in head.split(b"\r\n")[1:] if not line.startswith((b"Date:", b"Connection:"))]
            assert body == b"hello", path
    assert got == WRANGLER
