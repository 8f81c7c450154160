"""A binding call's plain result as the external SDK hands it to Worker code, in one walk.

The SDK's ``python_from_rpc`` (:func:`~workers_env.runtime.rpcvalues.python_from_rpc`) takes a
result in three passes, each a documented step: Pyodide's ``to_py()`` of the JsProxy (objects
``dict``, numbers as Pyodide reads them, ``null`` the era's), Pyodide's numbers again over the
Python tree (``_jsvalues.to_py``: objects ``JsDict``), and the SDK's ``_replace_jsnull_with_none``
(objects rebuilt as ``JsDict``, ``null`` ``None``). For the data an emulated binding answers --
a JS object or array :func:`~workers_env.runtime.jsproxy.from_plain` made over ``dict`` (or the
bindings' own ``JsDict``) and ``list`` trees of ``str``, ``bool``, ``int`` in the safe range, ``float`` and ``None`` -- the three
compose to one walk (:func:`one_walk`): an object a ``JsDict`` in its JavaScript key order
(:func:`~workers_env.runtime.propertyorder.index_first`, as each nested object is made), an array a
``list`` (a list of numbers alone copied as ``to_py`` copies it), a number as
:func:`~workers_env._jsvalues.js_number` reads it, ``null`` ``None``. Anything else -- a
JS value or Python object inside, a big int, a container Python code stored (a PyProxy mark),
a tree deeper than :data:`MOST_LEVELS` (one holding itself among them) -- is left to the three
passes (``None`` answered), so their depth limits, caches and error texts stay theirs.
tests/test_sdk_results_in_one_walk_are_the_three_passes.py holds the walk to the passes.
"""

from __future__ import annotations

from typing import Any

from workers_env._jsvalues import MAX_SAFE_INTEGER, JsDict, number_list
from workers_env.runtime.jsproxy import JsArray, JsObject
from workers_env.runtime.propertyorder import index_first

__all__ = ["one_walk", "MOST_LEVELS"]

#: how deep the walk goes before it leaves the result to the three passes: below their own
#: switch to a deeper walk (``_deep.ROOMY_FROM``, 64) and far below any depth limit
MOST_LEVELS = 40


class _NotPlain(Exception):
    """Raised inside the walk: the result holds something the three passes must see."""


def one_walk(value: Any) -> Any:
    """What ``python_from_rpc`` makes of ``value``, a ``JsObject`` or ``JsArray`` of plain
    binding data, in one walk; ``None`` when the walk does not apply (the three passes then)."""
    kind = type(value)
    if kind is JsObject:
        if object.__getattribute__(value, "_proxied") is not None:
            return None
        raw = object.__getattribute__(value, "_props")
        if type(raw) is not dict and type(raw) is not JsDict:
            return None
    elif kind is JsArray:
        if value._proxied is not None:
            return None
        raw = value._items
    else:
        return None
    try:
        return _object(raw, 1, False) if kind is JsObject else _array(raw, 1)
    except (_NotPlain, RecursionError):
        return None


def _object(raw: dict[Any, Any], level: int, ordered: bool = True) -> JsDict:
    """A JS object over ``raw``; ``ordered``: its keys put in JavaScript's order, as a nested
    object is made (``JsObject.plain``); the outermost one keeps the order it holds."""
    props = (index_first(raw) or raw) if ordered else raw
    made = JsDict()
    for key, item in props.items():
        kind = type(item)
        if kind is str or kind is bool or item is None:
            made[key] = item
        elif kind is float:  # js_number's: a whole number in the safe range an int
            made[key] = int(item) if item.is_integer() and -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER else item
        elif kind is int and -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
            made[key] = item
        elif (kind is dict or kind is JsDict) and level < MOST_LEVELS:
            made[key] = _object(item, level + 1)
        elif kind is list and level < MOST_LEVELS:
            made[key] = _array(item, level + 1)
        else:
            raise _NotPlain
    return made


def _array(raw: list[Any], level: int) -> list[Any]:
    """A JS array over ``raw``: numbers alone copied (``number_list``, as each pass copies them)."""
    if raw:
        numbers = number_list(raw)
        if numbers is not None:
            return numbers
    made: list[Any] = []
    add = made.append
    for item in raw:
        kind = type(item)
        if kind is str or kind is bool or item is None:
            add(item)
        elif kind is float:  # (as in _object)
            add(int(item) if item.is_integer() and -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER else item)
        elif kind is int and -MAX_SAFE_INTEGER <= item <= MAX_SAFE_INTEGER:
            add(item)
        elif (kind is dict or kind is JsDict) and level < MOST_LEVELS:
            add(_object(item, level + 1))
        elif kind is list and level < MOST_LEVELS:
            add(_array(item, level + 1))
        else:
            raise _NotPlain
    return made
