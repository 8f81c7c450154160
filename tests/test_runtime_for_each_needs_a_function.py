"""``forEach`` of ``Headers`` and ``URLSearchParams`` given no function is jsg's ``TypeError``
naming the parameter, before any entry is visited -- not Python's "missing argument" or "'int'
object is not callable" (checked in tools/wrangler/jsapi_differential.py against workerd)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
from js import Headers, URLSearchParams, Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

def attempt(call):
    try:
        call()
        return "ok"
    except Exception as exc:
        return str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        headers = Headers.new(to_js({"a": "1"}, dict_converter=Object.fromEntries))
        params = URLSearchParams.new("a=1")
        seen = []
        headers.forEach(lambda value, name, h: seen.append([name, value]))
        return Response(json.dumps([attempt(lambda: headers.forEach()), attempt(lambda: headers.forEach(5)),
                                    attempt(lambda: params.forEach()), seen]))
'''


@pytest.mark.asyncio
async def test_for_each_without_a_function_is_jsgs_type_error(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    no_headers, five, no_params, seen = json.loads(await (await worker.fetch("/")).text())
    assert no_headers == five == "TypeError: Failed to execute 'forEach' on 'Headers': parameter 1 is not of type 'function'."
    assert no_params == "TypeError: Failed to execute 'forEach' on 'URLSearchParams': parameter 1 is not of type 'function'."
    assert seen == [["a", "1"]]
