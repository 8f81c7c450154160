"""Timestamps as the Cloudflare API writes them, for mutations and index records alike."""

from __future__ import annotations

from datetime import datetime, timezone

__all__ = ["utc_now_iso"]


def utc_now_iso() -> str:
    """Now: ISO 8601 in UTC with milliseconds and ``Z`` (``2026-11-25T14:27:06.123Z``)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
