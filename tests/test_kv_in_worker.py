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
