"""JavaScript's ``Date`` as Worker code sees it: milliseconds since the epoch, in UTC.

Workers run in UTC, so local time is UTC time (``getHours`` is ``getUTCHours``,
``getTimezoneOffset`` is 0). Dates outside +/-8.64e15 ms are invalid (``NaN``), years
beyond 9999 are written ``+275760-09-13T00:00:00.000Z``, and strings parse as V8 parses them
(``dateparser.py``): the ISO forms of the standard, then V8's lenient legacy forms (``Tue, 01
Dec 2026 10:00:00 GMT``, ``Jan 2 2026``, ``2026/01/02 10:00``, ``Sun, 06 Nov 1994 08:49:37
EST``). Checked against ``wrangler dev`` 4.164.0 by ``tools/wrangler/jsapi_differential.py``.
"""

from __future__ import annotations

import math
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from workers_env._errors import JsException
from workers_env._jsvalues import js_string
from workers_env.runtime.current import current_runtime, in_global_scope
from workers_env.runtime.dateparser import parse_components
from workers_env.runtime.jsbase import JsProxy, js_type_error

__all__ = ["JsDate", "date_now", "date_utc", "parse_date"]

_MAX_MS = 8.64e15
_DAY_MS = 86_400_000
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAY_NAMES = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
def _time_clip(ms: float) -> float:
    if not math.isfinite(ms) or abs(ms) > _MAX_MS:
        return math.nan
    return float(math.trunc(ms)) + 0.0  # no -0


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (month 1-12; any integers)."""
    year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    days += 719468
    era = days // 146097
    doe = days - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    year = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return year + (month <= 2), month, day


def _make(year: float, month: float, day: float = 1, hours: float = 0, minutes: float = 0, seconds: float = 0,
          ms: float = 0) -> float:
    """ECMAScript's MakeDate(MakeDay(...), MakeTime(...)) with the year 0-99 rule left to callers."""
    parts = (year, month, day, hours, minutes, seconds, ms)
    if not all(math.isfinite(p) for p in parts):
        return math.nan
    year, month, day, hours, minutes, seconds, ms = (math.trunc(p) for p in parts)
    days = _days_from_civil(int(year) + int(month) // 12, int(month) % 12 + 1, 1) + int(day) - 1
    return days * _DAY_MS + ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms


def _numbers(args: tuple[Any, ...]) -> list[float]:
    from workers_env.runtime.jsnumbers import (
        to_number,  # (jsnumbers builds on jsbase too)
    )

    out = [float(to_number(a)) for a in args]
    if out and math.isfinite(out[0]) and 0 <= math.trunc(out[0]) <= 99:
        out[0] = 1900 + math.trunc(out[0])
    return out


def date_utc(*args: Any) -> float | int:
    """``Date.UTC(year, month, ...)``: milliseconds, or NaN."""
    if not args:
        return math.nan
    return _number(_time_clip(_make(*_numbers(args))))


def _number(ms: float) -> float | int:
    return int(ms) if math.isfinite(ms) else ms


def parse_date(text: Any) -> float:
    """``Date.parse``: V8's ``ParseDateTimeString`` -- its parser's components made a date, in
    UTC when the string names no zone (a Worker's local time), NaN when it cannot be read."""
    parts = parse_components(str(text))
    if parts is None:
        return math.nan
    value = _make(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond)
    if parts.utc_offset is None:
        if abs(value) > _MAX_MS + 864_000_000:  # DateCache::kMaxTimeBeforeUTCInMs
            return math.nan
    else:
        value -= parts.utc_offset * 1000
        if abs(value) > _MAX_MS:
            return math.nan
    return _time_clip(value)


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def _datetime_ms(value: datetime) -> int:
    """Milliseconds since the epoch of ``value`` (a naive one in local time), exact for every
    datetime from year 1 to 9999 (a ``float`` timestamp rounds far ones), a part of a millisecond
    dropped as ``new Date(ms)`` drops it; a naive one at the
    ends of that range, which local time cannot place (``astimezone()``'s ``ValueError``), is read as UTC."""
    if value.tzinfo is None:
        try:
            value = value.astimezone()
        except (ValueError, OverflowError):
            value = value.replace(tzinfo=timezone.utc)
    whole, part = divmod(value - _EPOCH, timedelta(milliseconds=1))
    return whole + 1 if part and whole < 0 else whole  # a part of a millisecond: towards zero, as Date's TimeClip


def date_now() -> int:
    """workerd's ``dateNow()`` (io-util.c++), what ``Date.now()``, ``new Date()`` and
    ``performance.now()`` read: the running request's clock in whole milliseconds, and 0 at a
    Worker's top level, where there is no request (``IoContext::tryCurrent()`` is none; measured
    under ``wrangler dev`` 4.164.0: a module's top-level ``Date.now()`` and ``performance.now()``
    are 0). The clock itself is the host's, as ``wrangler dev``'s (README, "Time moves ..."); with
    the experimental ``precise_timers`` flag workerd rounds it down to 3 ms (``IoContext::now``;
    under ``wrangler dev`` then every reading is a multiple of 3)."""
    if in_global_scope():
        return 0
    ms = int(time.time() * 1000)
    flags = getattr(current_runtime(), "compat_flags", None)  # not flag_on: off outside Worker code
    return ms - ms % 3 if flags is not None and flags.get("precise_timers") else ms


def _is_array(value: Any) -> bool:
    return isinstance(value, JsProxy) and getattr(value, "_js_name", None) == "Array"


class JsDate(JsProxy):
    """``Date``: a point in time in milliseconds since the epoch (UTC)."""

    _js_name = "Date"

    def __init__(self, *args: Any):
        if not args:
            self._ms = float(date_now())
            return
        if len(args) > 1:
            self._ms = _time_clip(_make(*_numbers(args)))
            return
        value = args[0]
        if value is None:  # new Date(undefined)
            self._ms = math.nan
        elif isinstance(value, JsDate):
            self._ms = value._ms
        elif isinstance(value, datetime):
            self._ms = _time_clip(_datetime_ms(value))
        elif isinstance(value, str):
            self._ms = parse_date(value)
        else:
            from workers_env.runtime.jsnumbers import to_number, to_primitive

            # the constructor's ToPrimitive: a text is parsed (an array's, ``[5]`` is "5"; a
            # ``new String``'s), anything else is a number (measured in Pyodide 0.26 to 314)
            primitive = js_string(list(value)) if _is_array(value) else to_primitive(value, "number")
            if isinstance(primitive, str):
                self._ms = parse_date(primitive)
                return
            try:
                self._ms = _time_clip(float(to_number(primitive)))
            except (TypeError, ValueError):
                raise js_type_error(f"Date cannot be built from {type(value).__name__}") from None

    @staticmethod
    def new(*args: Any) -> JsDate:
        return JsDate(*args)

    @staticmethod
    def now() -> int:
        return date_now()

    @staticmethod
    def parse(text: Any = None, *_ignored: Any) -> float | int:
        return _number(parse_date("undefined" if text is None else text))

    UTC = staticmethod(date_utc)

    # -- reading ------------------------------------------------------------------------------
    def getTime(self) -> float | int:  # noqa: N802 - JS name
        return _number(self._ms)

    valueOf = getTime  # noqa: N815 - JS name

    def _parts(self) -> tuple[int, int, int, int, int, int, int, int]:
        """(year, month 0-11, day, weekday, hours, minutes, seconds, ms) in UTC."""
        ms = int(self._ms)
        days, rest = divmod(ms, _DAY_MS)
        year, month, day = _civil_from_days(days)
        return year, month - 1, day, (days + 4) % 7, rest // 3_600_000, rest // 60_000 % 60, rest // 1000 % 60, rest % 1000

    def _part(self, index: int) -> float | int:
        return math.nan if self._ms != self._ms else self._parts()[index]

    def getUTCFullYear(self) -> float | int:  # noqa: N802 - JS name
        return self._part(0)

    def getUTCMonth(self) -> float | int:  # noqa: N802 - JS name
        return self._part(1)

    def getUTCDate(self) -> float | int:  # noqa: N802 - JS name
        return self._part(2)

    def getUTCDay(self) -> float | int:  # noqa: N802 - JS name
        return self._part(3)

    def getUTCHours(self) -> float | int:  # noqa: N802 - JS name
        return self._part(4)

    def getUTCMinutes(self) -> float | int:  # noqa: N802 - JS name
        return self._part(5)

    def getUTCSeconds(self) -> float | int:  # noqa: N802 - JS name
        return self._part(6)

    def getUTCMilliseconds(self) -> float | int:  # noqa: N802 - JS name
        return self._part(7)

    # Workers run in UTC: local time is UTC
    getFullYear, getMonth, getDate, getDay = getUTCFullYear, getUTCMonth, getUTCDate, getUTCDay  # noqa: N815
    getHours, getMinutes, getSeconds, getMilliseconds = (  # noqa: N815
        getUTCHours, getUTCMinutes, getUTCSeconds, getUTCMilliseconds)

    def getTimezoneOffset(self) -> float | int:  # noqa: N802 - JS name
        return math.nan if self._ms != self._ms else 0

    def setTime(self, value: Any = None, *_ignored: Any) -> float | int:  # noqa: N802 - JS name
        from workers_env.runtime.jsnumbers import to_number

        self._ms = _time_clip(float(to_number(value)))
        return _number(self._ms)

    # -- writing ------------------------------------------------------------------------------
    def toISOString(self) -> str:  # noqa: N802 - JS name
        if self._ms != self._ms:
            raise JsException("Invalid time value", name="RangeError")
        year, month, day, _, hours, minutes, seconds, ms = self._parts()
        shown = f"{year:04d}" if 0 <= year <= 9999 else f"{'+' if year > 0 else '-'}{abs(year):06d}"
        return f"{shown}-{month + 1:02d}-{day:02d}T{hours:02d}:{minutes:02d}:{seconds:02d}.{ms:03d}Z"

    def toJSON(self, *_ignored: Any) -> Any:  # noqa: N802 - JS name
        """``toISOString()``, or ``null`` for an invalid date."""
        if self._ms != self._ms:
            from workers_env.runtime.jstopy import js_null

            return js_null()
        return self.toISOString()

    def _year_text(self, year: int) -> str:
        return f"{year:04d}" if year >= 0 else f"-{abs(year):06d}"

    def toUTCString(self) -> str:  # noqa: N802 - JS name
        if self._ms != self._ms:
            return "Invalid Date"
        year, month, day, weekday, hours, minutes, seconds, _ = self._parts()
        return (f"{_DAY_NAMES[weekday]}, {day:02d} {_MONTH_NAMES[month]} {self._year_text(year)} "
                f"{hours:02d}:{minutes:02d}:{seconds:02d} GMT")

    toGMTString = toUTCString  # noqa: N815 - JS name

    def toString(self) -> str:  # noqa: N802 - JS name
        if self._ms != self._ms:
            return "Invalid Date"
        year, month, day, weekday, hours, minutes, seconds, _ = self._parts()
        return (f"{_DAY_NAMES[weekday]} {_MONTH_NAMES[month]} {day:02d} {self._year_text(year)} "
                f"{hours:02d}:{minutes:02d}:{seconds:02d} GMT+0000 (Coordinated Universal Time)")

    def to_datetime(self) -> datetime:
        """What the SDK's ``python_from_rpc`` makes of a ``Date`` (a naive local datetime)."""
        return datetime.fromtimestamp(self._ms / 1000)

    def __repr__(self) -> str:
        """Pyodide's ``str`` and ``repr`` of a ``Date`` are its ``toString()``: ``Thu Jan 01 1970
        00:00:00 GMT+0000 (Coordinated Universal Time)`` (``console.log`` prints the ISO form)."""
        return self.toString()

