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

from collections.abc import Callable
from typing import Any, Generic, ParamSpec, Protocol, TypeVar

from workers_env._jsvalues import JsSet
from workers_env.runtime import jsabcdocs
from workers_env.runtime.current import pyodide_028, pyodide_029
from workers_env.runtime.jsbase import JsProxy, ProxyType, flag_checks
from workers_env.runtime.jsbuffers import JsBufferSource
from workers_env.runtime.jsbuffers import JsTypedArray as _TypedArray
from workers_env.runtime.jsconversions import JsStringObject
from workers_env.runtime.jsfunctions import JsDoubleProxy as _DoubleProxy
from workers_env.runtime.jsfunctions import JsFunction, JsNativeFunction, JsOnceFunction
from workers_env.runtime.jspromise import JsPromise as _Promise
from workers_env.runtime.jsproxy import (
    JsArray as _Array,
)
from workers_env.runtime.jsproxy import JsIterator as _Iterator
from workers_env.runtime.jsproxy import JsObjectMap
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
    if isinstance(value, _Iterator):
        flags |= {"IS_ITERABLE", "IS_ITERATOR"}
    if isinstance(value, _TypedArray):
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


def class_flags(cls: type) -> frozenset[str] | None:
    """The flags Pyodide's ``issubclass`` reads off ``cls`` (``None``: it carries none, as a
    Python class): a ``pyodide.ffi`` class's or a Worker's subclass's ``_js_type_flags`` (each
    entry one flag name: ``JsMap``'s ``'HAS_GET | HAS_LENGTH | IS_ITERABLE'`` is Pyodide's
    ``KeyError`` there, as in real 0.26.0a4, 0.28.2, 314.0.6), a JS value's class's by what its
    values are (a double proxy's by its class alone)."""
    if getattr(cls, "_python_class", False) and isinstance(cls, type):
        names = getattr(cls, "_js_type_flags", 0)
        if isinstance(names, int):
            return frozenset()  # (0: Pyodide's JsProxy's; a Worker's other numbers are no names here)
        for name in names:
            if not name.isidentifier():
                raise KeyError(name)
        return frozenset(names)
    if not isinstance(cls, type):
        return None
    if issubclass(cls, JsSet):
        return frozenset({"IS_ITERABLE", "HAS_LENGTH"})
    if not type.__subclasscheck__(JsProxy, cls):
        return None
    if issubclass(cls, _DoubleProxy):  # (what more, its object says: see js_flags)
        return frozenset({"IS_DOUBLE_PROXY"})
    if issubclass(cls, (JsOnceFunction, JsNativeFunction)):
        return frozenset({"IS_CALLABLE"})
    if issubclass(cls, JsFunction):
        return frozenset({"IS_DOUBLE_PROXY", "IS_CALLABLE"})
    flags = set(getattr(cls, "_pyodide_flags", frozenset()))
    for kind, more in ((_Array, {"IS_ARRAY", "IS_ITERABLE", "HAS_LENGTH"}),
                       (JsStringObject, {"IS_ARRAY_LIKE", "IS_ITERABLE", "HAS_LENGTH"}),
                       (_Iterator, {"IS_ITERABLE", "IS_ITERATOR"}),
                       (_TypedArray, {"IS_TYPEDARRAY", "IS_ITERABLE", "HAS_LENGTH"}), (JsBufferSource, {"IS_BUFFER"}),
                       (_Map, {"HAS_GET", "HAS_SET", "HAS_LENGTH", "IS_ITERABLE"}), (JsObjectMap, {"IS_OBJECT_MAP"}),
                       (JsReadableStream, {"IS_ASYNC_ITERABLE"}), (_Promise, {"IS_AWAITABLE"})):
        if issubclass(cls, kind):
            flags |= more
    if any("__call__" in vars(kind) for kind in cls.__mro__):
        flags.add("IS_CALLABLE")
    return frozenset(flags)


def _matches(cls: type, flags: frozenset[str]) -> bool:
    """Whether ``flags`` satisfy one of ``cls``'s ``|``-joined expressions (flags 0, as a class
    without flags of its own: every JS value)."""
    expressions = getattr(cls, "_js_type_flags", 0)
    if isinstance(expressions, int):
        return expressions == 0
    if expressions is JsArray._js_type_flags and pyodide_029():  # Pyodide 0.29 (314.0.x): array-likes too
        expressions = ("IS_ARRAY", "IS_ARRAY_LIKE", "IS_TYPEDARRAY")
    return any(all(f.strip() in flags for f in expression.split("|") if f.strip()) for expression in expressions)


def _is_instance(cls: type, instance: Any) -> bool:
    return isinstance(instance, JsProxy) and _matches(cls, js_flags(instance))


def _is_subclass(cls: type, subclass: Any) -> bool:
    flags = class_flags(subclass)
    return flags is not None and _matches(cls, flags)


flag_checks[:] = [_is_instance, _is_subclass]


class _JsProxyMeta(ProxyType):
    """The metaclass of Pyodide's Python classes ``pyodide.ffi.JsArray`` and the like, Python
    classes under ``JsProxy`` (``_python_class``), which ``isinstance``/``issubclass`` answers
    by flags, as Pyodide's ``_JsProxyMetaClass`` (runtime/jsbase.py's metaclass, with
    :func:`_is_instance` and :func:`_is_subclass`): a class matches when every flag of one of its
    ``|``-joined expressions is set (flags 0, a class without flags of its own, matches every JS
    value); ``issubclass`` also by the classes' own hierarchy, Pyodide's (``JsArray`` a
    ``JsIterable`` and a ``JsProxy``, no ``MutableSequence``: see below). None is instantiated, Worker code's
    subclasses neither (``TypeError: MyArray cannot be instantiated.``, Pyodide's
    ``JsProxy.__new__``)."""

    _js_type_flags: tuple[str, ...] | int

    @classmethod
    def __prepare__(mcs, name: str, bases: tuple[type, ...], /, **kwargs: Any) -> dict[str, object]:
        """Every class of this metaclass is a Python class from its making (``_python_class``, which
        runtime/jsbase.py's metaclass reads as it makes one): Pyodide's below and Worker code's own."""
        return {"_python_class": True}

    def __init__(cls, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any):
        """The classes below are Pyodide's ``pyodide.ffi`` ones: that module, before anything reads
        it (a later class's ``__orig_bases__``, the pickled name ``_own_name``); not in
        ``__new__``, whose caller's frame says whose code makes the class (``_proxytype``)."""
        if namespace.get("__module__") == __name__:
            type.__setattr__(cls, "__module__", _FFI)
            namespace = {**namespace, "__module__": _FFI}
        super().__init__(name, bases, namespace, **kwargs)

    @property
    def __doc__(cls) -> str | None:  # type: ignore[override]
        """Pyodide's docstring of the class, as the running Worker's release shows it (a Worker's
        subclass: its own)."""
        if cls.__dict__.get("__module__") != "pyodide.ffi":
            return cls.__dict__.get("__doc__")
        return jsabcdocs.for_era(cls.__name__, pyodide_028=pyodide_028())


# The metaclass of ``JsArray``, ``JsMap`` and what is under them: Pyodide's for its classes that are
# ``collections.abc``'s too (here they are not: see below). Its ``__doc__`` is _JsProxyMeta's property
# (the classes' Pyodide docstrings), which a docstring -- or the None a class statement sets -- would hide.
class _ABCMeta(_JsProxyMeta):
    __doc__ = _JsProxyMeta.__dict__["__doc__"]  # type: ignore[assignment]


# the names Pyodide's metaclasses have, ``type(pyodide.ffi.JsIterable)`` and ``type(pyodide.ffi.JsArray)``
# (0.26.0a4, 0.28.2, 314.0.6), as workers-env's JsProxy metaclass has its (runtime/jsbase.py)
for _meta, _name in ((_JsProxyMeta, "_JsProxyMetaClass"), (_ABCMeta, "_ABCMeta")):
    for _attribute, _value in (("__name__", _name), ("__qualname__", _name), ("__module__", "pyodide.ffi")):
        setattr(_meta, _attribute, _value)

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)
_T_contra = TypeVar("_T_contra", contravariant=True)
_V_co = TypeVar("_V_co", covariant=True)
_KT = TypeVar("_KT")
_VT = TypeVar("_VT")
_VT_co = TypeVar("_VT_co", covariant=True)
_P = ParamSpec("_P")
_FFI = "pyodide.ffi"

# Pyodide's classes (_pyodide/_core_docs.py of 0.28.2 and 314.0.6; 0.26's JsCallable and
# JsDoubleProxy are no Generic; their module pyodide.ffi and each a Python class: _JsProxyMeta's
# doing), under workers-env's JsProxy (runtime/jsbase.py), which answers
# issubclass of them as Pyodide's does. Pyodide's JsArray, JsMap and JsMutableMap are also
# collections.abc's MutableSequence, Mapping and MutableMapping, and so -- matching JS values'
# classes by flags -- make every JS array a Sequence and every JS Map a Mapping there; these are
# not, so that no JS value is one here (README, "Where we had to choose": workers-env's own
# conversions branch on Mapping)


class JsWeakRef(JsProxy, Generic[_T], metaclass=_JsProxyMeta):
    _js_type_flags = 0


class JsDoubleProxy(JsProxy, Generic[_T], metaclass=_JsProxyMeta):
    _js_type_flags = ("IS_DOUBLE_PROXY",)


class JsPromise(JsProxy, Generic[_T], metaclass=_JsProxyMeta):
    _js_type_flags = ("IS_AWAITABLE",)


class JsBuffer(JsProxy, metaclass=_JsProxyMeta):
    _js_type_flags: tuple[str, ...] = ("IS_BUFFER",)


class JsIterator(JsProxy, Generic[_T_co], metaclass=_JsProxyMeta):
    _js_type_flags = ("IS_ITERATOR",)


class JsAsyncIterator(JsProxy, Generic[_T_co], metaclass=_JsProxyMeta):
    _js_type_flags = ("IS_ASYNC_ITERATOR",)


class JsIterable(JsProxy, Generic[_T_co], metaclass=_JsProxyMeta):
    _js_type_flags: tuple[str, ...] = ("IS_ITERABLE",)


class JsAsyncIterable(JsProxy, Generic[_T_co], metaclass=_JsProxyMeta):
    _js_type_flags = ("IS_ASYNC_ITERABLE",)


class JsGenerator(JsIterable[_T_co], Generic[_T_co, _T_contra, _V_co]):
    _js_type_flags = ("IS_GENERATOR",)


class JsFetchResponse(JsProxy, metaclass=_JsProxyMeta):
    _js_type_flags = 0


class JsAsyncGenerator(JsAsyncIterable[_T_co], Generic[_T_co, _T_contra, _V_co]):
    _js_type_flags = ("IS_ASYNC_GENERATOR",)


class JsCallable(JsProxy, Generic[_P, _T], metaclass=_JsProxyMeta):
    _js_type_flags = ("IS_CALLABLE",)


class JsCallableDoubleProxy(JsDoubleProxy[Callable[_P, _T]], JsCallable[_P, _T], Generic[_P, _T]):
    pass


class JsArray(JsIterable[_T], Generic[_T], metaclass=_ABCMeta):  # (Pyodide's is a MutableSequence too: see above)
    _js_type_flags: tuple[str, ...] = ("IS_ARRAY", "IS_NODE_LIST", "IS_TYPEDARRAY")


class JsTypedArray(JsBuffer, JsArray[int]):
    _js_type_flags = ("IS_TYPEDARRAY",)


class JsMap(JsIterable[_KT], Generic[_KT, _VT_co], metaclass=_ABCMeta):  # (a Mapping there)
    _js_type_flags = ("HAS_GET | HAS_LENGTH | IS_ITERABLE", "IS_OBJECT_MAP", "IS_PY_JSON_DICT")


class JsMutableMap(JsMap[_KT, _VT], Generic[_KT, _VT]):  # (a MutableMapping there)
    _js_type_flags = ("HAS_GET | HAS_SET | HAS_LENGTH | IS_ITERABLE", "IS_OBJECT_MAP", "IS_PY_JSON_DICT")


class JsOnceCallable(JsCallable[_P, _T], Generic[_P, _T]):
    pass


class JsDomElement(JsProxy, metaclass=_JsProxyMeta):
    _js_type_flags = 0


_NEWER = {"JsCallableDoubleProxy", "JsOnceCallable", "JsWeakRef"}  # from Pyodide 0.28

#: name -> (the abstract class, the first Pyodide release that has it: "0.26" or "0.28"); each
#: docstring is Pyodide's own (:mod:`~workers_env.runtime.jsabcdocs`)
ABSTRACT_TYPES: dict[str, tuple[type, str]] = {
    cls.__name__: (cls, "0.28" if cls.__name__ in _NEWER else "0.26") for cls in (
        JsArray, JsMap, JsMutableMap, JsIterable, JsIterator, JsAsyncIterable, JsAsyncIterator, JsGenerator,
        JsAsyncGenerator, JsCallable, JsDoubleProxy, JsCallableDoubleProxy, JsOnceCallable, JsPromise, JsBuffer,
        JsTypedArray, JsFetchResponse, JsDomElement, JsWeakRef)
}


class ToJsConverter(Protocol):
    """``pyodide.ffi.ToJsConverter`` (0.28): the type of ``to_js``'s ``default_converter``."""

    def __call__(self, value: Any, converter: Any, cache: Any, /) -> Any: ...


ABSTRACT_TYPES["ToJsConverter"] = (ToJsConverter, "0.28")
