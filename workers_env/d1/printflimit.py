"""``printf()``/``format()`` as workerd's SQLite build runs them: widths and precisions capped.

workerd compiles SQLite with ``SQLITE_PRINTF_PRECISION_LIMIT=100000`` (its
``build/BUILD.sqlite3``): a field width or precision above 100,000 -- written in the format
or taken from an argument by ``*`` -- is 100,000 (``printf('%.*c', 8388643, 'x')`` is 100,000
characters under wrangler), where a SQLite built without it makes the 8,388,643 the value
length limit refuses (``string or blob too big``). SQLite has no run-time setting for it, so
:func:`install` puts a function of the same name in front of the built-in one: it caps what the
limit caps, following workerd's SQLite's format parser (``sqlite3_str_vappendf``, 3.54), and
hands the call to the linked SQLite's own ``printf`` on a connection of its own, so every
conversion stays that SQLite's (a call costs about 3 µs more than the built-in's 0.5).
"""

from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable
from typing import Any

from workers_env.d1.newersql import linked

__all__ = ["LIMIT", "capped", "install"]

#: workerd's ``SQLITE_PRINTF_PRECISION_LIMIT``
LIMIT = 100_000

# Conversions that take one argument in SQL's printf (the rest: ``%%`` and ``%n`` take none;
# ``%T``, ``%S`` and an unknown letter end the output there, so what follows is not read).
_TAKE_ONE = frozenset("deEfgGijJopqQrsuwxXzc")
_TAKE_NONE = frozenset("%n")
_FLAGS = frozenset("-+ #!0,")
# What can need a cap: a ``*`` or a run of digits that may exceed it
_MAY_NEED_CAP = re.compile(r"\*|[0-9]{6}")
_INT64 = 2**63


def _int32(value: int) -> int:
    """C's ``(int)`` of an ``i64``: its low 32 bits, signed."""
    value &= 0xFFFFFFFF
    return value - 2**32 if value >= 2**31 else value


def _digits(fmt: str, at: int) -> tuple[int, int]:
    """The unsigned 32-bit value of the digits from ``at`` (wrapping as C's ``unsigned`` does),
    and where they end."""
    value = 0
    while at < len(fmt) and "0" <= fmt[at] <= "9":
        value = (value * 10 + ord(fmt[at]) - 48) & 0xFFFFFFFF
        at += 1
    return value, at


def capped(fmt: str, args: list[Any], as_integer: Callable[[Any], int]) -> tuple[str, list[Any]]:
    """``fmt`` and ``args`` with every width and precision above :data:`LIMIT` written as
    :data:`LIMIT` (a ``*``'s argument replaced; a negative width's sign kept: it left-justifies).
    ``as_integer(value)``: SQLite's ``sqlite3_value_int64`` of an argument."""
    end = fmt.find("\0")
    if end >= 0:
        fmt = fmt[:end]  # (SQLite reads the format as a C string)
    out: list[str] = []
    args = list(args)
    used = 0  # arguments taken so far (getIntArg's nUsed: it stops at the last)

    def take() -> tuple[int | None, int]:
        """getIntArg: the next argument's index and ``(int)`` value (none left: ``None``, 0)."""
        nonlocal used
        if used >= len(args):
            return None, 0
        used += 1
        return used - 1, _int32(as_integer(args[used - 1]))

    def cap(match_start: int, match_end: int, value: int) -> None:
        if (value & 0x7FFFFFFF) > LIMIT:
            out.append(fmt[start:match_start] + str(LIMIT))
        else:
            out.append(fmt[start:match_end])

    i, n = 0, len(fmt)
    while i < n:
        percent = fmt.find("%", i)
        if percent < 0:
            out.append(fmt[i:])
            break
        out.append(fmt[i:percent])
        i = percent + 1
        if i >= n:
            out.append("%")
            break
        start = percent  # the spec's text not yet written to ``out``
        c = fmt[i]
        while True:  # workerd's SQLite's flag loop, one character at a time
            if c in _FLAGS:
                pass
            elif c == "l":
                i += 1
                if i < n and fmt[i] == "l":
                    i += 1
                c = fmt[i] if i < n else ""
                break
            elif "1" <= c <= "9":
                value, after = _digits(fmt, i)
                cap(i, after, value)
                start, i = after, after
                c = fmt[i] if i < n else ""
                if c not in (".", "l"):
                    break
                i -= 1  # (the loop's step lands on the "." or "l")
            elif c == "*":
                index, given = take()
                width = (-given if given >= -2147483647 else 0) if given < 0 else given
                if index is not None and width > LIMIT:
                    args[index] = -LIMIT if given < 0 else LIMIT  # (negative: left-justified)
                if i + 1 >= n or fmt[i + 1] not in ".l":
                    i += 1
                    c = fmt[i] if i < n else ""
                    break
            elif c == ".":
                i += 1
                if i < n and fmt[i] == "*":
                    index, precision = take()
                    if precision < 0:
                        precision = -precision if precision >= -2147483647 else -1
                    if index is not None and precision > LIMIT:
                        args[index] = LIMIT
                    i += 1
                else:
                    value, after = _digits(fmt, i)
                    cap(i, after, value)
                    start, i = after, after
                c = fmt[i] if i < n else ""
                if c != "l":
                    break
                i -= 1
            else:
                break
            i += 1
            if i >= n:
                c = ""
                break
            c = fmt[i]
        # ``c`` is the conversion (at ``i``), or "" at the end of the format
        out.append(fmt[start:i + 1] if c else fmt[start:i])
        if c in _TAKE_ONE:
            used = min(used + 1, len(args))
        elif c not in _TAKE_NONE:
            out.append(fmt[i + 1:])  # (SQLite stops here: the rest is kept as it was, unread)
            break
        i += 1
    return "".join(out), args


def _sqlite_int64(value: Any) -> int:
    """``sqlite3_value_int64`` of an integer, a REAL (truncated, clamped) or NULL (0)."""
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return 0
        return max(-_INT64, min(_INT64 - 1, int(value))) if math.isfinite(value) else (
            _INT64 - 1 if value > 0 else -_INT64)
    return 0


def _as_integer(value: Any) -> int:
    if isinstance(value, (str, bytes)):  # (SQLite reads the number at its start)
        return int(linked("SELECT CAST(? AS INTEGER)", [value]))
    return _sqlite_int64(value)


def _printf(*args: Any) -> Any:
    if args and isinstance(args[0], str) and _MAY_NEED_CAP.search(args[0]):
        fmt, rest = capped(args[0], list(args[1:]), _as_integer)
        args = (fmt, *rest)
    try:
        return linked(_CALLS.get(len(args)) or _call(len(args)), list(args))
    except sqlite3.DataError as exc:  # (string or blob too big: SQLITE_TOOBIG, as from the built-in)
        raise OverflowError(str(exc)) from None


_CALLS: dict[int, str] = {}


def _call(count: int) -> str:
    sql = _CALLS[count] = f"SELECT printf({', '.join('?' * count)})"
    return sql


def install(conn: sqlite3.Connection) -> None:
    """``printf`` and ``format`` on ``conn`` with workerd's caps; the formatting is the linked
    SQLite's own (:func:`~workers_env.d1.newersql.linked`)."""
    for name in ("printf", "format"):
        conn.create_function(name, -1, _printf, deterministic=True)
