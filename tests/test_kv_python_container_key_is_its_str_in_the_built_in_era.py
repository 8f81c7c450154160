"""In the built-in SDK era Pyodide hands a Python list, tuple or dict to a KV method unconverted:
its PyProxy, which is no Array to JSG (``IsArray()``; ``Array.isArray`` is false for it under
Pyodide 0.26.0a4, 0.28.2 and 314.0.6). So where KV takes a key name (``kj::String``, or
``OneOf<String, Array<String>>`` for ``get``/``getWithMetadata``) V8's ``ToString`` reads it --
Python's ``str()`` of it, measured under Node: ``get(["a", "b"])`` is one key, ``"['a', 'b']"``,
not a bulk get -- and ``put``'s value (``OneOf<String, JsObject>``) takes it as an object and
refuses it (``KV put() accepts only strings, ...``), Python ``bytes`` included. workers-env
refused each call with its own ``TypeError`` instead. The external SDK converts lists to arrays,
so there ``get(["a", "b"])`` stays a bulk get."""

from __future__ import annotations

import warnings

import pytest

from workers_env import PyProxyWarning, load_worker

NOT_A_VALUE = "TypeError: KV put() accepts only strings, ArrayBuffers, ArrayBufferViews, and ReadableStreams as values."

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        await kv.put("a", "1")
        await kv.put("['a', 'b']", "list-str")
        await kv.put("{'k': 1}", "dict-str")
        out = {"list": await kv.get(["a", "b"]), "dict": await kv.get({"k": 1}),
               "tuple": await kv.get(("a", "b")), "meta": (await kv.getWithMetadata(["a", "b"])).value}
        await kv.put(["x"], "v")
        out["stored"] = await kv.get("['x']")
        await kv.delete(["x"])
        out["deleted"] = await kv.get("['x']")
        for body in (b"ab", bytearray(b"ab"), {"a": 1}, ("a",)):
            try:
                await kv.put("body", body)
                out.setdefault("bodies", []).append("stored")
            except Exception as exc:
                out.setdefault("bodies", []).append(str(exc))
        out["body"] = await kv.get("body")
        return Response.json(out)
'''

BULK = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("a", "1")
        got = await self.env.KV.get(["a", "b"])
        return Response.json(dict(got))
'''


def _toml(date: str) -> str:
    return (f'name = "c"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
            'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns"\n')


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-01", "2025-09-01"])
async def test_a_container_key_is_its_python_str_and_a_container_value_is_refused(project, date):
    worker = load_worker(project(_toml(date), src__entry_DOT_py=ENTRY))
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        body = await (await worker.fetch("/")).json()
    assert body == {"list": "list-str", "dict": "dict-str", "tuple": None, "meta": "list-str",
                    "stored": "v", "deleted": None, "bodies": [NOT_A_VALUE] * 4, "body": None}
    said = [str(w.message) for w in seen if issubclass(w.category, PyProxyWarning)]
    assert any("\"['a', 'b']\"" in text and "to_js(keys)" in text for text in said)


@pytest.mark.asyncio
async def test_the_external_sdk_still_makes_a_list_a_bulk_get(project):
    toml = _toml("2026-08-20")
    folder = project(toml, src__entry_DOT_py=BULK, pyproject_DOT_toml=(
        '[project]\nname = "c"\nversion = "0"\nrequires-python = ">=3.12"\ndependencies = []\n'
        '[dependency-groups]\ndev = ["workers-py"]\n'))
    assert await (await load_worker(folder).fetch("/")).json() == {"a": "1", "b": None}
