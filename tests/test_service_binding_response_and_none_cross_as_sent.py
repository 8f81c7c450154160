"""Values crossing to and from another Worker's methods as workerd's RPC carries them: the
callee's ``Response`` crosses as the JavaScript ``Response`` it is (a JavaScript twin's
``Response("resp body", {status: 202})`` reached its caller so under ``wrangler dev`` 4.164.0),
so the caller's SDK makes its own ``Response`` of it, status, headers and body kept (it was a
``Response`` of ``[object Response]``, status 200, in the built-in era); and a ``None``
argument arrives (the built-in SDK sends it as ``undefined``, which RPC passes as an argument,
as the twin's ``echo(undefined)`` got one: it was dropped, the method missing its argument)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

SEARCH = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def page(self):
        return Response("resp body", status=202, headers={"x-r": "1"})

    async def echo(self, value, other="default"):
        return f"{value!r} {other!r}"
'''

GATEWAY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        page = await self.env.SEARCH.page()
        echoed = await self.env.SEARCH.echo(None)
        return Response(f"{type(page).__name__} {page.status} {page.headers.get('x-r')} {await page.text()} | {echoed}")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-02", "2026-05-01"])
async def test_a_response_and_a_none_argument_cross(tmp_path, date):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, date)
    assert await (await gateway.fetch("/")).text() == "Response 202 1 resp body | None 'default'"
