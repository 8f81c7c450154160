"""An unconverted Python container handed to a binding whose JavaScript only ``JSON.stringify``s
that argument is what ``JSON.stringify`` writes of its PyProxy: AI ``run()``'s ``inputs``
(ai-api.ts), Vectorize ``getByIds``/``deleteByIds``' ids (vectorize-api.ts). So the built-in
SDK era's ``self.env.AI.run(model, {"text": [...]})`` embeds on Pyodide 0.28, as in production
(checked with real Pyodide 0.28.2 under Node), and a dict or a list is ``{}`` on 0.26. A plain list of vector
dicts for ``upsert`` is ``.map``ped and spread there: its ``values`` read as the dict's method,
so the service refuses the vector, as in production."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = '''
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        calls = {
            "embed": lambda: self.env.AI.run("@cf/baai/bge-small-en-v1.5", {"text": ["hi", "there"]}),
            "get": lambda: self.env.VEC.getByIds(["a"]),
            "delete": lambda: self.env.VEC.deleteByIds(["a"]),
            "upsert": lambda: self.env.VEC.upsert([{"id": "b", "values": [0, 1, 0]}]),
        }
        for name, call in calls.items():
            try:
                result = (await call()).to_py()
                out[name] = result["shape"] if name == "embed" else result
            except Exception as exc:
                out[name] = str(exc)
        return Response(json.dumps(out))
'''

CONFIG = '[ai]\nbinding = "AI"\n[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'


@pytest.mark.asyncio
@pytest.mark.filterwarnings("ignore::workers_env.PyProxyWarning")
@pytest.mark.parametrize(("date", "embed"), [
    ("2025-11-01", [2, 384]),  # Pyodide 0.28: the dict's keys
    ("2025-08-20", "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are "
                   "'text', required properties at '/' are 'requests'"),  # 0.26: {}, the service's error
])
async def test_stringified_arguments_follow_json_stringify(tmp_path, date, embed):
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra=CONFIG)
    env = load_env(folder, indexes={"idx": {"dimensions": 3, "metric": "cosine", "version": "v2"}})
    vec = env.unwrapped("VEC")  # the binding itself: Python values, as test code passes them
    await vec.upsert([{"id": "a", "values": [1, 0, 0]}])
    reply = await (await load_worker(folder, env=env).fetch("/")).json()
    assert reply["embed"] == embed
    assert reply["upsert"].startswith("Error: VECTOR_UPSERT_ERROR")  # no values (0.28) or no id (0.26) sent
    if date == "2025-11-01":  # a list of strings: its JSON
        assert [v["id"] for v in reply["get"]] == ["a"]
        assert set(reply["delete"]) == {"mutationId"}
        assert await vec.getByIds(["a", "b"]) == []  # deleted; the refused upsert wrote nothing
    else:  # Pyodide 0.26: {"ids": {}}, which the service refuses
        assert reply["get"].startswith("Error: VECTOR_GET_ERROR") and reply["delete"].startswith("Error: VECTOR_DELETE")
        assert [v["id"] for v in await vec.getByIds(["a", "b"])] == ["a"]  # nothing deleted, nothing written
