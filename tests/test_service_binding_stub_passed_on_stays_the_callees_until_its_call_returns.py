"""A function stub a Worker received over RPC and passes on to a third Worker stays its own
until its own call returns: workerd sends a new reference of it (``JsRpcStub::serialize``:
``capnp::membrane(getClient(), ...)``), so the third Worker's call returning disposes that
reference only -- before, the relaying Worker's stub was disposed with it ('RPC stub used after
being disposed.' on its next call). Both SDK eras."""

from __future__ import annotations

import json

import pytest
from worker_helpers import typical_pyproject
from workers_env import load_worker

THIRD = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("third")

    async def call_now(self, cb):
        return await cb(2)
'''

RELAY = '''
from workers import Response, WorkerEntrypoint

kept = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("relay")

    async def relay(self, cb):
        kept.append(cb)
        first = await self.env.SEARCH.call_now(cb)
        return f"{first} {await cb(1)}"

    async def later(self):
        try:
            return await kept[-1](3)
        except Exception as error:
            return error.message
'''

CALLER = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    async def fetch(self, request):
        return Response(f"{await self.env.SEARCH.relay(self.plus_100)} / {await self.env.SEARCH.later()}")
'''


def _worker(root, date, name, code, bindings=None):
    """Worker ``name`` of ``code`` at ``date``, its ``bindings`` (loaded Workers) its services."""
    (root / name / "src").mkdir(parents=True)
    (root / name / "src" / "entry.py").write_text(code)
    services = {"services": [{"binding": b, "service": b.lower()} for b in bindings]} if bindings else {}
    (root / name / "wrangler.json").write_text(json.dumps({
        "name": name, "main": "src/entry.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers"], **services}))
    return load_worker(typical_pyproject(root / name), bindings=bindings)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-02"])
async def test_a_relayed_stub_stays_live_until_the_relays_call_returns(tmp_path, date):
    third = _worker(tmp_path, date, "third", THIRD)
    relay = _worker(tmp_path, date, "relay", RELAY, {"SEARCH": third})
    caller = _worker(tmp_path, date, "caller", CALLER, {"SEARCH": relay})
    assert await (await caller.fetch("/")).text() == "102 101 / RPC stub used after being disposed."


KEEPER = """
from js import Object
from workers import Response, WorkerEntrypoint

kept = []

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("third")

    async def keep(self, cb):
        kept.append(cb)
        return "kept"

    async def call_kept(self):
        try:
            return await kept[-1](4)
        except Exception as error:
            return error.message

    async def call_with_dict(self, cb):
        try:
            return await cb({"a": 1})
        except Exception as error:
            return f"{error.name} {getattr(error, 'remote', None)} {list(Object.keys(error))} {error.message[:29]}"
"""

KEEPING_RELAY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("relay")

    async def relay(self, cb):
        kept = await self.env.SEARCH.keep(cb)
        later = await self.env.SEARCH.call_kept()
        return [kept, later, await cb(1), await self.env.SEARCH.call_with_dict(cb)]
"""

KEEPING_CALLER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    async def fetch(self, request):
        return Response(" | ".join(str(part) for part in await self.env.SEARCH.relay(self.plus_100)))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-02"])
async def test_a_stub_the_third_worker_keeps_is_disposed_with_its_own_call(tmp_path, date):
    # JS twins under wrangler dev -c caller -c relay -c third 4.164.0: the third keeps the stub,
    # its call returns, its next call of it is 'RPC stub used after being disposed.', the relay's
    # own still answers; a stub called with a Proxy whose prototype is a class's (a PyProxy's is
    # Pyodide's PyProxy class) refuses it where it is called: DataCloneError, no `remote`, its own
    # code, name, message and stack. Before review58 the kept stub answered 104 and the refusal
    # was `remote`.
    third = _worker(tmp_path, date, "third", KEEPER)
    relay = _worker(tmp_path, date, "relay", KEEPING_RELAY, {"SEARCH": third})
    caller = _worker(tmp_path, date, "caller", KEEPING_CALLER, {"SEARCH": relay})
    assert await (await caller.fetch("/")).text() == (
        "kept | RPC stub used after being disposed. | 101 | "
        "DataCloneError None ['code', 'name', 'message', 'stack'] Proxy could not be serialized")


GIVER = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("giver")

    def plus_100(self, x):
        return x + 100

    async def give(self):
        return self.plus_100
"""

CALLS_NOW = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("third")

    async def call_now(self, cb):
        return await cb(2)
"""

PASSES_ON = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        f = await self.env.GIVER.give()
        return Response(f"{await self.env.THIRD.call_now(f)} {await f(1)}")
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-02"])
async def test_a_returned_function_passed_on_stays_the_callers(tmp_path, date):
    # JS twins under wrangler dev -c caller -c giver -c third 4.164.0: '102 | 101', the returned
    # function still the caller's after the third's call returned; before review58 that call's
    # end disposed it ('RPC stub used after being disposed.')
    giver, third = _worker(tmp_path, date, "giver", GIVER), _worker(tmp_path, date, "third", CALLS_NOW)
    caller = _worker(tmp_path, date, "caller", PASSES_ON, {"GIVER": giver, "THIRD": third})
    assert await (await caller.fetch("/")).text() == "102 101"
