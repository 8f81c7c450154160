"""How a JS ``Map`` (and a ``Set``) keeps its keys: JavaScript finds a key by SameValueZero, which
Python's dict does not (``true`` is not ``1``, every ``NaN`` one key, a JS object by identity, a
Python value stored as a new PyProxy never found again), so the entries hold wrapped keys
(:func:`map_key`, :func:`set_key`) and hand them out unwrapped (:func:`map_key_read`). Separate
from :mod:`.jsproxy`'s ``JsMap``, which keeps its entries under them: the keys need no JS value
class, and ``jsclone``, ``jsconvert``, ``jsinspect`` and the queue's delivery ask them too."""

from __future__ import annotations

from typing import Any

from workers_env.runtime.heldpyproxies import _PROXIED_TYPES, borrowed_error
from workers_env.runtime.jsbase import JsProxy

__all__ = ["JsBooleanKey", "NAN_KEY", "PyProxyKey", "SameJsValue", "map_key", "map_key_read", "missing_key",
           "set_key", "set_member_at"]


#: a missing entry (``None`` is a value a Map may hold)
_ABSENT: Any = object()


class SameJsValue:
    """How a ``Map`` keeps a key that is a JS object, array, ``Map``, function or buffer: JavaScript
    compares such keys by identity (SameValueZero) while their proxies are unhashable in Python,
    as Pyodide's, so the entry is kept under this (hashed by the proxy's ``js_id``) and read back
    as the proxy (``m.set(Object.new(), 1)``, ``new Map([[obj, 1]])``)."""

    __slots__ = ("_id", "value")

    def __init__(self, value: Any):
        self.value, self._id = value, value.js_id

    def __hash__(self) -> int:
        return hash(self._id)

    def __eq__(self, other: object) -> bool:
        return type(other) is SameJsValue and other._id == self._id


class JsBooleanKey:
    """How a ``Map`` keeps a key that is ``true`` or ``false``: SameValueZero tells them from
    ``1`` and ``0``, which Python's ``True == 1`` would merge (``new Map([[1, "a"], [true, "b"]])``
    has two entries)."""

    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __hash__(self) -> int:
        return hash((JsBooleanKey, self.value))

    def __eq__(self, other: object) -> bool:
        return type(other) is JsBooleanKey and other.value is self.value


#: the one ``NaN`` a ``Map`` keys every ``NaN`` under: SameValueZero finds ``NaN`` again, where
#: a dict misses another NaN object (``m.set(float("nan"), 1); m.get(float("nan"))`` is 1 in
#: Pyodide 0.28.2, review75)
NAN_KEY = float("nan")


def map_key(key: Any) -> Any:
    """``key`` as a ``Map``'s entries hold it (see :class:`SameJsValue`, :class:`JsBooleanKey`,
    :data:`NAN_KEY`)."""
    kind = type(key)
    if kind is str or kind is int:  # (most keys: no proxy's isinstance check)
        return key
    if kind is float:
        return key if key == key else NAN_KEY
    if kind is bool:
        return JsBooleanKey(key)
    return SameJsValue(key) if isinstance(key, JsProxy) and type(key).__hash__ is None else key


class PyProxyKey:
    """How a ``Map`` keeps a key Python code set that JavaScript holds as a PyProxy (a tuple,
    list, dict, set, bytes, an instance of a class: no string, number, boolean, ``None`` or JS
    value): each crossing makes a new PyProxy, so the entry is found by no later lookup, not
    even with the same object, while reading the keys gives the object itself -- or, set by
    ``map.set`` (a call's argument, destroyed when it returned), the borrowed-proxy error
    (Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node)."""

    __slots__ = ("value", "borrowed")

    def __init__(self, value: Any, borrowed: bool):
        self.value, self.borrowed = value, borrowed


def _new_pyproxy(key: Any) -> bool:
    """Whether ``key``, handed to JavaScript by Python code, is a new PyProxy (:class:`PyProxyKey`)."""
    kind = type(key)
    if kind in _PROXIED_TYPES:
        return True
    if key is None or isinstance(key, (str, int, float, JsProxy)):
        return False
    return not kind.__module__.startswith(("workers_env", "_pyodide", "pyodide"))  # not one of our JS values


def set_key(key: Any, borrowed: bool = False) -> Any:
    """``key`` as a ``Map`` keeps it when Python code sets it (``m[k] = v``; ``m.set(k, v)``
    ``borrowed``): :func:`map_key`, or a :class:`PyProxyKey`."""
    return PyProxyKey(key, borrowed) if _new_pyproxy(key) else map_key(key)


def set_member_at(members: list[Any], value: Any) -> int:
    """Where a ``Set`` holding ``members`` has ``value`` as JavaScript finds it, SameValueZero on
    the values as they cross (-1: nowhere): a Python value JavaScript gets a new PyProxy of
    (:func:`_new_pyproxy`) nowhere, so ``s.add(k)`` twice adds it twice; ``true`` is not ``1``,
    ``NaN`` is itself, a JS value found by identity -- as Pyodide 0.26.0a4, 0.28.2 and 314.0.6
    (review75; the ``Map``'s keys alike, :func:`set_key`)."""
    if _new_pyproxy(value):
        return -1
    key = map_key(value)
    if type(key) is not SameJsValue and key is not NAN_KEY and not list.__contains__(members, value):
        return -1  # (the usual miss, at C speed)
    for at, member in enumerate(list.__iter__(members)):  # (as held: a destroyed proxy is no match)
        held = _ABSENT if _new_pyproxy(member) else map_key(member)
        if held is key or held == key:  # (NAN_KEY is itself)
            return at
    return -1


def map_key_read(key: Any) -> Any:
    """A ``Map`` entry's key as JavaScript hands it out (the inverse of :func:`map_key`)."""
    kind = type(key)
    if kind is PyProxyKey:
        if key.borrowed:
            raise borrowed_error(True)
        return key.value
    return key.value if kind is SameJsValue or kind is JsBooleanKey else key


def _entry_key(key: Any) -> Any:
    """``map_key(key)`` for a lookup, or :data:`_ABSENT` for a Python value JavaScript gets a new
    PyProxy of (:class:`PyProxyKey`), which no ``Map`` holds, so a lookup misses -- Pyodide's
    ``get`` gives the default, ``in`` and ``has`` false, ``[]`` a KeyError."""
    kind = type(key)
    if kind is str or kind is int:  # (most keys)
        return key
    if _new_pyproxy(key):
        return _ABSENT
    key = map_key(key)
    try:
        hash(key)
    except TypeError:  # one of our JS values that cannot be a key here: in no Map
        return _ABSENT
    return key


def missing_key(key: Any) -> KeyError:
    """The KeyError of a ``Map``'s missing key as Pyodide's C code sets it (``PyErr_SetObject``):
    no arguments for ``None`` (``undefined``), a tuple's items as its arguments, else the key."""
    if key is None:
        return KeyError()
    return KeyError(*key) if isinstance(key, tuple) else KeyError(key)
