"""A service binding's ``fetch`` passes a JavaScript ``Request`` it is handed on as it is (leftovers54:
a service's fetch is no RPC call), but only that: a Python value as its resource -- a ``dict``, the
built-in SDK's Python ``Request`` -- is refused as before with the PyProxy hint (review84: since
leftovers54 the callee got it: dated 2024-03-25 it answered 200 to a request for ``[object Object]``,
dated 2025-01-01 it refused ``Invalid URL: [object Object]``). A string and a ``js.Request`` still go."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CALLEE = '''
from workers import Response


async def on_fetch(request, env):
    return Response(request.method + " " + request.url)
'''

CALLER = '''
import js
from workers import Request, Response


async def on_fetch(request, env):
    out = []
    for resource in ({"url": "http://s/dict"}, Request("http://s/python"), "http://s/text", js.Request.new("http://s/js")):
        try:
            out.append(await (await env.SEARCH.fetch(resource)).text())
        except Exception as error:  # noqa: BLE001
            out.append(str(error).split(" in this call")[0])
    return Response(" | ".join(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-03-25", "2025-01-01"])
async def test_only_a_javascript_request_goes_as_it_is(tmp_path, date):
    gateway = service_pair(tmp_path, CALLEE, CALLER, date)
    assert (await (await gateway.fetch("/")).text()).split(" | ") == [
        "TypeError: a Python dict reached JavaScript as a PyProxy", "TypeError: a Python Request reached JavaScript as a PyProxy",
        "GET http://s/text", "GET http://s/js"]
