"""``workers-env dev`` writes a header name KJ's table does not index as the Worker first spelled
it, and those names in order of their spellings' bytes (``X-Zed`` before ``a-lower``), as workerd's
``Headers`` keep each header's first spelling for the wire (headers.h ``Header::name``,
``shallowCopyTo``): measured by raw sockets under ``wrangler dev`` 4.164.0
(tools/wrangler/header_wire_probe.py ``/case-*``). A ``set`` or ``append`` in another case keeps
the first spelling, a ``delete`` forgets it, a copy (``new Headers(h)``, a Response as init,
``structuredClone``) keeps it, a ``set`` or ``append`` refused for its value spells nothing
(review53: it left ``X-Refused`` behind, where wrangler dev sent ``x-refused`` as the next
``set`` spelt it); reading the headers back still gives lower case. A public CORS
Worker (IP-SAKTI, hunt31) sent ``access-control-allow-headers`` where production sends
``Access-Control-Allow-Headers``: before, every such name went in lower case, in order of the
lower-case names."""

from __future__ import annotations

from test_dev_server import exchange, serving

ENTRY = """
from js import Headers, Response, structuredClone
from workers import WorkerEntrypoint, Response as SdkResponse

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.js_object.url.rsplit("/", 1)[1]
        if path == "custom":
            return Response.new("x", headers=[["X-Zed", "1"], ["a-lower", "2"], ["X-alpha", "3"],
                                              ["Access-Control-Allow-Methods", "GET"], ["Content-Type", "t/x"],
                                              ["CONTENT-LANGUAGE", "en"], ["x-Zed", "4"]])
        if path == "set":
            h = Headers.new()
            h.set("X-Foo", "1")
            h.append("x-foo", "2")
            h.set("X-BAR", "3")
            h.set("x-bar", "4")
            h.append("x-Baz", "5")
            h.delete("X-BAZ")
            h.append("X-BAZ", "6")
            return Response.new(",".join(h.keys()), headers=Headers.new(h))
        if path == "copy":
            return Response.new("x", Response.new("y", headers=[["X-Copied", "1"], ["Cache-Control", "no-store"]]))
        if path == "clone":
            return Response.new("x", headers=structuredClone(Headers.new([["X-Cloned", "1"]])))
        if path == "refused":  # a set or append refused (its value) spells nothing
            h = Headers.new()
            for call in (h.set, h.append):
                try:
                    call("X-Refused", "a\\x00b")
                except Exception:
                    pass
            h.set("x-refused", "1")
            h.append("x-refused", "2")
            return Response.new("x", headers=h)
        if path == "cors":  # the IP-SAKTI Worker's json_response
            h = Headers.new()
            h.set("Access-Control-Allow-Origin", "*")
            h.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            h.set("Access-Control-Allow-Headers", "Content-Type")
            h.set("Content-Type", "application/json; charset=utf-8")
            return Response.new("{}", status=200, headers=h)
        return SdkResponse("x", headers={"X-Sdk-Header": "1"})
"""


def _lines(server, path):
    raw = exchange(server.port, f"GET /{path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n".encode())
    head, _, body = raw.partition(b"\r\n\r\n")
    return [line for line in head.split(b"\r\n")[1:] if not line.startswith((b"Date:", b"Connection:"))], body


def test_names_go_out_as_first_spelt_in_order_of_those_spellings(tmp_path) -> None:
    with serving(tmp_path / "app", ENTRY) as server:
        got = {path: _lines(server, path) for path in ("custom", "set", "copy", "clone", "refused", "cors", "sdk")}
    assert got["custom"][0] == [b"Content-Length: 1", b"Content-Type: t/x", b"Content-Language: en",
                                b"Access-Control-Allow-Methods: GET", b"X-Zed: 1", b"X-Zed: 4", b"X-alpha: 3",
                                b"a-lower: 2"]
    assert got["set"] == ([b"Content-Length: 17", b"Content-Type: text/plain;charset=UTF-8", b"X-BAR: 4",
                           b"X-BAZ: 6", b"X-Foo: 1", b"X-Foo: 2"], b"x-bar,x-baz,x-foo")
    assert got["copy"][0] == [b"Content-Length: 1", b"Content-Type: text/plain;charset=UTF-8",
                              b"Cache-Control: no-store", b"X-Copied: 1"]
    assert got["clone"][0][-1] == b"X-Cloned: 1"
    assert got["refused"][0][-2:] == [b"x-refused: 1", b"x-refused: 2"]  # wrangler dev 4.164.0 (review53)
    assert got["cors"][0] == [b"Content-Length: 2", b"Content-Type: application/json; charset=utf-8",
                              b"Access-Control-Allow-Origin: *", b"Access-Control-Allow-Headers: Content-Type",
                              b"Access-Control-Allow-Methods: GET, POST, OPTIONS"]
    assert got["sdk"][0][-1] == b"X-Sdk-Header: 1"
