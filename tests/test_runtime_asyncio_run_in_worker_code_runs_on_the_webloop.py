"""Worker code's ``asyncio.run(main)`` on the running loop is Pyodide's: from Pyodide 0.28
``webloop.py`` replaces ``asyncio.run`` with ``_run``, which -- with ``enableRunUntilComplete``,
which workerd turns on -- returns ``loop.run_until_complete(main)`` of the running ``WebLoop``,
so ``run_sync``: the coroutine runs and its value is returned (``webloop.py`` of 0.28.2 and
314.0.6 read; under Node, which has no stack switching, the call reaches ``run_sync`` and fails
there). Pyodide 0.26.0a4 has no ``_run``: CPython's ``asyncio.run() cannot be called from a
running event loop``. workers-env raised CPython's in every era."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def main():
        await asyncio.sleep(0.01)
        return "ran"


    async def fails():
        raise ValueError("from main")


    def outcome(coroutine):
        try:
            return repr(asyncio.run(coroutine))
        except Exception as error:
            coroutine.close()
            return f"{type(error).__name__}: {error}"


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json([outcome(main()), outcome(fails())])
"""

REFUSED = "RuntimeError: asyncio.run() cannot be called from a running event loop"


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "got"), [("2025-09-01", [REFUSED, REFUSED]),
                                           ("2026-05-01", ["'ran'", "ValueError: from main"]),
                                           ("2026-09-08", ["'ran'", "ValueError: from main"])])
async def test_asyncio_run_is_run_until_complete_from_pyodide_028(tmp_path, date, got):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == got


def test_outside_worker_code_it_is_asyncios_own():
    async def nested():
        inner = asyncio.sleep(0)
        with pytest.raises(RuntimeError, match="cannot be called from a running event loop"):
            asyncio.run(inner)
        inner.close()
        return "outer"

    assert asyncio.run(nested()) == "outer"
