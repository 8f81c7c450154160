"""A value ``to_js`` made of a Python value that holds itself keeps its cycle (Pyodide's
conversion cache), and a binding's JavaScript meets that cycle as V8 does: ``JSON.stringify``
(Vectorize, Workers AI) throws its circular-structure ``TypeError``, ``String()`` of the array
(D1's bind refusal, a KV option's ``ToNumber``) joins it as ``""``, and nothing is written. The
one Python ``RecursionError``: a cyclic JS *array* handed straight to a binding in the external
SDK era, whose ``_raise_on_disabled_type`` iterates arrays (not objects) and follows the cycle
(measured: workers-runtime-sdk 1.9.5's ``python_to_rpc`` under Pyodide 0.28.2 in Node). Reading such a value
walks without recursion, so a deep one (400 levels) meets the binding's own nesting limit.
"""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
import json
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def tjo(value):
    return to_js(value, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env, out = self.env, {}
        looped = []
        looped.append(looped)
        for name, call in [
            ("query topK", lambda: env.VEC.query(tjo([1.0, 0.0]), tjo({"topK": looped}))),
            ("insert id", lambda: env.VEC.insert(tjo([{"id": "a", "values": [1.0, 0.0]}, {"id": looped, "values": [0.0, 1.0]}]))),
            ("ai text", lambda: env.AI.run("@cf/baai/bge-small-en-v1.5", tjo({"text": looped}))),
            ("d1 bind", lambda: env.DB.prepare("SELECT ?1 AS v").bind(tjo(["x", looped])).all()),
            ("kv ttl", lambda: env.KV.put("k", "v", tjo({"expirationTtl": looped}))),
        ]:
            try:
                await call()
                out[name] = "no error"
            except Exception as exc:
                out[name] = f"{type(exc).__name__}: {exc}"
        out["stored"] = (await env.VEC.describe()).vectorsCount
        listed = await env.KV.list()
        out["keys"] = len((listed.to_py() if hasattr(listed, "to_py") else listed)["keys"])
        return Response(json.dumps(out))
'''

CONFIG = ('[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n[ai]\nbinding = "AI"\n'
          '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n'
          '[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n')

CIRCULAR = ("JsException: TypeError: Converting circular structure to JSON\n"
            "    --> starting at object with constructor 'Array'\n"
            "    --- index 0 closes the circle")


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")
@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-01"])  # the built-in SDK (raw bindings), the external one
async def test_a_cycle_made_by_to_js_meets_the_bindings_javascript(tmp_path, date):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=CONFIG)
    env = load_env(folder, indexes={"idx": {"dimensions": 2, "metric": "cosine"}})
    got = json.loads(await (await load_worker(folder, env=env).fetch("/")).text())
    assert got["query topK"] == CIRCULAR
    assert got["insert id"] == CIRCULAR
    assert got["ai text"] == CIRCULAR
    if date == "2025-11-01":  # raw binding: D1 reads the array as String() does
        assert got["d1 bind"] == "JsException: Error: D1_TYPE_ERROR: Type 'object' not supported for value 'x,'"
    else:  # the SDK's check iterates the array into its own cycle
        assert got["d1 bind"].startswith("RecursionError: maximum recursion depth exceeded")
    assert got["kv ttl"] == (
        "JsException: Error: KV PUT failed: 400 Invalid expiration_ttl of 0. Please specify integer greater than 0.")
    assert (got["stored"], got["keys"]) == (0, 0)


DEEP_ENTRY = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        value = 1
        for _ in range(400):
            value = {"a": value}
        try:
            await self.env.VEC.upsert(to_js([{"id": "q", "values": [1.0, 0.0], "metadata": {"d": value}}],
                                            dict_converter=Object.fromEntries))
        except Exception as exc:
            return Response(f"{type(exc).__name__}: {exc}")
        return Response("stored")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-01"])
async def test_a_deep_value_made_by_to_js_meets_the_bindings_nesting_limit(tmp_path, date):
    folder = one_file_worker(tmp_path, DEEP_ENTRY, date=date, extra=CONFIG)
    env = load_env(folder, indexes={"idx": {"dimensions": 2, "metric": "cosine"}})
    text = await (await load_worker(folder, env=env).fetch("/")).text()
    assert text.startswith("JsException: Error: VECTOR_UPSERT_ERROR (code = 40023)")
    assert "metadata nests objects or arrays more than 256 levels deep" in text
