"""Pyodide's abstract ``JsProxy`` types (``pyodide.ffi.JsIterable``, ``JsCallable``, ``JsMap``, ...).

Pyodide gives every JS value one proxy type carrying capability flags (is it an array, has it a
``get`` method and a ``size``, is it callable, ...) and answers ``isinstance(x, JsMap)`` by
comparing the class's flag expressions with the value's flags (``_pyodide/_core_docs.py``,
``_JsProxyMetaClass``). These classes do the same over workers-env's JS values, quirks included:
a class without flags of its own (``JsFetchResponse``, ``JsDomElement``, ``JsWeakRef``) matches
every JS value, and ``create_proxy([1])`` is a ``JsMap`` (a list's PyProxy has ``get`` and
``length`` and is iterable), as under Pyodide 0.28.2 and 0.26 (``tools/pyodide/``, ``ffi-types``).
From Pyodide 0.29 (the 314.0.x era) ``JsArray`` also matches array-likes (``IS_ARRAY_LIKE``: a
``length`` and ``[Symbol.iterator]``, no ``next`` -- a String object, a PyProxy of a list, tuple,
dict or str), as its ``_core_docs.py`` says.
"""

from __future__ import annotations

from typing import Any, Protocol

from workers_env._jsvalues import JsSet
from workers_env.runtime import jsabcdocs
from workers_env.runtime.current import pyodide_028, pyodide_029
from workers_env.runtime.jsbase import JsProxy
from workers_env.runtime.jsbuffers import JsBufferSource, JsTypedArray
from workers_env.runtime.jsconversions import JsStringObject
from workers_env.runtime.jsfunctions import JsDoubleProxy as _DoubleProxy
from workers_env.runtime.jsfunctions import JsFunction, JsNativeFunction, JsOnceFunction
from workers_env.runtime.jspromise import JsPromise as _Promise
from workers_env.runtime.jsproxy import (
    JsArray as _Array,
)
from workers_env.runtime.jsproxy import JsIterator, JsObjectMap
from workers_env.runtime.jsproxy import (
    JsMap as _Map,
)
from workers_env.runtime.jsreadable import JsReadableStream

__all__ = ["ABSTRACT_TYPES", "js_flags"]


def js_flags(value: Any) -> frozenset[str]:
    """The capability flags Pyodide would give ``value``'s proxy (its ``_js_type_flags``)."""
    flags: set[str] = set()
    if isinstance(value, JsSet):  # a Set: [Symbol.iterator] and a size, no get()
        return frozenset({"IS_ITERABLE", "HAS_LENGTH"})
    if isinstance(value, _DoubleProxy):  # a PyProxy of the object, seen back from Python
        obj = value._obj
        flags.add("IS_DOUBLE_PROXY")
        for flag, method in (("HAS_GET", "__getitem__"), ("HAS_SET", "__setitem__"), ("HAS_LENGTH", "__len__"),
                             ("IS_ITERABLE", "__iter__")):
            if hasattr(obj, method):
                flags.add(flag)
        if {"HAS_LENGTH", "IS_ITERABLE"} <= flags and not hasattr(obj, "__next__"):
            flags.add("IS_ARRAY_LIKE")  # a length and [Symbol.iterator], no next(): pyodide#5991
        return frozenset(flags)
    if isinstance(value, (JsOnceFunction, JsNativeFunction)):  # create_once_callable(callable), JSON.parse: JS functions
        return frozenset({"IS_CALLABLE"})
    if isinstance(value, JsFunction):  # create_proxy(callable)
        return frozenset({"IS_DOUBLE_PROXY", "IS_CALLABLE"})
    flags |= getattr(type(value), "_pyodide_flags", frozenset())  # a web object's, by its methods (Headers, ...)
    if isinstance(value, _Array):
        flags |= {"IS_ARRAY", "IS_ITERABLE", "HAS_LENGTH"}
    if isinstance(value, JsStringObject):  # new String(): a length and [Symbol.iterator]
        flags |= {"IS_ARRAY_LIKE", "IS_ITERABLE", "HAS_LENGTH"}
    if isinstance(value, JsIterator):
        flags |= {"IS_ITERABLE", "IS_ITERATOR"}
    if isinstance(value, JsTypedArray):
        flags |= {"IS_TYPEDARRAY", "IS_ITERABLE", "HAS_LENGTH"}
    if isinstance(value, JsBufferSource):
        flags.add("IS_BUFFER")
    if isinstance(value, _Map):
        flags |= {"HAS_GET", "HAS_SET", "HAS_LENGTH", "IS_ITERABLE"}
    if isinstance(value, JsObjectMap):
        flags.add("IS_OBJECT_MAP")
    if isinstance(value, JsReadableStream):
        flags.add("IS_ASYNC_ITERABLE")
    if isinstance(value, _Promise):
        flags.add("IS_AWAITABLE")
    if callable(value):
        flags.add("IS_CALLABLE")
    return frozenset(flags)


class _JsProxyMeta(type):
    """``isinstance``/``issubclass`` by flags, as Pyodide's ``_JsProxyMetaClass``: a class
    matches when every flag of one of its ``|``-joined expressions is set (an empty expression,
    a class without flags of its own, matches every JS value)."""

    _js_type_flags: tuple[str, ...]

    def __instancecheck__(cls, instance: Any) -> bool:
        if not isinstance(instance, JsProxy):
            return False
        flags = js_flags(instance)
        expressions = cls._js_type_flags
        if cls.__name__ == "JsArray" and pyodide_029():  # Pyodide 0.29 (314.0.x): array-likes too
            expressions = ("IS_ARRAY", "IS_ARRAY_LIKE", "IS_TYPEDARRAY")
        return any(all(f in flags for f in expression.split("|") if f) for expression in expressions)

    def __subclasscheck__(cls, subclass: Any) -> bool:
        return type.__subclasscheck__(cls, subclass)

    @property
    def __doc__(cls) -> str | None:  # type: ignore[override]
        """Pyodide's docstring of the class, as the running Worker's release shows it."""
        return jsabcdocs.for_era(cls.__name__, pyodide_028=pyodide_028())


def _abstract(name: str, flags: tuple[str, ...]) -> type:
    return _JsProxyMeta(name, (), {"_js_type_flags": flags, "__module__": "pyodide.ffi"})


_ANY = ("",)  # a class without flags of its own: every JS value

#: name -> (flag expressions, first Pyodide release that has it: "0.26" or "0.28"); each docstring is
#: Pyodide's own (:mod:`~workers_env.runtime.jsabcdocs`)
_SPECS: dict[str, tuple[tuple[str, ...], str]] = {
    "JsArray": (("IS_ARRAY", "IS_NODE_LIST", "IS_TYPEDARRAY"), "0.26"),
    "JsMap": (("HAS_GET|HAS_LENGTH|IS_ITERABLE", "IS_OBJECT_MAP", "IS_PY_JSON_DICT"), "0.26"),
    "JsMutableMap": (("HAS_GET|HAS_SET|HAS_LENGTH|IS_ITERABLE", "IS_OBJECT_MAP", "IS_PY_JSON_DICT"), "0.26"),
    "JsIterable": (("IS_ITERABLE",), "0.26"),
    "JsIterator": (("IS_ITERATOR",), "0.26"),
    "JsAsyncIterable": (("IS_ASYNC_ITERABLE",), "0.26"),
    "JsAsyncIterator": (("IS_ASYNC_ITERATOR",), "0.26"),
    "JsGenerator": (("IS_GENERATOR",), "0.26"),
    "JsAsyncGenerator": (("IS_ASYNC_GENERATOR",), "0.26"),
    "JsCallable": (("IS_CALLABLE",), "0.26"),
    "JsDoubleProxy": (("IS_DOUBLE_PROXY",), "0.26"),
    "JsCallableDoubleProxy": (("IS_DOUBLE_PROXY",), "0.28"),
    "JsOnceCallable": (("IS_CALLABLE",), "0.28"),
    "JsPromise": (("IS_AWAITABLE",), "0.26"),
    "JsBuffer": (("IS_BUFFER",), "0.26"),
    "JsTypedArray": (("IS_TYPEDARRAY",), "0.26"),
    "JsFetchResponse": (_ANY, "0.26"),
    "JsDomElement": (_ANY, "0.26"),
    "JsWeakRef": (_ANY, "0.28"),
}


#: name -> (the abstract class, the first Pyodide release that has it)
ABSTRACT_TYPES: dict[str, tuple[type, str]] = {
    name: (_abstract(name, flags), since) for name, (flags, since) in _SPECS.items()
}


class ToJsConverter(Protocol):
    """``pyodide.ffi.ToJsConverter`` (0.28): the type of ``to_js``'s ``default_converter``."""

    def __call__(self, value: Any, converter: Any, cache: Any, /) -> Any: ...


ABSTRACT_TYPES["ToJsConverter"] = (ToJsConverter, "0.28")
