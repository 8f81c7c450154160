"""``Worker.as_service()`` -- the service binding a Worker is for another, public on every loaded
Worker -- called by test code itself, with no env in front: its call's stubs are workerd's as
through a Worker's ``env`` (wrangler dev -c A -c B 4.164.0 JS twins, review58/review63): a stub
the caller received over RPC and passes on reaches the callee as a new reference, disposed when
that call returns ('RPC stub used after being disposed.' for the callee keeping it), the caller's
own still live. Through ``env`` the binding's wrapper relays and disposes them first, so only a
direct call shows that ``WorkerService`` does so itself (two mutants of it passed every test)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import typical_pyproject

from workers_env import JsException, load_worker

CALLEE = '''
from workers import Response, WorkerEntrypoint

kept = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("callee")

    async def give(self):
        def times_10(x):
            return x * 10
        return times_10

    async def call_now(self, cb):
        kept.append(cb)
        return await cb(1)

    async def call_kept(self):
        return await kept[-1](2)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2026-09-10"])  # (the built-in SDK returns no functions)
async def test_a_stub_passed_on_is_the_callees_until_its_call_returns(tmp_path, date):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(CALLEE)
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "callee", "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"]}))
    service = load_worker(typical_pyproject(tmp_path)).as_service()
    times_10 = await service.give()  # the test's own stub of the callee's function
    assert await service.call_now(times_10) == 10  # passed on: the callee's reference, live during its call
    with pytest.raises(JsException, match=r"^Error: RPC stub used after being disposed\.$"):
        await service.call_kept()  # that reference, disposed as the call returned
    assert await times_10(3) == 30  # the test's own stub: still live
