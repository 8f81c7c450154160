"""What ``js``'s ``Map`` and ``Set`` constructors make of an iterable (``new Map(entries)``, ``new
Set(items)``), and how ``Array.from`` reads a value JavaScript cannot iterate (an array-like).

Separate from runtime/standins.py, which hangs them on ``js.Map``, ``js.Set`` and ``js.Array``:
each is JavaScript's reading of a value, needing nothing of the module that holds them.
"""

from __future__ import annotations

import math
from typing import Any

from workers_env._errors import JsException
from workers_env._jsvalues import JsSet
from workers_env.runtime import jsconvert, jsdestroyed, jsnumbers, jsproxy


def _new_map(entries: Any = None) -> jsproxy.JsMap:
    """``new Map(iterable)``: one entry per ``[key, value]`` item JavaScript iterates out of it."""
    if entries is None or entries is jsproxy.jsnull:
        return jsproxy.JsMap({})
    pairs: dict[Any, Any] = {}
    made = jsproxy.JsMap(pairs)
    for item in jsconvert.js_iterable(entries):  # a plain object: V8's TypeError
        jsconvert.check_entry(item)
        key, value = (list(jsconvert.js_iterated(item)) + [None, None])[:2]
        pairs[jsproxy.map_key(key)] = value  # an object key by identity, as JavaScript's
        jsproxy.carry_mark(item, made, value)  # a PyProxy in the entry: the same one in the Map
    return made


def _array_like_items(value: Any) -> list[Any]:
    """What ``Array.from`` reads of a value JavaScript cannot iterate: ``ToLength(value.length)``
    items ``value[0]``, ``value[1]``, ... (``undefined`` where absent); ``[]`` for a number, a
    boolean or an object without a ``length``; ``undefined``/``null`` are V8's ``TypeError``."""
    if value is None or value is jsproxy.jsnull:
        jsconvert.js_iterable(value)  # raises
    if isinstance(value, jsproxy.JsObjectMap):
        value = object.__getattribute__(value, "_object")
    if not isinstance(value, jsproxy.JsObject):
        return []
    props = object.__getattribute__(value, "_props")
    length = jsnumbers.to_number(props.get("length"))
    count = 0 if math.isnan(length) or length <= 0 else int(min(length, 2**53 - 1))
    if count > 2**32 - 1:
        raise JsException("Invalid array length", name="RangeError")
    return [getattr(value, str(i), None) for i in range(count)]


#: the items of a Python list or tuple whose proxy JavaScript's iteration of it borrows, destroyed
#: when the list's iterator is exhausted (``Array.from(l)``, ``new Set(l)``)
_ITERATOR_BORROWED = (dict, list, tuple)


def _new_set(items: Any = None) -> JsSet:
    """``new Set(iterable)``: the distinct items, in first-seen order. From a Python list or
    tuple, a container item is the proxy borrowed from the list's iterator and destroyed when
    it was exhausted, as ``Array.from``'s: reading it is that error (Pyodide 0.26.0a4; 0.28.2
    and 314.0.6 a ``SystemError``, README "Where we had to choose")."""
    out = JsSet()
    exhausted = type(items) in (list, tuple)
    for item in jsconvert.js_iterable(items) if items is not None and items is not jsproxy.jsnull else ():
        if out.adds(item):  # (the PyProxies a JS array or Set holds: the same ones, their marks kept)
            jsproxy.carry_mark(items, out, item)
            if exhausted and isinstance(item, _ITERATOR_BORROWED):
                jsproxy.mark_destroyed(out, item, jsdestroyed.EXHAUSTED_ITERATOR)
    return out
