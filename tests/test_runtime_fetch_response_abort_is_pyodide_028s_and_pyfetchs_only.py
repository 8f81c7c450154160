"""``FetchResponse.abort(reason=None)`` is Pyodide 0.28's: on what ``pyodide.http.pyfetch`` answers it
aborts pyfetch's controller, so a later read -- even after the body was read -- raises
``AbortError`` of the reason (``The operation was aborted`` for none), while a second read of an
unaborted response is ``BodyUsedError``. What ``workers.fetch`` answers is both SDKs' new
``Response`` over pyfetch's JS response, without the controller: ``ValueError: abort_controller is
not set``. Pyodide 0.26's ``FetchResponse`` has no ``abort`` (and a used body is a plain
``OSError``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint, fetch

URL = "{url}"

def outcome_of(call):
    try:
        call()
        return "ok"
    except Exception as exc:
        return f"{{type(exc).__name__}}: {{exc}}"

async def read(response):
    try:
        return (await response.json())["method"]
    except Exception as exc:
        return f"{{type(exc).__name__}}: {{exc}}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seen = []
        unread = await pyfetch(URL)
        seen += [outcome_of(lambda: unread.abort()), await read(unread)]
        read_first = await pyfetch(URL)
        seen.append(await read(read_first))
        seen += [outcome_of(lambda: read_first.abort("enough")), await read(read_first)]
        twice = await pyfetch(URL)
        seen += [await read(twice), await read(twice)]
        answer = await fetch(URL)
        seen += [outcome_of(lambda: answer.abort()), await read(answer)]
        return Response.json(seen)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

NO_ABORT_026 = [
    "AttributeError: 'FetchResponse' object has no attribute 'abort'", "GET",
    "GET", "AttributeError: 'FetchResponse' object has no attribute 'abort'", "OSError: Response body is already used",
    "GET", "OSError: Response body is already used",
    "AttributeError: 'Response' object has no attribute 'abort'", "GET",
]
ABORT_028 = [
    "ok", "AbortError: The operation was aborted",
    "GET", "ok", "AbortError: enough",
    "GET", "BodyUsedError: Response body is already used",
    "ValueError: abort_controller is not set", "GET",
]


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-08-13", NO_ABORT_026),  # Pyodide 0.26
    ("2025-10-01", ABORT_028),  # Pyodide 0.28, the built-in SDK
    ("2026-05-01", ABORT_028),  # the external SDK, on Pyodide 0.28 too
])
def test_abort_of_a_fetch_response_per_era(tmp_path: Path, date: str, expected: list[str]) -> None:
    with echo_origin() as url:
        assert json_answer(one_file_worker(tmp_path, WORKER.format(url=url), date=date), "/") == expected
