"""``printf()``/``format()`` as workerd's SQLite build runs them: widths and precisions capped.

workerd compiles SQLite with ``SQLITE_PRINTF_PRECISION_LIMIT=100000`` (its
``build/BUILD.sqlite3``): a field width or precision above 100,000 -- written in the format
or taken from an argument by ``*`` -- is 100,000 (``printf('%.*c', 8388643, 'x')`` is 100,000
characters under wrangler), where a SQLite built without it makes the 8,388,643 the value
length limit refuses (``string or blob too big``). SQLite has no run-time setting for it, so
:func:`install` puts a function of the same name in front of the built-in one: it caps what the
limit caps, following workerd's SQLite's format parser (``sqlite3_str_vappendf``, 3.54), and
hands the call to the linked SQLite's own ``printf`` on a connection of its own, so every
conversion stays that SQLite's (a call costs about 10 µs, the built-in's 0.5), but for a
format that writes nothing: ``''`` as workerd's, where the linked one gives NULL.
"""

from __future__ import annotations

import ctypes
import re
import sqlite3
import threading
from collections.abc import Callable
from typing import Any

from workers_env.d1.rawtext import library

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


_NULL = 5
_SQLITE_OK, _ROW, _TOOBIG, _NOMEM = 0, 100, 18, 7
_UTF8, _DETERMINISTIC, _INNOCUOUS = 1, 0x800, 0x200000
_TRANSIENT = ctypes.c_void_p(-1)  # SQLITE_TRANSIENT: SQLite copies the bytes


class _Formatter:
    """The linked SQLite's own ``printf`` on a private connection, handed the call's SQLite
    values as they are (``sqlite3_bind_value``: TEXT that is not UTF-8 too, which Python's
    ``sqlite3`` would refuse), its answer handed back the same way."""

    def __init__(self, lib: Any):
        self._lib = lib
        self._lock = threading.Lock()
        self._handle: int | None = None
        self._statements: dict[int, int] = {}

    def _statement(self, count: int) -> tuple[int, int]:
        lib = self._lib
        if self._handle is None:
            handle = ctypes.c_void_p()
            if lib.sqlite3_open_v2(b":memory:", ctypes.byref(handle), 0x02 | 0x04, None) != _SQLITE_OK \
                    or not handle.value:
                raise MemoryError
            self._handle = handle.value
        statement = self._statements.get(count)
        if statement is None:
            sql = f"SELECT printf({', '.join('?' * count)})".encode()
            pointer = ctypes.c_void_p()
            if lib.sqlite3_prepare_v2(self._handle, sql, len(sql), ctypes.byref(pointer), None) != _SQLITE_OK \
                    or not pointer.value:
                raise MemoryError
            statement = self._statements[count] = pointer.value
        return self._handle, statement

    def call(self, context: int, count: int, values: Any) -> None:
        """``printf`` of the ``count`` values at ``values``, as the result of ``context``."""
        lib = self._lib
        fmt = None
        given = count > 0 and lib.sqlite3_value_type(values[0]) != _NULL
        if given:  # (a BLOB's or number's text too)
            fmt = _format_text(lib.sqlite3_value_text(values[0]))  # (to a NUL: where printf stops)
        replaced: dict[int, int] = {}
        if fmt is not None and _MAY_NEED_CAP.search(fmt):
            indexes = list(range(1, count))
            text, rest = capped(fmt, indexes, lambda i: int(lib.sqlite3_value_int64(values[i])))
            replaced = {i: v for i, v in zip(indexes, rest) if v != i}  # (a cap: ±100,000)
            fmt = text
        else:
            fmt = None
        bind_value = lib.sqlite3_bind_value
        with self._lock:
            handle, statement = self._statement(count)
            try:
                for index in range(count):
                    if index in replaced:
                        lib.sqlite3_bind_int64(statement, index + 1, replaced[index])
                    else:
                        bind_value(statement, index + 1, values[index])
                if fmt is not None:
                    data = fmt.encode("utf-8", "surrogateescape")
                    lib.sqlite3_bind_text(statement, 1, data, len(data), _TRANSIENT)
                if lib.sqlite3_step(statement) == _ROW:
                    if given and lib.sqlite3_column_type(statement, 0) == _NULL:
                        # nothing written: NULL from the linked SQLite, '' from workerd's
                        # (wrangler 4.164.0: printf(''), printf('%T', 5))
                        lib.sqlite3_result_text(context, b"", 0, _TRANSIENT)
                    else:
                        lib.sqlite3_result_value(context, lib.sqlite3_column_value(statement, 0))
                    return
                code = lib.sqlite3_reset(statement) & 0xFF
                if code == _TOOBIG:
                    lib.sqlite3_result_error_toobig(context)
                elif code == _NOMEM:
                    lib.sqlite3_result_error_nomem(context)
                else:
                    lib.sqlite3_result_error(context, lib.sqlite3_errmsg(handle), -1)
            finally:
                lib.sqlite3_reset(statement)


def _format_text(data: bytes | None) -> str:
    return (data or b"").decode("utf-8", "surrogateescape")  # (any byte kept as it is)


_CALLBACK = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p))


def _make_callback(lib: Any) -> Any:
    formatter = _Formatter(lib)

    def call(context: int, count: int, values: Any) -> None:
        try:
            formatter.call(context, count, values)
        except MemoryError:
            lib.sqlite3_result_error_nomem(context)
        except BaseException as exc:  # (never through a C callback: it would be lost)  # noqa: BLE001
            lib.sqlite3_result_error(context, f"printf: {exc!r}".encode("utf-8", "replace"), -1)

    return _CALLBACK(call)


_CALLBACKS: dict[int, Any] = {}  # (kept alive: SQLite holds only the C pointer)


def install(handle: int | None) -> bool:
    """``printf`` and ``format`` on the connection ``handle`` (an ``sqlite3*``) with workerd's
    caps; the formatting is the linked SQLite's own. ``False`` if SQLite's C calls cannot be
    reached (no handle, no ``ctypes`` access): the built-in ones stay, uncapped."""
    lib = library()
    if handle is None or lib is None:
        return False
    callback = _CALLBACKS.get(0)
    if callback is None:
        callback = _CALLBACKS[0] = _make_callback(lib)
    flags = _UTF8 | _DETERMINISTIC | (_INNOCUOUS if sqlite3.sqlite_version_info >= (3, 31) else 0)
    for name in (b"printf", b"format"):
        if lib.sqlite3_create_function_v2(handle, name, -1, flags, None, callback, None, None, None) != _SQLITE_OK:
            return False
    return True
