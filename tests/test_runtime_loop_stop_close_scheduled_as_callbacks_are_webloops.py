"""``loop.stop``/``loop.close``/``loop.run_forever`` handed by Worker code straight to
``call_soon`` are Pyodide's ``WebLoop``'s too, run by the loop as callbacks: measured under Node
(``tools/pyodide/pyodide_runner.mjs``, the same snippet on 0.26.0a4, 0.28.2 and 314.0.6), the
loop's exception handler sees ``NotImplementedError`` for ``stop`` on 0.26/0.28 ("Exception in
callback AbstractEventLoop.stop()"), nothing on 314.0.x, and the loop runs on, not closed.
workers-env took the callback for asyncio's own call: ``stop`` stopped the loop under the
request (``Event loop stopped before Future completed.``) and ``close`` logged CPython's
``Cannot close a running event loop``."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            loop = asyncio.get_running_loop()
            seen = []
            loop.set_exception_handler(lambda _, c: seen.append(type(c.get("exception")).__name__))
            loop.call_soon(loop.stop)
            loop.call_soon(loop.close)
            loop.call_soon(loop.run_forever)
            await asyncio.sleep(0.01)
            loop.set_exception_handler(None)
            return Response.json([seen, loop.is_running(), loop.is_closed()])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "seen"), [("2025-09-01", ["NotImplementedError"]),
                                            ("2026-05-01", ["NotImplementedError"]),
                                            ("2026-09-08", [])])
async def test_scheduled_stop_close_run_forever_leave_the_loop_running(tmp_path, date, seen):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == [seen, True, False]
