"""Worker code's ``time.sleep(t)`` is Pyodide's: from Pyodide 0.28 ``webloop.py`` replaces
``time.sleep`` with ``_sleep``, ``run_sync(asyncio.sleep(t))`` where ``can_run_sync()`` -- in
workerd, which calls handlers with JSPI's ``promising`` -- so the loop's other tasks go on while
the caller waits. Pyodide 0.26.0a4 has no such patch: the loop is blocked and the other task runs
only once the handler awaits. Measured under Node (no JSPI, so ``can_run_sync()`` is False there
and ``_sleep`` falls back to the blocking sleep): ``time.sleep`` is wrapped (``__wrapped__``) on
0.28.2 and 314.0.6, not on 0.26.0a4. workers-env blocked the loop in every era."""

from __future__ import annotations

import asyncio
import time

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio
    import time

    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            log = []

            async def other():
                log.append("other ran")

            task = asyncio.ensure_future(other())
            started = time.monotonic()
            time.sleep(0.05)
            log.append("slept")
            slept = time.monotonic() - started
            await task
            return Response.json({"log": log, "waited": slept >= 0.05})
"""

BLOCKS = ["slept", "other ran"]
GOES_ON = ["other ran", "slept"]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "log"), [("2025-09-01", BLOCKS), ("2026-05-01", GOES_ON),
                                           ("2026-09-08", GOES_ON)])
async def test_time_sleep_lets_other_tasks_run_from_pyodide_028(tmp_path, date, log):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == {"log": log, "waited": True}


def test_outside_worker_code_it_blocks_the_loop(tmp_path):
    load_worker(one_file_worker(tmp_path, ENTRY, date="2026-05-01"))  # time.sleep is workers-env's from here on

    async def main():
        log = []

        async def other():
            log.append("other ran")

        task = asyncio.ensure_future(other())
        time.sleep(0.01)
        log.append("slept")
        await task
        return log

    assert asyncio.run(main()) == BLOCKS


ARGUMENTS = """\
    import time

    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            out = []
            for t in (-1, "a"):
                try:
                    out.append(time.sleep(t))
                except (TypeError, ValueError) as e:
                    out.append(f"{type(e).__name__}: {e}")
            return Response.json(out)
"""


def _cpythons(t):
    try:
        time.sleep(t)
    except TypeError as e:  # its words change with the Python ("... an integer or float" on 3.14)
        return f"TypeError: {e}"


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "answers"), [
    ("2025-09-01", ["ValueError: sleep length must be non-negative", _cpythons("a")]),
    ("2026-05-01", [None, "TypeError: '<=' not supported between instances of 'str' and 'int'"])])
async def test_its_argument_is_asyncio_sleeps_from_pyodide_028(tmp_path, date, answers):
    """From 0.28 ``asyncio.sleep``'s reading (Pyodide 0.28.2 and 314.0.6: a negative time returns at
    once), before it CPython's ``time.sleep``'s (0.26.0a4), measured under Node, 2026-12-04."""
    worker = load_worker(one_file_worker(tmp_path, ARGUMENTS, date=date))
    assert await (await worker.fetch("/")).json() == answers
