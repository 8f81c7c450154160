"""A Request given as the init of ``new Request(input, init)`` or ``fetch(input, init)`` gives its
own ``cache`` mode, none included, over the input Request's (api/http.c++ ``Request::constructor``:
the init Request's ``cacheMode`` is taken as its method and headers are), so
``new Request(Request(url, {cache: "no-store"}), Request(url)).cache`` is ``undefined`` and such a
fetch is sent without the ``Cache-Control``/``Pragma`` a mode adds; a dictionary init that names no
``cache`` keeps the input's. Checked against wrangler dev 4.164.0 by
tools/wrangler/cache_option_differential.py; the input's mode was kept here."""

from __future__ import annotations

from worker_helpers import json_answer, local_origin, one_file_worker

ENTRY = """
from js import Request as JsRequest
from js import fetch as js_fetch
from workers import Response, WorkerEntrypoint

ORIGIN = "http://%s/"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stored = JsRequest.new("https://e.com/", cache="no-store")
        plain = JsRequest.new("https://e.com/")
        modes = [
            JsRequest.new(stored, plain).cache,
            JsRequest.new(plain, stored).cache,
            JsRequest.new(stored).cache,
            JsRequest.new(stored, method="POST").cache,
        ]
        await js_fetch(JsRequest.new(ORIGIN + "request-init", cache="no-store"), JsRequest.new(ORIGIN))
        await js_fetch(JsRequest.new(ORIGIN + "dict-init", cache="no-store"), redirect="manual")
        return Response.json(modes)
"""


def test_a_request_as_the_init_gives_its_cache_mode_none_included(tmp_path):
    with local_origin() as (origin, seen):
        answer = json_answer(one_file_worker(tmp_path, ENTRY.replace("%s", origin), date="2025-08-07",
                                             flags=("python_no_global_handlers",)), "/")
    assert answer == [None, "no-store", "no-store", "no-store"]
    sent = [{k: v for k, v in headers.items() if k in ("cache-control", "pragma")} for headers in seen]
    assert sent == [{}, {"cache-control": "no-cache", "pragma": "no-cache"}]
