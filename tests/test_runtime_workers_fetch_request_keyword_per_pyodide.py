"""``workers.fetch(url, request=...)`` on Pyodide 0.26 is a ``TypeError``: both SDKs -- workerd's
built-in ``_workers.py`` and every workers-runtime-sdk release since 1.0 (``workers/fetch.py``)
-- send it through their patched copy of pyfetch, ``_pyfetch_patched(request, **kwargs)``, with
the options as keywords, so ``request=`` clashes with its first parameter. On Pyodide 0.28,
whose ``pyfetch(url, /, ...)`` takes the URL by position only, it is one more field of the init,
which ``fetch`` ignores."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
from workers import Response, WorkerEntrypoint, fetch

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            answer = await fetch("data:,hi", request="ignored")
        except TypeError as exc:
            return Response.json(["TypeError", str(exc)])
        return Response.json(["answered", await answer.text()])

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

CLASH = ["TypeError", "_pyfetch_patched() got multiple values for argument 'request'"]


@pytest.mark.parametrize(("date", "flags", "expected"), [
    ("2025-08-13", (), CLASH),  # built-in SDK, Pyodide 0.26
    ("2025-08-13", ("enable_python_external_sdk",), CLASH),  # external SDK, Pyodide 0.26
    ("2026-05-01", ("no_python_workers_20250116",), CLASH),  # external SDK, Pyodide 0.26
    ("2025-10-01", (), ["answered", "hi"]),  # built-in SDK, Pyodide 0.28
    ("2026-05-01", (), ["answered", "hi"]),  # external SDK, Pyodide 0.28
])
def test_a_request_keyword_to_workers_fetch_per_pyodide(tmp_path: Path, date: str, flags: tuple[str, ...],
                                                        expected: list[str]) -> None:
    assert json_answer(one_file_worker(tmp_path, WORKER, date=date, flags=flags), "/") == expected
