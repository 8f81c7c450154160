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
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import compress, repeat
from math import hypot, isfinite
from operator import is_not, setitem
from typing import Any

from workers_env._deep import python_str
from workers_env._jsvalues import (
    UNDEFINED,
    BigInt,
    JsDict,
    JsLiteralMapArgument,
    JsMapArgument,
    base_value,
    is_safe_int,
    js_key_order,
    js_string,
    refuse_symbol,
)
from workers_env.d1 import limits

__all__ = ["ColumnNames", "js_bind_value", "sqlite_param", "bind_values", "cell", "row_object", "row_objects", "row_lists", "in_object_order"]

MAX_SAFE_INTEGER = 2**53 - 1
_MIN_SAFE_INTEGER = -MAX_SAFE_INTEGER  # (named: ``-MAX_SAFE_INTEGER`` in a check makes a new int every time)


def _is_byte(value: Any) -> bool:
    return type(value) in (int, float) and 0 <= value < 256


def js_bind_value(value: Any) -> Any:
    """One ``bind()`` argument as the binding keeps it in ``statement.params``."""
    if value is UNDEFINED:  # a Python None handed to the raw binding (the built-in SDK era)
        raise limits.type_error("undefined", "undefined")
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is bool:
        return 1 if value else 0
    if isinstance(value, BigInt):  # a JsBigInt (Pyodide 0.29 on) goes to JavaScript as a BigInt, whatever its size
        raise limits.type_error("bigint", str(int.__index__(value)))
    if isinstance(value, (str, int, float)):
        value = base_value(value)  # a subclass (a (str, Enum) member, np.float64) crosses as its base value
        if isinstance(value, int) and not is_safe_int(value):  # Pyodide sends a BigInt (2**53 - 1 too)
            raise limits.type_error("bigint", str(value))
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):  # ArrayBuffer / typed array
        return list(bytes(value))
    if isinstance(value, list):
        if all(_is_byte(b) for b in value):
            return list(value)
        raise limits.type_error("object", js_string(value))
    if isinstance(value, dict):  # String() of it: a Map's tag is Map (to_js without dict_converter)
        tag = "Map" if isinstance(value, (JsMapArgument, JsLiteralMapArgument)) else "Object"
        raise limits.type_error("object", f"[object {tag}]")
    refuse_symbol(value)  # d1-api.ts's `${value}` in its D1_TYPE_ERROR text is V8's ToString of a Symbol
    # a function (js.fetch, a create_proxy of a Python one) is typeof "function", as d1-api.ts reads it
    raise limits.type_error("function" if callable(value) else "object", python_str(value))


def sqlite_param(value: Any) -> Any:
    """A kept ``bind()`` value as SQLite receives it (a double, text, NULL or a BLOB)."""
    kind = type(value)
    if kind is int:
        return float(value)
    if kind is str or value is None:
        return value
    if kind is list:
        try:  # js_bind_value's bytes of a buffer (ints 0-255): one C pass, not a Python one a byte
            return bytes(value)  # (an 8 MiB blob took seconds)
        except TypeError:  # a float among a list's bytes: truncated, as before
            return bytes(int(b) for b in value)
    number = float(value)
    return number if math.isfinite(number) else None


def bind_values(values: Sequence[Any]) -> tuple[list[Any], tuple[Any, ...]]:
    """``bind()``'s arguments as the statement keeps them (``params``) and as SQLite receives
    them: :func:`js_bind_value` and :func:`sqlite_param` of each (numbers, text and nulls, the
    common values, in one pass that keeps them as they are)."""
    sent: list[Any] = []
    for value in values:  # the common values, kept as they are (one append each)
        kind = type(value)
        if kind is str or value is None:
            sent.append(value)
        elif kind is float:
            sent.append(value if isfinite(value) else None)
        elif kind is int and _MIN_SAFE_INTEGER < value < MAX_SAFE_INTEGER:  # (2**53 - 1 crosses as a BigInt)
            sent.append(float(value))
        else:
            break
    else:
        return list(values), tuple(sent)
    kept = list(map(js_bind_value, values))  # (refuses the first value D1 refuses)
    return kept, tuple(map(sqlite_param, kept))


def cell(value: Any) -> Any:
    """One SQLite value as Worker code receives it."""
    kind = type(value)
    if kind is str or value is None:
        return value
    if kind is int:
        if _MIN_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return value
        return float(value)
    if kind is float:
        if value.is_integer() and abs(value) <= MAX_SAFE_INTEGER:
            return int(value)
        return value if math.isfinite(value) else None
    return list(value)  # BLOB


_TEXT_OR_NULL = {str, type(None)}
_SHORT_TEXT = 128
_NEW_DICT_ROOM = 5  # keys a new dict holds before it grows (CPython's PyDict_MINSIZE 8, 2/3 full)
_SAFE_BITS = MAX_SAFE_INTEGER.bit_length()
# ``hypot`` of a column is at least its largest magnitude (and not finite if a value is not):
# up to 2**52 (far inside the safe range, whatever its rounding) every value is finite and safe.
_SAFE_HYPOT = float(2**52)

# A column's changes: a mask of the rows whose cell changes and their new values, in row order.
Fix = tuple[list[bool], list[Any]]


def _cell_fixes(values: Sequence[Any]) -> Fix | None:
    """The reference path: :func:`cell` on every value (``None``: nothing changes)."""
    new = list(map(cell, values))
    mask = list(map(is_not, new, values))
    return (mask, list(compress(new, mask))) if True in mask else None


def _column_fixes(values: Sequence[Any]) -> Fix | None:
    """The cells of a column that change on the way to Worker code, found with C-level passes.

    The column is typed by its first cell: text (``"".join`` takes it), integers (``sum``
    stays an ``int`` and ``hypot`` bounds their size) and REALs (whole ones arrive as ``int``)
    pass without a Python call per cell. A pass meets a cell of another type with
    ``TypeError``: such a column (and any holding Infinity, unsafe integers or BLOBs) takes
    :func:`_cell_fixes`, unless it is only text and NULL.
    """
    kind = type(values[0])
    try:
        if kind is str:
            if len(values[0]) <= _SHORT_TEXT:  # copying short texts is cheaper than typing them
                "".join(values)
                return None
            if set(map(type, values)) <= _TEXT_OR_NULL:
                return None
            return _cell_fixes(values)
        if kind is int:
            if type(sum(values)) is int and (
                hypot(*values) <= _SAFE_HYPOT or max(map(int.bit_length, values)) <= _SAFE_BITS
            ):
                return None
        elif kind is float:
            mask = list(map(float.is_integer, values))
            if hypot(*values) <= _SAFE_HYPOT:  # all finite (SQLite stores NaN as NULL), all safe
                return (mask, list(map(int, compress(values, mask)))) if True in mask else None
            if isfinite(sum(values)):
                if True not in mask:
                    return None
                whole = list(compress(values, mask))
                if -MAX_SAFE_INTEGER <= min(whole) and max(whole) <= MAX_SAFE_INTEGER:
                    return mask, list(map(int, whole))
    except (TypeError, OverflowError):  # a cell of another type; an integer beyond any float
        pass
    if set(map(type, values)) <= _TEXT_OR_NULL:
        return None
    return _cell_fixes(values)


def _last_columns(columns: Sequence[str]) -> list[tuple[int, str]]:
    """``(index, name)`` of each column whose value a row object keeps (a name's last column)."""
    last = {name: i for i, name in enumerate(columns)}
    return [(i, name) for i, name in enumerate(columns) if last[name] == i]


@lru_cache(maxsize=None)
def _row_filler(width: int) -> Callable[..., list[JsDict]]:
    """``fill(rows, template, *columns)``: one object per row, its cells stored in column order.

    A ``JsDict`` filled by one store per cell in straight-line code is the cheapest row object
    CPython builds (a template copy plus ``setitem`` passes, or a ``dict`` from ``zip``, cost
    more); rows wider than a new dict's room start as a copy of ``template`` (the column names
    as keys), which spares the stores growing the table. The code is generated once per row
    width, as ``collections.namedtuple`` does; it holds only generated names (``k0``, ``v0``,
    ...): the column names arrive as arguments.
    """
    keys = ", ".join(f"k{i}" for i in range(width))
    cells = "".join(f"v{i}, " for i in range(width))
    stores = "; ".join(f"o[k{i}] = v{i}" for i in range(width))
    new = "JsDict()" if width <= _NEW_DICT_ROOM else "JsDict(template)"
    source = (
        f"def fill(rows, template, {keys}):\n"
        "    out = []\n"
        "    append = out.append\n"
        f"    for {cells}in rows:\n"
        f"        o = {new}; {stores}\n"
        "        append(o)\n"
        "    return out\n"
    )
    namespace: dict[str, Any] = {"JsDict": JsDict}
    exec(source, namespace)  # noqa: S102 - generated from the width alone
    return namespace["fill"]


class ColumnNames(tuple):  # type: ignore[type-arg]
    """A result's column names as the D1 core keeps them while a query repeats (one object for
    every result of that shape), with ``in_own_order``: whether a JavaScript object lists them
    in their own order (:func:`_object_order`'s first question, asked once: ``min()`` of a point
    query's names cost it more than its cells)."""

    in_own_order: bool

    def __new__(cls, names: Iterable[str]) -> ColumnNames:
        self = super().__new__(cls, names)
        self.in_own_order = not self or min(self) >= ":"
        return self


def row_object(columns: Sequence[str], row: Sequence[Any]) -> JsDict:
    """One row as an object (a point query's ``first()``): :func:`cell` of each value, inlined
    (one call per value would be most of the row's cost), keys in a JavaScript object's order."""
    obj = JsDict()
    for name, value in zip(columns, row):
        kind = type(value)
        if kind is float:
            if value.is_integer():
                if _MIN_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
                    value = int(value)
            elif not isfinite(value):
                value = None
        elif kind is int:
            if not _MIN_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
                value = float(value)
        elif kind is not str and value is not None:
            value = list(value)  # BLOB
        obj[name] = value  # a repeated name keeps its last value, in its first place
    if columns.in_own_order if type(columns) is ColumnNames else min(columns) >= ":":
        return obj
    return in_object_order(columns, obj)


def row_objects(columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> list[JsDict]:
    """Rows as objects keyed by column, in column order (a repeated name keeps its last value).

    Rows are filled as SQLite returns them (:func:`_row_filler`), then the cells that change
    on the way to Worker code are replaced, column by column (:func:`_column_fixes`).
    """
    if len(rows) <= 1:  # a point query: cell() on each value of its row
        return [row_object(columns, row) for row in rows]
    template = dict.fromkeys(columns)
    objects = _row_filler(len(columns))(rows, template, *columns)
    if columns:
        values = list(zip(*rows))
        for i, name in enumerate(columns) if len(template) == len(columns) else _last_columns(columns):
            fix = _column_fixes(values[i])
            if fix is not None:
                deque(map(setitem, compress(objects, fix[0]), repeat(name), fix[1]), 0)
    order = _object_order(columns)
    if order is not None:
        return [JsDict({name: row[name] for name in order}) for row in objects]
    return objects


def _object_order(columns: Sequence[str]) -> list[str] | None:
    """The order a JavaScript object built from ``columns`` lists its keys in, when it is not
    the columns' own: array-index names (``"1"``, ``"2"``) first, ascending."""
    if not columns or min(columns) >= ":":  # (every point query asks: no name starts with an ASCII digit)
        return None
    order = js_key_order(columns)
    return None if order == list(dict.fromkeys(columns)) else order


def in_object_order(columns: Sequence[str], row: JsDict) -> JsDict:
    """``row`` (one object of ``columns``) with its keys in a JavaScript object's order."""
    order = _object_order(columns)
    return row if order is None else JsDict({name: row[name] for name in order})


def row_lists(rows: Sequence[tuple[Any, ...]]) -> list[list[Any]]:
    """Rows as arrays (``raw()``)."""
    if len(rows) <= 1:
        return [list(map(cell, row)) for row in rows]
    lists = list(map(list, rows))
    for i, values in enumerate(zip(*rows)):
        fix = _column_fixes(values)
        if fix is not None:
            deque(map(setitem, compress(lists, fix[0]), repeat(i), fix[1]), 0)
    return lists
