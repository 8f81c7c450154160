"""``pyfetch(url, fetcher=f)`` where ``f`` answers something that is not awaitable -- a Python function
answering ``js.Response.new(...)`` or a number rather than a promise -- is Python's refusal of that
``await``, a ``TypeError``, as in Pyodide (real 0.28.2: ``object pyodide.ffi.JsProxy can't be used in
'await' expression``; 314.0.6 words it ``'pyodide.ffi.JsProxy' object can't be awaited``, as Python
3.14 does; tools/pyodide/sync_fetcher_probe.mjs). audit33's ``jspromise.suspending`` made it
``AttributeError: __await__`` (review88)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import js
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for fetcher in (lambda r, i: js.Response.new("x"), lambda r, i: 5):
            try:
                await pyfetch("http://x/", fetcher=fetcher)
                out.append("answered")
            except Exception as e:
                out.append([type(e).__name__, "await" in str(e)])
        return Response.json(out)
'''


@pytest.mark.parametrize("date", ["2025-11-01", "2026-10-01"])  # Pyodide 0.28, 314
def test_the_await_is_refused_with_a_type_error(tmp_path: Path, date: str) -> None:
    folder = one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(folder, "/") == [["TypeError", True], ["TypeError", True]]
