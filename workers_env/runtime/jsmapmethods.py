"""Pyodide's ``JsMutableMap`` methods of a JsProxy (``pop``, ``popitem``, ``setdefault``,
``update``) and the way its C methods read their arguments: one implementation for a JS
``Map``, an ``as_object_map()`` and the JsProxy of a ``create_proxy`` dict or list."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from workers_env.runtime.current import pyodide_028, pyodide_029

__all__ = ["MISSING", "JsMutableMapMethods", "clinic_arguments", "get_arguments"]

#: a parameter the caller left out
MISSING: Any = object()


def clinic_arguments(name: str, names: tuple[str, ...], required: int, args: tuple[Any, ...],
                     kwargs: dict[str, Any]) -> list[Any]:
    """``args``/``kwargs`` as CPython's ``_PyArg_ParseStackAndKeywords`` reads them for a
    ``METH_FASTCALL | METH_KEYWORDS`` C method of Pyodide with parameters ``names``, the first
    ``required`` of them required (jsproxy.c ``JsMap_pop``: ``"O|O:pop"``, keywords ``key`` and
    ``default``): its checks in its order and its error texts -- an unknown keyword in Python
    3.12's words on Pyodide 0.26, 3.13's from 0.28 (npm pyodide 0.26.0a4, 0.28.2, 314.0.6).
    A parameter left out is :data:`MISSING`."""
    given = len(args) + len(kwargs)
    if given > len(names):
        kind = "" if args else "keyword "
        raise TypeError(f"{name}() takes at most {len(names)} {kind}argument{'' if len(names) == 1 else 's'} "
                        f"({given} given)")
    values = [MISSING] * len(names)
    left = len(kwargs)
    for i, param in enumerate(names):
        if i < len(args):
            values[i] = args[i]
            continue
        if left and param in kwargs:
            values[i] = kwargs[param]
            left -= 1
            continue
        if i < required:
            raise TypeError(f"{name}() missing required argument '{param}' (pos {i + 1})")
        if not left:
            return values
    if left:
        for i in range(len(args)):
            if names[i] in kwargs:
                raise TypeError(f"argument for {name}() given by name ('{names[i]}') and position ({i + 1})")
        unknown = next(key for key in kwargs if key not in names)
        if pyodide_028():
            raise TypeError(f"{name}() got an unexpected keyword argument '{unknown}'")
        raise TypeError(f"'{unknown}' is an invalid keyword argument for {name}()")
    return values


def get_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, Any]:
    """``key`` and ``default`` (``None`` when left out) of a JsMap's ``get`` (``JsMap_get``,
    ``"O|O:get"``: ``m.get(key='a')``, ``m.get('a', default=0)``)."""
    key, default = clinic_arguments("get", ("key", "default"), 1, args, kwargs)
    return key, None if default is MISSING else default


class JsMutableMapMethods:
    """``pop``/``popitem``/``setdefault``/``update`` as Pyodide's ``JsMap`` C methods (jsproxy.c
    ``JsMap_pop`` and the rest, the same in 0.26.0a4, 0.28.2 and 314.0.x) run them over the
    proxy's own ``[]``, ``del`` and iteration (:meth:`_mapping`): ``pop`` and ``setdefault``
    take ``key``/``default`` by position or name; where ``[]`` fails -- a missing key, a value
    whose borrowed proxy JavaScript destroyed -- ``pop`` answers its default (else raises that
    error) and ``setdefault`` stores its default; ``popitem`` takes no arguments; ``update``
    one positional, and its keyword arguments are dropped before Pyodide 0.29 (``JsMap_update``
    passes the positional one twice: npm 0.26.0a4 and 0.28.2 leave ``c`` out of ``update({'b':
    2}, c=3)``; 314.0.6 stores it)."""

    __slots__ = ()

    def _mapping(self) -> Any:
        """What ``[]``, ``del`` and iteration go to (the proxy itself)."""
        return self

    def pop(self, *args: Any, **kwargs: Any) -> Any:
        """``self[key]``, the key then deleted; where ``self[key]`` fails, ``default`` if given."""
        key, default = clinic_arguments("pop", ("key", "default"), 1, args, kwargs)
        target = self._mapping()
        try:
            value = target[key]
        except Exception:
            if default is MISSING:
                raise
            return default
        del target[key]
        return value

    def popitem(self, *args: Any) -> tuple[Any, Any]:
        if args:  # METH_NOARGS, named after the JsProxy type
            raise TypeError(f"JsProxy.popitem() takes no arguments ({len(args)} given)")
        return MutableMapping.popitem(self._mapping())

    def setdefault(self, *args: Any, **kwargs: Any) -> Any:
        key, default = clinic_arguments("setdefault", ("key", "default"), 1, args, kwargs)
        default = None if default is MISSING else default
        target = self._mapping()
        try:
            return target[key]
        except Exception:
            target[key] = default
            return default

    def update(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > 1:  # PyArg_ParseTuple "|O:update"
            raise TypeError(f"update() takes at most 1 argument ({len(args)} given)")
        target = self._mapping()
        if args:
            MutableMapping.update(target, args[0])
        if kwargs and pyodide_029():
            MutableMapping.update(target, kwargs)
