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
        for body in (b"ab", bytearray(b"ab"), {"a": 1}, ("a",), memoryview(b"ab")):
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
                    "stored": "v", "deleted": None, "bodies": [NOT_A_VALUE] * 5, "body": None}
    said = [str(w.message) for w in seen if issubclass(w.category, PyProxyWarning)]
    assert any("\"['a', 'b']\"" in text and "to_js(keys)" in text for text in said)


@pytest.mark.asyncio
async def test_the_external_sdk_still_makes_a_list_a_bulk_get(project):
    toml = _toml("2026-08-20")
    folder = project(toml, src__entry_DOT_py=BULK, pyproject_DOT_toml=(
        '[project]\nname = "c"\nversion = "0"\nrequires-python = ">=3.12"\ndependencies = []\n'
        '[dependency-groups]\ndev = ["workers-py"]\n'))
    assert await (await load_worker(folder).fetch("/")).json() == {"a": "1", "b": None}


OPTIONS = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        for key in ("['a']x", "ab", "{'k': 1}"):
            await kv.put(key, "v")
        out = {}
        for name, call in [("prefix", lambda: kv.list(prefix=["a"])), ("dict", lambda: kv.list({"prefix": ["a"]})),
                           ("type", lambda: kv.get("ab", type={"k": 1}))]:
            try:
                got = await call()
                out[name] = [k.name for k in got.keys] if name != "type" else got
            except Exception as exc:
                out[name] = str(exc)
        return Response.json(out)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "dict_prefix"), [("2025-11-01", ["['a']x"]), ("2025-09-01", ["['a']x", "ab", "{'k': 1}"])])
async def test_a_container_as_an_options_string_member_is_its_python_str(project, date, dict_prefix):
    """JSG reads ``ListOptions.prefix``/``cursor`` and ``GetOptions.type`` as ``kj::String``: a list
    given as a keyword (one object, values converted shallowly) is its PyProxy, so its ``str()``
    (real Pyodide 0.26.0a4, 0.28.2, 314.0.6: ``String(o.prefix)`` is ``"['a']"``); in a dict given
    as the options the same from 0.28, and on 0.26 the dict reads as empty: no prefix."""
    worker = load_worker(project(_toml(date), src__entry_DOT_py=OPTIONS))
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        body = await (await worker.fetch("/")).json()
    assert body == {"prefix": ["['a']x"], "dict": dict_prefix,
                    "type": 'TypeError: Unknown response type. Possible types are "text", "arrayBuffer", "json", '
                            'and "stream".'}


EXTERNAL_KEYS = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv = self.env.KV
        await kv.put({"s"}, "set")
        await kv.put(b"xy", "bytes")
        listed = await kv.list()
        return Response.json({"keys": [k["name"] for k in listed["keys"]], "bytes": await kv.get("120,121")})
'''


@pytest.mark.asyncio
async def test_the_external_sdk_makes_a_set_and_bytes_javascript_values_whose_string_is_the_key(project):
    """The external SDK's ``python_to_rpc`` is ``to_js``: a ``set`` becomes a ``Set``
    (``String()``: ``"[object Set]"``) and ``bytes`` a ``Uint8Array`` (``"120,121"``); workers-env
    joined the Set's items (``"s"``) and printed the typed array as a Python list (``"[120, 121]"``)."""
    folder = project(_toml("2026-08-20"), src__entry_DOT_py=EXTERNAL_KEYS, pyproject_DOT_toml=(
        '[project]\nname = "c"\nversion = "0"\nrequires-python = ">=3.12"\ndependencies = []\n'
        '[dependency-groups]\ndev = ["workers-py"]\n'))
    assert await (await load_worker(folder).fetch("/")).json() == {"keys": ["120,121", "[object Set]"], "bytes": "bytes"}
