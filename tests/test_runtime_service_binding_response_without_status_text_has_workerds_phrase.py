"""A Response a service binding's callee made without a ``statusText`` reaches the caller with
workerd's phrase for its status (``Response::getStatusText`` sends ``defaultStatusText`` for none,
src/workerd/api/http.c++), while one made with ``statusText: ""`` keeps it empty and the callee's
own Response reads ``""``. Measured under wrangler dev 4.164.0 at 2024-03-25 (a Worker bound to
itself): ``""``, ``"Internal Server Error"``, ``""``. Before, the caller read ``""`` for both --
and a Fetcher's ``get``'s error said ``HTTP GET request failed: 500 `` where workerd's says
``500 Internal Server Error``. The phrase is the status's own (``Not Found`` for a 404), from
workerd's table (``defaultStatusText``, http.c++)."""

from __future__ import annotations

import pytest
from worker_helpers import service_pair

CALLEE = '''
import js
from pyodide.ffi import to_js
from workers import Response


async def on_fetch(request, env):
    if request.url.endswith("/empty"):
        return js.Response.new("x", to_js({"status": 500, "statusText": ""}, dict_converter=js.Object.fromEntries))
    if request.url.endswith("/missing"):
        return Response("x", status=404)
    return Response("x", status=500)
'''

CALLER = '''
import js
from pyodide.ffi import to_js
from workers import Response


async def on_fetch(request, env):
    own = js.Response.new("x", to_js({"status": 500}, dict_converter=js.Object.fromEntries))
    none = await env.SEARCH.fetch("http://s/none")
    empty = await env.SEARCH.fetch("http://s/empty")
    missing = await env.SEARCH.fetch("http://s/missing")
    return Response(repr([own.statusText, none.statusText, empty.statusText, missing.statusText]))
'''


@pytest.mark.asyncio
async def test_the_caller_reads_workerds_phrase_for_none_given(tmp_path):
    gateway = service_pair(tmp_path, CALLEE, CALLER, "2024-03-25")
    # (a 404's is its own phrase, not its class's first: defaultStatusText(404), audit31)
    assert await (await gateway.fetch("/")).text() == "['', 'Internal Server Error', '', 'Not Found']"
