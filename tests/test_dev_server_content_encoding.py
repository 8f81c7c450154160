"""What the dev server sends of a Worker response with ``Content-Encoding``, as ``wrangler dev``
(4.164.0) sends it, checked side by side with a JavaScript Worker there:

* workerd encodes a body whose header is exactly ``gzip`` (or ``br``) on the way out, chunked,
  unless the Response was built with ``encodeBody: "manual"``; a ``fetch()`` answer returned
  unread goes out as it came, Content-Length and all;
* before that, wrangler dev's entry worker (Miniflare's ``ensureAcceptableEncoding``) fits the
  header to the client's ``Accept-Encoding`` for the types Cloudflare's edge compresses:
  ``gzip`` for a client that takes it (a plain body too), none for one that takes only
  ``identity``, a 415 for one that refuses everything; a client that sends no
  ``Accept-Encoding`` gets the Worker's choice."""

from __future__ import annotations

import gzip
import textwrap
from pathlib import Path

import pytest
from test_dev_server import exchange, make_project, serving, split_answer
from worker_helpers import BROTLI_HELLO, encoding_origin

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
from urllib.parse import urlparse
from js import Response as JsResponse, TextEncoder, TransformStream, fetch
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        if path == "/gzip":
            return Response("hello", headers={"content-encoding": "gzip"})
        if path == "/br":
            return Response("hello", headers={"content-encoding": "br"})
        if path == "/GZIP":
            return Response("hello", headers={"content-encoding": "GZIP"})
        if path == "/spelt":  # the header's name as a Worker (or an origin) may spell it
            return Response("hello", headers={"Content-Encoding": "gzip"})
        if path == "/manual":
            return JsResponse.new("hello", headers=[["content-encoding", "gzip"]], encodeBody="manual")
        if path == "/copy":  # a Response as the init copies its encodeBody
            return JsResponse.new("hello2", JsResponse.new("x", headers=[["content-encoding", "gzip"]], encodeBody="manual"))
        if path == "/png":
            return Response("hello", headers={"content-type": "image/png", "content-encoding": "gzip"})
        if path == "/stream":
            ts = TransformStream.new()
            writer = ts.writable.getWriter()
            async def pump():
                await writer.write(TextEncoder.new().encode("hel"))
                await asyncio.sleep(0.01)
                await writer.write(TextEncoder.new().encode("lo"))
                await writer.close()
            self.ctx.waitUntil(create_proxy(pump)())
            return Response(ts.readable, headers={"content-encoding": "gzip"})
        if path.startswith("/origin/"):
            return await fetch(request.headers.get("x-origin") + path[len("/origin"):])
        return Response("hello")
"""

#: what wrangler dev sent for ``Response("hello", headers={"content-encoding": "gzip"})``
GZIP_HELLO = bytes.fromhex("1f8b0800000000000003cb48cdc9c9070086a6103605000000")
ORIGIN_JSON = b'{"hello": "world"}'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    """One server for the module: its Worker keeps no state between requests, and each test's
    requests are answered in full (or its connection closed) before the next test starts."""
    with serving(tmp_path_factory.mktemp("app") / "app", ENTRY) as running:
        yield running


def get(port: int, path: str, accept: str | None = None, origin: str = "") -> tuple[str, dict[str, str], bytes]:
    """Status line, headers (lower-cased; ``chunked`` says whether it was) and the body as sent."""
    head = f"GET {path} HTTP/1.1\r\nHost: h\r\nConnection: close\r\nX-Origin: {origin}\r\n"
    if accept is not None:
        head += f"Accept-Encoding: {accept}\r\n"
    status, headers, body = split_answer(exchange(port, head.encode() + b"\r\n"), encoding="utf-8")
    if headers.get("transfer-encoding") == "chunked":
        data = b""
        while True:
            size, _, body = body.partition(b"\r\n")
            if int(size, 16) == 0:
                break
            data, body = data + body[:int(size, 16)], body[int(size, 16) + 2:]
        body = data
    return status, headers, body


def decoded(headers: dict[str, str], body: bytes) -> bytes:
    if headers.get("content-encoding") == "gzip":
        return gzip.decompress(body)
    return body


@pytest.mark.parametrize("path", ["/gzip", "/png", "/stream"])
def test_a_gzip_response_is_encoded_on_the_way_out_and_chunked(server, path) -> None:
    status, headers, body = get(server.port, path)
    assert status == "HTTP/1.1 200 OK"
    assert headers["content-encoding"] == "gzip" and headers["transfer-encoding"] == "chunked"
    assert "content-length" not in headers and gzip.decompress(body) == b"hello"


def test_gzip_is_encoded_as_workerd_encodes_it(server) -> None:
    assert get(server.port, "/gzip")[2] == GZIP_HELLO  # byte for byte what wrangler dev sent


def test_a_brotli_response_is_valid_brotli_without_the_brotli_module(server) -> None:
    _, headers, body = get(server.port, "/br")
    assert headers["content-encoding"] == "br" and headers["transfer-encoding"] == "chunked"
    # this machine may have no brotli decoder: a stream of uncompressed meta-blocks is checked by
    # hand (RFC 7932), and with the module installed, by it
    try:
        import brotli  # type: ignore[import-not-found]
    except ImportError:
        assert b"hello" in body and body.endswith(b"\x03") and len(body) < 16
    else:
        assert brotli.decompress(body) == b"hello"


@pytest.mark.parametrize("path", ["/manual", "/copy", "/GZIP"])
def test_manual_or_another_spelling_goes_out_as_given(server, path) -> None:
    status, headers, body = get(server.port, path)
    assert status == "HTTP/1.1 200 OK"
    assert body == (b"hello2" if path == "/copy" else b"hello") and headers["content-length"] == str(len(body))
    assert headers["content-encoding"] == path.strip("/").replace("manual", "gzip").replace("copy", "gzip")


@pytest.mark.parametrize(("path", "accept", "encoding", "chunked"), [
    ("/plain", "gzip", "gzip", True),  # a plain text body, compressed for a client that takes gzip
    ("/plain", "identity", None, False),
    ("/plain", "deflate, gzip, br, zstd", "gzip", True),  # curl --compressed: the first it can give
    ("/gzip", "identity", None, True),  # decoded again for the client
    ("/br", "gzip", "gzip", True),
    ("/png", "identity", "gzip", True),  # not a type the edge compresses: the Worker's choice stays
    # the header's name in any spelling: the Worker's Content-Encoding replaced, not sent beside
    # the fitted one (hunt31's kept spelling sent `Content-Encoding: gzip` over a decoded body)
    ("/spelt", "identity", None, True),
    ("/spelt", "gzip", "gzip", True),
    # weights read by JavaScript's parseFloat after Miniflare's loose regex: 1x5 is 1 (was a 500)
    ("/plain", "gzip;q=1x5", "gzip", True),
    ("/plain", "gzip;q=0_5, identity", None, False),  # 0_5 is 0: gzip refused
])
def test_the_encoding_is_fitted_to_the_clients_accept_encoding(server, path, accept, encoding, chunked) -> None:
    status, headers, body = get(server.port, path, accept)
    assert status == "HTTP/1.1 200 OK"
    assert headers.get("content-encoding") == encoding
    assert ("transfer-encoding" in headers) == chunked and ("content-length" in headers) != chunked
    assert decoded(headers, body) == b"hello"


def test_a_content_encoding_spelt_otherwise_is_replaced_not_sent_twice(server) -> None:
    head = exchange(server.port, b"GET /spelt HTTP/1.1\r\nHost: h\r\nConnection: close\r\n"
                                 b"Accept-Encoding: br\r\n\r\n").partition(b"\r\n\r\n")[0].lower()
    assert head.count(b"\r\ncontent-encoding:") == 1 and b"\r\ncontent-encoding: br\r\n" in head


def test_a_client_that_takes_nothing_it_can_give_gets_415(server) -> None:
    status, headers, body = get(server.port, "/plain", "identity;q=0")
    assert status == "HTTP/1.1 415 Unsupported Media Type" and body == b"Unsupported Media Type"
    assert headers["accept-encoding"] == "br, gzip"


def test_a_manual_body_that_is_not_what_it_says_fails_once_it_must_be_decoded(server) -> None:
    assert get(server.port, "/manual", "identity")[0] == "HTTP/1.1 500 Internal Server Error"  # as wrangler dev


@pytest.mark.parametrize(("path", "raw"), [("/gzip", None), ("/br", BROTLI_HELLO)])
def test_a_fetched_answer_returned_unread_goes_out_as_it_came(server, path, raw) -> None:
    with encoding_origin() as (host, _):
        status, headers, body = get(server.port, "/origin" + path, origin=f"http://{host}")
    assert status == "HTTP/1.1 200 OK" and headers["content-encoding"] == path.strip("/")
    assert headers["content-length"] == str(len(body)) and "transfer-encoding" not in headers
    assert (gzip.decompress(body) == ORIGIN_JSON) if raw is None else (body == raw)


def test_a_fetched_gzip_answer_is_decoded_for_an_identity_client(server) -> None:
    with encoding_origin() as (host, _):
        status, headers, body = get(server.port, "/origin/gzip", "identity", origin=f"http://{host}")
    assert status == "HTTP/1.1 200 OK" and "content-encoding" not in headers and body == ORIGIN_JSON


WSGI_ENTRY = """
import gzip
from workers import wsgi


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")])
    return [gzip.compress(b"zipped by the app") if environ["PATH_INFO"] == "/manual" else b"plain"]


Default = wsgi.entrypoint(app, options=wsgi.Options(encode_body="manual"))
automatic = wsgi.entrypoint(app)
"""


@pytest.mark.parametrize(("manual", "expected"), [(True, b"zipped by the app"), (False, b"plain")])
def test_the_gateway_options_encode_body_is_the_responses(tmp_path: Path, manual: bool, expected: bytes) -> None:
    project = make_project(tmp_path / "app")
    entry = WSGI_ENTRY if manual else WSGI_ENTRY.replace("Default = ", "_manual = ").replace("automatic = ", "Default = ")
    (project / "src" / "entry.py").write_text(textwrap.dedent(entry))
    with BackgroundServer(load_worker(project)) as running:
        status, headers, body = get(running.port, "/manual" if manual else "/")
    assert status == "HTTP/1.1 200 OK" and headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == expected  # encoded once: by the app (manual) or by the runtime
    assert "content-length" not in headers  # the SDK's streamed body: length unknown, chunked either way
