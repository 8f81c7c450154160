"""``pyodide.http.pyfetch``'s ``url`` as Pyodide declares it: 0.26's ``pyfetch(url: str,
**kwargs)`` takes it as a keyword too (``pyfetch(url=...)`` fetches it; given twice it is
Python's ``got multiple values``), 0.28's ``pyfetch(url: str, /, *, signal=None, fetcher=None,
**kwargs)`` only by position (``pyfetch(url=...)`` is ``missing 1 required positional argument``,
and ``url=`` beside one is a fetch option, which ``fetch`` ignores). ``workers.fetch(resource,
**other_options)`` takes ``resource=`` in every era, as both SDKs declare it."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

async def method_of(make):
    try:
        return (await (await make()).json())["method"]
    except Exception as exc:
        return f"{{type(exc).__name__}}: {{exc}}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([
            await method_of(lambda: pyfetch(url=URL)),
            await method_of(lambda: pyfetch(url=URL, method="POST")),
            await method_of(lambda: pyfetch(URL, url=URL + "elsewhere")),
            await method_of(lambda: pyfetch()),
            await method_of(lambda: fetch(resource=URL, method="PUT")),
        ])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

KEYWORD_026 = ["GET", "POST", "TypeError: pyfetch() got multiple values for argument 'url'",
               "TypeError: pyfetch() missing 1 required positional argument: 'url'", "PUT"]
POSITIONAL_028 = ["TypeError: pyfetch() missing 1 required positional argument: 'url'",
                  "TypeError: pyfetch() missing 1 required positional argument: 'url'", "GET",
                  "TypeError: pyfetch() missing 1 required positional argument: 'url'", "PUT"]


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-08-13", KEYWORD_026),  # Pyodide 0.26
    ("2025-10-01", POSITIONAL_028),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", POSITIONAL_028),  # the external SDK, on Pyodide 0.28 too
])
def test_pyfetch_url_keyword_per_pyodide(tmp_path: Path, date: str, expected: list[str]) -> None:
    with echo_origin() as url:
        assert json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/") == expected
