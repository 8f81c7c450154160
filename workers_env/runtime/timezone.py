"""The time zone Worker code runs in: UTC, as Cloudflare runs Workers (and wrangler dev since
workers-sdk #13776, May 2026). A naive ``datetime`` -- ``datetime.now()``,
``strptime(...).timestamp()`` -- then means what it means in production, on any machine."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from workers_env._errors import ConfigError
from workers_env._lazyre import lazy_pattern

__all__ = ["PRODUCTION_TIMEZONE", "check_timezone", "production_timezone"]

PRODUCTION_TIMEZONE = "UTC"

#: a POSIX ``TZ`` rule (``EST+5``, ``IST-5:30``, ``<+0530>-5:30``, ``EST5EDT,M3.2.0,M11.1.0``),
#: which the C library reads without a time zone database
_NAME = r"(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)"
_OFFSET = r"[+-]?\d{1,2}(?::\d{1,2}){0,2}"


_posix_rule = lazy_pattern(rf"{_NAME}{_OFFSET}(?:{_NAME}(?:{_OFFSET})?(?:,[^,\s]+,[^,\s]+)?)?")


def check_timezone(zone: str | None) -> None:
    """Refuse a ``zone`` the C library would not know: an unknown ``TZ`` name makes it run in
    UTC without a word (``Europe/Pariss`` is UTC), so a misspelt zone would pass unnoticed.
    Known: ``None``, ``""``, ``"local"``, ``"UTC"``, an IANA name of the time zone database
    (``Asia/Kolkata``, also as ``:Asia/Kolkata``) or a POSIX rule (``IST-5:30``)."""
    if zone is not None and not isinstance(zone, str):
        raise ConfigError(f"a time zone is a str such as \"UTC\" or \"Europe/Paris\", got {type(zone).__name__}")
    if not zone or zone.lower() == "local" or zone.upper() in ("UTC", "GMT") or _posix_rule().fullmatch(zone):
        return
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(zone.removeprefix(":"))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigError(
            f"unknown time zone {zone!r}: name one of the time zone database (e.g. \"UTC\", \"Europe/Paris\"), "
            f"a POSIX TZ rule (e.g. \"IST-5:30\") or \"local\" for the host's"
        ) from None


@contextmanager
def production_timezone(zone: str | None = PRODUCTION_TIMEZONE) -> Iterator[None]:
    """Run the block with the process's local time zone set to ``zone`` (``TZ`` and
    ``time.tzset()``), restoring the host's afterwards. ``None``, ``""`` or ``"local"`` keep the
    host's zone; so does a platform without ``time.tzset`` (Windows). A zone the C library would
    not know is refused (:func:`check_timezone`), not run as UTC."""
    check_timezone(zone)  # (a zone that is no str included)
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
