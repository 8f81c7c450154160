"""``AbortSignal.timeout(ms)`` made on a running event loop aborts by that loop's timer, on a later
turn, as workerd's (basics.c++ ``AbortSignal::timeout``: ``setTimeoutInternal`` calls
``triggerAbort``): the code that made it sees it unaborted however long it runs past ``ms``, and
so does a signal ``AbortSignal.any`` made of it. Before, a read checked the deadline itself, so a
read in the same turn 1 ms later said aborted -- a loaded machine (load 30-40) once made
``test_runtime_abort_signals.py`` see that (flake56). Made outside a loop, or read once the loop it
was made on is closed (its timer gone), a signal aborts when read past its time."""

from __future__ import annotations

import asyncio
import time

from workers_env import js


def test_the_code_that_made_it_never_sees_it_abort_and_the_next_turn_does() -> None:
    heard: list[str] = []

    async def scenario() -> tuple[list[object], list[object]]:
        quick = js.AbortSignal.timeout(0)
        either = js.AbortSignal.any([quick, js.AbortSignal.timeout(60_000)])
        quick.addEventListener("abort", lambda event: heard.append(event.type))
        time.sleep(0.03)  # thirty times its time, in the turn that made it
        now = [quick.aborted, quick.reason, either.aborted]
        quick.throwIfAborted()  # (not aborted: nothing happens)
        await asyncio.sleep(0.03)  # the loop's next turns: its timer has fired
        return now, [quick.aborted, quick.reason.name, either.aborted, either.reason is quick.reason]

    now, later = asyncio.run(scenario())
    assert now == [False, None, False]
    assert later == [True, "TimeoutError", True, True] and heard == ["abort"]


def test_made_outside_a_loop_or_read_after_its_loop_closed_it_aborts_when_read_past_its_time() -> None:
    loop = asyncio.new_event_loop()
    made: list[object] = []

    def make() -> None:  # the loop's one turn: it stops before its timer can be due
        made.append(js.AbortSignal.timeout(0))
        loop.stop()

    loop.call_soon(make)
    loop.run_forever()
    outside = js.AbortSignal.timeout(0)
    either = js.AbortSignal.any([made[0], js.AbortSignal.timeout(60_000)])
    time.sleep(0.02)
    waiting = [made[0].aborted, either.aborted]  # its loop open still: its timer is to come
    loop.close()  # and now never will
    assert waiting == [False, False]
    assert [(s.aborted, s.reason.name) for s in (made[0], either, outside)] == [(True, "TimeoutError")] * 3
