"""Shaping what a query returns beyond ids and scores."""

from __future__ import annotations

from typing import Any

from workers_env._core import KIND_BOOL, KIND_NUMBER, KIND_STRING
from workers_env._index import Index, property_path

__all__ = ["indexed_metadata"]


def indexed_metadata(index: Index, row: int) -> dict[str, Any]:
    """``returnMetadata: "indexed"``: only properties in a metadata index, as indexed.

    Strings come back cut to the indexed prefix; a vector written before an index existed
    has nothing in it. Dotted property names come back nested, like the metadata they index.
    """
    out: dict[str, Any] = {}
    for name, mi in index.metadata_indexes.items():
        path = property_path(name)
        column = index.core.column(path, type_=mi.type)
        if column is None:
            continue
        kind = int(column.kind[row])
        if kind == KIND_STRING:
            value: Any = column.strings[int(column.code[row])]
        elif kind == KIND_NUMBER:
            value = float(column.num[row])
        elif kind == KIND_BOOL:
            value = bool(column.num[row])
        else:
            continue
        node = out
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return out
