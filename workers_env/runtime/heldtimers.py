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
import heapq
import math
from typing import Any

__all__ = ["HELD_TURNS", "HeldTimers"]

#: how many turns a timer whose time has come waits at most for the loop's queue to empty (the
#: writable-ready probe's longest chain of reactions after a read takes 6)
HELD_TURNS = 32


class HeldTimers:
    """One loop's Worker timers held back while callbacks are queued: installed on the loop as
    the step before each turn (``_run_once``, asyncio's own loops only); :meth:`note` a timer."""

    __slots__ = ("_held", "_loop", "_noted", "_run_once")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop: Any = loop
        #: the timers noted and still scheduled, each with how many turns it has waited since its time came
        self._noted: list[list[Any]] = []
        #: the timers held for this turn, with their time (theirs is set past any other while held)
        self._held: list[tuple[Any, float]] = []  # (asyncio.TimerHandle: its _when unknown to typeshed)
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
            self._noted.append([handle, 0])

    def _turn(self) -> None:
        loop = self._loop
        held = self._held
        moved = bool(held)
        if moved:  # last turn's: back in their places, to be looked at again
            for handle, when in held:
                handle._when = when
            held.clear()
        if self._noted:
            self._noted = noted = [entry for entry in self._noted if entry[0]._scheduled and not entry[0]._cancelled]
            if loop._ready:
                now = loop.time()
                for entry in noted:
                    handle = entry[0]
                    if handle._when <= now:
                        entry[1] += 1
                    if entry[1] <= HELD_TURNS:  # (one not due yet too: it may come due within this turn)
                        held.append((handle, handle._when))
                        handle._when = math.inf
        if moved or held:
            heapq.heapify(loop._scheduled)
        self._run_once()
