"""``pyodide.ffi.jsnull`` handed to a Web API that reads a string is JavaScript's ``null``, whose
``String()`` is ``"null"`` -- as ``WebSocket.send()`` already had it -- in ``URLSearchParams``
(its init, a record's values, ``get``/``getAll``/``has`` names), ``Headers`` names,
``new Request(null)``'s URL, ``Response.redirect(null)``, an ``encodeBody`` and a Blob's ``type``;
``new Headers(null)`` is jsg's TypeError (null is no sequence or record), and ``D1Database.exec(null)``
V8's (d1-api.ts reads ``query.trim()``). Measured: the same calls with ``null`` in a JavaScript
Worker under wrangler dev 4.164.0 (tools/wrangler/jsapi_differential.py, the ``{"$null": true}``
cases: 95/95 the same, 13 differed before)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from worker_helpers import RECORD_AND_TRIED, one_file_worker

from workers_env import load_worker

WORKER = """
import json
from js import URLSearchParams, Headers, Request, Response as JsResponse, Blob, Object
from pyodide.ffi import jsnull, to_js
from workers import Response, WorkerEntrypoint
""" + RECORD_AND_TRIED + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        def attempt(make):
            out.append(tried(make))
        params = URLSearchParams.new("a=1&null=2")
        attempt(lambda: [URLSearchParams.new(jsnull).toString(), URLSearchParams.new(record(a=jsnull)).toString(),
                         URLSearchParams.new([["a", jsnull]]).toString()])
        attempt(lambda: [params.get(jsnull), params.has(jsnull), list(params.getAll(jsnull))])
        headers = Headers.new()
        headers.append(jsnull, "x")
        headers.set("a", jsnull)
        attempt(lambda: [headers.get("null"), headers.get("a")])
        attempt(lambda: Headers.new(jsnull))
        attempt(lambda: Request.new(jsnull))
        attempt(lambda: JsResponse.redirect(jsnull))
        attempt(lambda: JsResponse.new("x", record(encodeBody=jsnull)))
        attempt(lambda: Blob.new(["a"], record(type=jsnull)).type)
        try:
            await self.env.DB.exec(jsnull)
        except Exception as error:
            out.append(str(error))
        return Response(json.dumps(out))
"""
D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d"\ndatabase_id = "d"\n'


def test_jsnull_reads_as_null(tmp_path: Path):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2025-10-01", extra=D1))

    async def scenario() -> list:
        return json.loads(await (await worker.fetch("/")).text())

    assert asyncio.run(scenario()) == [
        ["null=", "a=null", "a=null"],
        ["2", True, ["2"]],
        ["x", "null"],
        "TypeError: Failed to construct 'Headers': constructor parameter 1 is not of type 'Headers or Sequence or "
        "object'.",
        "TypeError: Invalid URL: null",
        "TypeError: Unable to parse URL: null",
        "TypeError: encodeBody: unexpected value: null",
        "null",
        "TypeError: Cannot read properties of null (reading 'trim')",
    ]
