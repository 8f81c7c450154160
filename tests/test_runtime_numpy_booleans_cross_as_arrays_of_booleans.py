"""A numpy boolean (``np.bool_``, a bool array) is a buffer of format ``?``, which Pyodide turns
into an Array of booleans, not a typed array (python2js_buffer.js: '"?" ... we return an array of
booleans'); the binding then treats it as the array it is -- it once failed in the conversion
with Python's ``TypeError: 'bool' object is not iterable``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
import json
import numpy as np
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        env, out = self.env, {}
        for name, call in [
            ("d1 scalar", lambda: env.DB.prepare("SELECT ?1 AS v").bind(np.bool_(True)).all()),
            ("d1 array", lambda: env.DB.prepare("SELECT ?1 AS v").bind(np.array([True, False])).all()),
            ("kv value", lambda: env.KV.put("k", np.bool_(False))),
            ("kv key", lambda: env.KV.put(np.array([True, False]), "v")),
            ("query", lambda: env.VEC.query(np.array([True, False]), topK=1)),
        ]:
            try:
                result = await call()
                out[name] = "ok" if result is None else "result"
            except Exception as exc:
                out[name] = f"{type(exc).__name__}: {exc}"
        out["keys"] = [k["name"] for k in (await env.KV.list())["keys"]]
        return Response(json.dumps(out))
'''

CONFIG = ('[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
          '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n'
          '[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n')


@pytest.mark.asyncio
async def test_numpy_booleans_reach_bindings_as_arrays_of_booleans(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY, extra=CONFIG)
    env = load_env(folder, indexes={"idx": {"dimensions": 2, "metric": "cosine"}})
    got = json.loads(await (await load_worker(folder, env=env).fetch("/")).text())
    assert got["d1 scalar"] == "JsException: Error: D1_TYPE_ERROR: Type 'object' not supported for value 'true'"
    assert got["d1 array"] == "JsException: Error: D1_TYPE_ERROR: Type 'object' not supported for value 'true,false'"
    assert got["kv value"] == ("JsException: TypeError: KV put() accepts only strings, ArrayBuffers, "
                               "ArrayBufferViews, and ReadableStreams as values.")
    assert got["kv key"] == "ok"  # an Array key is its join
    assert "values must be numbers, found True" in got["query"]
    assert got["keys"] == ["true,false"]
