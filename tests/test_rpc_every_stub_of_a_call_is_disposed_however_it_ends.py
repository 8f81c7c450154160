"""Every function stub a call's arguments carried is disposed as that call ends -- both of a
call given two, a plain (non-async) method's as it returns, a method's that throws or rejects --
whether a Worker or a supplied service answers it. A JS twin under ``wrangler dev -c caller -c
callee`` 4.164.0 (the callee keeping each function, then calling them all from a later call):
``kept two / threw no / rejected no2`` and four times ``RPC stub used after being disposed.``
(review63: a ``dispose`` disposing only the first stub, or none after a plain method's return or
a plain method's raise, had passed every test)."""

from __future__ import annotations

import inspect
import json

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

CALLER = '''
import inspect
from workers import Response, WorkerEntrypoint


async def settled(value):
    return await value if inspect.isawaitable(value) else value


class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    def plus_200(self, x):
        return x + 200

    def plus_300(self, x):
        return x + 300

    def plus_400(self, x):
        return x + 400

    async def fetch(self, request):
        svc = self.env.SVC
        out = [await settled(svc.keep_two(self.plus_100, self.plus_200))]
        try:
            await settled(svc.keep_then_throw(self.plus_300))
        except Exception:
            out.append("threw")
        try:
            await settled(svc.keep_then_reject(self.plus_400))
        except Exception:
            out.append("rejected")
        out.append(await settled(svc.call_kept()))
        return Response(" / ".join(out))
'''

CALLEE = '''
from workers import Response, WorkerEntrypoint

kept = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("callee")

    def keep_two(self, f, g):
        kept.extend([f, g])
        return "kept two"

    def keep_then_throw(self, h):
        kept.append(h)
        raise ValueError("no")

    async def keep_then_reject(self, k):
        kept.append(k)
        raise ValueError("no2")

    async def call_kept(self):
        out = []
        for f in kept:
            try:
                out.append(str(await f(1)))
            except Exception as error:
                out.append(error.message)
        return " | ".join(out)
'''

DISPOSED = "RPC stub used after being disposed."
ANSWER = "kept two / threw / rejected / " + " | ".join([DISPOSED] * 4)


class Keeper:
    """The callee as a supplied service: plain methods and coroutines, each keeping its functions."""

    def __init__(self):
        self.kept = []

    def keep_two(self, f, g):
        self.kept.extend([f, g])
        return "kept two"

    def keep_then_throw(self, h):
        self.kept.append(h)
        raise ValueError("no")

    async def keep_then_reject(self, k):
        self.kept.append(k)
        raise ValueError("no2")

    async def call_kept(self):
        out = []
        for f in self.kept:
            try:
                out.append(str(await f(1)))
            except Exception as error:  # noqa: BLE001 - the stub's rejection, as the Worker's code reads it
                out.append(error.message)
        return " | ".join(out)


def _project(root, name, code, date, services=False):
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "entry.py").write_text(code)
    (root / name / "wrangler.json").write_text(json.dumps({
        "name": name, "main": "src/entry.py", "compatibility_date": date, "compatibility_flags": ["python_workers"],
        **({"services": [{"binding": "SVC", "service": "callee"}]} if services else {})}))
    return typical_pyproject(root / name)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_a_worker_callee_finds_every_kept_stub_disposed(tmp_path, date):
    callee = load_worker(_project(tmp_path, "callee", CALLEE, date))
    caller = load_worker(_project(tmp_path, "caller", CALLER, date, services=True), bindings={"SVC": callee})
    assert await (await caller.fetch("/")).text() == ANSWER


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_a_supplied_service_finds_every_kept_stub_disposed(tmp_path, date):
    keeper = Keeper()
    caller = load_worker(_project(tmp_path, "caller", CALLER, date, services=True), bindings={"SVC": keeper})
    assert await (await caller.fetch("/")).text() == ANSWER
    assert len(keeper.kept) == 4
    for stub in keeper.kept:  # test code calling one later: the same rejection
        with pytest.raises(Exception, match=f"^Error: {DISPOSED}$"):
            called = stub(1)
            await called if inspect.isawaitable(called) else None
