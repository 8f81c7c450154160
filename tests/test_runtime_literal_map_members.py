"""Pyodide 0.28's ``LiteralMap`` (``to_js(dict)`` without a ``dict_converter``) reads a key
named like a ``Map`` member -- ``values``, ``keys``, ``get``, ... -- as that member, a function,
and ``size`` as its number of entries (literal-map.js: ``map[k] || map.get(k)``); real Pyodide
0.28.2 under Node: ``JSON.stringify(to_js({"id": "a", "values": [1, 2]}))`` is ``{"id":"a"}``.
So ``VEC.upsert(to_js(vectors))`` sends ``values: []`` (vectorize-api.ts: ``Array.from(vec.values)``)
and the service refuses it, in production and here."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import js, load_env, load_worker, to_js


@pytest.mark.parametrize(("data", "written"), [
    ({"id": "a", "values": [1, 2]}, '{"id":"a"}'),
    ({"keys": [1], "a": 2}, '{"a":2}'),
    ({"size": 5, "a": 1}, '{"size":2,"a":1}'),
    ({"get": 1, "toString": 2, "constructor": 3, "x": 4}, '{"x":4}'),
    ({}, "{}"),
])
def test_json_stringify_of_a_literal_map_reads_map_members(data, written):
    assert js.JSON.stringify(to_js(data)) == written  # outside a Worker: today's Pyodide, 0.28


ENTRY = '''
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        vectors = [{"id": "a", "values": [1.0, 0.0, 0.0], "metadata": {"k": "v"}}]
        try:
            await self.env.VEC.upsert(to_js(vectors))
        except Exception as exc:
            plain = str(exc)
        await self.env.VEC.upsert(to_js(vectors, dict_converter=Object.fromEntries))
        return Response(plain)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("version", ["v1", "v2"])
async def test_upsert_of_literal_maps_sends_no_values(tmp_path, version):
    folder = one_file_worker(tmp_path, ENTRY, date="2025-11-01", extra='[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n')
    env = load_env(folder, indexes={"idx": {"dimensions": 3, "metric": "cosine", "version": version}})
    reply = await (await load_worker(folder, env=env).fetch("/")).text()
    assert reply == ('Error: VECTOR_UPSERT_ERROR (code = 40012): invalid vector for id="a", expected 3 dimensions, '
                     "and got 0 dimensions")
    stored = await env.unwrapped("VEC").getByIds(["a"])
    assert [v["metadata"] for v in stored] == [{"k": "v"}]  # only the fromEntries upsert wrote
