"""``loop.run_until_complete(awaitable)`` from Worker code is Pyodide's ``WebLoop.run_until_complete``.

From Pyodide 0.28 (compatibility dates from 2025-09-29) it is ``run_sync(awaitable)``: Pyodide's
``webloop.py`` returns ``run_sync(future)`` when ``config.enableRunUntilComplete`` is set, and
workerd sets it (``src/pyodide/internal/pool/emscriptenSetup.ts``, since workerd#5860). So a
synchronous WSGI view can wait for a D1 call with ``get_event_loop().run_until_complete(...)``, as
a Flask notes example of cloudflare/python-workers-examples did, and a new event loop's
``run_until_complete`` runs on the same JavaScript event loop (workerd's own
``stack-switching-state`` test). Pyodide 0.26's only schedules the awaitable and returns it
(``asyncio.ensure_future``). CPython's refused both: ``This event loop is already running``,
``Cannot run the event loop while another loop is running``.
"""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def seven():
        await asyncio.sleep(0)
        return 7


    async def fails():
        await asyncio.sleep(0)
        raise ValueError("no row")


    def blocking(make):
        return asyncio.get_event_loop().run_until_complete(make())


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            got = blocking(seven)
            if not isinstance(got, int):  # Pyodide 0.26: the awaitable scheduled, not waited for
                return Response.json(["scheduled", type(got).__name__, await got])
            try:
                blocking(fails)
                failed = "no error"
            except ValueError as error:
                failed = str(error)
            row = blocking(lambda: self.env.DB.prepare("SELECT 1 + ? AS n").bind(41).first())
            fresh = asyncio.new_event_loop()
            try:
                again = fresh.run_until_complete(seven())
            finally:
                fresh.close()
            return Response.json(["waited", got, failed, row.n, again])  # a JsProxy on the built-in SDK, a JsDict on the external one
"""

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-0000-0000-000000000000"\n'


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-29", "2026-05-01", "2026-09-08"])
async def test_run_until_complete_waits_as_run_sync_from_pyodide_0_28(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date, extra=D1))
    assert await (await worker.fetch("/")).json() == ["waited", 7, "no row", 42, 7]


@pytest.mark.asyncio
async def test_run_until_complete_only_schedules_on_pyodide_0_26(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra=D1))
    assert await (await worker.fetch("/")).json() == ["scheduled", "PyodideTask", 7]


def test_run_until_complete_outside_worker_code_is_asyncio_s_own():
    loop = asyncio.new_event_loop()
    try:
        assert loop.run_until_complete(asyncio.sleep(0, "own")) == "own"
    finally:
        loop.close()
