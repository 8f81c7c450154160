"""``workers.Response.body`` of a response without a body (``Response(None, status=204)``) is
``None`` in every era: both SDKs answer ``_jsnull_to_none(self.js_response.body)`` (workerd's
built-in SDK, workers-runtime-sdk from 1.5.4), and workerd's ``sdk`` test asserts ``body is
None``; the JS response's own ``body`` stays what the era's Pyodide makes of ``null``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from workers import Response, WorkerEntrypoint

try:
    from pyodide.ffi import jsnull
except ImportError:  # Pyodide 0.26
    jsnull = None


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        empty = Response(None, status=204)
        full = Response("x")
        return Response(repr([empty.body is None, empty.js_object.body is jsnull,
                              type(full.body).__name__]))
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-10-01", "2026-01-01", "2026-05-01"])
async def test_a_bodyless_responses_body_is_none_and_a_bodied_ones_a_stream(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).text() == repr([True, True, "JsProxy"])
