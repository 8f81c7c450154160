"""Weak containers keyed by identity: workers-env's own bookkeeping about JS values (a
request's ``ctx``, a stream) that Worker code cannot hash, since Pyodide's ``JsProxy`` is
unhashable (``TypeError: unhashable type: 'pyodide.ffi.JsProxy'``)."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

__all__ = ["WeakIdentityDict", "WeakIdentitySet"]

K = TypeVar("K")
V = TypeVar("V")


class WeakIdentityDict(Generic[K, V]):
    """A ``weakref.WeakKeyDictionary`` whose keys count by ``is``, never hashed: an entry
    goes when its key is collected."""

    __slots__ = ("_data", "__weakref__")

    def __init__(self) -> None:
        self._data: dict[int, tuple[weakref.ref[Any], V]] = {}

    def _forget(self, key_id: int) -> Callable[[weakref.ref[Any]], None]:
        data = self._data

        def gone(ref: weakref.ref[Any]) -> None:
            held = data.get(key_id)
            if held is not None and held[0] is ref:
                del data[key_id]

        return gone

    def get(self, key: K, default: V | None = None) -> V | None:
        held = self._data.get(id(key))
        return held[1] if held is not None and held[0]() is key else default

    def __getitem__(self, key: K) -> V:
        held = self._data.get(id(key))
        if held is None or held[0]() is not key:
            raise KeyError(key)
        return held[1]

    def __setitem__(self, key: K, value: V) -> None:
        held = self._data.get(id(key))
        if held is not None and held[0]() is key:
            self._data[id(key)] = (held[0], value)
            return
        self._data[id(key)] = (weakref.ref(key, self._forget(id(key))), value)

    def setdefault(self, key: K, default: V) -> V:
        held = self._data.get(id(key))
        if held is not None and held[0]() is key:
            return held[1]
        self[key] = default
        return default

    def pop(self, key: K, default: V | None = None) -> V | None:
        held = self._data.get(id(key))
        if held is None or held[0]() is not key:
            return default
        del self._data[id(key)]
        return held[1]

    def __contains__(self, key: object) -> bool:
        held = self._data.get(id(key))
        return held is not None and held[0]() is key

    def __len__(self) -> int:
        return len(self._data)

    def items(self) -> Iterator[tuple[K, V]]:
        for ref, value in list(self._data.values()):
            key = ref()
            if key is not None:
                yield key, value


class WeakIdentitySet(Generic[K]):
    """A ``weakref.WeakSet`` whose members count by ``is``, never hashed."""

    __slots__ = ("_members",)

    def __init__(self) -> None:
        self._members: WeakIdentityDict[K, bool] = WeakIdentityDict()

    def add(self, item: K) -> None:
        self._members[item] = True

    def discard(self, item: K) -> None:
        self._members.pop(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members

    def __len__(self) -> int:
        return len(self._members)

    def __iter__(self) -> Iterator[K]:
        return (key for key, _ in self._members.items())
