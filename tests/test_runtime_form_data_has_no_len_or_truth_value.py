"""``workers.FormData.__len__`` is ``len(self.keys())`` in both SDKs (workerd's ``_workers.py`` since
the class came in, 2024-10-25, and workers-runtime-sdk's ``formdata.py``), and ``keys()`` is a
generator: so ``len(form)`` and a truth test (``if form:``, ``bool(form)``) are Python's
``TypeError`` in production, while iterating, ``in``, ``get_all`` and ``dict(form)`` work."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

WORKER = """
from workers import Response, WorkerEntrypoint

def attempt(call):
    try:
        return call()
    except TypeError as exc:
        return "TypeError: " + str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        form = await request.form_data()
        return Response.json({
            "len": attempt(lambda: len(form)),
            "bool": attempt(lambda: bool(form)),
            "keys": list(form),
            "dict": dict(form),
            "all": form.get_all("a"),
            "in": "b" in form,
        })

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""

NO_LEN = "TypeError: object of type 'generator' has no len()"


@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])  # the built-in SDK on Pyodide 0.26, 0.28, the external one
def test_len_and_truth_of_a_form_are_type_errors_in_both_sdk_eras(tmp_path: Path, date: str) -> None:
    worker = load_worker(one_file_worker(tmp_path, WORKER, date=date))

    async def scenario() -> dict:
        resp = await worker.fetch("/", method="POST", body="a=1&a=2&b=3",
                                  headers={"content-type": "application/x-www-form-urlencoded"})
        assert resp.status == 200, await resp.text()
        return await resp.json()

    answer = asyncio.run(scenario())
    assert answer == {"len": NO_LEN, "bool": NO_LEN, "keys": ["a", "a", "b"], "dict": {"a": "1", "b": "3"},
                      "all": ["1", "2"], "in": True}
