"""Weak references and weak containers keyed by identity: workers-env's own bookkeeping about
JS values (a request's ``ctx``, an ``AbortSignal``, a listener's proxy) that Worker code can
neither hash (``TypeError: unhashable type: 'pyodide.ffi.JsProxy'``) nor weakly reference
(``TypeError: cannot create weak reference to 'pyodide.ffi.JsProxy' object``), as Pyodide's
``JsProxy`` takes neither. A JS value's class has no ``__weakref__`` (``PyodideProxyType``), so
these references hold on to its *life*: a small object made on first need and kept in the
value's ``_weak_life`` slot, so it is collected with the value."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["WeakIdentityDict", "WeakIdentitySet", "takes_weak_ref", "weak_ref"]

K = TypeVar("K")
V = TypeVar("V")


class _Life:
    """What workers-env's weak references to a JS value point at; ``target`` is the value
    itself for a reference that reads it back (:func:`weak_ref` ``readable``)."""

    __slots__ = ("__weakref__", "target")


_read = object.__getattribute__  # the slot itself, past a class's own attribute hooks
_write = object.__setattr__


def _anchor(value: Any, make: bool = True) -> Any:
    """What a weak reference to ``value`` points at: ``value`` when its type takes weak
    references, else its life (``None`` when it has none yet and ``make`` is false). A value
    of neither kind is Python's own ``TypeError``."""
    if type(value).__weakrefoffset__:
        return value
    try:
        return _read(value, "_weak_life")
    except AttributeError:
        if not make:
            return None
    life = _Life()
    try:
        _write(value, "_weak_life", life)
    except AttributeError:  # no life slot either
        weakref.ref(value)  # raises: the type takes no weak reference
        raise
    return life


def takes_weak_ref(value: Any) -> bool:
    """Whether :func:`weak_ref` takes ``value`` (a JS value does; an ``int`` does not)."""
    kind = type(value)
    return bool(kind.__weakrefoffset__) or getattr(kind, "_weak_life", None) is not None


class _ReadBack(weakref.ref):  # type: ignore[type-arg]
    """A weak reference to a JS value's life that reads back the value."""

    __slots__ = ()

    def __call__(self) -> Any:
        life = super().__call__()
        return None if life is None else life.target


def weak_ref(value: Any, callback: Callable[[Any], None] | None = None, *, readable: bool = True) -> Callable[[], Any]:
    """``weakref.ref(value, callback)`` for workers-env's own use, a JS value's too: calling it
    gives ``value`` while it lives, else ``None``; ``callback`` runs when it goes. A JS value
    read back (``readable``) is held in a cycle with its life, so it goes when Python's cyclic
    collector finds it unreachable (as a JavaScript ``WeakRef`` reads its object until V8's
    collector runs), not the moment its last reference does; one never read back
    (``readable=False``, a reference only compared or waited on) goes at once."""
    anchor = _anchor(value)
    if anchor is value:
        return weakref.ref(value, callback)
    if not readable:
        return weakref.ref(anchor, callback)
    anchor.target = value
    return _ReadBack(anchor, callback)


class WeakIdentityDict(Generic[K, V]):
    """A ``weakref.WeakKeyDictionary`` whose keys count by ``is``, never hashed: an entry
    goes when its key is collected (a JS value's at once: see :func:`weak_ref`)."""

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

    def _held(self, key: object) -> tuple[weakref.ref[Any], V] | None:
        held = self._data.get(id(key))
        if held is None:
            return None
        target = held[0]()
        if target is key:  # a key that takes weak references itself
            return held
        if target is None:
            return None
        try:
            return held if _read(key, "_weak_life") is target else None
        except AttributeError:  # a JS value without a life, or another key that is no such value
            return None

    def get(self, key: K, default: V | None = None) -> V | None:
        held = self._held(key)
        return held[1] if held is not None else default

    def __getitem__(self, key: K) -> V:
        held = self._held(key)
        if held is None:
            raise KeyError(key)
        return held[1]

    def __setitem__(self, key: K, value: V) -> None:
        held = self._held(key)
        if held is not None:
            self._data[id(key)] = (held[0], value)
            return
        self._data[id(key)] = (weakref.ref(_anchor(key), self._forget(id(key))), value)

    def setdefault(self, key: K, default: V) -> V:
        held = self._held(key)
        if held is not None:
            return held[1]
        self[key] = default
        return default

    def pop(self, key: K, default: V | None = None) -> V | None:
        held = self._held(key)
        if held is None:
            return default
        del self._data[id(key)]
        return held[1]

    def __contains__(self, key: object) -> bool:
        return self._held(key) is not None

    def __len__(self) -> int:
        return len(self._data)


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
