"""Values into and out of D1, as the binding and its storage treat them.

In: ``bind()`` takes numbers, strings, ``null``, booleans (as 1/0) and bytes (an
``ArrayBuffer``, a typed array, or an array of numbers 0-255); anything else is a
``D1_TYPE_ERROR``. A JS number is stored as a double (``typeof(?)`` is ``real``, an
``INTEGER`` column turns it back into an integer), NaN and Infinity travel as ``null``.
Out: numbers are JS numbers (whole ones arrive in Python as ``int`` up to 2**53 - 1),
BLOBs arrays of byte values, NaN/Infinity ``null``.
"""

from __future__ import annotations

import math
from itertools import compress, repeat
from collections.abc import Sequence
from typing import Any

from workers_env._jsvalues import JsDict
from workers_env.d1 import limits

__all__ = ["js_bind_value", "sqlite_param", "cell", "row_objects", "js_string"]

MAX_SAFE_INTEGER = 2**53 - 1


def js_string(value: Any, *, top: bool = True) -> str:
    """``String(value)`` of the JS value Python ``value`` becomes (for error texts)."""
    if value is None:
        return "null" if top else ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return str(int(value)) if value.is_integer() and abs(value) < 1e21 else repr(value)
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return ",".join(js_string(v, top=False) for v in value)
    return "[object Object]"


def _is_byte(value: Any) -> bool:
    return type(value) in (int, float) and 0 <= value < 256


def js_bind_value(value: Any) -> Any:
    """One ``bind()`` argument as the binding keeps it in ``statement.params``."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is bool:
        return 1 if value else 0
    if kind is int or kind is float or isinstance(value, (int, float)):
        if isinstance(value, int) and abs(value) > MAX_SAFE_INTEGER:  # Pyodide sends a BigInt
            raise limits.type_error("bigint", str(int(value)))
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):  # ArrayBuffer / typed array
        return list(bytes(value))
    if isinstance(value, list):
        if all(_is_byte(b) for b in value):
            return list(value)
        raise limits.type_error("object", js_string(value))
    if isinstance(value, dict):
        raise limits.type_error("object", "[object Object]")
    raise limits.type_error("object", str(value))


def sqlite_param(value: Any) -> Any:
    """A kept ``bind()`` value as SQLite receives it (a double, text, NULL or a BLOB)."""
    kind = type(value)
    if kind is int:
        return float(value)
    if kind is str or value is None:
        return value
    if kind is list:
        return bytes(int(b) for b in value)
    number = float(value)
    return number if math.isfinite(number) else None


def cell(value: Any) -> Any:
    """One SQLite value as Worker code receives it."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is int:
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return value
        return float(value)
    if kind is float:
        if value.is_integer() and abs(value) <= MAX_SAFE_INTEGER:
            return int(value)
        return value if math.isfinite(value) else None
    return list(value)  # BLOB


_TEXT_OR_NULL = {str, type(None)}


def _column_fixes(values: Sequence[Any]) -> list[tuple[int, Any]] | None:
    """``(row, value)`` for the cells of a column that change on the way to Worker code, found
    with C-level passes (``None``: convert the whole column one value at a time)."""
    kinds = set(map(type, values))
    if kinds <= _TEXT_OR_NULL:
        return []
    if kinds == {int}:
        if -MAX_SAFE_INTEGER <= min(values) and max(values) <= MAX_SAFE_INTEGER:
            return []
        return None
    if kinds == {float}:
        if math.inf in values or -math.inf in values:
            return None
        whole = compress(range(len(values)), map(float.is_integer, values))
        return [(j, int(v)) for j in whole if -MAX_SAFE_INTEGER <= (v := values[j]) <= MAX_SAFE_INTEGER]
    return None


def _fixes(rows: Sequence[tuple[Any, ...]]) -> list[tuple[int, list[tuple[int, Any]]]]:
    """Per column index, the ``(row, value)`` cells that change on the way to Worker code.

    Text, NULL and safe integers (most cells) pass unchanged; columns are checked with C-level
    passes, so only the cells that change cost Python work.
    """
    if len(rows) == 1:  # a point query: one pass over one row (cell() returns unchanged values as is)
        return [(i, [(0, c)]) for i, v in enumerate(rows[0]) if (c := cell(v)) is not v]
    out = []
    if rows:
        for i, values in enumerate(zip(*rows)):
            fixes = _column_fixes(values)
            if fixes is None:
                fixes = [(j, c) for j, v in enumerate(values) if (c := cell(v)) is not v]
            if fixes:
                out.append((i, fixes))
    return out


def row_objects(columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> list[JsDict]:
    """Rows as objects keyed by column (a repeated column name keeps its last value)."""
    objects = list(map(JsDict, map(zip, repeat(columns), rows)))
    fixes = _fixes(rows)
    if fixes:
        last = {name: i for i, name in enumerate(columns)}
        for i, cells in fixes:
            name = columns[i]
            if last[name] == i:  # an earlier column of the same name was overwritten anyway
                for j, value in cells:
                    objects[j][name] = value
    return objects


def row_lists(rows: Sequence[tuple[Any, ...]]) -> list[list[Any]]:
    """Rows as arrays (``raw()``)."""
    lists = list(map(list, rows))
    for i, cells in _fixes(rows):
        for j, value in cells:
            lists[j][i] = value
    return lists
