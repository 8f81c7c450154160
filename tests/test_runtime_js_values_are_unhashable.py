"""``hash()`` of a JS value Worker code holds -- ``ctx``, the request, a ``Response``, ``Headers``,
``js.fetch``, ``js.console``, a constructor -- is ``TypeError: unhashable type:
'pyodide.ffi.JsProxy'``, as Pyodide's JsProxy is unhashable (real Pyodide 0.26.0a4 and 0.28.2
under Node; a promise's proxy alone hashes), so neither a set nor a dict key takes one. The
request still runs as before: workers-env's own bookkeeping of a request (its tasks, its timers,
its warnings) keys ``ctx`` by identity. A set's text is the interpreter's (CPython 3.14's ``cannot
use ... as a set element (unhashable type: ...)``, as in Pyodide 314)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import interpreters_unhashable, one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import js
from workers import Response, WorkerEntrypoint

DONE = []


def hashed(make):
    try:
        return type(hash(make())).__name__
    except TypeError as error:
        return str(error)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        async def later():
            await asyncio.sleep(0)
            DONE.append("waitUntil")
        self.ctx.waitUntil(later())
        values = {
            "ctx": lambda: self.ctx, "request": lambda: (request.js_object if hasattr(request, "js_object") else request), "response": lambda: js.Response.new("x"),
            "headers": lambda: js.Headers.new(), "url": lambda: js.URL.new("https://a.example/"),
            "fetch": lambda: js.fetch, "console": lambda: js.console, "Object": lambda: js.Object,
            "constructor": lambda: js.Object.new().constructor, "set": lambda: {self.ctx},
            "promise": lambda: js.Promise.resolve(1),
        }
        return Response.json({name: hashed(make) for name, make in values.items()})
"""

UNHASHABLE = "unhashable type: 'pyodide.ffi.JsProxy'"


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_js_values_are_unhashable_as_pyodides_jsproxy(tmp_path: Path, date: str) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))

    async def scenario() -> object:
        response = await worker.fetch("/")
        assert response.status == 200, await response.text()
        return await response.json()

    got = asyncio.run(scenario())
    assert got == {**{name: UNHASHABLE for name in ("ctx", "request", "response", "headers", "url", "fetch",
                                                    "console", "Object", "constructor")},
                   "set": interpreters_unhashable(lambda: {[]}, "pyodide.ffi.JsProxy"), "promise": "int"}
    assert worker.module.DONE == ["waitUntil"]  # the request's work, kept by ctx's identity, still ran
