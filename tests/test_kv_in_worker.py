"""KV as Worker code sees it: through self.env of the external SDK era (its conversions), the
built-in SDK era (raw JavaScript values) and a legacy on_fetch's raw JS env."""

from __future__ import annotations

import struct

import pytest

from workers_env import JsDict, load_worker

TOML = (
    'name = "kv-worker"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
    'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n'
)

ENTRY = '''
import asyncio
from urllib.parse import urlparse
from js import Float32Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        kv = self.env.KV
        if path == "/put":
            await kv.put("doc", '{"n": 1, "tags": ["a"]}', metadata={"by": "worker"}, expirationTtl=600)
            await kv.put("bin", b"\\x00\\x01\\xff")
            await kv.put("f32", Float32Array.new([1.5, -2]))  # an ArrayBufferView: its buffer's bytes
            return Response("ok")
        if path == "/types":
            doc = await kv.get("doc", "json")
            buf = await kv.get("bin", "arrayBuffer")
            bulk = await kv.get(["doc", "nope"])
            meta = await kv.getWithMetadata("doc")
            listed = await kv.list(prefix="d")
            return Response.json({
                "doc": [type(doc).__name__, doc.n, doc.tags],
                "buf": [type(buf).__name__, bytes(buf).hex()],
                "bulk": [type(bulk).__name__, bulk["nope"], bulk["doc"]],
                "meta": [meta.metadata.by, meta.cacheStatus],
                "list": [k.name for k in listed["keys"]],
                "f32": bytes(await kv.get("f32", "arrayBuffer")).hex(),
            })
        if path == "/stream":
            return Response(await kv.get("bin", "stream"))
        if path == "/copy":
            await kv.put("copy", await kv.get("bin", "stream"))
            return Response((await kv.get("copy", "arrayBuffer")).tobytes())
        if path == "/protocol":  # the SDK's _BindingWrapper: errors name the JavaScript class
            from workers.rpc import _BindingWrapper
            out = [bool(kv) and isinstance(kv, _BindingWrapper)]
            # __iter__ is a generator in the SDK: iter(kv) is fine, its first item the TypeError
            for probe in (lambda: next(iter(kv)), lambda: len(kv)):
                try:
                    probe()
                except TypeError as exc:
                    out.append(str(exc))
            return Response.json(out)
        if path == "/tuple":
            await kv.put("t", (1, 2))
        if path == "/awaitable":
            pending = asyncio.sleep(0)
            try:
                await kv.put("t", pending)  # not awaited: the SDK refuses to send it
            finally:
                pending.close()
        return Response("not found", status=404)
'''

LEGACY = '''
from js import Response, Object
from pyodide.ffi import to_js

async def on_fetch(request, env):
    await env.KV.put("k", "v", to_js({"metadata": {"x": 1}}, dict_converter=Object.fromEntries))
    bulk = await env.KV.get(to_js(["k", "missing"]))
    listed = await env.KV.list()
    return Response.new(f"{bulk.constructor.name} {bulk.get('k')} {bulk.get('missing')} {listed.keys[0].metadata.x}")
'''


@pytest.mark.asyncio
async def test_results_reach_python_code_as_the_sdk_converts_them(project):
    worker = load_worker(project(TOML, src__entry_DOT_py=ENTRY))
    assert (await worker.fetch("/put")).status == 200
    body = await (await worker.fetch("/types")).json()
    assert body == {
        "doc": ["JsDict", 1, ["a"]],
        "buf": ["memoryview", "0001ff"],
        "bulk": ["JsDict", None, '{"n": 1, "tags": ["a"]}'],
        "meta": ["worker", None],
        "list": ["doc"],
        "f32": struct.pack("<2f", 1.5, -2).hex(),
    }
    stream = await worker.fetch("/stream")
    assert await stream.bytes() == b"\x00\x01\xff"
    assert await (await worker.fetch("/copy")).bytes() == b"\x00\x01\xff"  # a stream is a put value too
    with pytest.raises(TypeError, match="cannot be sent over RPC"):
        await worker.fetch("/tuple")
    with pytest.raises(TypeError) as awaitable:
        await worker.fetch("/awaitable")
    assert str(awaitable.value) == "Awaitable <class 'coroutine'> cannot be sent over RPC."
    assert isinstance(await worker.env.KV.get("doc", "json"), JsDict)


@pytest.mark.asyncio
async def test_the_wrapped_binding_is_not_iterable_and_has_no_len_as_the_sdk_says(project):
    worker = load_worker(project(TOML, src__entry_DOT_py=ENTRY))
    assert await (await worker.fetch("/protocol")).json() == [
        True, "'KvNamespace' object is not iterable", "'KvNamespace' object has no len()"]


@pytest.mark.asyncio
async def test_legacy_on_fetch_gets_the_raw_javascript_values(project):
    toml = TOML.replace('compatibility_date = "2026-05-01"', 'compatibility_date = "2025-01-01"')
    worker = load_worker(project(toml, src__entry_DOT_py=LEGACY))
    assert await (await worker.fetch("/")).text() == "Map v None 1"


BUILTIN = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        await kv.put("doc", '{"n": 1}', to_js({"metadata": {"by": "w"}}, dict_converter=Object.fromEntries))
        doc = await kv.get("doc", "json")
        meta = await kv.getWithMetadata("doc")
        bulk = await kv.get(to_js(["doc", "nope"]))
        return Response(f"{doc.n} {doc.to_py()} {meta.metadata.by} {bulk.constructor.name} {bulk.get('nope')}")
'''


@pytest.mark.asyncio
async def test_built_in_sdk_era_hands_out_raw_javascript_values(project):
    toml = TOML.replace('compatibility_date = "2026-05-01"', 'compatibility_date = "2025-09-01"')
    worker = load_worker(project(toml, src__entry_DOT_py=BUILTIN))
    assert await (await worker.fetch("/")).text() == "1 {'n': 1} w Map None"


VALUES = '''
from js import Response as JsResponse, Blob, DataView, Uint16Array, Uint8Array
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        digits = to_js(b"0123456789")
        values = {
            "str": "a\\ud800b", "bytes": b"\\x00\\xff", "bytearray": bytearray(b"ab"), "memoryview": memoryview(b"mv"),
            "memoryview16": memoryview(b"abcd").cast("H"), "to_js": to_js(b"tj"), "u16": Uint16Array.new([1, 258]),
            "arraybuffer": to_js(b"ab").buffer, "dataview": DataView.new(to_js(b"dv").buffer),
            "subarray": digits.subarray(2, 5), "view": Uint8Array.new(digits.buffer, 3, 2),
            "body": JsResponse.new("resp").body, "blob": Blob.new(["b"]), "none": None, "dict": {"a": 1},
            "list": ["a"], "int": 42, "float": 1.5, "bool": True, "bigint": 2**60, "tuple": (1,),
        }
        out = {}
        for name, value in values.items():
            try:
                await self.env.KV.put(name, value)
                out[name] = bytes(await self.env.KV.get(name, "arrayBuffer")).hex()
            except Exception as error:
                out[name] = f"{type(error).__name__}: {error}"
        stream = await self.env.KV.get("str", "stream")
        out["stream"] = [type(stream).__name__, stream.constructor.name]
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_every_kind_of_value_put_takes_or_refuses_from_worker_code(project):
    """Python values as the SDK sends them (bytearray and tuple refused by it, None as null,
    buffers and memoryviews as typed arrays), JavaScript buffers, views and streams as they
    are; the bytes stored are what kv_differential.py's edge cases measured on workerd."""
    worker = load_worker(project(TOML, src__entry_DOT_py=VALUES))
    refused = "JsException: TypeError: KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values."
    assert await (await worker.fetch("/")).json() == {
        "str": "61eda08062", "bytes": "00ff", "bytearray": "TypeError: <class 'bytearray'> cannot be sent over RPC.",
        "memoryview": b"mv".hex(), "memoryview16": b"abcd".hex(), "to_js": b"tj".hex(), "u16": "01000201",
        "arraybuffer": b"ab".hex(), "dataview": b"dv".hex(), "subarray": b"234".hex(), "view": b"34".hex(),
        "body": b"resp".hex(), "blob": refused, "none": b"null".hex(), "dict": refused, "list": refused,
        "int": b"42".hex(), "float": b"1.5".hex(), "bool": b"true".hex(), "bigint": b"1152921504606846976".hex(),
        "tuple": "TypeError: <class 'tuple'> cannot be sent over RPC.", "stream": ["JsProxy", "ReadableStream"],
    }
