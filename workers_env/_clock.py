"""Time as the bindings see it: API timestamps, and a clock tests can move forward.

Bindings that expire data (KV) read "now" from a clock object instead of the system time,
so a test can hand ``load_env(..., clock=ManualClock())`` a clock it controls and call
``clock.advance(61)`` instead of sleeping.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from datetime import datetime, timezone

__all__ = ["SYSTEM_CLOCK", "Clock", "ManualClock", "SystemClock", "utc_now_iso"]


def utc_now_iso() -> str:
    """Now: ISO 8601 in UTC with milliseconds and ``Z`` (``2026-11-25T14:27:06.123Z``)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Clock(ABC):
    """What a binding asks for the time: :meth:`now` in seconds since the UNIX epoch."""

    @abstractmethod
    def now(self) -> float:
        """Seconds since the UNIX epoch."""

    def now_ms(self) -> int:
        """Milliseconds since the epoch, as JavaScript's ``Date.now()``."""
        return int(self.now() * 1000)


class SystemClock(Clock):
    """The machine's clock (the default)."""

    def now(self) -> float:
        return time.time()

    def __repr__(self) -> str:
        return "SystemClock()"


SYSTEM_CLOCK = SystemClock()


class ManualClock(Clock):
    """A clock that stands still until the test moves it: ``advance(seconds)`` or ``set(t)``.

    It starts at ``start`` (seconds since the epoch), or at the system time when created.
    Time never runs backwards here: ``advance`` refuses negative steps, as expiry assumes
    a monotonic clock. Safe to share across threads.
    """

    def __init__(self, start: float | None = None):
        if start is not None and (isinstance(start, bool) or not isinstance(start, (int, float))):
            raise TypeError(f"ManualClock(start=...) takes seconds since the epoch, got {start!r}")
        self._now = float(time.time() if start is None else start)
        self._lock = threading.Lock()

    def now(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> float:
        """Move the clock forward by ``seconds``; returns the new time."""
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise TypeError(f"ManualClock.advance() takes a number of seconds, got {type(seconds).__name__}")
        if not seconds >= 0:
            raise ValueError(f"ManualClock.advance() takes a number of seconds >= 0, got {seconds!r}")
        with self._lock:
            self._now += float(seconds)
            return self._now

    def set(self, when: float) -> None:
        """Jump to ``when`` (seconds since the epoch), which must not be in this clock's past."""
        if isinstance(when, bool) or not isinstance(when, (int, float)):
            raise TypeError(f"ManualClock.set() takes seconds since the epoch, got {type(when).__name__}")
        with self._lock:
            if when < self._now:
                raise ValueError(f"ManualClock.set({when!r}) would move time backwards (now {self._now!r}): to start "
                                 "at an earlier time, make the clock there, ManualClock(start=...) (in pytest, a "
                                 "workers_env_clock fixture returning one)")
            self._now = float(when)

    def __repr__(self) -> str:
        return f"ManualClock({self._now!r})"
