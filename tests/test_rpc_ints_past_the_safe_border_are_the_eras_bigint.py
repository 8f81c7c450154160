"""A Python int crossing a Workers RPC call (a service binding's method of a ``WorkerEntrypoint``,
``worker.rpc``) at +-(2**53 - 1) and beyond: the SDK's ``python_to_rpc`` hands JavaScript a BigInt
(Pyodide's border is exclusive), V8's clone keeps it, and Python reads it back as that era's BigInt
-- ``JsBigInt`` from Pyodide 0.29 (314.0.6: a method's argument, the awaited result, items of a
``to_py()`` alike), ``int`` on 0.26.0a4 and 0.28.2 (``tools/pyodide`` group ``rpc-int-border``,
leftovers47). Before, the method's argument and the caller's result were ``int`` in the 314 era
too, while the same int one level down was ``JsBigInt``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import service_pair, typical_pyproject

from workers_env import load_worker

CALLEE = '''
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def kinds(self, x, nested):
        return [type(x).__name__, type(nested[0]).__name__]

    async def same(self, x):
        return x

    async def made(self, x):
        return int(x)
'''

CALLER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for v in (2**53 - 1, -(2**53 - 1), 2**64, 2**53 - 2):
            kinds = await self.env.SEARCH.kinds(v, [v])
            same, made = await self.env.SEARCH.same(v), await self.env.SEARCH.made(v)
            out.append(" ".join([*kinds, type(same).__name__, type(made).__name__, str(same == made == v)]))
        return Response("\\n".join(out))
'''

BIG_314 = "JsBigInt JsBigInt JsBigInt JsBigInt True"


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "big"), [("2026-09-10", BIG_314), ("2026-05-01", "int int int int True"),
                                           ("2025-11-02", "int int int int True")])
async def test_service_binding_rpc(tmp_path, date, big):
    gateway = service_pair(tmp_path, CALLEE, CALLER, date)
    text = await (await gateway.fetch("/")).text()
    assert text.splitlines() == [big, big, big, "int int int int True"]


@pytest.mark.asyncio
async def test_worker_rpc_is_that_caller(tmp_path):
    gateway = service_pair(tmp_path, CALLEE, CALLER, "2026-09-10")
    search = gateway.env.unwrapped("SEARCH")
    assert await search.rpc("kinds", 2**53 - 1, [2**53 - 1]) == ["JsBigInt", "JsBigInt"]
    made = await search.rpc("made", 2**53 - 1)
    assert type(made).__name__ == "JsBigInt" and made == 2**53 - 1
    assert type(await search.rpc("made", 2**53 - 2)) is int


CLONES = '''
import js
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for v in (2**53 - 1, -(2**53 - 1), 2**64, 2**53 - 2):
            cloned, awaited = js.structuredClone(to_js(v)), await js.Promise.resolve(v)
            made = await js.Promise.new(lambda resolve, reject: resolve(v))
            out.append(" ".join([type(cloned).__name__, type(awaited).__name__, type(made).__name__,
                                 str(cloned == awaited == made == v)]))
        return Response("\\n".join(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "big"), [("2026-09-08", "JsBigInt JsBigInt JsBigInt True"),
                                           ("2025-10-01", "int int int True")])
async def test_a_clone_and_a_promise_hand_back_the_same(tmp_path, date, big):
    """The same rule where JavaScript hands a Python int back whole: ``structuredClone``'s result and
    an awaited ``Promise.resolve`` (group ``rpc-int-border``: 19/19 on 314.0.6, 0.28.2, 0.26.0a4)."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(CLONES)
    (tmp_path / "wrangler.json").write_text(json.dumps({"name": "w", "main": "src/entry.py", "compatibility_date": date,
                                                        "compatibility_flags": ["python_workers"]}))
    text = await (await load_worker(typical_pyproject(tmp_path)).fetch("/")).text()
    assert text.splitlines() == [big, big, big, "int int int True"]
