"""Shaping what a query returns beyond ids and scores: ``returnMetadata: "indexed"``."""

from __future__ import annotations

from typing import Any

from workers_env.vectorize.core import KIND_BOOL, KIND_NUMBER, KIND_STRING, Column
from workers_env.vectorize.index import Index, property_path

__all__ = ["indexed_metadata"]


def _indexed_value(column: Column, row: int) -> tuple[bool, Any]:
    """``(True, value)`` if ``row`` is in the metadata index ``column``, else ``(False, None)``."""
    kind = int(column.kind[row])
    if kind == KIND_STRING:
        return True, column.strings[int(column.code[row])]
    if kind == KIND_NUMBER:
        return True, float(column.num[row])
    if kind == KIND_BOOL:
        return True, bool(column.num[row])
    return False, None


def indexed_metadata(index: Index, row: int) -> dict[str, Any]:
    """``returnMetadata: "indexed"``: only the properties in a metadata index, as indexed.

    What comes back is what a filter sees: strings cut to their first 64 UTF-8 bytes,
    numbers as float64, and nothing from an index the vector was written before. Properties
    the vector does not hold (or holds with another type) are left out, and a vector with
    no indexed property gets ``{}``.

    A dotted property (``"a.b"``) comes back nested (``{"a": {"b": ...}}``), in the shape of
    the metadata it was read from [D: the service's shape is undocumented]. Two indexes can
    never both write the same place: ``"a"`` holds a value only when ``a`` is a scalar, and
    ``"a.b"`` only when ``a`` is an object.
    """
    out: dict[str, Any] = {}
    for name, mi in index.metadata_indexes.items():
        column = index.core.column(property_path(name), type_=mi.type)
        if column is None:
            continue
        present, value = _indexed_value(column, row)
        if not present:
            continue
        *parents, leaf = property_path(name)
        node = out
        for part in parents:
            child = node.get(part)
            if not isinstance(child, dict):
                child = node[part] = {}
            node = child
        node[leaf] = value
    return out
