"""A stream read whose outcome is known at its call but whose promise settles later, as workerd's.

workerd settles an internal stream's read (a body's, an ``IdentityTransformStream``'s, a
``FixedLengthStream``'s) only after an I/O turn, even with its bytes at hand (internal.c++
``read``: ``awaitIoLegacy``), and a JavaScript ``TransformStream``'s read of a write in flight a
promise's reaction later (the transform runs then, standard.c++). Until then the read is
outstanding: a ``releaseLock()`` or ``cancel()`` of its reader in that turn still finds it
pending. Here such a read takes its outcome at the call -- no task, no turn waited, so reading
costs about what it did -- and its promise is *held* (:class:`HeldRead`): it settles when Worker
code awaits it (awaiting is what observes it) or at the end of the turn, whichever comes first:
the end of the step of Worker code's task that made it (:data:`tasks.STEPS`'s ``steps``), else a
callback scheduled on the loop; the reader can take back a read still held
(:meth:`HeldReads.take_back`) and settle it as workerd's would have settled then. Only a read that
:func:`webloop.unawaited` begins is held: one awaited directly (test code) has its value at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from workers_env.runtime import tasks
from workers_env.runtime.webloop import PyodideFuture

__all__ = ["HeldRead", "HeldReads", "resolve"]


class HeldRead(PyodideFuture):
    """A read's promise, pending until awaited or the end of the turn (see the module)."""

    def __init__(self, holder: HeldReads, outcome: Any, index: int) -> None:
        super().__init__()
        self.holder = holder
        #: what it resolves with
        self.outcome = outcome
        #: the chunk it took, taken off the writer's hands only as it settles (-1: none)
        self.index = index

    def __await__(self) -> Any:
        if not self.done():
            holder = self.holder
            reads = holder.reads
            if len(reads) == 1 and reads[0] is self:  # (the usual: a read awaited at once)
                reads.clear()
                holder._settle_one(self)
            else:
                holder.settle(self)
        return super().__await__()

    __iter__ = __await__

    # Python code may cancel the future (``asyncio.wait_for(read, 0)``, a cancelled ``gather``);
    # the JavaScript promise it stands for goes on all the same: the read still settles as its
    # turn ends -- a ``TransformStream``'s chunk is taken, its write resolves -- only its outcome
    # has nowhere to go (no ``InvalidStateError`` from a ``releaseLock()``/``cancel()``).
    def set_result(self, result: Any) -> None:
        if not self.cancelled():
            super().set_result(result)

    def set_exception(self, exception: Any) -> None:
        if not self.cancelled():
            super().set_exception(exception)


# Worker code sees an un-awaited call's promise, as any other (``type(promise)``, Python's
# "'PyodideFuture' object has no attribute 'value'" -- which gains the missing-``await`` note,
# runtime/handlererrors.py -- and asyncio's "PyodideFuture exception was never retrieved").
HeldRead.__name__ = HeldRead.__qualname__ = PyodideFuture.__name__
HeldRead.__module__ = PyodideFuture.__module__


class HeldReads:
    """The held reads of one reader, in the order made; ``settle_one(read)`` settles each."""

    __slots__ = ("reads", "_due", "_settle_one")

    def __init__(self, settle_one: Callable[[HeldRead], None]) -> None:
        self.reads: list[HeldRead] = []
        self._due = False
        self._settle_one = settle_one

    def hold(self, outcome: Any, index: int = -1) -> HeldRead:
        """A read's promise that resolves with ``outcome`` when settled."""
        read = HeldRead(self, outcome, index)
        self.reads.append(read)
        if not self._due:  # one call at the turn's end settles every read held by then
            self._due = True
            steps = tasks.STEPS.steps
            if steps.count:  # in a step of Worker code: settled as it ends, no callback to schedule
                steps.at_end.append(self._turn_ended)
            else:
                read.get_loop().call_soon(self._turn_ended)
        return read

    def _turn_ended(self) -> None:
        self._due = False
        self.settle()

    def settle(self, upto: HeldRead | None = None) -> None:
        """Settle the held reads in order, up to ``upto`` (every one without it)."""
        reads = self.reads
        while reads:
            read = reads.pop(0)
            if not read.done() or read.cancelled():
                self._settle_one(read)
            if read is upto:
                return

    def take_back(self) -> list[HeldRead]:
        """The reads still held, no longer held: the caller settles them."""
        reads, self.reads = self.reads, []
        return reads


def resolve(read: HeldRead) -> None:
    """``settle_one`` of reads that only resolve with their outcome."""
    read.set_result(read.outcome)
