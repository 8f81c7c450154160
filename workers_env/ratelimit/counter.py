"""The counts of one rate-limit namespace, as Miniflare's ``RateLimiterObject`` keeps them.

Fixed windows aligned to the wall clock: a call at ``now`` falls in window
``floor(now_ms / (period * 1000))`` of its period, so every key of a period rolls over at the
same instant (second 0, 10, 20 ... of the minute for a 10 s period). Each ``(key, period)`` has
one count; a call finding the count at or above its limit fails and counts nothing, else it
adds its ``delta`` and succeeds (so one call with a large delta may pass the limit). A window
that is over is dropped for every key of that period when a key's own count is found stale, as
Miniflare's ``deleteExpired`` does. Synchronous and guarded by a lock: safe across threads.
"""

from __future__ import annotations

import math
import threading

__all__ = ["RateLimitCounter"]


class RateLimitCounter:
    """``(key, period) -> (window, count)`` of one namespace (``namespace_id``)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buckets: dict[tuple[str, int], tuple[int, int]] = {}

    def take(self, key: str, limit: float, period: int, delta: int, now_ms: int) -> bool:
        """Count one call of weight ``delta`` under ``key`` at ``now_ms`` against ``limit``.

        ``limit`` is the number the call carried through JSON: NaN and the infinities are JSON's
        ``null``, which the count compares as 0 (so such a limit always fails)."""
        threshold = limit if math.isfinite(limit) else 0
        window = math.floor(now_ms / (period * 1000))
        with self._lock:
            found = self._buckets.get((key, period))
            if found is not None and found[0] == window:
                count = found[1]
            else:
                count = 0
                stale = [k for k, (w, _) in self._buckets.items() if k[1] == period and w != window]
                for k in stale:
                    del self._buckets[k]
            if count >= threshold:
                return False
            self._buckets[(key, period)] = (window, count + delta)
            return True

    def count(self, key: str, period: int, now_ms: int) -> int:
        """What ``key`` has counted in the window of ``now_ms`` (0 when it is over): for tests."""
        with self._lock:
            found = self._buckets.get((key, period))
        return found[1] if found is not None and found[0] == math.floor(now_ms / (period * 1000)) else 0

    def clear(self) -> None:
        """Forget every count."""
        with self._lock:
            self._buckets.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._buckets)
