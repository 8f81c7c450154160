"""A function stub received over Workers RPC is disposed when the call that carried it returns;
``cb.dup()`` is workerd's way to keep it (``JsRpcStub::dup``, ``JSG_METHOD(dup)``): a new
reference no call disposes, usable by the request that made it -- its ``waitUntil`` work after
the call returned included -- and refused from another request with ``Error: Cannot perform I/O
on behalf of a different request. ... (I/O type: Client)``. Measured with JS twins under
``wrangler dev -c caller -c callee`` 4.164.0 (review60): the callee keeping ``cb`` and
``cb.dup()``, its ``waitUntil`` calling both 50 ms after the call returned (disposed / 103), a
later call calling both (disposed / the other-request error), each a rejected promise; a
disposed stub's ``dup()`` throws workerd's internal error. Before,
a stub had no ``dup`` (``AttributeError``), so nothing could keep one. Both SDK eras."""

from __future__ import annotations

import re

import pytest
from test_service_binding_stub_passed_on_stays_the_callees_until_its_call_returns import _worker

from workers_env.runtime.services import OTHER_REQUEST

CALLEE = '''
import asyncio
from workers import Response, WorkerEntrypoint

kept = {}


async def attempt(f):
    try:
        return str(await f(3))
    except Exception as error:
        return error.message


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("callee")

    async def keep(self, cb):
        kept["raw"], kept["dup"] = cb, cb.dup()
        second = cb.dup()

        async def later():
            await asyncio.sleep(0.05)
            kept["in waitUntil"] = [await attempt(cb), await attempt(second)]

        self.ctx.waitUntil(later())
        return "kept"

    async def call_kept(self):
        try:
            kept["raw"].dup()
            dup_of_disposed = "no error"
        except Exception as error:
            dup_of_disposed = f"{error.name}: {error.message}"
        return [await attempt(kept["raw"]), await attempt(kept["dup"]), *kept["in waitUntil"], dup_of_disposed]
'''

CALLER = '''
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    async def fetch(self, request):
        kept = await self.env.CALLEE.keep(self.plus_100)
        await asyncio.sleep(0.2)
        return Response(" | ".join([kept, *await self.env.CALLEE.call_kept()]))
'''

DISPOSED = "RPC stub used after being disposed."


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-05-01", "2025-11-02"])
async def test_a_dup_outlives_its_call_for_the_request_that_made_it(tmp_path, date):
    callee = _worker(tmp_path, date, "callee", CALLEE)
    caller = _worker(tmp_path, date, "caller", CALLER, {"CALLEE": callee})
    *answers, dup_of_disposed = (await (await caller.fetch("/")).text()).split(" | ")
    assert answers == ["kept", DISPOSED, OTHER_REQUEST, DISPOSED, "103"]
    # a disposed stub's dup() throws at once: workerd's failed assertion ('JsRpcStub has none of
    # capnpClient, ...'), to JavaScript 'Error: internal error; reference = 3de7tdo1qt7vv9lst3v9mic6'
    assert re.fullmatch("Error: internal error; reference = [0-9a-v]{24}", dup_of_disposed)
    assert OTHER_REQUEST.startswith("Cannot perform I/O on behalf of a different request. I/O objects (such as ")


FAKE_USER = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    def plus_100(self, x):
        return x + 100

    async def fetch(self, request):
        if request.url.endswith("/later"):
            try:
                return Response(str(await self.env.SVC.call_kept()))
            except Exception as error:
                return Response(error.message)
        first = await self.env.SVC.subscribe(self.plus_100)
        return Response(f"{first} {await self.env.SVC.call_kept()}")
'''


class Subscriptions:
    """A test's fake of a service Worker that keeps the callback it is handed (``cb.dup()``)."""

    def __init__(self):
        self.raw = self.kept = None

    async def subscribe(self, cb):
        self.raw, self.kept = cb, cb.dup()
        return await cb(1)

    async def call_kept(self):
        return await self.kept(2)


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_a_fake_service_keeps_a_callback_with_dup(tmp_path, date):
    # the fake runs in the calling Worker's request: its dup() answers there, and in the test's
    # own code (no request at all); a later request of the Worker is workerd's other-request error
    fake = Subscriptions()
    worker = _worker(tmp_path, date, "user", FAKE_USER, {"SVC": fake})
    assert await (await worker.fetch("/")).text() == "101 102"
    assert await fake.kept(3) == 103
    with pytest.raises(Exception, match=f"^Error: {DISPOSED}$"):
        await fake.raw(3)
    assert await (await worker.fetch("/later")).text() == OTHER_REQUEST
