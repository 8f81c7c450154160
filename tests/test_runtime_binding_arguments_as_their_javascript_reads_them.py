"""Built-in SDK era: what reaches a binding is what its own TypeScript makes of the Python
values Pyodide hands over -- each case replayed on real Pyodide (0.26.0a4 for production's
0.26, 0.28.2) with d1-api.ts / vectorize-api.ts / ai-api.ts's own steps, and held here:

- a tuple is iterable, so ``query(tuple)`` reads its numbers (``Array.from``);
- ``insert([to_js(v, dict_converter=Object.fromEntries), ...])``: the list's PyProxy ``.map``s;
- keyword arguments are converted shallowly, so ``query(v, filter={...})`` and
  ``AI.run(model, text=[...])`` hold PyProxies, written as ``JSON.stringify`` writes them
  (0.28: the keys and items; 0.26: ``{}``, and the service refuses an empty filter);
- ``None`` inside ``to_js`` or keyword data is ``undefined``, dropped by ``JSON.stringify``;
- a filter key named like a dict method reads the method on 0.28 (dropped);
- ``to_js(bytearray)`` is a ``Uint8Array``, as ``to_js(bytes)``, which D1 binds as a blob.
"""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
import json
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def tjo(value):
    return to_js(value, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        vec, ai, db = self.env.VEC, self.env.AI, self.env.DB
        out = {}

        async def attempt(name, make):
            try:
                value = await make()
                out[name] = value.to_py() if hasattr(value, "to_py") else value
            except Exception as exc:
                out[name] = f"{type(exc).__name__}: {exc}"

        await attempt("insert list of objects", lambda: vec.insert([
            tjo({"id": "a", "values": [1.0, 0.0, 0.0], "metadata": {"genre": "x", "gone": None, "deep": {"n": None, "k": 1}}}),
            tjo({"id": "b", "values": (0.0, 1.0, 0.0), "metadata": {"genre": "y"}})]))
        await attempt("query tuple", lambda: vec.query((1.0, 0.0, 0.0), tjo({"topK": 1})))
        await attempt("query keyword filter", lambda: vec.query([0.0, 1.0, 0.0], topK=2, returnMetadata="all",
                                                                filter={"genre": "x"}))
        await attempt("query filter None", lambda: vec.query([0.0, 1.0, 0.0], tjo({"topK": 2, "filter": {"genre": None}})))
        await attempt("query filter values key", lambda: vec.query([0.0, 1.0, 0.0], {"topK": 2, "filter": {"values": "x"}}))
        await attempt("stored", lambda: vec.getByIds(to_js(["a"])))
        await attempt("embed keyword", lambda: ai.run("@cf/baai/bge-small-en-v1.5", text=["hello", "world"]))
        await attempt("embed None pooling", lambda: ai.run("@cf/baai/bge-small-en-v1.5", tjo({"text": "hi", "pooling": None})))
        await attempt("d1 bytearray", lambda: db.prepare("SELECT typeof(?1) AS t, length(?1) AS n").bind(
            to_js(bytearray(b"ab"))).first())
        return Response(json.dumps(out, default=str))
'''

CONFIG = ('[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n[ai]\nbinding = "AI"\n'
          '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "x"\n')


async def call(tmp_path, date):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=CONFIG)
    env = load_env(folder, indexes={"idx": {"dimensions": 3, "metric": "cosine", "version": "v2",
                                            "metadata_indexes": {"genre": "string"}}})
    return json.loads(await (await load_worker(folder, env=env).fetch("/")).text())


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")
@pytest.mark.parametrize("date", ["2025-08-20", "2025-11-01"])  # Pyodide 0.26, 0.28
async def test_values_reach_the_binding_as_its_javascript_reads_them(tmp_path, date):
    got = await call(tmp_path, date)
    assert set(got["insert list of objects"]) == {"mutationId"}
    assert [m["id"] for m in got["query tuple"]["matches"]] == ["a"]
    empty = "JsException: Error: VECTOR_QUERY_ERROR (code = 40026): invalid filter: a filter must not be an empty object"
    if date == "2025-11-01":
        assert [m["id"] for m in got["query keyword filter"]["matches"]] == ["a"]
        assert got["query filter values key"].startswith(empty)  # the key reads dict.values: {} sent
        assert got["embed keyword"]["shape"] == [2, 384]
    else:
        assert got["query keyword filter"].startswith(empty)  # JSON.stringify of the dict's proxy: {}
        assert len(got["query filter values key"]["matches"]) == 2  # the options dict is not read at all
        assert got["embed keyword"].startswith("JsException: AiError: 5006")  # {"text": {}}
    assert got["query filter None"].startswith(empty)  # {"genre": undefined} is {}
    assert got["stored"][0]["metadata"] == {"genre": "x", "deep": {"k": 1}}  # undefined left out
    assert got["embed None pooling"]["shape"] == [1, 384]  # pooling undefined: the default
    assert got["d1 bytearray"] == {"t": "blob", "n": 2}
