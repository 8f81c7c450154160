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
from collections import deque
from collections.abc import Sequence
from itertools import compress, repeat
from operator import is_not, setitem
from typing import Any

from workers_env._jsvalues import JsDict, js_string
from workers_env.d1 import limits

__all__ = ["js_bind_value", "sqlite_param", "cell", "row_objects"]

MAX_SAFE_INTEGER = 2**53 - 1


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
_SAFE_BITS = MAX_SAFE_INTEGER.bit_length()

# A column's changes: a mask of the rows whose cell changes and their new values, in row order.
Fix = tuple[list[bool], list[Any]]


def _cell_fixes(values: Sequence[Any]) -> Fix | None:
    """The reference path: :func:`cell` on every value (``None``: nothing changes)."""
    new = list(map(cell, values))
    mask = list(map(is_not, new, values))
    return (mask, list(compress(new, mask))) if True in mask else None


def _column_fixes(values: Sequence[Any]) -> Fix | None:
    """The cells of a column that change on the way to Worker code, found with C-level passes.

    Text, NULL and safe integers (most cells) pass unchanged; a REAL column changes where a
    value is a whole number (it arrives as ``int``). A pass over a column of the first value's
    type raises ``TypeError`` at a cell of another type: such a column (and any column holding
    Infinity, unsafe integers or BLOBs) takes :func:`_cell_fixes`.
    """
    kind = type(values[0])
    try:
        if kind is int:  # bit_length <= 53: within +-(2**53 - 1)
            if max(map(int.bit_length, values)) <= _SAFE_BITS:
                return None
        elif kind is float:
            mask = list(map(float.is_integer, values))
            if math.isfinite(sum(values)):  # no Infinity (SQLite stores NaN as NULL)
                if True not in mask:
                    return None
                whole = list(compress(values, mask))
                if -MAX_SAFE_INTEGER <= min(whole) and max(whole) <= MAX_SAFE_INTEGER:
                    return mask, list(map(int, whole))
        elif set(map(type, values)) <= _TEXT_OR_NULL:
            return None
    except TypeError:  # a cell of another type
        pass
    return _cell_fixes(values)


def _fixes(rows: Sequence[tuple[Any, ...]]) -> list[tuple[int, Fix]]:
    """Per column index, the cells that change on the way to Worker code (see :data:`Fix`)."""
    if len(rows) == 1:  # a point query: one pass over one row (cell() returns unchanged values as is)
        return [(i, ([True], [c])) for i, v in enumerate(rows[0]) if (c := cell(v)) is not v]
    out = []
    if rows:
        for i, values in enumerate(zip(*rows)):
            fix = _column_fixes(values)
            if fix is not None:
                out.append((i, fix))
    return out


def row_objects(columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> list[JsDict]:
    """Rows as objects keyed by column (a repeated column name keeps its last value).

    Each object is a copy of one template (its keys in column order, copied in C), filled
    column by column from the transposed rows that the number checks need anyway.
    """
    if len(rows) <= 1:
        objects = list(map(JsDict, map(zip, repeat(columns), rows)))
        return _patched(objects, columns, _fixes(rows))
    objects = list(map(JsDict, repeat(dict.fromkeys(columns), len(rows))))
    last = {name: i for i, name in enumerate(columns)}
    for i, values in enumerate(zip(*rows)):
        name = columns[i]
        if last[name] == i:  # an earlier column of the same name is overwritten anyway
            deque(map(setitem, objects, repeat(name), values), 0)
            fix = _column_fixes(values)
            if fix is not None:
                deque(map(setitem, compress(objects, fix[0]), repeat(name), fix[1]), 0)
    return objects


def _patched(objects: list[JsDict], columns: Sequence[str], fixes: list[tuple[int, Fix]]) -> list[JsDict]:
    if fixes:
        last = {name: i for i, name in enumerate(columns)}
        for i, (mask, new) in fixes:
            name = columns[i]
            if last[name] == i:  # an earlier column of the same name was overwritten anyway
                deque(map(setitem, compress(objects, mask), repeat(name), new), 0)
    return objects


def row_lists(rows: Sequence[tuple[Any, ...]]) -> list[list[Any]]:
    """Rows as arrays (``raw()``)."""
    lists = list(map(list, rows))
    for i, (mask, new) in _fixes(rows):
        deque(map(setitem, compress(lists, mask), repeat(i), new), 0)
    return lists
