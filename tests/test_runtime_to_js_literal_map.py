"""``to_js(dict)`` without a ``dict_converter`` is what the Worker's Pyodide makes: a plain
``Map`` on 0.26 (compatibility dates before 2025-09-29), whose entries JavaScript does not see
as properties, and from 0.27 a ``LiteralMap``, whose string keys are also its own properties
(Pyodide 0.28.2 under Node: ``m.a`` is 1, ``JSON.stringify`` writes the object). So a binding's
options converted that way are read from 0.28 and arrive empty before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workers_env import js, load_worker, to_js

ENTRY = '''
from js import JSON, Object, Response
from pyodide.ffi import to_js
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        m = to_js({"a": 1, "b": {"c": [1]}})
        value = to_js({"v": 1})
        await self.env.KV.put("k", "x", to_js({"metadata": {"m": 1}}))
        got = await self.env.KV.getWithMetadata("k")
        return Response.new(JSON.stringify(to_js({  # (a dict unconverted would be a PyProxy: {} on 0.26)
            "name": m.constructor.name, "json": JSON.stringify(m), "keys": Object.keys(m),
            "a": getattr(m, "a", "no property"), "get": m.get("a"),
            "metadata": "null" if got.metadata is None else got.metadata,  # (to_js writes None as undefined)
        }, dict_converter=Object.fromEntries)))
'''


def worker(root: Path, date: str):
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "m", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        "kv_namespaces": [{"binding": "KV", "id": "k"}]}))
    return load_worker(root)


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "want"), [
    ("2025-09-01", {"name": "Map", "json": "{}", "keys": [], "a": "no property", "get": 1, "metadata": "null"}),
    ("2025-10-01", {"name": "LiteralMap", "json": '{"a":1,"b":{"c":[1]}}', "keys": ["a", "b"], "a": 1, "get": 1,
                    "metadata": {"m": 1}}),
])
async def test_to_js_dict_by_pyodide(tmp_path, date, want):
    resp = await worker(tmp_path, date).fetch("/")
    assert await resp.json() == want


def test_outside_a_worker_the_newest_pyodides_literal_map():
    m = to_js({"a": 1})
    assert (m.constructor.name, m.a, m.size, js.JSON.stringify(m)) == ("LiteralMap", 1, 1, '{"a":1}')
