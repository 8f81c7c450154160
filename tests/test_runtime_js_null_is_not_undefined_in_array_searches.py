"""An array's ``indexOf``/``lastIndexOf``/``includes`` and Python's ``in``/``index``/``count``
compare as JavaScript does, so a ``null`` element is not ``None`` (``undefined`` in JavaScript)
in any era -- also before Pyodide 0.28 (compatibility dates before 2025-09-29), where ``null``
reads as ``None`` too: ``JSON.parse('[1, null]').indexOf(None)`` is -1 there, as real Pyodide
0.26.0a4 answers under Node (the Pyodide differential's ``jsnull`` group, 45/45 on 0.26.0a4,
0.28.2 and 314.0.6; 42/45 on 0.26.0a4 before)."""

from __future__ import annotations

import pytest
from worker_helpers import fetched_json, one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

from js import JSON, Array
from workers import Response, WorkerEntrypoint


def searches(a, v):
    return [a.indexOf(v), a.lastIndexOf(v), a.includes(v), v in a, a.count(v)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        null = JSON.parse("null")  # None before 0.28, jsnull from then
        parsed = JSON.parse("[1, null, 2]")
        pushed = Array.new()
        pushed.push(1, None)  # undefined
        both = JSON.parse("[null]")
        both.push(None)
        return Response(json.dumps({
            "parsed, None": searches(parsed, None), "parsed, null": searches(parsed, null),
            "pushed, None": searches(pushed, None),
            "both, None": searches(both, None), "both, null": searches(both, null),
            "index": [parsed.index(null) if null is not None else "-", both.index(None)],
        }))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
async def test_null_and_undefined_are_apart_in_an_arrays_searches(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    out = await fetched_json(worker, "/")
    assert out["parsed, None"] == [-1, -1, False, False, 0]  # was [1, 1, True, True, 1] before 0.28
    assert out["pushed, None"] == [1, 1, True, True, 1]
    assert out["both, None"] == [1, 1, True, True, 1]  # the pushed undefined, not the null before it
    if date < "2025-09-29":  # JS null is None there: the searched value is undefined
        assert out["parsed, null"] == out["parsed, None"] and out["both, null"] == out["both, None"]
        assert out["index"] == ["-", 1]
    else:
        assert out["parsed, null"] == [1, 1, True, True, 1]
        assert out["both, null"] == [0, 0, True, True, 1]
        assert out["index"] == [1, 1]


BINDING_ENTRY = '''
import json

from js import JSON
from workers import Response, WorkerEntrypoint


def searches(a, v):
    return [a.indexOf(v), a.lastIndexOf(v), a.includes(v), v in a, a.count(v)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.KV.put("k", "[1, null, 2]")
        stored = await self.env.KV.get("k", "json")  # a binding's JSON: its null held as None here
        null = JSON.parse("null")
        return Response(json.dumps({"None": searches(stored, None), "null": searches(stored, null)}))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
async def test_a_bindings_json_array_holds_null_not_undefined(tmp_path, date):
    """A binding's JSON result keeps its ``null`` as ``None`` inside: still no ``undefined`` to
    JavaScript's searches (audit24: a mutant that took every ``None`` element for ``undefined``
    passed the test above, whose arrays are the Worker's own)."""
    extra = '[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n'
    worker = load_worker(one_file_worker(tmp_path, BINDING_ENTRY, date=date, extra=extra))
    out = await fetched_json(worker, "/")
    assert out["None"] == [-1, -1, False, False, 0]
    assert out["null"] == ([-1, -1, False, False, 0] if date < "2025-09-29" else [1, 1, True, True, 1])
