"""Pyodide 0.28's ``pyfetch`` -- ``workers.fetch`` in both SDKs from 2025-09-29 -- always puts a
``signal`` in the init it hands ``fetch``: its own AbortController's, or ``AbortSignal.any`` of it
and a ``signal=`` given. workerd's ``Request`` takes an init's signal over its input's
(``http.c++``), so a Request's own signal gives way there: ``workers.fetch(Request(url,
signal=aborted))`` is sent. The built-in SDK's patched ``pyfetch`` of Pyodide 0.26 adds no signal,
so the Request's applies and the fetch is aborted. A ``signal=`` option aborts it in every era."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Request, Response, WorkerEntrypoint, fetch

URL = "{url}"

async def outcome(call):
    try:
        return (await (await call).json())["method"]
    except OSError as exc:
        return type(exc).__name__

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([
            await outcome(fetch(Request(URL, signal=js.AbortSignal.abort()))),
            await outcome(fetch(Request(URL, signal=js.AbortSignal.abort()).js_object, method="PUT")),
            await outcome(fetch(URL, signal=js.AbortSignal.abort())),
        ])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-08-13", ["OSError", "OSError", "OSError"]),  # Pyodide 0.26: the Request's signal applies
    ("2025-10-01", ["GET", "PUT", "AbortError"]),  # Pyodide 0.28, the built-in SDK: pyfetch's signal
    ("2026-05-01", ["GET", "PUT", "AbortError"]),  # the external SDK, on Pyodide 0.28 too
])
def test_a_requests_signal_gives_way_to_pyfetchs_on_pyodide_028(tmp_path: Path, date: str, expected: list) -> None:
    with echo_origin() as url:
        assert json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/") == expected
