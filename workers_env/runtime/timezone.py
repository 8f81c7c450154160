"""The time zone Worker code runs in: UTC, as Cloudflare runs Workers (and wrangler dev since
workers-sdk #13776, May 2026). A naive ``datetime`` -- ``datetime.now()``,
``strptime(...).timestamp()`` -- then means what it means in production, on any machine."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PRODUCTION_TIMEZONE", "production_timezone"]

PRODUCTION_TIMEZONE = "UTC"


@contextmanager
def production_timezone(zone: str | None = PRODUCTION_TIMEZONE) -> Iterator[None]:
    """Run the block with the process's local time zone set to ``zone`` (``TZ`` and
    ``time.tzset()``), restoring the host's afterwards. ``None``, ``""`` or ``"local"`` keep the
    host's zone; so does a platform without ``time.tzset`` (Windows)."""
    if not zone or zone.lower() == "local" or not hasattr(time, "tzset"):
        yield
        return
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
