"""A property of a function stub disposed already -- the function a Worker handed a supplied
service, kept by it after the call returned -- is refused as the stub is, called or awaited:
``Error: RPC stub used after being disposed.``, not the callee's "does not implement the method"
(the callee is never asked). workerd's ``JsRpcProperty`` gets its client from the stub for each
call (``JsRpcStub::getClientForOneCall``, worker-rpc.c++), whose disposed stub is that error;
its own test calls a disposed stub's ``counter.increment(2)`` and gets it (js-rpc-test.js,
``disposal``). audit32: a mutant not checking survived."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    async def fetch(self, request):
        return Response(str(await self.env.SVC.take(self.plus_100)))
'''


class Keeper:
    """Keeps the function a Worker hands it, as a service Worker could."""

    def __init__(self):
        self.kept = None

    async def take(self, cb):
        self.kept = cb
        return await cb(1)


@pytest.mark.asyncio
async def test_a_disposed_stubs_property_is_refused_as_the_stub(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "t", "main": "src/entry.py", "compatibility_date": "2026-05-01",
        "compatibility_flags": ["python_workers"], "services": [{"binding": "SVC", "service": "other"}]}))
    keeper = Keeper()
    worker = load_worker(typical_pyproject(tmp_path), bindings={"SVC": keeper})
    assert await (await worker.fetch("/")).text() == "101"
    for use in (lambda f: f.anything(2), lambda f: f.anything, lambda f: f.name(), lambda f: f.prototype):
        with pytest.raises(Exception, match="^Error: RPC stub used after being disposed.$"):
            await use(keeper.kept)
