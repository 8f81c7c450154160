"""The order of a JS object's own properties (ECMAScript's OrdinaryOwnPropertyKeys): array
indices first, ascending, then the other keys as inserted. Separate from :mod:`.jsproxy`'s
``JsObject``, which keeps its properties in this order: the rule needs no JS value class, and
``jsconvert`` and ``sdkresults`` order the dicts they make by it too."""

from __future__ import annotations

import itertools
from typing import Any

__all__ = ["index_first", "is_array_index", "reorder_in_place"]


def is_array_index(key: Any) -> bool:
    """Whether ``key`` is an array index as ECMAScript orders an object's own keys by: the
    canonical text of a whole number 0 .. 2**32 - 2 (``"01"``, ``"-1"``, ``"4294967295"``, ``"1.5"``
    and non-ASCII digits are not)."""
    return (type(key) is str and 0 < len(key) <= 10 and key.isdigit() and key.isascii()
            and (key[0] != "0" or key == "0") and int(key) < 4294967295)


def index_first(props: dict[str, Any]) -> dict[str, Any] | None:
    """``props`` in a JS object's own property order (OrdinaryOwnPropertyKeys; V8 for every object:
    ``JSON.parse``, ``Object.fromEntries``, a property set later): array indices first, ascending,
    then the other keys as inserted; ``None`` when ``props`` is in that order already."""
    if not props:
        return None
    try:
        if min(props)[:1] > "9":  # (a C loop) every key starts after the digits: no index
            return None
    except TypeError:  # keys of other types than str among them
        pass
    indices = [k for k in props if k.__class__ is str and k[:1].isdigit() and is_array_index(k)]
    if not indices:
        return None
    indices.sort(key=int)
    if list(itertools.islice(props, len(indices))) == indices:
        return None
    return {**{k: props[k] for k in indices}, **props}


def reorder_in_place(props: dict[str, Any]) -> None:
    """Put ``props`` in a JS object's own property order (:func:`index_first`), the dict kept."""
    ordered = index_first(props)
    if ordered is not None:
        props.clear()
        props.update(ordered)
