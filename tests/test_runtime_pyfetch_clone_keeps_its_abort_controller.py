"""``clone()`` of what ``pyodide.http.pyfetch`` answers is Pyodide's: a ``FetchResponse`` (not a
``workers.Response``) of the same URL, and on Pyodide 0.28 with the same ``abort_controller`` and
``abort_signal`` -- so ``abort()`` of the original makes a read of the clone ``AbortError`` of the
reason; Pyodide 0.26's ``FetchResponse`` has no controller and no ``abort``."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_runtime_workers_fetch_options_apply_over_a_request import echo_origin
from worker_helpers import json_answer, one_file_worker

WORKER = """
from pyodide.http import pyfetch
from workers import Response, WorkerEntrypoint

URL = "{url}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        resp = await pyfetch(URL)
        copy = resp.clone()
        out = [type(copy).__name__, copy.url == resp.url, hasattr(copy, "abort")]
        if hasattr(resp, "abort"):
            out.append(copy.abort_controller is resp.abort_controller)
            resp.abort("stopped")
            try:
                await copy.text()
                out.append("read")
            except OSError as exc:
                out.append(f"{{type(exc).__name__}}: {{exc}}")
        else:
            out.append(len(await copy.text()) > 0)
        return Response.json(out)

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize(("date", "expected"), [
    ("2025-08-13", ["FetchResponse", True, False, True]),  # Pyodide 0.26
    ("2025-10-01", ["FetchResponse", True, True, True, "AbortError: stopped"]),  # 0.28, built-in SDK
    ("2026-05-01", ["FetchResponse", True, True, True, "AbortError: stopped"]),  # 0.28, external SDK
])
def test_a_pyfetch_clone_is_pyodides(tmp_path: Path, date: str, expected: list) -> None:
    with echo_origin() as url:
        folder = one_file_worker(tmp_path, WORKER.format(url=url), date=date)
        assert json_answer(folder, "/") == expected
