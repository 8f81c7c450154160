"""A Python dict handed unconverted to a binding's options argument (a PyProxy, built-in SDK
era): production reads none of its keys and goes on with the defaults -- a TTL lost, a topK
ignored -- and so does workers-env, with a ``PyProxyWarning`` saying which keys were ignored.
As data (vectors, AI inputs) such a dict is still refused with the ``to_js`` hint."""

from __future__ import annotations

import textwrap

import pytest

from workers_env import JsException, PyProxyWarning, load_worker

ENTRY = """
from js import JSON, Object, Response
from pyodide.ffi import to_js
from workers import WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        kv, vec = self.env.KV, self.env.VEC
        if request.url.endswith("/vectors-as-dicts"):
            await vec.upsert([{"id": "x", "values": [1.0, 0.0]}])
        await kv.put("k", '{"a": 1}', {"expirationTtl": 60})  # the TTL is lost in production
        listed = await kv.list()
        as_json = await kv.get("k", {"type": "json"})  # type ignored: text
        await vec.upsert(to_js([{"id": f"v{i}", "values": [1.0, i / 10]} for i in range(7)],
                               dict_converter=Object.fromEntries))
        found = await vec.query(to_js([1.0, 0.0]), {"topK": 1})  # topK ignored: the default, 5
        return Response.new(JSON.stringify(to_js({
            "expiration": "expiration" in listed.keys[0].to_py(), "value": as_json, "count": found.count,
        }, dict_converter=Object.fromEntries)))
"""


@pytest.fixture
def worker(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.toml").write_text(
        'name = "p"\nmain = "src/entry.py"\ncompatibility_date = "2025-11-01"\ncompatibility_flags = ["python_workers"]\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "k"\n[[vectorize]]\nbinding = "VEC"\nindex_name = "i"\n'
    )
    (tmp_path / "pyproject.toml").write_text('[tool.workers-env.indexes.i]\ndimensions = 2\nmetric = "cosine"\nversion = "v2"\n')
    return load_worker(tmp_path)


@pytest.mark.asyncio
async def test_options_given_as_a_dict_are_ignored_as_in_production_with_a_warning(worker):
    with pytest.warns(PyProxyWarning) as caught:
        response = await worker.fetch("/")
    assert response.status == 200, await response.text()
    assert await response.json() == {"expiration": False, "value": '{"a": 1}', "count": 5}
    texts = [str(w.message) for w in caught]
    assert any("options of KV.put(): production reads none of its keys (expirationTtl)" in t for t in texts)
    assert any("options of KV.get(): production reads none of its keys (type)" in t for t in texts)
    assert any("options of VEC.query(): production reads none of its keys (topK)" in t for t in texts)
    assert all(w.filename.endswith("entry.py") for w in caught)  # pointed at the Worker's own line


@pytest.mark.asyncio
async def test_a_dict_as_data_is_still_refused(worker):
    with pytest.raises(JsException, match="reached JavaScript as a PyProxy in this call to VEC.upsert"):
        await worker.fetch("/vectors-as-dicts")
