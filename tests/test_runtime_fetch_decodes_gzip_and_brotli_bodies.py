"""A Worker's ``fetch()`` answer whose ``Content-Encoding`` is exactly ``gzip`` -- or ``br`` from
2024-04-29 (``brotli_content_encoding``; ``no_brotli_content_encoding`` turns it off) -- is read decoded, its headers left as received
(workerd ``getContentEncoding``, ``makeHttpResponse``), unless the request said
``encodeResponseBody: "manual"``. Checked side by side with a JavaScript Worker under wrangler
dev 4.164.0: the same texts, headers and error. Without the optional ``brotli`` module a
brotli body cannot be decoded here: the origin is not offered ``br``, and one that answers it
anyway is a clear error naming the module; with it, a brotli body is decoded as it arrives by the
module's ``Decompressor``."""

from __future__ import annotations

import json
import sys
import types

import pytest
from worker_helpers import BROTLI_HELLO, encoding_origin, one_file_worker

from workers_env import load_worker
from workers_env.runtime.contentencoding import brotli_module

ENTRY = '''
import json
from urllib.parse import urlparse, parse_qs
from js import Object, Request, Response as JsResponse, fetch
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        query = parse_qs(urlparse(request.url).query)
        init = {}
        if "manual" in query:
            init["encodeResponseBody"] = query["manual"][0]
        if "accept" in query:
            init["headers"] = {"accept-encoding": query["accept"][0]}
        try:
            resp = await fetch(request.headers.get("x-origin"), to_js(init, dict_converter=Object.fromEntries))
        except Exception as exc:
            return Response(json.dumps({"fetch": str(exc)}))
        try:
            data = (await resp.bytes()).to_bytes()
            text = data.decode("latin-1")
        except Exception as exc:
            text = f"{type(exc).__name__}: {exc}"
        return Response(json.dumps({"ce": resp.headers.get("content-encoding"),
                                    "cl": resp.headers.get("content-length"), "text": text}))
'''

PLAIN = '{"hello": "world"}'


@pytest.fixture
def origin():
    with encoding_origin() as (host, seen):
        yield f"http://{host}", seen


async def seen_by_worker(folder, url, query=""):
    response = await load_worker(folder).fetch("/" + query, headers={"x-origin": url})
    return json.loads(await response.text())


@pytest.mark.asyncio
async def test_a_gzip_body_is_read_decoded_and_its_headers_stay(tmp_path, origin):
    url, _ = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/gzip")
    assert got == {"ce": "gzip", "cl": "38", "text": PLAIN}


@pytest.mark.asyncio
@pytest.mark.parametrize("query", ["?manual=manual"])
async def test_manual_leaves_the_body_as_received(tmp_path, origin, query):
    url, _ = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/gzip", query)
    assert got["ce"] == "gzip" and got["text"].encode("latin-1")[:2] == b"\x1f\x8b"
    got = await seen_by_worker(tmp_path, url + "/br", query)
    assert got["text"].encode("latin-1") == BROTLI_HELLO


@pytest.mark.asyncio
async def test_only_the_exact_value_gzip_is_decoded(tmp_path, origin):
    url, _ = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/GZIP")
    assert got["ce"] == "GZIP" and got["text"].encode("latin-1")[:2] == b"\x1f\x8b"


@pytest.mark.asyncio
async def test_bytes_that_are_not_gzip_fail_the_read_as_workerd_fails_it(tmp_path, origin):
    url, _ = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/bad")
    assert got["text"] == "JsException: TypeError: Gzip decompression failed."


@pytest.mark.asyncio
async def test_gzip_members_are_read_one_after_another(tmp_path, origin):
    # KJ's GzipInputStream starts a new member where one ends (inflateReset), so trailing bytes
    # that are no gzip fail the read instead of being dropped
    url, _ = origin
    folder = one_file_worker(tmp_path, ENTRY)
    assert (await seen_by_worker(folder, url + "/members"))["text"] == PLAIN
    assert (await seen_by_worker(folder, url + "/trailing"))["text"] == "JsException: TypeError: Gzip decompression failed."


@pytest.mark.asyncio
async def test_an_unknown_encode_response_body_is_workerds_type_error(tmp_path, origin):
    url, _ = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/gzip", "?manual=nope")
    assert got == {"fetch": "TypeError: encodeResponseBody: unexpected value: nope"}


@pytest.mark.asyncio
async def test_a_fetch_without_accept_encoding_sends_none(tmp_path, origin):
    url, seen = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/accept")
    assert got["text"] == "<none>" and "accept-encoding" not in seen[-1]


@pytest.mark.asyncio
async def test_with_no_brotli_content_encoding_a_brotli_body_is_left_encoded(tmp_path, origin):
    url, seen = origin
    folder = one_file_worker(tmp_path, ENTRY, flags=["no_brotli_content_encoding"])
    got = await seen_by_worker(folder, url + "/br")
    assert got == {"ce": "br", "cl": "22", "text": BROTLI_HELLO.decode("latin-1")}
    await seen_by_worker(folder, url + "/accept", "?accept=br,%20gzip")
    assert seen[-1]["accept-encoding"] == "br, gzip"


@pytest.mark.asyncio
async def test_without_the_brotli_module_br_is_not_offered_and_a_br_body_says_so(tmp_path, origin, monkeypatch):
    monkeypatch.setitem(sys.modules, "brotli", None)  # not importable, whether installed or not
    assert brotli_module() is None
    url, seen = origin
    folder = one_file_worker(tmp_path, ENTRY)
    got = await seen_by_worker(folder, url + "/accept", "?accept=br,%20gzip;q=0.5")
    assert got["text"] == "gzip;q=0.5" and seen[-1]["accept-encoding"] == "gzip;q=0.5"
    await seen_by_worker(folder, url + "/accept", "?accept=br")
    assert "accept-encoding" not in seen[-1]
    got = await seen_by_worker(folder, url + "/br")
    assert got["text"].startswith("NotEmulatedError: this body is brotli-encoded") and "pip install brotli" in got["text"]


@pytest.mark.asyncio
async def test_with_the_brotli_module_a_br_body_is_read_decoded(tmp_path, origin, monkeypatch):
    # the optional module stood in for by one that knows the origin's one brotli body: this pins
    # that an importable ``brotli`` is used to decode and that ``br`` is then offered
    fake = types.SimpleNamespace(decompress=lambda data: {BROTLI_HELLO: PLAIN.encode()}[bytes(data)],
                                 error=Exception)
    monkeypatch.setitem(sys.modules, "brotli", fake)
    url, seen = origin
    folder = one_file_worker(tmp_path, ENTRY)
    got = await seen_by_worker(folder, url + "/br")
    assert got == {"ce": "br", "cl": "22", "text": PLAIN}
    await seen_by_worker(folder, url + "/accept", "?accept=br,%20gzip")
    assert seen[-1]["accept-encoding"] == "br, gzip"


class _FakeDecompressor:
    """A stand-in for ``brotli.Decompressor`` that knows the origin's one brotli body (``finishes``:
    whether that body ends its stream)."""

    finishes = True

    def __init__(self) -> None:
        self.fed = b""

    def process(self, data: bytes) -> bytes:
        self.fed += bytes(data)
        return PLAIN.encode() if self.fed == BROTLI_HELLO else b""

    def is_finished(self) -> bool:
        return self.finishes and self.fed == BROTLI_HELLO


@pytest.mark.asyncio
@pytest.mark.parametrize(("finishes", "text"), [
    (True, PLAIN), (False, "JsException: TypeError: Brotli compressed stream ended prematurely.")])
async def test_a_br_body_is_decoded_as_it_arrives_with_the_modules_decompressor(tmp_path, origin, monkeypatch,
                                                                               finishes, text):
    # decoded piece by piece (the module's Decompressor, not its decompress, which this one lacks);
    # a stream that is not finished at the body's end is KJ's "ended prematurely"
    decompressor = type("Decompressor", (_FakeDecompressor,), {"finishes": finishes})
    monkeypatch.setitem(sys.modules, "brotli", types.SimpleNamespace(Decompressor=decompressor, error=Exception))
    url, _ = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/br")
    assert got == {"ce": "br", "cl": "22", "text": text}


def _refuses(data: bytes) -> bytes:
    raise ValueError("not brotli")  # what brotli.error is to the decoder: any exception of the module's


class _RefusingDecompressor(_FakeDecompressor):
    def process(self, data: bytes) -> bytes:
        return _refuses(data)


@pytest.mark.asyncio
@pytest.mark.parametrize("module", [types.SimpleNamespace(decompress=_refuses, error=ValueError),
                                    types.SimpleNamespace(Decompressor=_RefusingDecompressor, error=ValueError)],
                         ids=["decompress", "Decompressor"])
async def test_bytes_that_are_not_brotli_fail_the_read_as_workerd_fails_it(tmp_path, origin, monkeypatch, module):
    monkeypatch.setitem(sys.modules, "brotli", module)
    url, _ = origin
    got = await seen_by_worker(one_file_worker(tmp_path, ENTRY), url + "/br")
    assert got["text"] == "JsException: TypeError: Brotli decompression failed."  # workerd's system-streams.c++
