"""A Request a Worker hands its service binding's ``fetch`` -- the one it was sent (forwarding), one
it made, or workers-env's own for a redirect's next hop -- reaches the callee as that Request, in
every era: a service's ``fetch`` is no RPC call. Where the binding crosses to Python code as RPC
(a module-level ``on_fetch``'s era), the Request was made the SDK's ``Request`` as an RPC argument
is, and the callee's Request then read that object's repr as its URL: ``TypeError: Invalid URL:
Request(method='GET', url='http://localhost/fwd')`` (found by leftovers54 measuring the Fetcher
shortcuts: workerd follows the redirect, ``tools/wrangler/fetcher_get_put_delete_differential.py``)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CALLEE = '''
from workers import Response


async def on_fetch(request, env):
    if request.url.endswith("/moved"):
        return Response("", status=302, headers={"location": "/landed"})
    return Response(request.method + " " + request.url)
'''

CALLER = '''
import js
from pyodide.ffi import to_js
from workers import Response


async def on_fetch(request, env):
    made = js.Request.new("http://s/made", to_js({"method": "POST", "body": "x"}, dict_converter=js.Object.fromEntries))
    answers = [await env.SEARCH.fetch(request), await env.SEARCH.fetch(made), await env.SEARCH.fetch("http://s/moved")]
    return Response(" | ".join([await answer.text() for answer in answers]))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-03-25", "2025-01-01"])
async def test_a_forwarded_made_or_redirected_request_reaches_the_callee(tmp_path, date):
    gateway = service_pair(tmp_path, CALLEE, CALLER, date)
    assert await (await gateway.fetch("/fwd")).text() == (
        "GET http://localhost/fwd | POST http://s/made | GET http://s/landed")
