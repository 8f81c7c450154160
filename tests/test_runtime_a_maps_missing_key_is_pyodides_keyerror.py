"""A JS ``Map``'s missing key (``m[k]``, ``del m[k]``) is the KeyError Pyodide's C code raises
(``PyErr_SetObject``): the key itself as its argument -- ``False`` not a stand-in's wrapper, a JS
object as its proxy --, no argument for ``None`` (``undefined``), a tuple's items as its
arguments; a Python key that cannot be hashed (a list, a dict) is a miss too, as JavaScript
gets a new PyProxy of it (``get`` gives the default, ``in``/``has``/``delete`` false), not a
TypeError; a caught miss keeps the caller's frames alone. Real Pyodide 0.26.0a4, 0.28.2 and
314.0.6 under Node: the Pyodide differential's ``maps`` group, 50/50 (49/50 on 314.0.6, the one
left CPython 3.14's own text), 44/48 before."""

from __future__ import annotations

import pytest
from worker_helpers import fetched_json, one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
import traceback

from js import JSON, Map
from workers import Response, WorkerEntrypoint


def lookup(m, k):
    return m[k]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        m = Map.new(JSON.parse('[["a", 1], [5, 2], [true, 3]]'))
        out = {"get": [], "del": [], "other": []}
        for k in ("zz", 6, None, False, 1, (1, 2), (), [1], {"k": 1}, JSON.parse("{}")):
            try:
                lookup(m, k)
            except KeyError as e:
                out["get"].append([repr(e), [f.name for f in traceback.extract_tb(e.__traceback__)]])
        for k in ("zz", False, None, (1, 2), [1]):
            try:
                del m[k]
            except KeyError as e:
                out["del"].append(repr(e))
        for k in ([1], {"k": 1}):
            out["other"].append([repr(m.get(k)), k in m, m.has(k), m.delete(k), m.get(k, "d")])
        out["hit"] = [m["a"], m[5], m[True], len(m)]
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
async def test_a_maps_missing_key_is_pyodides_keyerror(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    frames = ["fetch", "lookup"]  # the Worker's own: none of workers-env's
    assert await fetched_json(worker, "/") == {
        "get": [["KeyError('zz')", frames], ["KeyError(6)", frames], ["KeyError()", frames],
                ["KeyError(False)", frames], ["KeyError(1)", frames], ["KeyError(1, 2)", frames],
                ["KeyError()", frames], ["KeyError([1])", frames], ["KeyError({'k': 1})", frames],
                ["KeyError([object Object])", frames]],  # the JS object's proxy, as Pyodide's
        "del": ["KeyError('zz')", "KeyError(False)", "KeyError()", "KeyError(1, 2)", "KeyError([1])"],
        "other": [["None", False, False, False, "d"], ["None", False, False, False, "d"]],
        "hit": [1, 2, 3, 3],
    }


OBJECT_MAP = '''
import json

from js import Object
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        view, out = Object.new().as_object_map(), {"get": [], "del": []}
        for k in ("nope", 3, None, (1, 2)):
            for what, call in (("get", view.__getitem__), ("del", view.__delitem__)):
                try:
                    call(k)
                except KeyError as e:
                    out[what].append(repr(e))
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore:JsProxy.as_object_map\\(\\) is deprecated")  # 314's own, at 2026-09-08
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
async def test_an_object_maps_missing_key_is_the_same_keyerror(tmp_path, date):
    """``as_object_map()``'s miss is set the same way (review73: ``KeyError(None)`` and
    ``KeyError((1, 2))`` before; 0.26.0a4, 0.28.2, 314.0.6 under Node all answer these)."""
    worker = load_worker(one_file_worker(tmp_path, OBJECT_MAP, date=date))
    keys = ["KeyError('nope')", "KeyError(3)", "KeyError()", "KeyError(1, 2)"]
    assert await fetched_json(worker, "/") == {"get": keys, "del": keys}
