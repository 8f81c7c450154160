"""The names a caller calls on another Worker's service binding: a ``_name`` method is called
like any (workerd's RPC and the Python entrypoint's proxy filter no names; a JavaScript twin's
``_priv`` answers under ``wrangler dev`` 4.164.0), while a name the ``Default`` class lacks and
an attribute that is no method are workerd's Python entrypoint's ``TypeError: Method <name> does
not exist`` (python-entrypoint-helper.ts: ``typeof pyInstance[prop] !== 'function'``)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

SEARCH = '''
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    limit = 5

    async def _reindex(self):
        return "reindexed"
'''

GATEWAY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        name = request.url.rsplit("/", 1)[1]
        try:
            return Response(str(await getattr(self.env.SEARCH, name)()))
        except Exception as exc:
            return Response(f"{type(exc).__name__}: {exc} (remote {exc.remote})")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("name", "text"), [
    ("_reindex", "reindexed"),
    ("limit", "JsException: TypeError: Method limit does not exist (remote True)"),
    ("nope", "JsException: TypeError: Method nope does not exist (remote True)"),
])
async def test_names_called_on_the_service(tmp_path, name, text):
    gateway = service_pair(tmp_path, SEARCH, GATEWAY, "2026-05-01")
    assert await (await gateway.fetch(f"/{name}")).text() == text
