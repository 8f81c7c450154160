"""The SDK's ``_raise_on_disabled_type`` walks into Python dicts (their values) and lists before
it iterates a JS array (workers-runtime-sdk 1.9.5 ``workers/rpc.py``: any iterable but
``str``/``bytes``, recursively), so a ``to_js`` array inside a plain Python argument meets what
one given straight does: a cyclic one raises ``RecursionError`` before the binding is called,
and one holding Python objects reaches it with their proxies destroyed (Pyodide's borrowed-proxy
error when the binding reads them). External SDK era only: the raw binding before it iterates
nothing."""

from __future__ import annotations

import pytest

from workers_env import load_worker

TOML = (
    'name = "nested"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
    'compatibility_flags = ["python_workers"]\n[[kv_namespaces]]\nbinding = "KV"\nid = "kv"\n'
)
ENTRY = """
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Thing:
    pass


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        looped = []
        looped.append(looped)
        shape = request.url.rsplit("/", 1)[1]
        metadata = {"cycle-in-dict": lambda: {"m": to_js(looped)},
                    "cycle-in-list": lambda: [to_js(looped)],
                    "object-in-dict": lambda: {"m": to_js([Thing()])}}[shape]()
        try:
            await self.env.KV.put("k", "v", {"metadata": metadata})
            outcome = "stored"
        except BaseException as exc:
            outcome = f"{type(exc).__name__}: {exc}"
        return Response.json({"outcome": outcome.split(" while ")[0], "stored": await self.env.KV.get("k")})
"""


async def _run(project, shape):
    worker = load_worker(project(TOML, src__entry_DOT_py=ENTRY))
    return await (await worker.fetch(f"/{shape}")).json()


@pytest.mark.asyncio
@pytest.mark.parametrize("shape", ["cycle-in-dict", "cycle-in-list"])
async def test_a_cyclic_to_js_array_inside_a_python_argument_is_a_recursion_error(project, shape):
    assert await _run(project, shape) == {"outcome": "RecursionError: maximum recursion depth exceeded",
                                          "stored": None}


@pytest.mark.asyncio
async def test_a_to_js_array_of_python_objects_inside_a_dict_reaches_the_binding_destroyed(project):
    got = await _run(project, "object-in-dict")
    assert got["stored"] is None
    assert "This borrowed proxy was automatically destroyed at the end of a generator" in got["outcome"]
