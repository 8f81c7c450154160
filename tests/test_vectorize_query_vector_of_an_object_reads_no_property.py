"""``VECTORIZE.query(vector, options)`` reads its vector as ``Array.isArray(v) ? v :
Array.from(v)`` (vectorize-api.ts), and ``Array.from`` of a plain object without a ``length``
reads none of its properties: an empty vector, the service's 40006. So a call that puts
everything into keyword arguments -- ``query(vector=..., topK=..., filter={...})``, one object
as the first argument, as a public product-search Worker writes it -- gets that 40006 whatever
the object holds, its keyword PyProxies included (the built-in SDK: nothing converts them),
where workers-env refused the unread ``filter`` dict as a PyProxy."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for make in (
            lambda: self.env.VECTORIZE.query(vector=[1.0, 0.0, 0.0], topK=2, filter={"category": "shoes"}),
            lambda: self.env.VECTORIZE.query(to_js({"vector": [1.0, 0.0, 0.0], "filter": {"category": "shoes"}},
                                                   dict_converter=Object.fromEntries)),
        ):
            try:
                await make()
                out.append("answered")
            except Exception as exc:
                out.append(str(exc))
        return Response.json(out)
"""

ZERO = "Error: VECTOR_QUERY_ERROR (code = 40006): invalid query vector, expected 3 dimensions, and got 0 dimensions"


@pytest.mark.parametrize("date", ["2025-09-01", "2025-11-01", "2026-08-21"])  # Pyodide 0.26, 0.28; the SDK's era
def test_an_object_as_the_vector_is_an_empty_one(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date, extra='[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "i"\n')
    index = '[tool.workers-env.indexes.i]\ndimensions = 3\nmetric = "cosine"\nversion = "v2"\n'
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text((pyproject.read_text() if pyproject.exists() else "") + index)
    worker = load_worker(tmp_path)

    async def scenario():
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    assert asyncio.run(scenario()) == [ZERO, ZERO]
