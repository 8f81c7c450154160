"""``loop.call_later(delay, ...)`` and ``loop.call_at(when, ...)`` asked by Worker code on the running
loop are Pyodide's ``WebLoop``'s in every era (``webloop.py`` of 0.26.0a4, 0.28.2 and 314.0.6, the
same calls measured under Node): a time in the past is ``ValueError: Can't schedule in the past``
(asyncio's runs the callback at once), and the answer is a plain ``asyncio.Handle`` --
``<Handle ...>``, no ``when()`` -- which cancels the timer. An infinite delay never fires: WebLoop
hands it to ``setTimeout`` as ``Infinity``, which workerd clamps to 100 years (io-context.c++;
Node's clamp to 1 ms under the Pyodide runner is Node's own), as asyncio's timer at ``inf`` here. Worker code's ``time.sleep(t)`` from
Pyodide 0.28 is ``run_sync(asyncio.sleep(t))`` under that Pyodide's Python (3.13, 3.14): a
negative delay returns at once, NaN is ``ValueError: Invalid delay: NaN (not a number)``; on 0.26
it is CPython's own (``sleep length must be non-negative``, ``Invalid value NaN (not a number)``)."""

from __future__ import annotations

import pytest
from worker_helpers import REPR_OUTCOME, one_file_worker

from workers_env import load_worker

ENTRY = """\
import asyncio
import time

from workers import Response, WorkerEntrypoint
""" + REPR_OUTCOME + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        loop = asyncio.get_running_loop()
        ran = []
        got = [outcome(lambda: loop.call_later(-1, ran.append, "past")),
               outcome(lambda: loop.call_at(loop.time() - 1, ran.append, "past"))]
        handle = loop.call_later(0.01, ran.append, "later")
        cancelled = loop.call_at(loop.time() + 60, ran.append, "cancelled")  # (+0.01 was past by the check under load)
        cancelled.cancel()
        forever = loop.call_later(float("inf"), ran.append, "forever")
        got += [type(forever).__name__, type(handle).__name__, repr(handle).startswith("<Handle "), hasattr(handle, "when"),
                isinstance(handle, asyncio.TimerHandle), cancelled.cancelled()]
        await asyncio.sleep(0.05)
        got.append(ran)
        got += [outcome(lambda: time.sleep(-1)), outcome(lambda: time.sleep(float("nan")))]
        return Response.json(got)
"""
WEBLOOP = ["ValueError: Can't schedule in the past", "ValueError: Can't schedule in the past", "Handle",
           "Handle", True, False, False, True, ["later"]]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "slept"), [
    ("2025-09-01", ["ValueError: sleep length must be non-negative", "ValueError: Invalid value NaN (not a number)"]),
    ("2026-05-01", ["None", "ValueError: Invalid delay: NaN (not a number)"]),
    ("2026-09-08", ["None", "ValueError: Invalid delay: NaN (not a number)"]),
])
async def test_timers_and_sleep_are_webloops(tmp_path, date, slept):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == WEBLOOP + slept


@pytest.mark.asyncio
async def test_outside_worker_code_they_are_asyncios_own():
    import asyncio

    loop = asyncio.get_running_loop()
    ran = []
    handle = loop.call_later(-1, ran.append, "at once")
    assert isinstance(handle, asyncio.TimerHandle)
    await asyncio.sleep(0.01)
    assert ran == ["at once"]
