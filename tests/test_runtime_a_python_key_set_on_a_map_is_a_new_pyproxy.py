"""A key Python code sets on a JS ``Map`` that JavaScript holds as a PyProxy (a tuple, list,
dict, set, bytes, a class instance) is a new PyProxy at each crossing, as in Pyodide: ``m[[1]] =
v`` adds an entry -- it was ``TypeError: unhashable type: 'list'`` here -- that no later lookup
finds, not even with the same object (a tuple key was found again here), while ``m.keys()``
gives the object itself; after ``m.set(k, v)``, whose argument proxy Pyodide destroys when the
call returns, reading the key is the borrowed-proxy error. And ``as_object_map()``'s missing key
is the ``KeyError`` Pyodide's C code sets: no argument for ``None``, a tuple's items as its
arguments (it was ``KeyError(None)``/``KeyError((1, 2))`` here). Real Pyodide 0.26.0a4, 0.28.2
and 314.0.6 under Node: the Pyodide differential's ``maps`` group, 65/65 (64/65 on 314.0.6, the
one left CPython 3.14's own text), 54/65 before."""

from __future__ import annotations

import pytest
from worker_helpers import fetched_json, one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

from js import JSON, Map
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


class A:
    pass


def attempt(call):
    try:
        return repr(call())
    except KeyError as e:
        return repr(e)
    except JsException as e:
        return "JsException: " + str(e).splitlines()[0]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        m = Map.new()
        l, t, a = [1], (1, 2), A()
        for k in (l, t, a, {"k": 1}, {1}, frozenset([1]), bytearray(b"x"), b"x", None, 5):
            m[k] = "v"
        keys = list(m.keys())
        out = {"size": m.size, "same objects": [keys[0] is l, keys[1] is t, keys[2] is a],
               "lookups": [[attempt(lambda: m[k]), k in m, m.has(k), repr(m.get(k))] for k in (l, t, b"x", None, 5)]}
        out["instance"] = [attempt(lambda: m[a]).startswith("KeyError(<"), a in m, repr(m.get(a))]
        s = Map.new()
        s.set(t, "v")
        out["set"] = [s.has(t), attempt(lambda: list(s.keys()))]
        o = JSON.parse('{"a": 1}').as_object_map()
        out["object map"] = [attempt(lambda: o[k]) for k in (None, (1, 2), ("a",), (), "zz")]
        def delete(k):
            del o[k]
        out["object map del"] = [attempt(lambda: delete(k)) for k in (None, (1, 2))]
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore:JsProxy.as_object_map:RuntimeWarning")  # 314.0.6's own deprecation
@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
async def test_a_python_key_is_a_new_pyproxy_each_time(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await fetched_json(worker, "/") == {
        "size": 10,
        "same objects": [True, True, True],
        "lookups": [["KeyError([1])", False, False, "None"], ["KeyError(1, 2)", False, False, "None"],
                    ["KeyError(b'x')", False, False, "None"],
                    ["'v'", True, True, "'v'"], ["'v'", True, True, "'v'"]],
        "instance": [True, False, "None"],
        "set": [False, "JsException: Error: This borrowed proxy was automatically destroyed at the end of a function call. "
                       "Try using create_proxy or create_once_callable."],
        "object map": ["KeyError()", "KeyError(1, 2)", "KeyError('a')", "KeyError()", "KeyError('zz')"],
        "object map del": ["KeyError()", "KeyError(1, 2)"],
    }
