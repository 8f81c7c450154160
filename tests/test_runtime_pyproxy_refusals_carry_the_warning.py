"""When a Python dict or list reaches a binding as a PyProxy and the service then refuses the
call (the Worker's Pyodide 0.26 gives ``JSON.stringify`` none of its keys), the refusal is
production's text and carries the ``PyProxyWarning``'s explanation and fix as a note: on
screen the error comes first, the warning only in pytest's summary (or nowhere, under dev)."""

from __future__ import annotations

import asyncio

import pytest
from ai_helpers import worker_json
from worker_helpers import one_file_worker

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["where did the cat sit"]})
            return Response.json({"ok": True})
        except Exception as exc:
            return Response.json({"error": str(exc), "notes": list(getattr(exc, "__notes__", []))})
"""


def test_the_services_refusal_carries_the_to_js_fix(tmp_path):
    with pytest.warns(Warning, match="reached JavaScript as a PyProxy"):
        body = worker_json(tmp_path, ENTRY, date="2025-09-01")  # Pyodide 0.26, the built-in SDK
    assert "required properties at '/' are 'text'" in body["error"]  # the service's own words
    assert len(body["notes"]) == 1
    assert body["notes"][0].startswith("workers-env: a Python dict reached JavaScript as a PyProxy")
    assert "to_js(value, dict_converter=Object.fromEntries)" in body["notes"][0]


def test_a_call_that_works_has_nothing_to_carry(tmp_path):
    body = worker_json(tmp_path, ENTRY, date="2025-11-01")  # Pyodide 0.28: the dict's keys are read
    assert body == {"ok": True}


UPSERT = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            await self.env.VECTORIZE.upsert([{"id": str(i), "values": [1.0, 0.0, float(i)]} for i in range(3)])
            return Response.json({"ok": True})
        except Exception as exc:
            return Response.json({"error": str(exc), "notes": list(getattr(exc, "__notes__", []))})
"""


def test_a_list_of_dicts_carries_the_fix_once(tmp_path):
    from workers_env import load_worker

    one_file_worker(tmp_path, UPSERT, date="2025-11-01", extra='[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "i"\n')
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.i]\ndimensions = 3\nmetric = "cosine"\n'
                                             'version = "v2"\n')
    worker = load_worker(tmp_path)

    async def scenario():
        return await (await worker.fetch("/")).json()

    with pytest.warns(Warning, match="as an item of a list the binding maps over"):
        body = asyncio.run(scenario())
    # hunt20: three dicts, one refusal (the first vector's), and the explanation once, not once a vector
    assert "expected 3 dimensions, and got 0 dimensions" in body["error"]
    assert len(body["notes"]) == 1
    assert "to_js(vectors, dict_converter=Object.fromEntries)" in body["notes"][0]
