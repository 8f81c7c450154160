"""``ChunkLog``: a stream's chunks by their index since it began, holding only those not let go of.

A live stream counts its chunks from the first one written (reads, writes waiting for a read
and sizes all name a chunk by that index), and lets go of each once it was read and taken. A
plain list kept one slot per chunk ever written -- 8 bytes a chunk, forever, on a stream that
runs for hours. This one drops the slots of a released prefix once they are at least half of
what it holds (so each slot is moved at most once more: amortised O(1) a chunk), and answers
for a dropped index with ``blank``, what a released slot held before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["ChunkLog"]

#: released slots held before they are dropped (a few, so a short stream never moves its slots)
_DROP_AFTER = 64


class ChunkLog:
    """A list of chunks indexed from the stream's first one (``len`` counts every chunk written),
    of which only those from :attr:`base` on are held; an index below it reads as ``blank``."""

    __slots__ = ("_items", "base", "blank")

    def __init__(self, items: Iterable[Any] = (), blank: Any = b""):
        self._items = list(items)
        self.base = 0
        self.blank = blank

    def __len__(self) -> int:
        return self.base + len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items) or self.base > 0

    def __iter__(self) -> Iterator[Any]:
        """The chunks held (those let go of read as ``blank`` and are empty: not given)."""
        return iter(self._items)

    def append(self, item: Any) -> None:
        self._items.append(item)

    def __iadd__(self, more: Iterable[Any]) -> ChunkLog:
        self._items.extend(more)
        return self

    def _index(self, index: int) -> int:
        return index + len(self) if index < 0 else index

    def __getitem__(self, index: Any) -> Any:
        base = self.base
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                raise ValueError("a ChunkLog slice has no step")
            head = [self.blank] * max(0, min(stop, base) - start)
            return head + self._items[max(start, base) - base : max(stop, base) - base]
        at = self._index(index)
        if 0 <= at < base:
            return self.blank
        if at < 0:
            raise IndexError("ChunkLog index out of range")
        return self._items[at - base]

    def __setitem__(self, index: int, value: Any) -> None:
        at = self._index(index)
        if at >= self.base:  # (a slot let go of stays so)
            self._items[at - self.base] = value

    def __delitem__(self, index: slice) -> None:
        """``del log[n:]``: the chunks from ``n`` on dropped (a queue reset past what was read)."""
        if not isinstance(index, slice) or index.stop is not None or index.step is not None:
            raise TypeError("a ChunkLog drops its tail only")
        start = self._index(index.start or 0)
        del self._items[max(0, start - self.base):]

    def release(self, start: int, upto: int) -> None:
        """Let go of the chunks ``start`` to ``upto`` (excluded): each reads as ``blank`` from now
        on, and the slots below ``upto`` are dropped once they are half of those held."""
        base, items = self.base, self._items
        for at in range(max(start, base), min(upto, len(self))):
            items[at - base] = self.blank
        dropped = min(upto, len(self)) - base
        if dropped >= _DROP_AFTER and 2 * dropped >= len(items):
            del items[:dropped]
            self.base = base + dropped
