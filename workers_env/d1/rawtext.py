"""SQLite's C API through ``ctypes``, for text Python's ``sqlite3`` cannot hand over.

A JavaScript string may hold a lone surrogate (``"\\ud800"``); V8 writes it to workerd's SQLite
as its three bytes (``ED A0 80``, what Python's ``"surrogatepass"`` encoding writes), which
SQLite keeps as they are: ``length()`` counts one character, ``hex()`` shows the bytes, and
they read back as three U+FFFD. Python's ``sqlite3`` takes only UTF-8, so a query whose SQL
text or bound strings hold one has its statements prepared, bound and stepped here instead
(:func:`run`), on the same connection (its authorizer and functions apply); and the functions
workers-env writes in Python for an older SQLite are made here (:func:`create_function`,
:func:`create_aggregate`), so such TEXT reaches them too, where ``sqlite3`` would fail the call.
:func:`library` is ``None`` where the calls cannot be found (the callers then fall back to
``sqlite3`` and to U+FFFD in the text).
"""

from __future__ import annotations

import ctypes
import sqlite3
from dataclasses import dataclass
from typing import Any

__all__ = ["RawFailure", "RawResult", "WrongParameterCount", "code_names", "create_aggregate", "create_function",
           "library", "run"]

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
            "sqlite3_result_blob": ([p, ctypes.c_char_p, i, p], None),
            "sqlite3_result_int64": ([p, i64], None),
            "sqlite3_result_double": ([p, d], None),
            "sqlite3_aggregate_context": ([p, i], p),
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
    if isinstance(value, int):  # (a bool too)
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


# -- functions written in Python, called by SQLite with its values as they are --------------

_UTF8, _DETERMINISTIC = 1, 0x800
_SCALAR = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_void_p))
_FINAL = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
# The C callbacks made, one per Python function (or aggregate class) for every connection:
# SQLite holds only their pointers, so they live as long as the process.
_CALLBACKS: dict[Any, Any] = {}
_GROUPS: dict[int, Any] = {}  # an aggregate's state per group, by the key kept in its context
_KEYS = iter(range(1, 2**62))


def _argument(pointer: int) -> Any:
    """An SQLite value as Python's ``sqlite3`` gives it, but TEXT that is not UTF-8 too: each
    byte of an invalid sequence as a surrogate escape (``"\\udced"``), so it goes back as it came."""
    kind = _LIB.sqlite3_value_type(pointer)
    if kind == _INTEGER:
        return int(_LIB.sqlite3_value_int64(pointer))
    if kind == _FLOAT:
        return float(_LIB.sqlite3_value_double(pointer))
    if kind == _TEXT:
        data = _LIB.sqlite3_value_blob(pointer)  # (the text's bytes, NULs included)
        return ctypes.string_at(data, _LIB.sqlite3_value_bytes(pointer)).decode("utf-8", "surrogateescape") \
            if data else ""
    if kind == _BLOB:
        data = _LIB.sqlite3_value_blob(pointer)
        return ctypes.string_at(data, _LIB.sqlite3_value_bytes(pointer)) if data else b""
    return None


def _result(context: int, value: Any) -> None:
    if value is None:
        _LIB.sqlite3_result_null(context)
    elif isinstance(value, str):
        try:
            data = value.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            data = value.encode("utf-8", "surrogatepass")
        _LIB.sqlite3_result_text(context, data, len(data), _TRANSIENT)
    elif isinstance(value, bool | int):
        _LIB.sqlite3_result_int64(context, int(value))
    elif isinstance(value, float):
        _LIB.sqlite3_result_double(context, value)
    else:
        data = bytes(value)
        _LIB.sqlite3_result_blob(context, data, len(data), _TRANSIENT)


def _failed(context: int, error: BaseException, message: bytes) -> None:
    """A Python error as Python's ``sqlite3`` reports one from a function (its texts)."""
    if isinstance(error, MemoryError):
        _LIB.sqlite3_result_error_nomem(context)
    elif isinstance(error, OverflowError):
        _LIB.sqlite3_result_error_toobig(context)
    else:
        _LIB.sqlite3_result_error(context, message, -1)


def create_function(handle: int, name: str, count: int, function: Any) -> bool:
    """``function`` as SQLite's deterministic ``name`` of ``count`` arguments on the connection
    ``handle``, as ``sqlite3``'s ``create_function`` makes one, except that TEXT that is not UTF-8
    reaches it (and leaves it) as surrogate escapes instead of failing the call. ``False`` if
    SQLite refuses."""
    callback = _CALLBACKS.get(function)
    if callback is None:

        def call(context: int, argc: int, values: Any) -> None:
            try:
                _result(context, function(*[_argument(values[i]) for i in range(argc)]))
            except BaseException as error:  # (never through a C callback)  # noqa: BLE001
                _failed(context, error, b"user-defined function raised exception")

        callback = _CALLBACKS[function] = _SCALAR(call)
    return _LIB.sqlite3_create_function_v2(handle, name.encode(), count, _UTF8 | _DETERMINISTIC, None,
                                           callback, None, None, None) == 0


def create_aggregate(handle: int, name: str, count: int, kind: Any) -> bool:
    """:func:`create_function` of an aggregate: ``kind()`` per group, its ``step(*values)`` per
    row and ``finalize()`` for the result, as ``sqlite3``'s ``create_aggregate``."""
    callbacks = _CALLBACKS.get(kind)
    if callbacks is None:
        callbacks = _CALLBACKS[kind] = _aggregate_callbacks(kind)
    return _LIB.sqlite3_create_function_v2(handle, name.encode(), count, _UTF8, None, None,
                                           callbacks[0], callbacks[1], None) == 0


def _aggregate_callbacks(kind: Any) -> tuple[Any, Any]:
    def group(context: int, make: bool) -> tuple[Any, Any]:
        slot = _LIB.sqlite3_aggregate_context(context, 8 if make else 0)
        if not slot:
            return None, kind()  # (finalize of a group with no row, or no memory)
        cell = ctypes.c_int64.from_address(slot)
        if cell.value == 0:
            cell.value = next(_KEYS)
            _GROUPS[cell.value] = kind()
        return cell, _GROUPS[cell.value]

    def step(context: int, argc: int, values: Any) -> None:
        try:
            _cell, state = group(context, True)
            state.step(*[_argument(values[i]) for i in range(argc)])
        except BaseException as error:  # noqa: BLE001
            _failed(context, error, b"user-defined aggregate's 'step' method raised error")

    def final(context: int) -> None:
        cell = None
        try:
            cell, state = group(context, False)
            _result(context, state.finalize())
        except BaseException as error:  # noqa: BLE001
            _failed(context, error, b"user-defined aggregate's 'finalize' method raised error")
        finally:
            if cell is not None:
                _GROUPS.pop(cell.value, None)

    return _SCALAR(step), _FINAL(final)
