"""A callee Worker's ``ctx.waitUntil`` work goes on after it answers: the caller's ``await
env.SEARCH.fetch(...)`` and ``await env.SEARCH.method(...)`` resolve as the callee's handler
returns, as workerd keeps the callee's request alive for that work on its own -- measured with
JavaScript twins under ``wrangler dev -c gateway -c search`` 4.164.0 (review53): a callee whose
fetch and method each ``waitUntil`` a 500 ms timer answered in 1 ms and 2 ms, its work not done
then and done 700 ms later. Before, the caller waited for the callee's ``waitUntil`` work (500 ms
each). The caller's own request (a test's ``worker.fetch``) still ends with that work done."""

from __future__ import annotations

import time

import pytest
from worker_helpers import service_pair

SEARCH = '''
import asyncio
from workers import Response, WorkerEntrypoint

DONE = []
RELEASED = asyncio.Event()  # the caller's word that it has read done(): the work may end then


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        self.ctx.waitUntil(self.later("fetch-later"))
        return Response("b")

    async def ping(self):
        self.ctx.waitUntil(self.later("rpc-later"))
        return "pong"

    async def later(self, what):
        try:  # (a callee that waited for its work before answering would be let go after 5 s)
            await asyncio.wait_for(RELEASED.wait(), 5)
        except asyncio.TimeoutError:
            pass
        await asyncio.sleep(0.3)
        DONE.append(what)

    async def done(self):
        return ",".join(DONE)

    async def release(self):
        RELEASED.set()
'''

#: the callee's work waits for the caller's release, given after it has read done(): its answers
#: came first when done() is empty (no "within 200 ms", which a loaded machine can outlast)
GATEWAY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        answer = await self.env.SEARCH.fetch("https://search/")
        pong = await self.env.SEARCH.ping()
        done = await self.env.SEARCH.done()
        await self.env.SEARCH.release()
        return Response(f"{await answer.text()} {pong} [{done}]")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_the_callee_answers_before_its_waituntil_work_is_done(tmp_path, date):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, date)
    started = time.monotonic()
    assert await (await gateway.fetch("/")).text() == "b pong []"
    assert time.monotonic() - started >= 0.3  # the test's request ended with the callee's work
    search = gateway.env.unwrapped("SEARCH")
    assert await search.rpc("done") == "fetch-later,rpc-later"
