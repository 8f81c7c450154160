"""JavaScript values as Python Worker code holds them: stand-ins for Pyodide's ``JsProxy``.

Production Python code never touches JS objects directly; it holds proxies that read
properties as attributes, index arrays, and turn into Python with ``.to_py()``. This module
models a JS value tree on top of plain Python data (``dict`` for objects, ``list`` for
arrays, a ``dict`` for a ``Map``), implements ``JsProxy.to_py``, marks the Python values
Python code stores in them as PyProxies (:func:`proxied_by`, :func:`read_stored`), and makes
these proxies of the plain data the emulated bindings return (:func:`from_plain`). The other
direction is in :mod:`.jsconvert` (:func:`~.jsconvert.to_js`, :func:`~.jsconvert.to_plain`),
functions in :mod:`.jsfunctions`, a binding's body stream in :mod:`.jsreadable`, destroyed
proxies in :mod:`.jsdestroyed`, PyProxy rules in :mod:`.jspyproxies` and ``JSON.stringify``
in :mod:`.jsjson`. The parts that need none of the classes here moved out of this module:
which Python values a JS container holds as PyProxies and the borrowed-proxy error to
:mod:`.heldpyproxies`, how a ``Map`` or ``Set`` keeps its keys to :mod:`.jsmapkeys`, a JS
object's own property order to :mod:`.propertyorder`, and ``js_null`` with the ``to_py``
cache to :mod:`.jstopy`; the objects, arrays and Maps stay together, as each makes the others.
"""

from __future__ import annotations

import functools
import math
import sys
import threading
import warnings
import weakref
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, ValuesView
from keyword import iskeyword
from typing import Any

from workers_env import _jscoercions, _jsvalues
from workers_env._deep import ROOMY_FROM, deeper
from workers_env._errors import JsException, caller_level, users_mistake
from workers_env._jsvalues import (
    ByteStream,
    JsDate,
    JsMapResult,
    JsOpaque,
    JsSet,
    crossing,
    js_number,
    number_list,
)
from workers_env.runtime.current import pyodide_028, pyodide_029
from workers_env.runtime.heldpyproxies import (
    _BORROWED_ASYNC_CALL,
    _BORROWED_CALL,
    _BORROWED_NEW,
    Borrow,
    borrowed_error,
    is_stored_as_proxy,
)
from workers_env.runtime.jsarity import ARRAY_METHOD_LENGTHS
from workers_env.runtime.jsbase import (
    JsHostObject,
    JsNull,
    JsProxy,
    js_property_name,
    js_type_error,
    jsnull,
    python_attribute_name,
)
from workers_env.runtime.jsbuffers import (
    JsBuffer,
    JsBufferSource,
    JsDataView,
    JsTypedArray,
    relative_index,
)
from workers_env.runtime.jsdestroyed import DestroyedAttribute
from workers_env.runtime.jsfunctions import JsDoubleProxy
from workers_env.runtime.jsmapkeys import (
    _ABSENT,
    JsBooleanKey,
    SameJsValue,
    _entry_key,
    _new_pyproxy,
    map_key,
    map_key_read,
    missing_key,
    set_key,
    set_member_at,
)
from workers_env.runtime.jsmapmethods import JsMutableMapMethods, get_arguments
from workers_env.runtime.jsmethodcall import loaded_as_method
from workers_env.runtime.jstopy import NULL_AS_JSNULL, NULL_AS_NONE, _converted, _null_for, js_null
from workers_env.runtime.propertyorder import index_first, reorder_in_place
from workers_env.runtime.tracebacks import missed, to_the_caller

__all__ = [
    "OwnsNoProperties",
    "JsIterator",
    "JsProxy",
    "JsHostObject",
    "JsObject",
    "JsArray",
    "JsMap",
    "JsLiteralMap",
    "options_member",
    "own_properties",
    "JsTypedArray",
    "JsBuffer",
    "JsBufferSource",
    "JsDataView",
    "JsNull",
    "jsnull",
    "from_plain",
    "another_proxy",
    "binding_data",
    "js_number",
    "js_null",
    "NULL_AS_NONE",
    "NULL_AS_JSNULL",
    "js_type_error",
    "caller_level",
]


#: plain values :func:`_py` and :func:`_wrap_child` hand straight to ``js_number``
_TEXT_AND_NUMBERS = frozenset({str, int, float, bool})


def _py(value: Any, depth: int, converter: Callable[..., Any] | None = None) -> Any:
    """One JS value converted to Python (``to_py`` for proxies, numbers normalised); an object
    ``to_py`` has no conversion for (a Date, a Response) goes to ``converter`` if one is given."""
    if type(value) in _TEXT_AND_NUMBERS:  # (a result's id, score: what the checks below hand js_number)
        return js_number(value)
    if isinstance(value, (JsProxy, JsDate, JsOpaque)) and not isinstance(value, JsSet):  # (a Date or an Error too)
        if depth == 0:
            return value
        if converter is not None and not isinstance(value, _CONVERTIBLE):
            return converter(value, lambda v: _py(v, depth - 1, converter), None)
        return value.to_py(depth=depth, default_converter=converter) if isinstance(value, JsProxy) else value
    if value is jsnull:
        return js_null()
    if isinstance(value, JsSet) and depth != 0:  # Pyodide: a Set becomes a set
        return {_py(_wrap_child(v), depth - 1, converter) for v in value}
    return js_number(value)


class _MakerOnly:
    """A classmethod of workers-env's own (``JsObject.plain``) that an instance does not show:
    ``row.plain`` is the JS object's property ``plain`` (a D1 column of that name), as Pyodide
    reads it, not the maker -- the descriptor's miss sends the read on to ``__getattr__``."""

    def __init__(self, func: Callable[..., Any]):
        self._method = classmethod(func)
        self.__doc__ = func.__doc__

    def __get__(self, obj: Any, cls: Any = None) -> Any:
        if obj is not None:
            raise AttributeError(self._method.__func__.__name__)
        return self._method.__get__(None, cls)


class JsObject(JsProxy):
    """A plain JS object: properties read and write as attributes."""

    __slots__ = ("_props", "_nulls", "_proxied")

    def __init__(self, props: dict[str, Any] | None = None):
        # integer keys first, as a JS object orders its own properties (a dict out of that order
        # is copied in order: a caller's dict is not reordered under it)
        object.__setattr__(self, "_props", {} if props is None else index_first(props) or props)
        #: the Python containers Python code set on it (PyProxies there): see :func:`proxied_by`
        object.__setattr__(self, "_proxied", None)  # made at the first one
        #: whether a ``None`` property is ``null`` (plain binding data) rather than ``undefined``
        #: (what Pyodide makes of a Python ``None``)
        object.__setattr__(self, "_nulls", False)

    @_MakerOnly
    def plain(cls: type[JsObject], props: dict[str, Any], nulls: Any = True) -> JsObject:
        """An object over plain binding data, converted lazily: ``None`` in it is ``null``
        (turned into Python as ``nulls`` says: see :data:`NULL_AS_NONE`)."""
        obj = cls(props)
        object.__setattr__(obj, "_nulls", nulls)
        return obj

    @_MakerOnly
    def unordered(cls: type[JsObject], props: dict[str, Any]) -> JsObject:
        """An object whose own keys are ``props``' in its order, integer keys not put first: what
        ``Object.keys`` reads of a PyProxy of a dict (a JS Proxy, whose ``ownKeys`` trap lists the
        dict's keys as Python orders them; Pyodide 0.28.2)."""
        obj = cls()
        object.__setattr__(obj, "_props", props)
        return obj

    def __getattr__(self, name: str) -> Any:
        try:
            props = object.__getattribute__(self, "_props")
            # ``o.class_`` reads ``class``, as Pyodide reads it: jsbase.js_property_name written out, so
            # a miss stays two Python functions (tests/test_runtime_a_jsproxy_miss_is_cheap.py)
            key = name
            if name[-1:] == "_" and iskeyword(name.rstrip("_")):
                key = name[:-1]
            if key in props:
                child = props[key]
                if _marked(self, child) or isinstance(child, DestroyedAttribute):  # a Python object Python code
                    return read_stored(self, child, self._nulls)  # stored: its PyProxy converts back to it
                if isinstance(child, _HOST_VALUES):  # a nested stream, response or buffer: converted once,
                    child = props[key] = from_plain(child, self._nulls)  # so reading it twice is one object
                return _callable_for_a_method_call(child, _wrap_child(child, self._nulls))
        except BaseException as error:  # Pyodide's lookup is C: the caller's frame alone
            to_the_caller(error)
            raise
        try:
            raise AttributeError(name)
        except AttributeError as error:  # (the miss alone: what hasattr costs)
            missed(error)
            raise

    def __setattr__(self, name: str, value: Any) -> None:
        # a Python value: 2**53 - 1 a BigInt, as Pyodide sends it; ``o.class_ = v`` sets ``class``
        self._set_held(js_property_name(name), crossing(value))

    def _set_held(self, name: str, value: Any) -> None:
        """Set property ``name`` to ``value``, a value JavaScript holds already (copied from
        another JS object: a whole number stays the number it is)."""
        props = self._props
        if name[:1] > "9" or name in props:  # (an identifier starts after the digits)
            props[name] = value
        else:
            props[name] = value
            if name[:1].isdigit():
                reorder_in_place(props)  # an array index goes before the other keys (JS property order)
        proxied_by(self, value)

    def __delattr__(self, name: str) -> None:
        self._props.pop(js_property_name(name), None)  # JavaScript's delete: a missing property is no error

    def __eq__(self, other: object) -> bool:
        """JavaScript's ``===``, as Pyodide compares two JsProxies: the same JS object (the same
        properties), whichever proxy of it each is (``Object.assign(t, s) == t``)."""
        return self is other or (isinstance(other, JsObject) and other._props is self._props)

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy (see UNHASHABLE)

    @property
    def js_id(self) -> int:
        """The same number for every proxy of this JS object (Pyodide's ``js_id``)."""
        return id(self._props)

    def hasOwnProperty(self, name: Any) -> bool:  # noqa: N802 - JS name
        return _jsvalues.js_key(name) in self._props

    def toString(self) -> str:  # noqa: N802 - JS name
        return "[object Object]"

    _not_js = frozenset({"plain", "unordered"})

    def __dir__(self) -> list[str]:
        """Pyodide's ``dir()`` (``JsProxy_Dir``): the proxy's own Python attributes and the object's
        properties -- but those whose name is empty or starts with a digit (``"0"``, ``"1a"``), and
        a keyword with an underscore after it (``class_``): 0.26.0a4, 0.28.2."""
        return sorted({*super().__dir__(), *(python_attribute_name(key) for key in self._props
                                             if isinstance(key, str) and key and not "0" <= key[0] <= "9")})

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        if depth == 0:  # Pyodide: nothing converted, the proxy itself
            return self
        nulls = self._nulls
        props = self._props
        return _converted(props, {}, lambda made: made.update(
            {k: _py(read_stored(self, self._hosted(k, v), nulls), depth - 1, default_converter)
             for k, v in props.items()}))

    def _hosted(self, name: str, raw: Any) -> Any:
        """A property of binding data that is a stream or a response (``getWithMetadata(key,
        "stream")``'s ``value``) as the JS object it is, made once as an attribute read makes it:
        ``to_py`` leaves such an object a proxy, as Pyodide leaves a ``ReadableStream``."""
        if isinstance(raw, (ByteStream, _jsvalues.HttpResponse)) and not _marked(self, raw):
            raw = self._props[name] = from_plain(raw, self._nulls)
        return raw

    def as_object_map(self) -> JsObjectMap:
        """Pyodide's live mapping view of the object's own properties (deprecated from Pyodide
        0.29, the 314.0.x era, which warns so)."""
        if pyodide_029():
            warnings.warn("JsProxy.as_object_map() is deprecated. Use as_py_json() instead.", RuntimeWarning,
                          stacklevel=2)
        return JsObjectMap(self)

    @property
    def as_py_json(self) -> Callable[[], JsPyJsonMap]:
        """``as_py_json()`` (Pyodide 0.27 on: compatibility dates from 2025-09-29; 0.26 has none):
        the object as a live Python mapping whose plain objects and arrays read as mappings and
        sequences too, at any depth."""
        if not pyodide_028():
            raise AttributeError("as_py_json")
        return lambda: JsPyJsonMap(self)

    def object_keys(self) -> JsArray:
        return JsArray(list(self._props))

    def object_values(self) -> JsArray:
        return marked_like(self, JsArray(list(self._props.values()), nulls=self._nulls))

    def object_entries(self) -> JsArray:
        return JsArray([marked_like(self, JsArray([k, v], nulls=self._nulls)) for k, v in self._props.items()])

    def __repr__(self) -> str:
        return f"[object {self._to_string_tag}]"


def another_proxy(obj: JsObject) -> JsObject:
    """A second JsProxy of JS object ``obj`` (what a JS function returning it hands Python: a new
    proxy each time): the same properties and PyProxies, not the same Python object. A function,
    not a method, so a JS property ``another_proxy`` reads as the property, as in Pyodide."""
    if obj._proxied is None:
        object.__setattr__(obj, "_proxied", {})  # shared from now on, so a mark made on either is on both
    other = JsObject(obj._props)
    object.__setattr__(other, "_proxied", obj._proxied)
    object.__setattr__(other, "_nulls", obj._nulls)
    return other


def _callable(value: Any) -> Callable[..., Any]:
    """A callback an Array method calls, or V8's ``TypeError`` for what is not a function
    (``undefined`` when none is given, ``object null``, ``number 5``; measured against workerd)."""
    if callable(value):
        return value
    raise _jsvalues.not_a_function(value)


_JOINS = threading.local()  # per thread: the arrays being joined (V8's cycle detection stack)


def _joining() -> set[int]:
    found = getattr(_JOINS, "ids", None)
    if found is None:
        found = _JOINS.ids = set()
    return found


def _element_text(value: Any) -> str:
    """An array element as ``Array.prototype.join`` writes it: ``null``/``undefined`` empty."""
    if value is jsnull:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        value = float(value)  # one JS number type: written as JavaScript writes the double
    if isinstance(value, JsArray):
        return value._joined(None)
    if isinstance(value, JsObject):
        return "[object Object]"
    if is_stored_as_proxy(value):  # read back from a PyProxy: its toString is the object's str()
        return str(value)
    return _jsvalues.js_string(value, nested=True)  # (plain data: null/undefined empty, objects, numbers)


def _shown(value: Any) -> str:
    """A value as V8 writes it into an error message without running its code (its
    ``NoSideEffectsToString``, measured against workerd): ``#<Object>``, ``#<Map>`` for an object
    whose ``toString`` is ``Object.prototype``'s, ``[object Array]``/``[object URL]`` where the
    class has its own, ``TypeError: boom`` for an error; plain values as ``String()`` writes them."""
    if value is jsnull:
        return "null"
    if isinstance(value, _jsvalues.BigInt) or (isinstance(value, int) and not isinstance(value, bool)
                                                and not _jsvalues.is_safe_int(value)):
        return str(int(value))  # a BigInt's digits, exact
    if isinstance(value, JsException):
        return str(value)
    if isinstance(value, JsObject):
        return "[object Object]" if "toString" in value._props else "#<Object>"
    if isinstance(value, _jsvalues.JsSet):  # js.Set.new(): a list underneath
        return "#<Set>"
    if isinstance(value, JsProxy):
        return f"[object {value._to_string_tag}]" if hasattr(type(value), "toString") else f"#<{value._js_name}>"
    return _element_text(value)


def _same(a: Any, b: Any, *, nan_equal: bool) -> bool:
    """``===`` (``indexOf``) or SameValueZero (``includes``: NaN equals NaN) of an element ``a`` and
    the value ``b`` Python searches for. A Python container ``b`` reaches JavaScript as a new
    PyProxy, the same as nothing stored (Pyodide 0.26 and 0.28: ``a.append(l); a.includes(l)``
    is ``False``)."""
    if is_stored_as_proxy(b):
        return False
    a, b = _backing(a), _backing(b)
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b or (nan_equal and a != a and b != b)
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return a is b
    return type(a) is type(b) and a == b


def _backing(value: Any) -> Any:
    """What a proxy stands for (two reads of one array element are one JS object)."""
    if isinstance(value, JsArray):
        return value._items
    if isinstance(value, JsObject):
        return object.__getattribute__(value, "_props")
    return value


class MutableMappingMethods(JsMutableMapMethods):
    """Pyodide's JsMutableMap Python methods of a JS ``Map`` and an ``as_object_map()``, over the
    class's ``[]``, ``del``, ``in``, iteration and ``get``: live ``keys``/``values``/``items`` views
    (``collections.abc``'s, as Pyodide's Mapping mixin gives them), and ``pop``, ``popitem``,
    ``setdefault`` and ``update`` as Pyodide's C methods run them (:class:`JsMutableMapMethods`:
    ``m.setdefault('a', 3)`` over a value whose proxy JavaScript destroyed stores 3, as npm
    pyodide 0.26.0a4, 0.28.2 and 314.0.6 do)."""

    __slots__ = ()  # a mixin of JS values' classes: no ``__weakref__`` (see PyodideProxyType)

    def keys(self) -> KeysView[Any]:
        return KeysView(self)  # type: ignore[arg-type]

    def values(self) -> ValuesView[Any]:
        return ValuesView(self)  # type: ignore[arg-type]

    def items(self) -> ItemsView[Any, Any]:
        return ItemsView(self)  # type: ignore[arg-type]


#: what an ``as_object_map()`` looks a JS value up as: no property's name
_NO_PROPERTY: Any = object()


def _property_name(key: Any) -> Any:
    """``key`` as an ``as_object_map()`` looks it up: a JS object, array or function (unhashable)
    names no property -- Pyodide 0.26.0a4 and 0.28.2 find none by it, ``get`` gives the default,
    ``[]`` and ``del`` a ``KeyError`` --; any other as it is."""
    return _NO_PROPERTY if type(key).__hash__ is None else key


class JsObjectMap(MutableMappingMethods, JsProxy):
    """``obj.as_object_map()``: the same JS object read as a Python mapping of its own
    properties (``m["a"]``, ``m["a"] = 1`` and ``del m["a"]`` write the object, ``len``, ``in``,
    iteration over the names, :class:`MutableMappingMethods`), attributes as the object's."""

    __slots__ = ("_object",)
    _python_methods = ("get",)  # Pyodide's Mapping method (the others are MutableMappingMethods')

    def __init__(self, obj: JsObject):
        object.__setattr__(self, "_object", obj)

    def __getattr__(self, name: str) -> Any:
        return getattr(object.__getattribute__(self, "_object"), name)

    def __setattr__(self, name: str, value: Any) -> None:
        setattr(self._object, name, value)

    def __getitem__(self, key: Any) -> Any:
        try:
            if _property_name(key) in self._object._props:
                return getattr(self._object, key)
        except BaseException as error:  # Pyodide's lookup is C: the caller's frame alone
            to_the_caller(error)
            raise
        try:
            raise missing_key(key)  # as a Map's: Pyodide's C sets it so (0.26.0a4, 0.28.2, 314.0.6)
        except KeyError as error:  # (the miss alone)
            missed(error)
            raise

    def __setitem__(self, key: Any, value: Any) -> None:
        if not isinstance(key, str):  # Pyodide 0.26.0a4 and 0.28.2 (m[0] = 2)
            raise TypeError("Can only assign keys of type string to JavaScript object map")
        props = self._object._props
        name = _jsvalues.js_key(key)
        new_index = isinstance(name, str) and name[:1].isdigit() and name not in props
        props[name] = value = crossing(value)
        if new_index:
            reorder_in_place(props)  # an array index goes before the other keys (JS property order)
        proxied_by(self._object, value)

    def __delitem__(self, key: Any) -> None:
        if _property_name(key) not in self._object._props:
            raise missing_key(key)
        del self._object._props[key]

    def __contains__(self, key: Any) -> bool:
        return _property_name(key) in self._object._props

    def __len__(self) -> int:
        return len(self._object._props)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._object._props))

    def get(self, *args: Any, **kwargs: Any) -> Any:
        key, default = get_arguments(args, kwargs)
        return self[key] if _property_name(key) in self._object._props else default

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        return self._object.to_py(depth=depth, default_converter=default_converter)

    def __repr__(self) -> str:
        return repr(self._object)


def _py_json(value: Any) -> Any:
    """A value read through ``as_py_json()``: a plain object or an array is its JSON view too."""
    if type(value) is JsObject:
        return JsPyJsonMap(value)
    if type(value) is JsArray:
        return JsPyJsonArray(value)
    return value


class JsPyJsonMap(JsObjectMap):
    """``obj.as_py_json()`` (Pyodide 0.27 on): :class:`JsObjectMap` whose values that are plain
    objects or arrays read as their own JSON views (``o.as_py_json()["x"]["y"]``)."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        return _py_json(super().__getitem__(key))

    def get(self, *args: Any, **kwargs: Any) -> Any:
        key, default = get_arguments(args, kwargs)
        return self[key] if _property_name(key) in self._object._props else default


class JsPyJsonArray(JsProxy):
    """``array.as_py_json()`` (Pyodide 0.27 on): the array as a live Python sequence whose plain
    objects and arrays read as their JSON views; writes go to the array."""

    __slots__ = ("_array",)

    def __init__(self, array: JsArray):
        object.__setattr__(self, "_array", array)

    def __getattr__(self, name: str) -> Any:
        return getattr(object.__getattribute__(self, "_array"), name)

    def __len__(self) -> int:
        return len(self._array)

    def __getitem__(self, index: Any) -> Any:
        item = self._array[index]
        return [_py_json(v) for v in item] if isinstance(index, slice) else _py_json(item)

    def __setitem__(self, index: Any, value: Any) -> None:
        self._array[index] = value

    def __iter__(self) -> Iterator[Any]:
        return (_py_json(v) for v in self._array)

    def __repr__(self) -> str:
        return repr(self._array)

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        return self._array.to_py(depth=depth, default_converter=default_converter)


class JsIterator(JsProxy):
    """A JS iterator (``array.values()``, ``array.entries()``, ``map.entries()``) as Pyodide hands
    it over: a JsProxy that Python iterates (``next(it)``, ``for``, ``list``), with JavaScript's
    ``next()`` beside it (``{value, done}``), shown as V8 writes it (``[object Array Iterator]``);
    ``isinstance`` of ``JsIterable`` and ``JsIterator`` (real Pyodide 0.26.0a4 and 0.28.2 under Node)."""

    __slots__ = ("_source", "_tag")

    def __init__(self, items: Iterable[Any], tag: str):
        self._source = iter(items)
        self._tag = tag  # its Symbol.toStringTag: "Array Iterator", "Map Iterator"

    def __iter__(self) -> Iterator[Any]:
        return self

    def __next__(self) -> Any:
        return next(self._source)

    def next(self, *_ignored: Any) -> JsObject:
        """JavaScript's ``it.next()``: ``{value, done}``, ``done`` once the items are all read."""
        step = JsObject({"value": None, "done": True})
        for value in self._source:
            step.done = False
            step.value = value  # (a Python value read back from a PyProxy stays that object)
            break
        return step

    def __repr__(self) -> str:
        return f"[object {self._tag}]"


class JsArray(JsProxy):
    """A JS ``Array`` as Pyodide hands it to Python: a mutable sequence (``len``, indexing and
    slicing, ``index``, ``count``, ``append``, ``extend``, ``pop``, ``insert``, ``remove``,
    ``reverse``, ``del``, ``+``, ``*``), with the JS ``Array.prototype`` methods beside it
    (``join``, ``includes``, ``indexOf``, ``slice``, ``map``, ``filter``, ``find``, ``reduce``,
    ``sort``, ...; callbacks get ``(element, index, array)``), and ``str()`` its JS ``toString``.
    Where a Python and a JS method share a name (``pop``, ``reverse``) Python's wins, as in
    Pyodide."""

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy

    _js_name = "Array"
    #: Pyodide's Python list methods of a JS array (its keyword arguments are Python's)
    _python_methods = ("index", "count", "append", "extend", "insert", "remove", "pop", "reverse")
    __slots__ = ("_items", "_nulls", "_proxied")

    def __init__(self, items: list[Any] | None = None, *, nulls: Any = False):
        self._items = [] if items is None else items
        self._proxied: dict[int, tuple[Any, Any]] | None = None  # as JsObject's
        self._nulls = nulls  # as JsObject's: None items are null (plain binding data)

    def __getattr__(self, name: str) -> Any:
        try:
            raise AttributeError(name)  # Pyodide's text: the name alone
        except AttributeError as error:  # Pyodide's lookup is C: the caller's frame alone
            missed(error)
            raise

    @property
    def as_py_json(self) -> Callable[[], JsPyJsonArray]:
        """``as_py_json()`` (Pyodide 0.27 on; 0.26 has none): the array as a live Python
        sequence whose plain objects and arrays read as their JSON views."""
        if not pyodide_028():
            raise AttributeError("as_py_json")
        return lambda: JsPyJsonArray(self)

    @property
    def length(self) -> int:
        return len(self._items)

    def _at(self, raw: Any) -> Any:
        return read_stored(self, raw, self._nulls)

    # -- the Python sequence (Pyodide's JsArray) -------------------------------------------
    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        try:
            if isinstance(index, slice):
                return marked_like(self, JsArray(self._items[index], nulls=self._nulls))
            if isinstance(index, bool) or not isinstance(index, int):
                raise TypeError(f"list indices must be integers or slices, not {type(index).__name__}")
            if not -len(self._items) <= index < len(self._items):
                raise IndexError(index)
            return self._at(self._items[index])
        except BaseException as error:  # Pyodide's lookup is C: the caller's frame alone
            to_the_caller(error)
            raise

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            added = [crossing(item) for item in value]
            self._items[index] = added
            for item in added:
                proxied_by(self, item)
            return
        if isinstance(index, int) and index >= len(self._items):  # JS: the array grows, with holes
            self._items.extend([None] * (index - len(self._items) + 1))
        value = crossing(value)
        try:
            self._items[index] = value
        except IndexError:
            raise IndexError(index) from None
        proxied_by(self, value)

    def __delitem__(self, index: Any) -> None:
        try:
            del self._items[index]
        except IndexError:
            raise IndexError(index) from None

    def __iter__(self) -> Iterator[Any]:
        nulls = self._nulls
        return (read_stored(self, v, nulls) for v in self._items)

    def __reversed__(self) -> Iterator[Any]:
        nulls = self._nulls
        return (read_stored(self, v, nulls) for v in reversed(self._items))

    def __contains__(self, value: Any) -> bool:
        """Pyodide asks JavaScript (``includes``): a Python container is a new PyProxy there, in no
        array (``l in a`` is ``False`` even after ``a.append(l)``; ``a.index(l)`` finds it)."""
        return not is_stored_as_proxy(value) and any(self._equal_at(i, item, value) for i, item in enumerate(self))

    def _equal_at(self, index: int, item: Any, value: Any) -> bool:
        """Python's ``in``/``index``/``count`` of ``value`` against the element at ``index``
        (read as ``item``), with JavaScript's ``null`` and ``undefined`` apart (:meth:`_null_match`)."""
        if value is None or value is jsnull:
            return self._null_match(index, value)
        return item is value or item == value

    def _null_match(self, index: int, value: Any) -> bool:
        """Whether the element at ``index`` is ``value`` -- ``None`` (``undefined`` in JavaScript)
        or ``jsnull`` -- as JavaScript compares them: by what the array holds, since before
        Pyodide 0.28 a ``null`` element reads as ``None`` too (0.26.0a4 under Node:
        ``JSON.parse('[null]').indexOf(None)`` is -1, ``None in`` it ``False``)."""
        raw = self._items[index]
        null = raw is jsnull or (raw is None and bool(self._nulls))
        return null if value is jsnull else raw is None and not null

    def _same_at(self, index: int, item: Any, value: Any, nan_equal: bool) -> bool:
        """``===`` (or SameValueZero) of the element at ``index``, read as ``item``, and ``value``."""
        if value is None or value is jsnull:
            return self._null_match(index, value)
        return _same(item, value, nan_equal=nan_equal)

    def __add__(self, other: Any) -> JsArray:
        made = marked_like(self, JsArray(list(self._items), nulls=self._nulls))
        if isinstance(other, JsArray):
            made._items.extend(other._items)
            return marked_like(other, made)
        made.extend(other)
        return made

    def __mul__(self, times: int) -> JsArray:
        return marked_like(self, JsArray(self._items * times, nulls=self._nulls))

    def index(self, value: Any, start: int = 0, stop: int | None = None) -> int:
        for position, item in enumerate(self):
            if position >= start and (stop is None or position < stop) and self._equal_at(position, item, value):
                return position
        raise ValueError(f"{value!r} is not in list")

    def count(self, value: Any) -> int:
        return sum(1 for i, item in enumerate(self) if self._equal_at(i, item, value))

    def append(self, value: Any) -> None:
        value = crossing(value)
        self._items.append(value)
        proxied_by(self, value)

    def extend(self, values: Any) -> None:
        if isinstance(values, JsArray):  # Python iterates it: a destroyed proxy there raises, as in Pyodide
            for raw in values._items:
                read_stored(values, raw)
            self._items.extend(values._items)
            marked_like(values, self)
            return
        added = [crossing(value) for value in values]
        self._items.extend(added)
        for value in added:
            proxied_by(self, value)

    def insert(self, index: int, value: Any) -> None:
        value = crossing(value)
        self._items.insert(index, value)
        proxied_by(self, value)

    def remove(self, value: Any) -> None:
        del self._items[self.index(value)]

    def pop(self, index: int = -1) -> Any:
        if not self._items:
            raise IndexError("pop from empty list")
        try:
            return self._at(self._items.pop(index))
        except IndexError:
            raise IndexError("pop index out of range") from None

    def reverse(self) -> None:
        self._items.reverse()

    # -- Array.prototype ---------------------------------------------------------------------
    def push(self, *values: Any) -> int:
        values = tuple(map(crossing, values))
        self._items.extend(values)
        for value in values:
            proxied_by(self, value, borrowed=True)
        return len(self._items)

    def unshift(self, *values: Any) -> int:
        values = tuple(map(crossing, values))
        self._items[:0] = values
        for value in values:
            proxied_by(self, value, borrowed=True)
        return len(self._items)

    def shift(self) -> Any:
        return self._at(self._items.pop(0)) if self._items else None

    def at(self, index: int) -> Any:
        position = int(index)
        if position < 0:
            position += len(self._items)
        return self._at(self._items[position]) if 0 <= position < len(self._items) else None

    def join(self, separator: Any = None) -> str:
        """V8's ``join``: an array met again while it is being joined (one holding itself, as
        ``to_js`` of a cyclic list makes) is written as ``""``, not followed."""
        return self._joined(separator)

    def toString(self) -> str:  # noqa: N802 - JS name
        return self._joined(None)

    def _joined(self, separator: Any) -> str:
        """:meth:`join` itself: nested arrays call it directly, not through the keyword-folding
        wrapper of the JS-facing methods, whose ``func(*args)`` costs a C stack frame a level on
        Python 3.11 (a 1,000-level array overflowed a 512 KiB thread stack)."""
        joining = _joining()
        if id(self) in joining:
            return ""
        sep = "," if separator is None else _jsvalues.js_string(separator)
        joining.add(id(self))
        try:
            if len(joining) < ROOMY_FROM:
                return sep.join([_element_text(item) for item in self])
            return deeper(len(joining), "String(array)", lambda: sep.join([_element_text(item) for item in self]))
        finally:
            joining.discard(id(self))

    def includes(self, value: Any, fromIndex: int = 0) -> bool:  # noqa: N803 - JS name
        start = relative_index(fromIndex, len(self._items), 0)
        return any(self._same_at(i, item, value, True) for i, item in enumerate(list(self)) if i >= start)

    def indexOf(self, value: Any, fromIndex: int = 0) -> int:  # noqa: N802,N803 - JS names
        start = relative_index(fromIndex, len(self._items), 0)
        return next((i for i, item in enumerate(self) if i >= start and self._same_at(i, item, value, False)), -1)

    def lastIndexOf(self, value: Any, *from_index: Any) -> int:  # noqa: N802 - JS name
        """The last index of ``value`` at or before ``fromIndex`` (negative: from the end; one
        given as ``undefined`` is 0, as ECMAScript reads a ``fromIndex`` present), else -1."""
        items = list(self)
        start = len(items) - 1
        if from_index:
            at = _integer_or_infinity(from_index[0])
            start = int(min(at, start)) if at >= 0 else int(max(len(items) + at, -1))
        return next((i for i in range(start, -1, -1) if self._same_at(i, items[i], value, False)), -1)

    def slice(self, start: Any = None, end: Any = None) -> JsArray:
        length = len(self._items)
        begin, stop = relative_index(start, length, 0), relative_index(end, length, length)
        return marked_like(self, JsArray(self._items[begin:stop], nulls=self._nulls))

    def concat(self, *values: Any) -> JsArray:
        """An Array is spread, and so is a Python list or tuple (its PyProxy is concat-spreadable:
        Pyodide 0.26 and 0.28 under Node), whose items JavaScript reads as their PyProxies;
        anything else is one element."""
        made = marked_like(self, JsArray(list(self._items), nulls=self._nulls))
        for value in values:
            if isinstance(value, JsArray):
                made._items.extend(value._items)
                marked_like(value, made)
            elif type(value) in (list, tuple):
                made.extend(value)  # each item read through the PyProxy: its own PyProxy, kept
            else:
                made._items.append(value := crossing(value))
                proxied_by(made, value, borrowed=True)
        return made

    def flat(self, depth: int = 1) -> JsArray:
        """Arrays spread ``depth`` levels deep; a Python list stored there is a PyProxy, which is
        no Array (``Array.isArray`` is false), so it stays one item, as in Pyodide."""
        made = JsArray([], nulls=self._nulls)

        def spread(owner: JsArray, items: list[Any], level: int) -> None:
            for item in items:
                if level > 0 and isinstance(item, JsArray):
                    spread(item, item._items, level - 1)
                elif level > 0 and type(item) is list and not _marked(owner, item):  # plain binding data
                    spread(owner, item, level - 1)
                else:
                    made._items.append(item)
                    carry_mark(owner, made, item)

        spread(self, self._items, int(depth))
        return made

    def map(self, callback: Any = None, *this_arg: Any) -> JsArray:
        """The callback's results; a Python container it returns is its (live) PyProxy there,
        read back as the object (Pyodide 0.26 and 0.28 under Node)."""
        call = _jsvalues.with_this(_callable(callback), this_arg)
        made = JsArray([call(item, i, self) for i, item in enumerate(self)])
        if not isinstance(callback, JsProxy):  # a Python function's results cross as Pyodide converts them
            made._items[:] = map(crossing, made._items)
        for value in made._items:
            proxied_by(made, value)
        return made

    def filter(self, callback: Any = None, *this_arg: Any) -> JsArray:
        call = _jsvalues.with_this(_callable(callback), this_arg)
        return marked_like(self, JsArray([raw for i, (raw, item) in enumerate(zip(self._items, self, strict=True))
                                          if _jscoercions.js_truthy(call(item, i, self))], nulls=self._nulls))

    def forEach(self, callback: Any = None, *this_arg: Any) -> None:  # noqa: N802 - JS name
        call = _jsvalues.with_this(_callable(callback), this_arg)
        for i, item in enumerate(self):
            call(item, i, self)

    def find(self, callback: Any = None, *this_arg: Any) -> Any:
        call = _jsvalues.with_this(_callable(callback), this_arg)
        return next((item for i, item in enumerate(self) if _jscoercions.js_truthy(call(item, i, self))), None)

    def findIndex(self, callback: Any = None, *this_arg: Any) -> int:  # noqa: N802 - JS name
        call = _jsvalues.with_this(_callable(callback), this_arg)
        return next((i for i, item in enumerate(self) if _jscoercions.js_truthy(call(item, i, self))), -1)

    def some(self, callback: Any = None, *this_arg: Any) -> bool:
        call = _jsvalues.with_this(_callable(callback), this_arg)
        return any(_jscoercions.js_truthy(call(item, i, self)) for i, item in enumerate(self))

    def every(self, callback: Any = None, *this_arg: Any) -> bool:
        call = _jsvalues.with_this(_callable(callback), this_arg)
        return all(_jscoercions.js_truthy(call(item, i, self)) for i, item in enumerate(self))

    def reduce(self, callback: Any = None, *initial: Any) -> Any:
        call = _callable(callback)
        items = list(self)
        if not initial and not items:
            raise js_type_error("Reduce of empty array with no initial value")
        accumulator, start = (initial[0], 0) if initial else (items[0], 1)
        for i in range(start, len(items)):
            accumulator = call(accumulator, items[i], i, self)
        return accumulator

    def reduceRight(self, callback: Any = None, *initial: Any) -> Any:  # noqa: N802 - JS name
        call = _callable(callback)
        items = list(self)
        if not initial and not items:
            raise js_type_error("Reduce of empty array with no initial value")
        accumulator, start = (initial[0], len(items) - 1) if initial else (items[-1], len(items) - 2)
        for i in range(start, -1, -1):
            accumulator = call(accumulator, items[i], i, self)
        return accumulator

    def findLast(self, callback: Any = None, *this_arg: Any) -> Any:  # noqa: N802 - JS name
        call = _jsvalues.with_this(_callable(callback), this_arg)
        items = list(self)
        return next((items[i] for i in reversed(range(len(items))) if _jscoercions.js_truthy(call(items[i], i, self))),
                    None)

    def findLastIndex(self, callback: Any = None, *this_arg: Any) -> int:  # noqa: N802 - JS name
        call = _jsvalues.with_this(_callable(callback), this_arg)
        items = list(self)
        return next((i for i in reversed(range(len(items))) if _jscoercions.js_truthy(call(items[i], i, self))), -1)

    def flatMap(self, callback: Any = None, *this_arg: Any) -> JsArray:  # noqa: N802 - JS name
        """``map`` then ``flat(1)``: a callback's array result is spread, anything else kept."""
        return self.map(callback, *this_arg).flat(1)

    def toSorted(self, compare: Any = None) -> JsArray:  # noqa: N802 - JS name
        """A sorted copy (``sort``'s order and its refusal of a comparison that is not a function)."""
        return marked_like(self, JsArray(list(self._items), nulls=self._nulls)).sort(compare)

    def toReversed(self) -> JsArray:  # noqa: N802 - JS name
        return marked_like(self, JsArray(self._items[::-1], nulls=self._nulls))

    def toSpliced(self, *args: Any) -> JsArray:  # noqa: N802 - JS name
        """A copy with ``splice(*args)`` applied (no arguments: a plain copy); this array unchanged."""
        copy = marked_like(self, JsArray(list(self._items), nulls=self._nulls))
        if args:
            copy.splice(*args)
        return copy

    def with_(self, index: Any, value: Any = None) -> JsArray:
        """JavaScript's ``with`` (Pyodide's name ``with_``, ``with`` being a Python keyword): a copy
        with the item at ``index`` (negative from the end) replaced; out of range is V8's
        ``RangeError: Invalid index : <index>``."""
        length = len(self._items)
        at = _integer_or_infinity(index)
        position = at + length if at < 0 else at
        if not 0 <= position < length:
            raise JsException(f"Invalid index : {_number_shown(at)}", name="RangeError")
        position = int(position)
        copy = marked_like(self, JsArray(list(self._items), nulls=self._nulls))
        copy._items[position] = value = crossing(value)
        proxied_by(copy, value, borrowed=True)  # a call's argument: Pyodide destroys its proxy at the return
        return copy

    def sort(self, compare: Any = None) -> JsArray:
        """In place, as JS sorts: by the elements' strings (UTF-16 order), ``undefined`` last;
        or by ``compare(a, b)``'s sign."""
        pairs = list(zip(self._items, self, strict=True))
        defined = [p for p in pairs if p[1] is not None]
        if compare is None:
            defined.sort(key=lambda p: _element_text(p[1]).encode("utf-16-be", "surrogatepass"))
        elif not callable(compare):
            raise js_type_error(f"The comparison function must be either a function or undefined: {_shown(compare)}")
        else:
            call = compare

            def order(x: tuple[Any, Any], y: tuple[Any, Any]) -> int:
                sign = float(call(x[1], y[1]) or 0)
                return 0 if sign == 0 or math.isnan(sign) else (1 if sign > 0 else -1)

            defined.sort(key=functools.cmp_to_key(order))
        self._items[:] = [raw for raw, _ in defined] + [raw for raw, item in pairs if item is None]
        return self

    def fill(self, value: Any, start: Any = None, end: Any = None) -> JsArray:
        value = crossing(value)
        length = len(self._items)
        for i in range(relative_index(start, length, 0), relative_index(end, length, length)):
            self._items[i] = value
        proxied_by(self, value, borrowed=True)  # a call's argument: Pyodide destroys its proxy at the return
        return self

    def splice(self, start: Any, *rest: Any) -> JsArray:
        length = len(self._items)
        begin = relative_index(start, length, 0)
        count = length - begin if not rest else max(0, min(int(rest[0]), length - begin))
        removed = marked_like(self, JsArray(self._items[begin:begin + count], nulls=self._nulls))
        self._items[begin:begin + count] = added = [crossing(value) for value in rest[1:]]
        for value in added:  # a call's arguments: Pyodide destroys their proxies at the return
            proxied_by(self, value, borrowed=True)
        return removed

    def entries(self) -> JsIterator:
        """``[index, item]`` arrays, read as the iteration reaches them (a JS array iterator is
        live: an item set or appended meanwhile is seen, as ``values()``'s)."""
        def live() -> Iterator[JsArray]:
            i = 0
            while i < len(self._items):
                yield marked_like(self, JsArray([i, self._items[i]], nulls=self._nulls))
                i += 1

        return JsIterator(live(), "Array Iterator")

    def values(self) -> JsIterator:
        return JsIterator(iter(self), "Array Iterator")

    def object_keys(self) -> JsArray:
        """``Object.keys(array)``: its indices as strings."""
        return JsArray([str(i) for i in range(len(self._items))])

    def object_values(self) -> JsArray:
        """``Object.values(array)``: a copy of its items (the same PyProxies; measured against
        Pyodide 0.26.0a4 and 0.28.2)."""
        return marked_like(self, JsArray(list(self._items), nulls=self._nulls))

    def object_entries(self) -> JsArray:
        """``Object.entries(array)``: ``[index as a string, item]`` pairs."""
        return JsArray([marked_like(self, JsArray([str(i), v], nulls=self._nulls)) for i, v in enumerate(self._items)])

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        if depth == 0:  # Pyodide: nothing converted, the proxy itself
            return self
        if self._items:
            numbers = number_list(self._items)  # a vector: no per-element proxies
            if numbers is not None:
                return numbers
        nulls = self._nulls
        items = self._items
        return _converted(items, [], lambda made: made.extend(
            [_py(read_stored(self, v, nulls), depth - 1, default_converter) for v in list(items)]))

    def __repr__(self) -> str:
        return self.toString()  # Pyodide: JavaScript's String(array)

    __str__ = __repr__


def _name_array_methods() -> None:
    """An array's JS methods carry V8's ``length`` and ``name`` (``arr.push.length`` is 1,
    ``arr.slice.name`` ``'slice'``; npm pyodide 0.26.0a4, 0.28.2 and 314.0.6 read them off the JS
    function): set on each method, which a bound method reads through. The Python list methods
    Pyodide puts first (``pop``, ``reverse``) are Python's and have neither, as there."""
    for js_name, length in ARRAY_METHOD_LENGTHS.items():
        method = vars(JsArray).get("with_" if js_name == "with" else js_name)
        if js_name in JsArray._python_methods or not callable(method):
            continue
        method.length, method.name = length, js_name


_name_array_methods()


def _added_to_set(owner: JsSet, value: Any) -> None:
    """``value``, handed to ``owner.add``, is a new PyProxy borrowed for that call: marked as one
    destroyed when it returned (:func:`read_member`), as ``push``'s arguments are."""
    if _new_pyproxy(value):
        _mark(owner, value, True)


def _set_member(owner: JsSet, raw: Any) -> Any:
    return read_member(owner, raw)


def _set_iterator(owner: JsSet, entries: bool) -> JsIterator:
    """``owner.values()`` (``entries``: ``owner.entries()``, ``[member, member]`` arrays holding
    its PyProxies), live as V8's (:meth:`JsSet.walk`)."""
    def live() -> Iterator[Any]:
        for raw in owner.walk():
            yield marked_like(owner, JsArray([raw, raw])) if entries else read_member(owner, raw)

    return JsIterator(live(), "Set Iterator")


_jsvalues.set_membership(set_member_at, _set_member, _added_to_set, _set_iterator)


class OwnsNoProperties:
    """Pyodide's ``object_keys``/``object_values``/``object_entries`` (so ``Object.keys`` and co.)
    of a JS object that owns no properties of its own: each is an empty array."""

    __slots__ = ()  # a mixin of JS values' classes: no ``__weakref__`` (see PyodideProxyType)

    def object_keys(self) -> JsArray:
        return JsArray([])

    def object_values(self) -> JsArray:
        return JsArray([])

    def object_entries(self) -> JsArray:
        return JsArray([])


class _MapWalk:
    """One live walk of a ``Map``: the keys it has given (:meth:`JsMap._live_keys`), and whether
    the map was cleared since its last step (it then starts over on what is set after)."""

    __slots__ = ("given", "cleared", "__weakref__")

    def __init__(self) -> None:
        self.given: set[Any] = set()
        self.cleared = False


class JsMap(OwnsNoProperties, MutableMappingMethods, JsProxy):
    """A JS ``Map`` -- what ``to_js(dict)`` makes without a ``dict_converter``; its entries are
    no properties, so ``Object.keys(map)`` and co. are empty."""

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy

    _js_name = "Map"
    _python_methods = ("get",)  # Pyodide's Mapping method (the others are MutableMappingMethods')
    __slots__ = ("_entries", "_proxied", "_walks")


    def __init__(self, entries: dict[Any, Any] | None = None):
        if entries is not None and any(type(k) is bool for k in entries):  # true/false kept apart from 1/0
            entries = {map_key(k): v for k, v in entries.items()}
        self._entries = {} if entries is None else entries
        self._proxied: dict[int, tuple[Any, Any]] | None = None  # as JsObject's
        #: the walks under way (:meth:`_live_keys`), each the keys it has given
        self._walks: weakref.WeakSet[_MapWalk] | None = None

    def _read(self, raw: Any) -> Any:
        return read_stored(self, raw)

    # Pyodide's JsMap: the Python mapping protocol (``keys``/``values``/``items``/``get``, ``[]``,
    # ``in``, ``len``, iteration over keys) over the JavaScript methods of a ``Map``
    @property
    def size(self) -> int:
        return len(self._entries)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        """Pyodide's ``JsMap.get``: the default too for a value whose proxy JavaScript destroyed
        (a Python container given to ``map.set``; 0.26.0a4, 0.26.2 and 0.28.2 under Node)."""
        key, default = get_arguments(args, kwargs)
        raw = self._entries.get(_entry_key(key), _ABSENT)
        if raw is _ABSENT:
            return default
        try:
            return self._read(raw)
        except JsException:
            return default

    def has(self, key: Any) -> bool:
        return _entry_key(key) in self._entries

    def set(self, key: Any, value: Any) -> JsMap:
        self._entries[set_key(key, borrowed=True)] = value = crossing(value)
        proxied_by(self, value, borrowed=True)  # a call's argument: Pyodide destroys its proxy at the return
        return self

    def delete(self, key: Any) -> bool:
        held = _entry_key(key)
        if self._entries.pop(held, _ABSENT) is _ABSENT:
            return False
        self._forget(held)
        return True

    def clear(self) -> None:
        self._entries.clear()
        for walk in self._walks or ():
            walk.given.clear()
            walk.cleared = True

    def _forget(self, key: Any) -> None:
        """``key`` deleted: set again, it is a new entry each walk under way reaches again."""
        for walk in self._walks or ():
            walk.given.discard(key)

    def entries(self) -> JsIterator:
        """JavaScript's ``map.entries()``: an iterator of ``[key, value]`` arrays, live as a JS Map
        iterator is -- a value set meanwhile is read as it is then, an entry added meanwhile is
        visited, one deleted before the iteration reaches it is not (Pyodide 0.26 and 0.28)."""
        entries = self._entries
        live = (marked_like(self, JsArray([map_key_read(key), entries[key]])) for key in self._live_keys())
        return JsIterator(live, "Map Iterator")

    def _live_keys(self) -> Iterator[Any]:
        """The keys as held, live as a JS Map iterator walks them: one added meanwhile is
        reached, one deleted before the walk reaches it is not, one deleted after and set again
        is reached again at its new place, and after a ``clear()`` it goes on with what is set then
        (Pyodide 0.26.0a4, 0.28.2, 314.0.6, leftovers51, audit27). The keys not given yet, in the
        dict's order, are the walk's rest: a key set anew goes last."""
        entries = self._entries
        walk = _MapWalk()
        if self._walks is None:
            self._walks = weakref.WeakSet()
        self._walks.add(walk)
        given = walk.given
        while True:
            walk.cleared = False
            try:
                for key in entries:
                    if walk.cleared:  # (a dict cleared and refilled to its old size: no RuntimeError)
                        break
                    if key not in given:
                        given.add(key)
                        yield key
                else:
                    if not walk.cleared:
                        return
            except RuntimeError:  # the map changed size under the walk: on from the first key not given yet
                continue

    def forEach(self, callback: Any = None, *this_arg: Any) -> None:  # noqa: N802 - JS name
        """Calls ``callback(value, key, map)`` with all three arguments, as JavaScript passes them
        (``this`` the ``thisArg`` given); a callback that is not a function (or none) is V8's
        TypeError, even for an empty map."""
        if not callable(callback):
            raise _jsvalues.not_a_function(callback)
        callback = _jsvalues.with_this(callback, this_arg)
        for key in self._live_keys():  # (live: an entry added by the callback is visited)
            callback(self._read(self._entries[key]), map_key_read(key), self)

    def __getitem__(self, key: Any) -> Any:
        raw = self._entries.get(_entry_key(key), _ABSENT)
        if raw is _ABSENT:
            try:
                raise missing_key(key)
            except KeyError as error:  # (the miss alone: cheap, as a dict's)
                missed(error)
                raise
        try:
            return self._read(raw)
        except BaseException as error:  # Pyodide's lookup is C: the caller's frame alone
            to_the_caller(error)
            raise

    def __setitem__(self, key: Any, value: Any) -> None:
        self._entries[set_key(key)] = value = crossing(value)
        proxied_by(self, value)

    def __delitem__(self, key: Any) -> None:
        held = _entry_key(key)
        if self._entries.pop(held, _ABSENT) is _ABSENT:
            try:
                raise missing_key(key)
            except KeyError as error:  # Pyodide's deletion is C: the caller's frame alone
                missed(error)
                raise
        self._forget(held)

    def js_iteration(self) -> Iterator[Any]:
        """What JavaScript's iteration protocol yields (``for...of``, ``Array.from``,
        ``Object.fromEntries``, ``new Map(map)``): the entries, not the keys Python iterates."""
        return self.entries()

    def __contains__(self, key: Any) -> bool:
        return _entry_key(key) in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Any]:
        """The keys, live as JavaScript's walk of a Map (Pyodide iterates the Map's own iterator)."""
        return (map_key_read(key) for key in self._live_keys())

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """A ``dict`` of the entries; a key that is a JS object, array or function is Pyodide's
        ``Cannot use key of type Object as a key to a Python dict`` (0.26.0a4 and 0.28.2); ``true``
        beside ``1`` (or ``false`` beside ``0``), which one dict key would merge, Pyodide's ``Cannot
        faithfully convert Map into Python since it contains both 1 and true as keys.`` (0.26.0a4,
        0.28.2, 314.0.6 under Node, review55)."""
        entries = self._entries
        for key in entries:
            if type(key) is SameJsValue:
                raise JsException(f"Cannot use key of type {key.value._js_name} as a key to a Python dict")
            if type(key) is JsBooleanKey and int(key.value) in entries:
                raise JsException(f"Cannot faithfully convert Map into Python since it contains both {int(key.value)} "
                                  f"and {'true' if key.value else 'false'} as keys.", name="Error")
        return _converted(entries, {}, lambda made: made.update(
            {map_key_read(k): _py(self._read(v), depth - 1, default_converter) for k, v in entries.items()}))



#: property names a ``Map`` answers with its own member (a function), whatever its entries hold
MAP_MEMBERS = frozenset({
    "constructor", "get", "set", "has", "delete", "clear", "entries", "forEach", "keys", "values",
    "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
})


class JsLiteralMap(JsMap):
    """What ``to_js(dict)`` makes from Pyodide 0.27 on (compatibility dates from 2025-09-29):
    a ``Map`` whose string keys are also its own properties, so ``m.a``, ``Object.keys(m)``,
    ``JSON.stringify(m)`` and a binding reading its options see the dict's items."""

    _js_name = "LiteralMap"
    __slots__ = ()

    def __getattr__(self, name: str) -> Any:
        entries = object.__getattribute__(self, "_entries")
        key = js_property_name(name)  # ``m.class_`` reads ``class``, as Pyodide reads any property
        if key in entries:
            return _callable_for_a_method_call(entries[key], self._read(entries[key]))
        raise AttributeError(name)

    def __repr__(self) -> str:
        return "[object Map]"  # a Map subclass: its Symbol.toStringTag is Map's

    @property
    def size(self) -> Any:  # type: ignore[override]
        """Pyodide's ``literal-map.js`` reads ``map[k] || map.get(k)``: a size of 0 is falsy,
        so an empty LiteralMap's ``size`` is its ``"size"`` entry (``undefined``: ``None``)."""
        return len(self._entries) or self.get("size")

    def properties(self) -> dict[str, Any]:
        """Its own properties: the entries with a string key (``Object.keys`` lists them all)."""
        return {k: v for k, v in self._entries.items() if isinstance(k, str)}

    def read_properties(self) -> dict[str, Any]:
        """Its properties as JavaScript reads them (``{...m}``, ``JSON.stringify(m)``, a
        binding): literal-map.js reads ``map[k] || map.get(k)``, so a key named like a ``Map``
        or ``Object`` member reads as that member, a function (left out here, as JSON leaves it
        out), and ``size`` as the number of entries (real Pyodide 0.28.2 under Node)."""
        return {k: len(self._entries) if k == "size" else v for k, v in self.properties().items()
                if k not in MAP_MEMBERS}

    def object_keys(self) -> JsArray:
        return JsArray(list(self.properties()))

    def object_values(self) -> JsArray:
        return JsArray(list(self.properties().values()))

    def object_entries(self) -> JsArray:
        return JsArray([JsArray([k, v]) for k, v in self.properties().items()])


def options_member(options: Any, name: str, default: Any = None) -> Any:
    """An options dictionary's member ``name`` as a Web API reads it (``options.name``): a JS
    object's own property, or -- ``to_js(dict)`` from Pyodide 0.27, whose keys are properties --
    a ``LiteralMap``'s (real Pyodide 0.28.2: ``new Blob([], to_js({"type": ...}))`` has that type);
    ``default`` for anything else (a ``Map``, a PyProxy: JavaScript reads no member of those)."""
    if isinstance(options, JsObject):
        return options._props.get(name, default)
    if isinstance(options, JsLiteralMap):
        return options.read_properties().get(name, default)
    return default


#: what ``to_py`` converts itself (a JS object, array, Map, buffer); anything else goes to a
#: ``default_converter`` when one is given
_CONVERTIBLE = (JsObject, JsArray, JsMap, JsBufferSource)


#: plain values a binding's result may nest that reach Worker code as JavaScript objects
#: (a fake R2 object's ``body`` stream, say), as :func:`from_plain` makes them
_HOST_VALUES = (ByteStream, _jsvalues.HttpResponse, bytes, memoryview)


def _callable_for_a_method_call(stored: Any, value: Any) -> Any:
    """``value``, a JS property read by a proxy's ``__getattr__`` (``stored`` as held); read for a
    method call (``obj.a()``) on Pyodide 0.28 and later when it is no JS function -- nor a PyProxy,
    which reads back as its Python object -- Pyodide's ``TypeError: Expected callable`` instead
    (runtime/jsmethodcall.py)."""
    if isinstance(stored, JsDoubleProxy) or (callable(value) and not isinstance(value, JsProxy)) \
            or (isinstance(value, JsProxy) and getattr(type(value), "typeof", None) == "function"):
        return value
    if pyodide_028() and loaded_as_method(sys._getframe(2)):  # the frame reading the property
        raise users_mistake(TypeError("Expected callable"))  # Pyodide's answer to the user's call
    return value


def _wrap_child(value: Any, nulls: Any = False) -> Any:
    """A stored property value as Python reads it: containers stay proxies; ``null`` (and,
    with ``nulls``, a ``None`` of plain binding data) as the Worker's Pyodide converts it."""
    if value is jsnull:
        return js_null()
    if value is None:
        return _null_for(nulls) if nulls else None
    if type(value) in _TEXT_AND_NUMBERS:  # (what the checks below hand js_number, asked first)
        return js_number(value)
    if isinstance(value, dict):  # plain data stored lazily (results from bindings)
        return JsObject.plain(value, nulls or True)
    if type(value) is list:  # a JsSet (a list subclass) stays a Set
        return JsArray(value, nulls=nulls or True)
    if isinstance(value, JsDoubleProxy) and not value._roundtrip:  # a PyProxy (to_js past its depth): the object
        return value.unwrap()
    return js_number(value)


def _marked(owner: Any, raw: Any) -> bool:
    marks = owner._proxied
    if marks is None:
        return False
    mark = marks.get(id(raw))
    return mark is not None and mark[1] is raw


def own_properties(obj: JsObject) -> list[tuple[str, Any]]:
    """``obj``'s own properties as JavaScript holds them, for a Web API reading it as a record:
    a ``null`` of binding data (stored as ``None``) as ``jsnull``, so that ``String()`` of it is
    ``"null"`` in every era."""
    nulls = obj._nulls
    return [(k, jsnull if nulls and v is None else v) for k, v in obj._props.items()]


def read_stored(owner: Any, raw: Any, nulls: Any = False) -> Any:
    """A property, item or entry of a JS object, array or Map as Python reads it: a Python value
    Python code stored there (``o.x = [1, 2]``, ``a.append(d)``, ``m["k"] = l``) is its PyProxy,
    which Pyodide converts back to that very object (a ``list``, not a JsProxy); one handed to a
    JS function (``push``, ``splice``, ``fill``, ``map.set``, ``Array.of``) is a proxy Pyodide
    destroyed when the call returned, so reading it is the ``borrowed proxy`` error (0.26.0a4
    and 0.26.2 under Node; 0.28.2 raises a ``SystemError`` there); anything else as
    :func:`_wrap_child` reads it."""
    if isinstance(raw, DestroyedAttribute):
        raise JsException(raw.message)
    if _marked(owner, raw):
        flag = owner._proxied[id(raw)][0]
        if flag:
            raise borrowed_error(flag)
        return raw
    return _wrap_child(raw, nulls)


def read_member(owner: Any, raw: Any) -> Any:
    """``raw``, which a Web API read from the JS object ``owner`` and keeps (a ``CustomEvent``'s
    ``detail``), as Python reads it back later: a Python container Python code put in ``owner``
    is its PyProxy -- the object itself, or, handed over as a call's keyword argument, the proxy
    Pyodide destroyed when that call returned (:func:`read_stored`) --, anything else ``raw``."""
    return read_stored(owner, raw) if _marked(owner, raw) else raw


class _RawMembers:
    """A ``Set``'s members as it holds them (its own iteration reads them as Python does)."""

    __slots__ = ("members",)

    def __init__(self, members: JsSet):
        self.members = members

    def __len__(self) -> int:
        return list.__len__(self.members)

    def __iter__(self) -> Iterator[Any]:
        return list.__iter__(self.members)


def _held(owner: Any) -> Iterable[Any]:
    """The raw values a JS object, array, Map or Set holds (its properties, items or entries' values)."""
    if isinstance(owner, JsArray):
        return owner._items
    if isinstance(owner, JsSet):
        return _RawMembers(owner)
    if isinstance(owner, JsMap):
        return owner._entries.values()
    return owner._props.values()


def marked_like(source: Any, made: Any) -> Any:
    """``made`` (a JS container copied from ``source``'s items: ``slice``, ``filter``, ``concat``)
    holding the same PyProxies as ``source``: the marks of the values it holds copied (only
    those, so copying stays as cheap as the copy itself). Returns ``made``."""
    marks = source._proxied
    if marks:
        for raw in _held(made):
            mark = marks.get(id(raw))
            if mark is not None and mark[1] is raw:
                _mark(made, raw, mark[0])
    return made


def binding_data(owner: Any, raw: Any) -> Any:
    """``raw``, held by the JS object or array ``owner``, as JavaScript sees it: where ``owner`` is
    plain binding data (a result :func:`from_plain` holds unconverted, its ``nulls`` set), an
    unconverted ``dict`` or ``list`` in it is a JS object or array -- an AI result's ``data``, a
    vector's ``metadata`` -- unless Python code stored it there (a PyProxy: it keeps its mark).
    Anything else is ``raw`` itself."""
    if isinstance(raw, (dict, list)) and getattr(owner, "_nulls", False) and not _marked(owner, raw):
        return from_plain(raw, owner._nulls)
    return raw


def carry_mark(source: Any, made: Any, raw: Any) -> None:
    """``raw``, copied from the JS container ``source`` into ``made`` (``flat``, ``new Map(entries)``,
    ``Object.fromEntries``), is the same PyProxy there: its mark, if it has one, copied."""
    marks = source._proxied if isinstance(source, (JsObject, JsArray, JsMap, JsSet)) else None
    mark = None if marks is None else marks.get(id(raw))
    if mark is not None and mark[1] is raw:
        _mark(made, raw, mark[0])


def proxied_by(owner: JsObject | JsArray | JsMap, value: Any, borrowed: Any = False) -> None:
    """Note in a JS object's or array's ``proxied`` that Python code stored the Python container
    ``value`` in it: JavaScript holds its PyProxy, not plain data (which binding results hold
    unconverted too). ``borrowed``: handed over as a JS function's argument (``push``,
    ``Array.of``), whose proxy Pyodide destroys when the call returns (a :class:`Borrow`: one
    for a call's keyword arguments, ended when that call is over)."""
    if is_stored_as_proxy(value):
        _mark(owner, value, borrowed)


def _mark(owner: Any, value: Any, borrowed: Any) -> None:
    """One mark (see :func:`proxied_by`), keyed by ``id(value)`` and holding ``value`` (so its id
    is never another object's while the mark lives). The same object stored both ways in one
    container (``a.append(l)`` and ``a.push(l)``) keeps its live mark: a mark cannot tell the
    slots apart, and reading a live proxy as destroyed would fail code that works in Pyodide.
    Marks of values the container no longer holds are dropped once they outnumber what it
    holds, so a container written over and over keeps no more than it holds alive."""
    marks = owner._proxied
    if marks is None:  # most objects never hold one: no dict for them
        marks = {}
        object.__setattr__(owner, "_proxied", marks)
    mark = marks.get(id(value))
    if borrowed and mark is not None and mark[1] is value and not mark[0]:
        return
    marks[id(value)] = (borrowed, value)
    held = _held(owner)
    if len(marks) > 2 * len(held) + 8:  # type: ignore[arg-type]
        present = {id(raw) for raw in held}
        for key in [key for key in marks if key not in present]:
            del marks[key]


def mark_destroyed(owner: Any, value: Any, message: str) -> None:
    """``owner`` holds ``value``'s PyProxy, destroyed already: reading it is ``message``."""
    ended = Borrow()
    ended.message = message
    _mark(owner, value, ended)


def keyword_object(kwargs: dict[str, Any]) -> JsObject:
    """The JS object Pyodide makes of a call's keyword arguments (:func:`.jsbase.keyword_call`):
    a Python container among its values is the proxy borrowed for the call, read back as that
    very object until :func:`release_keyword_object`."""
    made = JsObject({key: crossing(value) for key, value in kwargs.items()})
    borrow = Borrow()
    for value in kwargs.values():
        proxied_by(made, value, borrow)
    return made


def release_keyword_object(made: JsObject, values: list[Any], how: str) -> None:
    """The call ``made`` was passed to is over: the proxies borrowed for ``values`` are destroyed,
    so reading one -- there or where it was copied -- is Pyodide's error (``at the end of an
    asynchronous function call`` where the call answered an awaitable, ``how`` ``"async"``; no
    more than ``automatically destroyed`` after a ``.new(...)``, ``"new"``: 0.26.0a4, 0.28.2
    and 314.0.6 under Node)."""
    marks = made._proxied
    for value in values if marks else ():
        mark = marks.get(id(value))  # type: ignore[union-attr]
        if mark is not None and mark[1] is value and isinstance(mark[0], Borrow) and not mark[0]:
            mark[0].message = {"async": _BORROWED_ASYNC_CALL, "new": _BORROWED_NEW}.get(how, _BORROWED_CALL)


def from_plain(value: Any, nulls: Any = True) -> Any:
    """Plain result data (as bindings return it) as the JS value a worker receives (``None``
    is ``null``, as the Worker's Pyodide hands it over, or as ``nulls`` fixes it)."""
    if value is None:
        return _null_for(nulls)
    if type(value) is str:  # (a KV value: what js_number below hands back, asked first)
        return value
    if isinstance(value, JsMapResult):  # a JS Map (KV's bulk get)
        return JsMap({k: from_plain(v, nulls) for k, v in value.items()})
    from workers_env.runtime.jsreadable import JsReadableStream  # (jsreadable builds on this module)

    if isinstance(value, ByteStream):
        return JsReadableStream(value)
    if isinstance(value, _jsvalues.HttpResponse):  # a Fetcher's answer (env.ASSETS)
        from workers_env.runtime.jsheaders import JsHeaders  # (jsheaders builds on this module)
        from workers_env.runtime.jsweb import JsResponse  # (jsweb builds on this module)

        body = JsReadableStream(value.body) if isinstance(value.body, ByteStream) else value.body
        response = JsResponse(body, None, status=value.status, statusText=value.status_text or None,
                              headers=JsHeaders([list(pair) for pair in value.headers]))
        response.headers.immutable()  # a Fetcher's answer goes through makeHttpResponse: Guard::RESPONSE
        return response
    if isinstance(value, dict):
        return JsObject.plain(value, nulls)
    if isinstance(value, (bytes, memoryview)):  # an ArrayBuffer (KV's "arrayBuffer" values)
        return JsBuffer(bytes(value))
    if isinstance(value, (list, tuple)):
        return JsArray(list(value), nulls=nulls)
    return js_number(value)


def _integer_or_infinity(value: Any) -> float:
    """JavaScript's ``ToIntegerOrInfinity`` (``undefined``, ``NaN`` and a non-numeric string are 0)."""
    from workers_env.runtime.jsnumbers import to_number

    number = 0.0 if value is None else float(to_number(value))
    if math.isnan(number):
        return 0
    return number if math.isinf(number) else math.trunc(number)


def _number_shown(value: float) -> str:
    """A whole number as V8 writes it in an error text (``5``, ``-4``, ``Infinity``)."""
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return str(int(value))
