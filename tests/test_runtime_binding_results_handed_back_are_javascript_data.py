"""A binding's result handed back to a binding is JavaScript data, nested data included. Worker
code of the built-in SDK holds results as JS objects and arrays (an AI embedding, ``getByIds``'
vectors with their metadata), and passing one on -- ``VECTORIZE.upsert(vectors)`` to copy
vectors, ``VECTORIZE.query(result)`` by mistake -- gives the binding JS values, as in
production: the copy works, and the mistaken query is what ``vectorize-api.ts`` makes of an
object: ``Array.from`` of it, an empty vector, the service's 40006. workers-env held such data
unconverted inside the JS value and refused its nested lists and dicts as PyProxies ("a Python
list reached JavaScript as a PyProxy"), a Python value the Worker never passed."""

from __future__ import annotations

import asyncio

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def js(value):
    return to_js(value, dict_converter=Object.fromEntries)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        res = await self.env.AI.run("@cf/baai/bge-small-en-v1.5", js({"text": ["a cat"]}))
        try:
            await self.env.VECTORIZE.query(res)  # the result object, not res.data[0]
            out["query"] = "answered"
        except Exception as exc:
            out["query"] = str(exc)
        await self.env.VECTORIZE.upsert(js([{"id": f"a{i}", "values": res.data[0].to_py(),
                                             "metadata": {"tags": ["x", "y"], "n": {"k": i}}} for i in range(4)]))
        vectors = await self.env.VECTORIZE.getByIds(js([f"a{i}" for i in range(4)]))
        for vector in vectors:
            vector.id = "b" + vector.id
        mutation = await self.env.VECTORIZE.upsert(vectors)  # a copy under other ids
        copied = await self.env.VECTORIZE.getByIds(js([f"ba{i}" for i in range(4)]))
        out["copied"] = [len(mutation.mutationId), [v.metadata.to_py() for v in copied], len(copied[0].values)]
        return Response.json(out)
"""

WRANGLER = '[ai]\nbinding = "AI"\n[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "i"\n'


def test_results_go_back_as_javascript_data(tmp_path):
    one_file_worker(tmp_path, ENTRY, date="2025-11-01", extra=WRANGLER)  # the built-in SDK, Pyodide 0.28
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.i]\ndimensions = 384\nmetric = "cosine"\n'
                                             'version = "v2"\n')
    worker = load_worker(tmp_path)

    async def scenario():
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    out = asyncio.run(scenario())
    assert out["query"] == ("Error: VECTOR_QUERY_ERROR (code = 40006): invalid query vector, "
                            "expected 384 dimensions, and got 0 dimensions")
    assert out["copied"] == [36, [{"tags": ["x", "y"], "n": {"k": i}} for i in range(4)], 384]
