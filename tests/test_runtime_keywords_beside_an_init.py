"""Keyword arguments of a JavaScript call are one object Pyodide appends as the last argument:
alone they are the init (``Response.new(body, status=500)``), beside an init object they are a
third argument ``Response``/``Request``/``fetch`` never read, so production drops them (real
Pyodide 0.26 and 0.28 under Node; batch 21: chatwoot-cloudflare-sync's every error answer is a
200 in production) -- here too, with a ``PyProxyWarning`` at the Worker's line."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import PyProxyWarning, load_worker

ENTRY = '''
import json

from js import JSON, Object, Request, Response
from pyodide.ffi import to_js
from workers import WorkerEntrypoint


def init(**values):
    return to_js(values, dict_converter=Object.fromEntries)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        statuses = [
            Response.new("x", {"Content-Type": "application/json"}, status=500).status,
            Response.new("x", init(status=201), status=404).status,
            Response.new("x", status=500).status,
            Response.new("x", None, status=500).status,
            Response.json(JSON.parse("{}"), init(status=202), status=418).status,
            Response.json(JSON.parse("{}"), status=418).status,
        ]
        methods = [Request.new("https://a/", init(method="PUT"), method="POST").method,
                   Request.new("https://a/", method="POST").method]
        return Response.new(json.dumps([statuses, methods]))

    on_fetch = fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-10-01", "2025-10-01"])
async def test_keywords_beside_an_init_object_are_dropped_as_in_production(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    with pytest.warns(PyProxyWarning) as caught:
        response = await worker.fetch("/")
    assert json.loads(await response.text()) == [[200, 201, 500, 200, 202, 418], ["PUT", "POST"]]
    dropped = [str(w.message) for w in caught if "beside an init object" in str(w.message)]
    assert len(dropped) == 5
    assert dropped[0].startswith("Response.new(): the keyword arguments status beside an init object")
    assert all(w.filename.endswith("entry.py") for w in caught if "beside an init object" in str(w.message))
