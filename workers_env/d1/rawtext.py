"""One statement run through SQLite's C API, for text Python's ``sqlite3`` cannot hand over.

A JavaScript string may hold a lone surrogate (``"\\ud800"``); V8 writes it to workerd's SQLite
as its three bytes (``ED A0 80``, what Python's ``"surrogatepass"`` encoding writes), which
SQLite keeps as they are: ``length()`` counts one character, ``hex()`` shows the bytes, and
they read back as three U+FFFD. Python's ``sqlite3`` takes only UTF-8, so a statement whose SQL
text or bound strings hold one is prepared, bound and stepped here instead, on the same
connection (its authorizer and functions apply), with SQLite's own calls through ``ctypes``.
Used only for such a statement run on its own; :func:`library` is ``None`` where the calls
cannot be found (the caller then falls back to U+FFFD in the text).
"""

from __future__ import annotations

import ctypes
import sqlite3
from dataclasses import dataclass
from typing import Any

__all__ = ["RawFailure", "RawResult", "library", "run"]

_ROW, _DONE = 100, 101
_INTEGER, _FLOAT, _TEXT, _BLOB = 1, 2, 3, 4
_TRANSIENT = ctypes.c_void_p(-1)  # SQLITE_TRANSIENT: SQLite copies the bytes


@dataclass(slots=True)
class RawResult:
    """What the statement gave: column names and rows (TEXT as workerd hands it to JavaScript)."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    changes: int  # sqlite3_changes() after it: the rows it wrote, if it wrote


class RawFailure(Exception):
    """SQLite's refusal: its message, extended result code and error offset (-1: none)."""

    def __init__(self, message: str, code: int, offset: int):
        super().__init__(message)
        self.message, self.code, self.offset = message, code, offset


class WrongParameterCount(Exception):
    """The statement has another number of parameters than values were given."""


def _load() -> Any:
    try:
        import _sqlite3

        lib = ctypes.PyDLL(_sqlite3.__file__)  # keeps the GIL: preparing calls the authorizer back
        p, i, i64, d = ctypes.c_void_p, ctypes.c_int, ctypes.c_int64, ctypes.c_double
        signatures = {
            "sqlite3_prepare_v2": ([p, ctypes.c_char_p, i, ctypes.POINTER(p), p], i),
            "sqlite3_bind_parameter_count": ([p], i),
            "sqlite3_bind_int64": ([p, i, i64], i),
            "sqlite3_bind_double": ([p, i, d], i),
            "sqlite3_bind_null": ([p, i], i),
            "sqlite3_bind_text": ([p, i, ctypes.c_char_p, i, p], i),
            "sqlite3_bind_blob": ([p, i, ctypes.c_char_p, i, p], i),
            "sqlite3_step": ([p], i),
            "sqlite3_column_count": ([p], i),
            "sqlite3_column_name": ([p, i], p),
            "sqlite3_column_type": ([p, i], i),
            "sqlite3_column_int64": ([p, i], i64),
            "sqlite3_column_double": ([p, i], d),
            "sqlite3_column_text": ([p, i], p),
            "sqlite3_column_blob": ([p, i], p),
            "sqlite3_column_bytes": ([p, i], i),
            "sqlite3_finalize": ([p], i),
            "sqlite3_errmsg": ([p], ctypes.c_char_p),
            "sqlite3_extended_errcode": ([p], i),
            "sqlite3_changes": ([p], i),
            "sqlite3_reset": ([p], i),
            "sqlite3_clear_bindings": ([p], i),
            "sqlite3_open_v2": ([ctypes.c_char_p, ctypes.POINTER(p), i, p], i),
            "sqlite3_limit": ([p, i, i], i),
            # application-defined functions (printflimit): arguments and results
            "sqlite3_create_function_v2": ([p, ctypes.c_char_p, i, i, p, p, p, p, p], i),
            "sqlite3_value_type": ([p], i),
            "sqlite3_value_int64": ([p], i64),
            "sqlite3_value_double": ([p], d),
            "sqlite3_value_text": ([p], ctypes.c_char_p),  # (to its first NUL)
            "sqlite3_value_blob": ([p], p),
            "sqlite3_value_bytes": ([p], i),
            "sqlite3_bind_value": ([p, i, p], i),
            "sqlite3_column_value": ([p, i], p),
            "sqlite3_result_value": ([p, p], None),
            "sqlite3_result_text": ([p, ctypes.c_char_p, i, p], None),
            "sqlite3_result_null": ([p], None),
            "sqlite3_result_error": ([p, ctypes.c_char_p, i], None),
            "sqlite3_result_error_code": ([p, i], None),
            "sqlite3_result_error_toobig": ([p], None),
            "sqlite3_result_error_nomem": ([p], None),
        }
        for name, (argtypes, restype) in signatures.items():
            function = getattr(lib, name)
            function.argtypes, function.restype = argtypes, restype
    except (ImportError, OSError, AttributeError):
        return None
    try:
        offset = lib.sqlite3_error_offset
        offset.argtypes, offset.restype = [p], i
    except AttributeError:  # (SQLite before 3.38: no offsets)
        setattr(lib, "sqlite3_error_offset", lambda _handle: -1)  # noqa: B010
    return lib


_LIB = _load()


def library() -> Any:
    """SQLite's C calls as ``sqlite3`` links them, or ``None``."""
    return _LIB


def _text(pointer: int | None, size: int) -> str:
    return ctypes.string_at(pointer, size).decode("utf-8", "replace") if pointer else ""


def _fail(handle: int) -> RawFailure:
    message = (_LIB.sqlite3_errmsg(handle) or b"").decode("utf-8", "replace")
    return RawFailure(message, int(_LIB.sqlite3_extended_errcode(handle)), int(_LIB.sqlite3_error_offset(handle)))


def _bind(statement: int, index: int, value: Any) -> int:
    if value is None:
        return _LIB.sqlite3_bind_null(statement, index)
    if isinstance(value, bool) or isinstance(value, int):
        return _LIB.sqlite3_bind_int64(statement, index, int(value))
    if isinstance(value, float):
        return _LIB.sqlite3_bind_double(statement, index, value)
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        return _LIB.sqlite3_bind_text(statement, index, data, len(data), _TRANSIENT)
    data = bytes(value)
    return _LIB.sqlite3_bind_blob(statement, index, data, len(data), _TRANSIENT)


def _cell(statement: int, column: int) -> Any:
    kind = _LIB.sqlite3_column_type(statement, column)
    if kind == _INTEGER:
        return int(_LIB.sqlite3_column_int64(statement, column))
    if kind == _FLOAT:
        return float(_LIB.sqlite3_column_double(statement, column))
    if kind == _TEXT:
        pointer = _LIB.sqlite3_column_text(statement, column)
        return _text(pointer, _LIB.sqlite3_column_bytes(statement, column))
    if kind == _BLOB:
        pointer = _LIB.sqlite3_column_blob(statement, column)
        size = _LIB.sqlite3_column_bytes(statement, column)
        return ctypes.string_at(pointer, size) if pointer else b""
    return None


def run(handle: int, sql: str, params: tuple[Any, ...] | list[Any], *, steps: int | None = None) -> RawResult:
    """``sql`` (one statement) prepared on the connection ``handle``, ``params`` bound by
    position (D1 binds the n-th value to parameter n, named ones by their order), stepped to
    its end (or ``steps`` times at most). :class:`RawFailure` if SQLite refuses it,
    :class:`WrongParameterCount` before anything runs if the values do not match its parameters."""
    data = sql.encode("utf-8", "surrogatepass")
    statement = ctypes.c_void_p()
    if _LIB.sqlite3_prepare_v2(handle, data, len(data), ctypes.byref(statement), None):
        raise _fail(handle)
    try:
        if not statement.value:  # (nothing but comments: SQLite prepares no statement)
            return RawResult([], [], 0)
        stmt = statement.value
        if _LIB.sqlite3_bind_parameter_count(stmt) != len(params):
            raise WrongParameterCount
        for index, value in enumerate(params, start=1):
            if _bind(stmt, index, value):
                raise _fail(handle)
        count = _LIB.sqlite3_column_count(stmt)
        columns = [_text(name, len(ctypes.string_at(name))) if (name := _LIB.sqlite3_column_name(stmt, i)) else ""
                   for i in range(count)]
        rows = []
        while steps is None or steps > 0:
            steps = None if steps is None else steps - 1
            step = _LIB.sqlite3_step(stmt)
            if step == _ROW:
                rows.append(tuple(_cell(stmt, i) for i in range(count)))
            elif step == _DONE:
                break
            else:
                raise _fail(handle)
        return RawResult(columns, rows, int(_LIB.sqlite3_changes(handle)))
    finally:
        _LIB.sqlite3_finalize(statement)


def code_names() -> dict[int, str]:
    """Extended result codes by value, as ``sqlite3`` names them (``SQLITE_CONSTRAINT_UNIQUE``)."""
    primary = {"SQLITE_" + name for name in (
        "ERROR INTERNAL PERM ABORT BUSY LOCKED NOMEM READONLY INTERRUPT IOERR CORRUPT NOTFOUND FULL CANTOPEN "
        "PROTOCOL EMPTY SCHEMA TOOBIG CONSTRAINT MISMATCH MISUSE NOLFS AUTH FORMAT RANGE NOTADB NOTICE WARNING"
    ).split()}
    return {value: name for name in dir(sqlite3)
            if isinstance(value := getattr(sqlite3, name), int) and value > 255
            and any(name.startswith(p + "_") for p in primary)}
