"""A callee Worker's RPC method or fetch handler that awaits (``asyncio.sleep``, a binding's
promise) answers its caller: it runs apart from the caller's request (in production another
isolate's), so its request state is set and reset in one context (it was a ``ValueError: <Token
...> was created in a different Context`` after the first await)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

SEARCH = '''
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def search(self, text):
        await asyncio.sleep(0)
        await asyncio.sleep(0.001)
        return {"text": text}

    async def fetch(self, request):
        await asyncio.sleep(0)
        return Response("slept " + await request.text())
'''

GATEWAY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        found = await self.env.SEARCH.search("cats")
        answer = await self.env.SEARCH.fetch("https://search/", method="POST", body="body")
        return Response(f"{found['text']} {await answer.text()}")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_an_awaiting_method_and_fetch_answer(tmp_path, date):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, date)
    assert await (await gateway.fetch("/")).text() == "cats slept body"
