"""Before ``fetch_standard_url`` a URL whose host resolves but whose port is no port --
``localhost:80x``, ``127.0.0.1:99999``, ``[::1]:0x50`` -- fails the fetch with workerd's
``Error: Network connection lost.`` (its name is resolved before its port is read), where a host
that does not resolve is ``Error: internal error; reference = ...`` whatever its port; as
``wrangler dev`` 4.164.0 answered at 2024-06-02 (``tools/wrangler/fetch_url_differential.py``).
A Python Worker sees it as every other lost connection: ``js.fetch`` raises the JavaScript error,
``workers.fetch`` (``pyfetch``) an ``OSError`` of its message on Pyodide 0.26 and Pyodide 0.28's
``pyodide.http.AbortError`` (``except JsException as e: raise AbortError(e)``) on 0.28."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from workers import Response, WorkerEntrypoint, fetch

URLS = ["http://localhost:80x/", "http://127.0.0.1:99999/", "http://[::1]:0x50/"]

async def failure(make):
    try:
        await make()
    except Exception as exc:
        return [f"{type(exc).__module__}.{type(exc).__name__}", getattr(exc, "name", None), str(exc)]
    return None

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([[await failure(lambda: js.fetch(url)), await failure(lambda: fetch(url))]
                              for url in URLS])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

JS_ERROR = ["pyodide.ffi.JsException", "Error", "Error: Network connection lost."]


@pytest.mark.parametrize(("date", "flags", "sdk_error"), [
    ("2024-06-02", (), ["builtins.OSError", None, "Network connection lost."]),
    ("2026-05-01", ("fetch_legacy_url",), ["pyodide.http.AbortError", None, "Network connection lost."]),
])
def test_a_bad_port_on_a_host_that_resolves_is_a_lost_connection(tmp_path: Path, date: str, flags: tuple[str, ...],
                                                                   sdk_error: list[object]) -> None:
    worker = one_file_worker(tmp_path, WORKER, date=date, flags=flags)
    assert json_answer(worker, "/") == [[JS_ERROR, sdk_error]] * 3
