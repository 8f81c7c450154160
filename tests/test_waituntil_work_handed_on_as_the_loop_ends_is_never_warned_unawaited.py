"""Work a ``waitUntil`` task hands to ``ctx.waitUntil`` as the test's event loop ends (its
``finally: ctx.waitUntil(flush())``), while the test still holds the streamed response unread,
ends without ``RuntimeWarning: coroutine '...flush' was never awaited``: workerd never prints a
Python warning for work handed to ``waitUntil``. The request then ends in
``ExecutionContext._gone``, which cancels that new work -- before its task ever ran when the
loop's end happened to step the held body's task before the writer's. ``asyncio.run`` cancels the
loop's tasks in a set's order, so the warning came in about 4 of 10 runs; here the loop's end is
driven by hand, its pending tasks cancelled in every order, so the unlucky order always runs. The
writer sleeps long after its second chunk: with a short sleep a loaded machine let it wake in the
loop's last turn, ending the loop in mid-write with a third task, a different count of orders."""

from __future__ import annotations

import asyncio
import gc
import itertools
import warnings

from worker_helpers import sdk_worker

from workers_env import load_worker

HANDS_ON = """
import asyncio

from js import TextEncoder, TransformStream
from workers import Response, WorkerEntrypoint

WRITING = []
FLUSHED = []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def flush():
            FLUSHED.append(len(WRITING))

        async def write():
            n = 0
            try:
                while True:
                    await writer.write(TextEncoder.new().encode(f"chunk {n}\\n"))
                    WRITING.append(n)
                    n += 1
                    await asyncio.sleep(0.01 if n < 2 else 60)  # (then asleep as the loop ends, however slow the machine)
            finally:
                self.ctx.waitUntil(flush())

        self.ctx.waitUntil(write())
        return Response(stream.readable, headers={"content-type": "text/plain"})
"""


def _ended_in_order(worker, kept: list, nth: int) -> int:
    """``asyncio.run`` of a fetch whose response ``kept`` holds, its end (``asyncio.runners``'
    cancel of every task left) cancelling the pending tasks in the ``nth`` of their orders;
    how many orders there are."""
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        async def scenario() -> None:
            kept.append(await worker.fetch("/"))
            assert kept[-1].status == 200
            # till the writer sleeps between writes: left are the held body's task and the writer's
            while len(worker.module.WRITING) < 2 or len(asyncio.all_tasks()) != 3:
                await asyncio.sleep(0.001)

        loop.run_until_complete(scenario())
        pending = sorted(asyncio.all_tasks(loop), key=lambda task: int(task.get_name().rpartition("-")[2]))  # by creation
        orders = list(itertools.permutations(pending))
        for task in orders[nth]:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    return len(orders)


def test_work_handed_to_waituntil_as_the_loop_ends_is_not_warned_never_awaited(tmp_path):
    worker = load_worker(sdk_worker(tmp_path, HANDS_ON, "1.9.5"))
    kept: list = []  # the responses, held past their loop: each body unread as it ends
    flushed = []  # whether the flush ran, in each order
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nth, orders = 0, 1
        while nth < orders:  # (two)
            before = len(worker.module.FLUSHED)
            worker.module.WRITING.clear()
            orders = _ended_in_order(worker, kept, nth)
            flushed.append(len(worker.module.FLUSHED) > before)
            nth += 1
        gc.collect()
    unawaited = [str(w.message) for w in caught if "never awaited" in str(w.message)]
    assert unawaited == []
    # both ends reached: the flush ran in one order, and in the other was cancelled before it ran
    assert set(flushed) == {False, True}
