"""``asyncio.wait(fs, timeout=t)`` and ``asyncio.as_completed(fs, timeout=t)`` hand ``t`` to
``loop.call_later`` unchecked, and on Pyodide every ``call_later`` is ``WebLoop``'s: a negative
timeout in Worker code is ``ValueError: Can't schedule in the past`` (0.26.0a4, 0.28.2 and 314.0.6
measured under Node), where asyncio's own loop waits no time at all -- awaited, or made a task of
its own (``create_task``, ``ensure_future``, ``gather``: the same there; such a task kept
asyncio's timer here before 2026-12-04). ``asyncio.timeout`` and
``wait_for`` check for a time already past themselves: their ``TimeoutError`` in both."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def outcome(make):
        try:
            return repr(await make())
        except BaseException as error:
            return f"{type(error).__name__}: {error}"


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            loop = asyncio.get_running_loop()

            async def wait():
                return await asyncio.wait([loop.create_future()], timeout=-1)

            async def as_completed():
                for first in asyncio.as_completed([loop.create_future()], timeout=-0.5):
                    await first

            async def timeout():
                async with asyncio.timeout(-1):
                    await asyncio.sleep(1)

            async def wait_for():
                await asyncio.wait_for(asyncio.sleep(1), -1)

            async def wait_in_time():
                done, _ = await asyncio.wait([asyncio.ensure_future(asyncio.sleep(0))], timeout=1)
                return len(done)

            def task():
                return asyncio.create_task(asyncio.wait([loop.create_future()], timeout=-1))

            def future():
                return asyncio.ensure_future(asyncio.wait([loop.create_future()], timeout=-1))

            def gathered():
                return asyncio.gather(asyncio.wait([loop.create_future()], timeout=-1))

            return Response.json([await outcome(f) for f in (wait, as_completed, timeout, wait_for, wait_in_time,
                                                              task, future, gathered)])
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01"])
async def test_a_negative_timeout_of_wait_and_as_completed_is_refused(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == [
        "ValueError: Can't schedule in the past", "ValueError: Can't schedule in the past",
        "TimeoutError: ", "TimeoutError: ", "1"] + ["ValueError: Can't schedule in the past"] * 3
