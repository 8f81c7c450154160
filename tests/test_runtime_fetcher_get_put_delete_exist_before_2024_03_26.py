"""Before compatibility date 2024-03-26 (workerd's ``fetcher_no_get_put_delete``; or with
``fetcher_has_get_put_delete``) a ``Fetcher`` -- a service binding, a Durable Object stub -- has
``get``, ``put`` and ``delete`` on its prototype (workerd http.h: ``if
(!flags.getFetcherNoGetPutDelete()) { JSG_METHOD(get); JSG_METHOD(put); JSG_METHOD_NAMED(delete,
delete_); }``, added so by commit 47a5e0db1), shortcuts for ``fetch()`` with that HTTP method that
shadow any RPC method of the name. So ``dir()`` lists them there (review79: they were missing),
and calling one sends the callee a request (its ``fetch``), never its RPC method of that name
(runtime/fetchershortcuts.py; once a ``NotEmulatedError``). From that date they are gone:
``dir()`` has ``fetch``/``connect`` alone and the names are RPC methods again."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CALLEE = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def on_fetch(self, request):  # (before 2025-08-14 workerd calls it so)
        return Response(request.method + " " + request.url)

    async def get(self, key):
        return "rpc " + key
'''

CALLER = '''
from workers import Response


async def on_fetch(request, env):
    names = dir(env.SEARCH)
    listed = [name for name in ("connect", "delete", "fetch", "get", "put") if name in names]
    try:
        got = await env.SEARCH.get("http://s/k")
    except Exception as error:
        got = type(error).__name__ + ": " + str(error).split(":")[0]
    return Response(repr([listed, got]))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "flags", "expected"), [
    ("2024-03-25", [], "[['connect', 'delete', 'fetch', 'get', 'put'], 'GET http://s/k']"),
    ("2024-06-01", ["fetcher_has_get_put_delete"],
     "[['connect', 'delete', 'fetch', 'get', 'put'], 'GET http://s/k']"),
    ("2024-03-26", [], "[['connect', 'fetch'], 'rpc http://s/k']"),
    ("2024-03-01", ["fetcher_no_get_put_delete"], "[['connect', 'fetch'], 'rpc http://s/k']"),
])
async def test_a_fetchers_get_put_delete_follow_the_flag(tmp_path, date, flags, expected):
    gateway = service_pair(tmp_path, CALLEE, CALLER, date, caller_flags=flags)
    assert await (await gateway.fetch("/")).text() == expected
