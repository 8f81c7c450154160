"""``obj.as_object_map()`` is Pyodide's live mapping view of a JS object's own properties:
reads, writes and deletes go to the object itself (Pyodide 0.28.2 and 0.26.0a4 under Node,
``tools/pyodide`` group "objects"); it used to be a snapshot ``dict``."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env import load_worker

ENTRY = '''
import json
from js import JSON, Response


async def on_fetch(request, env):
    obj = JSON.parse('{"a": 1, "b": {"c": [2]}}')
    m = obj.as_object_map()
    out = {"type": type(m).__name__, "keys": sorted(m), "a": m["a"], "len": len(m), "in": ["a" in m, "z" in m],
           "get": [m.get("a"), m.get("z", 5)], "nested": m["b"].c.to_py()}
    try:
        m["z"]
    except KeyError as exc:
        out["missing"] = repr(exc)
    m["d"] = 4
    del m["a"]
    out["object after writes"] = JSON.stringify(obj)
    out["items"] = sorted((k, v) for k, v in m.items() if k != "b")
    return Response.new(json.dumps(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-09-23", "2025-10-01"])
async def test_as_object_map_is_a_live_view_of_the_object(tmp_path: Path, date):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.toml").write_text(
        f'name = "o"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\n'
        'compatibility_flags = ["python_workers", "disable_python_no_global_handlers"]\n')
    got = await (await load_worker(tmp_path).fetch("/")).json()
    assert got == {"type": "JsProxy", "keys": ["a", "b"], "a": 1, "len": 2, "in": [True, False], "get": [1, 5],
                   "nested": [2], "missing": "KeyError('z')", "object after writes": '{"b":{"c":[2]},"d":4}',
                   "items": [["d", 4]]}
