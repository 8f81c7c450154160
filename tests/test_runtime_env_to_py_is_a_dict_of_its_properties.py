"""``env.to_py()`` is Pyodide's conversion of a plain object: workerd builds the env with
``v8::Object::New`` (worker.c++), and Pyodide's ``to_py`` turns an object whose constructor is
``Object`` into a ``dict`` (js2python.js ``js2python_convertOther``). So vars come back as
Python values (a JSON var as dicts and lists), bindings stay proxies, and
``json.dumps(env.to_py())`` of a vars-only env works, as a public FastAPI Worker relies on
(frehov/unifi-ddns-cf-worker: ``json.dumps(req.scope['env'].to_py())``). ``object_keys`` and
``object_entries`` list the same properties. Before, ``to_py()`` gave the env proxy back."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

VARS = '[vars]\nS = "text"\nN = 5\nJ = { a = [1, 2], b = { c = true } }\n'
KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "0123456789abcdef0123456789abcdef"\n'

LEGACY = """\
    import json
    from js import Response

    async def on_fetch(request, env):
        converted = env.to_py()
        shallow = env.to_py(depth=0)
        return Response.new(json.dumps({
            "vars": {k: v for k, v in converted.items() if k != "KV"},
            "kv_is_dict": isinstance(converted.get("KV"), dict),
            "kv_has_get": hasattr(converted.get("KV"), "get"),
            "depth0_is_env": shallow is env,
            "keys": sorted(env.object_keys()),
            "entries": sorted(list(e)[0] for e in env.object_entries()),
        }))
"""

SDK = """\
    import json
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response(json.dumps(self.env.to_py()))
"""


@pytest.mark.asyncio
async def test_the_raw_env_converts_to_a_dict_with_bindings_left_as_proxies(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, LEGACY, date="2024-08-21", extra=VARS + KV))
    body = json.loads(await (await worker.fetch("/")).text())
    assert body == {
        "vars": {"S": "text", "N": 5, "J": {"a": [1, 2], "b": {"c": True}}},
        "kv_is_dict": False,
        "kv_has_get": True,
        "depth0_is_env": True,
        "keys": ["J", "KV", "N", "S"],
        "entries": ["J", "KV", "N", "S"],
    }


@pytest.mark.asyncio
async def test_the_sdk_env_hands_out_the_same_conversion(tmp_path):
    # the external SDK's _EnvWrapper reads to_py from the JS env as any other attribute
    worker = load_worker(one_file_worker(tmp_path, SDK, date="2026-05-01", extra=VARS))
    assert json.loads(await (await worker.fetch("/")).text()) == {
        "S": "text", "N": 5, "J": {"a": [1, 2], "b": {"c": True}},
    }
