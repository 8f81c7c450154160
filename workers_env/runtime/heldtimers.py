"""A Worker's timer waits for the work already queued on the loop, as workerd's waits for its
event queue.

workerd's event loop (kj's) checks its timers only once every event ready and every microtask
has run, so the reactions a settled promise sets going -- a write's, a writer's new ``ready``,
the ``.then`` handlers on them -- all run before a ``setTimeout`` or an ``asyncio.sleep`` of any
length ends, however slow the machine (``tools/wrangler/writable_ready_probe.py``'s JavaScript
twin gives the same answers with a 20 ms timer, a 0 ms one and no timer at all). Here those
reactions take loop turns (tasks, futures' callbacks), and asyncio runs a timer on the first turn
after its time came, between them: a loaded machine, where a few turns outlast the delay,
changed the order Worker code saw (session 51's writable-ready flake). So a timer that Worker
code set with a delay above 0 waits while the loop has callbacks queued: it does not fire on a
turn that begins with any, for up to :data:`HELD_TURNS` turns after its time came -- a bound in
turns, not time, so the order is the same on any machine, and a Worker whose tasks keep the loop
busy for ever still gets its timers. A zero delay is asyncio's as before (due on the next turn,
its order with ``call_soon`` callbacks unchanged), as are the timers of code that is no Worker's.
"""

from __future__ import annotations

import asyncio
import contextvars
import heapq
from typing import Any

__all__ = ["HELD_TURNS", "HeldTimers"]

#: how many turns a timer whose time has come waits at most for the loop's queue to empty (the
#: writable-ready probe's longest chain of reactions after a read takes 6)
HELD_TURNS = 32


class HeldTimers:
    """One loop's Worker timers held back while callbacks are queued: installed on the loop as
    the step before each turn (``_run_once``, asyncio's own loops only); :meth:`note` a timer.

    A timer is held without touching it: asyncio pulls the timers whose time came into the
    turn's queue as ever, and the turn's first callback (queued ahead of the rest before the
    turn) puts the noted ones back on the heap, a cancelled stand-in in each one's place -- so
    the heap is never rebuilt nor a timer's time changed (``when()``, its hash, its place), a
    turn costs nothing per timer pending, and everything after that first callback (Worker
    code, the request-end sweep of runtime/timers.py) sees every timer where asyncio keeps it."""

    __slots__ = ("_loop", "_noted", "_pulled_from", "_put_back", "_run_once", "_swept")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop: Any = loop
        #: the timers noted (by identity), each with how many turns it has been held since its time came
        self._noted: dict[int, list[Any]] = {}
        self._swept = 0  # how many were noted after the last sweep of the ones gone
        self._pulled_from = 0  # the turn's queue before it: what the turn adds comes after
        self._put_back = asyncio.Handle(self._hold_pulled, (), loop, context=contextvars.Context())  # (no request's)
        self._run_once = loop._run_once  # type: ignore[attr-defined]
        loop._run_once = self._turn  # type: ignore[attr-defined]

    @staticmethod
    def install(loop: asyncio.AbstractEventLoop) -> HeldTimers | None:
        """A new :class:`HeldTimers` on ``loop``; ``None`` for a loop that is not asyncio's own
        Python one (uvloop's: no ``_run_once``, no heap of timers to look at)."""
        if not callable(getattr(loop, "_run_once", None)) or not isinstance(getattr(loop, "_scheduled", None), list):
            return None
        return HeldTimers(loop)

    def note(self, handle: asyncio.TimerHandle) -> None:
        """Hold ``handle`` (a Worker's timer with a delay above 0) while callbacks are queued."""
        if isinstance(handle, asyncio.TimerHandle):
            noted = self._noted
            noted[id(handle)] = [handle, 0]
            if len(noted) > 2 * self._swept + 64:  # the ones fired or cancelled since, let go
                for key in [key for key, (timer, _) in noted.items() if timer._cancelled or not timer._scheduled]:
                    del noted[key]
                self._swept = len(noted)

    def _turn(self) -> None:
        loop = self._loop
        if self._noted and loop._ready:
            self._pulled_from = len(loop._ready)
            loop._ready.appendleft(self._put_back)
        self._run_once()

    def _hold_pulled(self) -> None:
        ready, noted = self._loop._ready, self._noted
        for index in range(self._pulled_from, len(ready)):
            entry = noted.get(id(ready[index]))
            if entry is None or entry[0] is not ready[index]:
                continue
            entry[1] += 1
            timer = entry[0]
            if entry[1] > HELD_TURNS:  # it fires now
                del noted[id(timer)]
                continue
            stand_in = asyncio.Handle(_nothing, (), self._loop)
            stand_in.cancel()
            ready[index] = stand_in  # (the turn runs as many callbacks as it counted)
            timer._scheduled = True
            heapq.heappush(self._loop._scheduled, timer)


def _nothing() -> None:
    """A held timer's stand-in in the turn's queue (cancelled: never run)."""
