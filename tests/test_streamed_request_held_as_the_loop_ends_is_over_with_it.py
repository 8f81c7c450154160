"""A request whose streamed response the test still holds unread as its event loop ends
(``asyncio.run``'s end) is over with the loop -- the client went away -- even when its
``waitUntil`` work, as it is cancelled, hands more work to ``ctx.waitUntil``
(``finally: ctx.waitUntil(flush())``) that would wait on for a minute: that work is cancelled
with it (README, "worker.fetch of a streamed response"), not left waiting on the closed loop, and
the request's end does what every request's end does -- here, the not-emulated error its handler
caught and went on past is said on stderr (runtime/swallowed.py). ``ExecutionContext._gone`` does
both; the tests of what the loop's end logs passed with it doing neither (pin68), since the
work the loop itself cancels ends quietly either way."""

from __future__ import annotations

from test_waituntil_work_handed_on_as_the_loop_ends_is_never_warned_unawaited import _ended_in_order
from worker_helpers import sdk_worker

from workers_env import load_worker

HANDS_ON = """
import asyncio

import js
from js import TextEncoder, TransformStream
from workers import Response, WorkerEntrypoint

WRITING = []
FLUSHING = []  # each flush that started
CANCELLED = []  # and each that was cancelled


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            js.WebAssembly.validate(js.Object.new())  # not emulated: caught, and the handler goes on
        except Exception:
            pass
        stream = TransformStream.new()
        writer = stream.writable.getWriter()

        async def flush():
            FLUSHING.append(1)
            try:
                await asyncio.sleep(60)
            except asyncio.CancelledError:
                CANCELLED.append(1)
                raise

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

TOLD = "workers-env: the Worker's code caught NotEmulatedError and went on"


def test_a_request_held_streaming_as_the_loop_ends_is_over_its_handed_on_work_cancelled(tmp_path, capsys):
    started = []  # whether the handed-on work had started by its cancel, in each order
    for nth in range(2):  # each of the two orders, a Worker load of its own (a text is told once a load)
        worker = load_worker(sdk_worker(tmp_path / str(nth), HANDS_ON, "1.9.5"))
        capsys.readouterr()
        kept: list = []  # the response, held past its loop: its body unread as the loop ends
        assert _ended_in_order(worker, kept, nth) == 2  # (asyncio.run's end, its two tasks cancelled in the nth order)
        told = [line for line in capsys.readouterr().err.splitlines() if line.startswith(TOLD)]
        assert len(told) == 1  # the request ended with the loop: what its code swallowed is said
        assert worker.module.FLUSHING == worker.module.CANCELLED  # the work handed on: cancelled if it started
        started.append(bool(worker.module.FLUSHING))
    assert set(started) == {False, True}  # one order cancels it before it starts, the other as it waits
