"""JavaScript values as Python Worker code holds them: stand-ins for Pyodide's ``JsProxy``.

Production Python code never touches JS objects directly; it holds proxies that read
properties as attributes, index arrays, and turn into Python with ``.to_py()``. This module
models a JS value tree on top of plain Python data (``dict`` for objects, ``list`` for
arrays) and implements both directions of Pyodide's conversion: :func:`to_js` and
``JsProxy.to_py``. It also converts between these proxies and the plain data the emulated
bindings take and return (:func:`to_plain`, :func:`from_plain`).
"""

from __future__ import annotations

import asyncio
import functools
import inspect
import itertools
import math
import threading
import warnings
from array import array
from collections.abc import Callable, ItemsView, Iterable, Iterator, KeysView, MutableMapping, ValuesView
from contextvars import ContextVar
from typing import Any

from workers_env import _jsvalues
from workers_env._deep import ROOMY_FROM, deeper
from workers_env._errors import JsException, NotEmulatedError, PyProxyWarning, caller_level
from workers_env._jsvalues import (
    BigInt,
    ByteStream,
    JsDate,
    JsDict,
    JsMapResult,
    JsOpaque,
    JsSet,
    is_safe_int,
    js_number,
    number_list,
)
from workers_env.runtime.current import current_context, current_runtime, pyodide_028
from workers_env.runtime.heldreads import HeldReads
from workers_env.runtime.heldreads import resolve as held_resolve
from workers_env.runtime.jsbase import (
    JsHostObject,
    JsNull,
    JsProxy,
    js_type_error,
    jsnull,
    set_keyword_folding,
)
from workers_env.runtime.jsbuffers import (
    JsBuffer,
    JsBufferSource,
    JsDataView,
    JsTypedArray,
    relative_index,
)
from workers_env.runtime.stalls import wait
from workers_env.runtime.webloop import (
    begun_at_once,
    js_call,
    kept_promise,
    promise_instead,
)

__all__ = [
    "DestroyedAttribute",
    "ExhaustedIteratorItem",
    "DestroyedProxy",
    "JsIterator",
    "JsNativeFunction",
    "ffi_to_js",
    "JsProxy",
    "JsHostObject",
    "JsObject",
    "JsArray",
    "JsMap",
    "JsLiteralMap",
    "JsTypedArray",
    "JsBuffer",
    "JsBufferSource",
    "JsDataView",
    "JsReadableStream",
    "JsgObject",
    "JsNull",
    "jsnull",
    "to_js",
    "DICT_ATTRIBUTES",
    "era_hint",
    "JsDoubleProxy",
    "JsOnceFunction",
    "ConversionError",
    "create_proxy",
    "create_once_callable",
    "to_plain",
    "from_plain",
    "js_number",
    "js_json_dumps",
    "js_null",
    "NULL_AS_NONE",
    "NULL_AS_JSNULL",
    "is_python_container",
    "json_stringify",
    "pyproxy_json",
    "js_type_error",
    "call_relaxed",
    "caller_level",
    "object_from_entries",
    "pyproxy_options",
    "reads_dict_keys",
]

_PRIMITIVES = (str, int, float, bool)


#: How a plain-data object or array (a binding's result) turns its ``None`` (JavaScript ``null``)
#: into Python: as the running Worker's Pyodide does (``True``), or fixed by the config's era
#: (``load_env``'s env used outside Worker code): ``None`` (Pyodide 0.26) or ``jsnull``. ``False``
#: marks objects whose ``None`` is ``undefined`` (what Pyodide makes of a Python ``None``).
NULL_AS_NONE = "none"
NULL_AS_JSNULL = "jsnull"


def _null_for(mode: Any) -> Any:
    if mode is True:
        return js_null()
    return None if mode == NULL_AS_NONE else jsnull


def js_null() -> Any:
    """JavaScript ``null`` as the running Worker's Pyodide hands it to Python: ``None`` up to
    Pyodide 0.26 (compatibility dates before 2025-09-29), ``jsnull`` from 0.28 on -- in every
    conversion, attribute reads and ``to_py()`` included (0.28's changelog; workerd never asks
    for ``convertNullToNone``). Outside Worker code: the newest, ``jsnull``."""
    return jsnull if pyodide_028() else None


#: the JS objects one ``to_py`` has converted so far (by their storage: each proxy of one JS
#: object wraps the same list or dict), each with its Python value: Pyodide's js2python cache,
#: so an array or object met again (one holding itself) is that value again
_TO_PY_MADE: ContextVar[dict[int, tuple[Any, Any]] | None] = ContextVar("_TO_PY_MADE", default=None)


#: how many JS objects one ``to_py`` (in this thread: it runs without awaiting) is converting within each other
_TO_PY_NESTING = threading.local()


def _converted(storage: Any, empty: Any, fill: Callable[[Any], Any]) -> Any:
    """The Python value for the JS object over ``storage`` within one ``to_py``: the value
    already made for it, or ``empty`` -- registered before ``fill(empty)`` converts the
    children into it, so a child that is this object again gets it. The entry holds
    ``storage``, so its id is not reused while the conversion runs."""
    made = _TO_PY_MADE.get()
    if made is None:  # the outermost to_py: the cache lives as long as it runs
        token = _TO_PY_MADE.set({id(storage): (storage, empty)})
        nesting = _TO_PY_NESTING.__dict__.setdefault("levels", 0)
        _TO_PY_NESTING.levels = 1
        try:
            fill(empty)
        finally:
            _TO_PY_MADE.reset(token)
            _TO_PY_NESTING.levels = nesting
        return empty
    found = made.get(id(storage))
    if found is not None:
        return found[1]
    made[id(storage)] = (storage, empty)
    _TO_PY_NESTING.levels = levels = _TO_PY_NESTING.levels + 1
    try:
        if levels < ROOMY_FROM:
            fill(empty)
        else:
            deeper(levels, "to_py()", lambda: fill(empty))
    finally:
        _TO_PY_NESTING.levels = levels - 1
    return empty


def _py(value: Any, depth: int, converter: Callable[..., Any] | None = None) -> Any:
    """One JS value converted to Python (``to_py`` for proxies, numbers normalised); an object
    ``to_py`` has no conversion for (a Date, a Response) goes to ``converter`` if one is given."""
    if isinstance(value, (JsProxy, JsDate, JsOpaque)):  # (a Date or an Error of the plain model too)
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

    @classmethod
    def plain(cls, props: dict[str, Any], nulls: Any = True) -> JsObject:
        """An object over plain binding data, converted lazily: ``None`` in it is ``null``
        (turned into Python as ``nulls`` says: see :data:`NULL_AS_NONE`)."""
        obj = cls(props)
        object.__setattr__(obj, "_nulls", nulls)
        return obj

    @classmethod
    def unordered(cls, props: dict[str, Any]) -> JsObject:
        """An object whose own keys are ``props``' in its order, integer keys not put first: what
        ``Object.keys`` reads of a PyProxy of a dict (a JS Proxy, whose ``ownKeys`` trap lists the
        dict's keys as Python orders them; Pyodide 0.28.2)."""
        obj = cls()
        object.__setattr__(obj, "_props", props)
        return obj

    def __getattr__(self, name: str) -> Any:
        props = object.__getattribute__(self, "_props")
        if name in props:
            child = props[name]
            if _marked(self, child) or isinstance(child, DestroyedAttribute):  # a Python object Python code
                return read_stored(self, child, self._nulls)  # stored: its PyProxy converts back to it
            if isinstance(child, _HOST_VALUES):  # a nested stream, response or buffer: converted once,
                child = props[name] = from_plain(child, self._nulls)  # so reading it twice is one object
            return _wrap_child(child, self._nulls)
        raise AttributeError(name)

    def __setattr__(self, name: str, value: Any) -> None:
        props = self._props
        if name[:1] > "9" or name in props:  # (an identifier starts after the digits)
            props[name] = value
        else:
            props[name] = value
            if name[:1].isdigit():
                reorder_in_place(props)  # an array index goes before the other keys (JS property order)
        proxied_by(self, value)

    def __delattr__(self, name: str) -> None:
        self._props.pop(name, None)  # JavaScript's delete: a missing property is no error

    def another_proxy(self) -> JsObject:
        """A second JsProxy of this JS object (what a JS function returning it hands Python: a
        new proxy each time): the same properties and PyProxies, not the same Python object."""
        if self._proxied is None:
            object.__setattr__(self, "_proxied", {})  # shared from now on, so a mark made on either is on both
        other = JsObject(self._props)
        object.__setattr__(other, "_proxied", self._proxied)
        object.__setattr__(other, "_nulls", self._nulls)
        return other

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

    def __dir__(self) -> list[str]:
        return [*self._props, "to_py", "as_object_map", "object_entries", "object_keys", "object_values"]

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        if depth == 0:  # Pyodide: nothing converted, the proxy itself
            return self
        nulls = self._nulls
        props = self._props
        return _converted(props, {}, lambda made: made.update(
            {k: _py(read_stored(self, v, nulls), depth - 1, default_converter) for k, v in props.items()}))

    def as_object_map(self) -> JsObjectMap:
        """Pyodide's live mapping view of the object's own properties."""
        return JsObjectMap(self)

    def object_keys(self) -> JsArray:
        return JsArray(list(self._props))

    def object_values(self) -> JsArray:
        return marked_like(self, JsArray(list(self._props.values()), nulls=self._nulls))

    def object_entries(self) -> JsArray:
        return JsArray([marked_like(self, JsArray([k, v], nulls=self._nulls)) for k, v in self._props.items()])

    def __repr__(self) -> str:
        return f"[object {self._to_string_tag}]"


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


class MutableMappingMethods:
    """Pyodide's JsMutableMap Python methods of a JS ``Map`` and an ``as_object_map()``, over the
    class's ``[]``, ``del``, ``in``, iteration and ``get``: live ``keys``/``values``/``items`` views
    (``collections.abc``'s, as Pyodide's Mapping mixin gives them), ``pop``, ``popitem``,
    ``setdefault`` and ``update`` as real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 answer them."""

    def keys(self) -> KeysView[Any]:
        return KeysView(self)  # type: ignore[arg-type]

    def values(self) -> ValuesView[Any]:
        return ValuesView(self)  # type: ignore[arg-type]

    def items(self) -> ItemsView[Any, Any]:
        return ItemsView(self)  # type: ignore[arg-type]

    def pop(self, key: Any, *default: Any) -> Any:
        """Python's ``pop``; as ``get``, a value whose proxy JavaScript destroyed (given to
        ``map.set``) is missing when a default is given -- the default, the entry left -- and
        the borrowed-proxy error without one."""
        if key not in self:  # type: ignore[operator]
            if default:
                return default[0]
            raise KeyError(key)
        try:
            value = self[key]  # type: ignore[index]
        except JsException:
            if default:
                return default[0]
            raise
        del self[key]  # type: ignore[attr-defined]
        return value

    popitem = MutableMapping.popitem  # the first entry (a destroyed borrowed value: the error)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        """Python's ``setdefault``: the value (``default`` for a destroyed one, as ``get``), else
        ``default``, stored as Python stores it (``m[key] = default``)."""
        if key in self:  # type: ignore[operator]
            return self.get(key, default)  # type: ignore[attr-defined]
        self[key] = default  # type: ignore[index]
        return default

    def update(self, other: Any = (), /, **_dropped: Any) -> None:
        """Python's ``update`` from a mapping or ``(key, value)`` pairs, each stored as ``m[k] = v``;
        keyword arguments are dropped, as Pyodide drops them (``m.update(b=2)`` adds nothing)."""
        MutableMapping.update(self, other)  # type: ignore[call-overload]


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
        props = self._object._props
        if _property_name(key) not in props:
            raise KeyError(key)
        return getattr(self._object, key)

    def __setitem__(self, key: Any, value: Any) -> None:
        if not isinstance(key, str):  # Pyodide 0.26.0a4 and 0.28.2 (m[0] = 2)
            raise TypeError("Can only assign keys of type string to JavaScript object map")
        props = self._object._props
        name = _jsvalues.js_key(key)
        new_index = isinstance(name, str) and name[:1].isdigit() and name not in props
        props[name] = value
        if new_index:
            reorder_in_place(props)  # an array index goes before the other keys (JS property order)
        proxied_by(self._object, value)

    def __delitem__(self, key: Any) -> None:
        if _property_name(key) not in self._object._props:
            raise KeyError(key)
        del self._object._props[key]

    def __contains__(self, key: Any) -> bool:
        return _property_name(key) in self._object._props

    def __len__(self) -> int:
        return len(self._object._props)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._object._props))

    def get(self, key: Any, default: Any = None) -> Any:
        return self[key] if _property_name(key) in self._object._props else default

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        return self._object.to_py(depth=depth, default_converter=default_converter)

    def __repr__(self) -> str:
        return repr(self._object)


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
        self._proxied: dict[int, tuple[bool, Any]] | None = None  # as JsObject's
        self._nulls = nulls  # as JsObject's: None items are null (plain binding data)

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(name)  # Pyodide's text: the name alone

    @property
    def length(self) -> int:
        return len(self._items)

    def _at(self, raw: Any) -> Any:
        return read_stored(self, raw, self._nulls)

    # -- the Python sequence (Pyodide's JsArray) -------------------------------------------
    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return marked_like(self, JsArray(self._items[index], nulls=self._nulls))
        if isinstance(index, bool) or not isinstance(index, int):
            raise TypeError(f"list indices must be integers or slices, not {type(index).__name__}")
        if not -len(self._items) <= index < len(self._items):
            raise IndexError(index)
        return self._at(self._items[index])

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            added = list(value)
            self._items[index] = added
            for item in added:
                proxied_by(self, item)
            return
        if isinstance(index, int) and index >= len(self._items):  # JS: the array grows, with holes
            self._items.extend([None] * (index - len(self._items) + 1))
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
        return not is_stored_as_proxy(value) and any(item is value or item == value for item in self)

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
            if position >= start and (stop is None or position < stop) and (item is value or item == value):
                return position
        raise ValueError(f"{value!r} is not in list")

    def count(self, value: Any) -> int:
        return sum(1 for item in self if item is value or item == value)

    def append(self, value: Any) -> None:
        self._items.append(value)
        proxied_by(self, value)

    def extend(self, values: Any) -> None:
        if isinstance(values, JsArray):  # Python iterates it: a destroyed proxy there raises, as in Pyodide
            for raw in values._items:
                read_stored(values, raw)
            self._items.extend(values._items)
            marked_like(values, self)
            return
        added = list(values)
        self._items.extend(added)
        for value in added:
            proxied_by(self, value)

    def insert(self, index: int, value: Any) -> None:
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
        self._items.extend(values)
        for value in values:
            proxied_by(self, value, borrowed=True)
        return len(self._items)

    def unshift(self, *values: Any) -> int:
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
        return any(_same(item, value, nan_equal=True) for item in list(self)[start:])

    def indexOf(self, value: Any, fromIndex: int = 0) -> int:  # noqa: N802,N803 - JS names
        start = relative_index(fromIndex, len(self._items), 0)
        return next((i for i, item in enumerate(self) if i >= start and _same(item, value, nan_equal=False)), -1)

    def lastIndexOf(self, value: Any) -> int:  # noqa: N802 - JS name
        found = [i for i, item in enumerate(self) if _same(item, value, nan_equal=False)]
        return found[-1] if found else -1

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
                made._items.append(value)
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

    def map(self, callback: Any = None, *_this: Any) -> JsArray:
        """The callback's results; a Python container it returns is its (live) PyProxy there,
        read back as the object (Pyodide 0.26 and 0.28 under Node)."""
        call = _callable(callback)
        made = JsArray([call(item, i, self) for i, item in enumerate(self)])
        for value in made._items:
            proxied_by(made, value)
        return made

    def filter(self, callback: Any = None, *_this: Any) -> JsArray:
        call = _callable(callback)
        return marked_like(self, JsArray([raw for i, (raw, item) in enumerate(zip(self._items, self, strict=True))
                                          if _jsvalues.js_truthy(call(item, i, self))], nulls=self._nulls))

    def forEach(self, callback: Any = None, *_this: Any) -> None:  # noqa: N802 - JS name
        call = _callable(callback)
        for i, item in enumerate(self):
            call(item, i, self)

    def find(self, callback: Any = None, *_this: Any) -> Any:
        call = _callable(callback)
        return next((item for i, item in enumerate(self) if _jsvalues.js_truthy(call(item, i, self))), None)

    def findIndex(self, callback: Any = None, *_this: Any) -> int:  # noqa: N802 - JS name
        call = _callable(callback)
        return next((i for i, item in enumerate(self) if _jsvalues.js_truthy(call(item, i, self))), -1)

    def some(self, callback: Any = None, *_this: Any) -> bool:
        call = _callable(callback)
        return any(_jsvalues.js_truthy(call(item, i, self)) for i, item in enumerate(self))

    def every(self, callback: Any = None, *_this: Any) -> bool:
        call = _callable(callback)
        return all(_jsvalues.js_truthy(call(item, i, self)) for i, item in enumerate(self))

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

    def findLast(self, callback: Any = None, *_this: Any) -> Any:  # noqa: N802 - JS name
        call = _callable(callback)
        items = list(self)
        return next((items[i] for i in reversed(range(len(items))) if _jsvalues.js_truthy(call(items[i], i, self))),
                    None)

    def findLastIndex(self, callback: Any = None, *_this: Any) -> int:  # noqa: N802 - JS name
        call = _callable(callback)
        items = list(self)
        return next((i for i in reversed(range(len(items))) if _jsvalues.js_truthy(call(items[i], i, self))), -1)

    def flatMap(self, callback: Any = None, *_this: Any) -> JsArray:  # noqa: N802 - JS name
        """``map`` then ``flat(1)``: a callback's array result is spread, anything else kept."""
        return self.map(callback).flat(1)

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
        copy._items[position] = value
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
        self._items[begin:begin + count] = list(rest[1:])
        for value in rest[1:]:  # a call's arguments: Pyodide destroys their proxies at the return
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


def map_key(key: Any) -> Any:
    """``key`` as a ``Map``'s entries hold it (see :class:`SameJsValue`)."""
    return SameJsValue(key) if isinstance(key, JsProxy) and type(key).__hash__ is None else key


def map_key_read(key: Any) -> Any:
    """A ``Map`` entry's key as JavaScript hands it out (the inverse of :func:`map_key`)."""
    return key.value if type(key) is SameJsValue else key


class JsMap(MutableMappingMethods, JsProxy):
    """A JS ``Map`` -- what ``to_js(dict)`` makes without a ``dict_converter``."""

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy

    _js_name = "Map"
    _python_methods = ("get",)  # Pyodide's Mapping method (the others are MutableMappingMethods')
    __slots__ = ("_entries", "_proxied")


    def __init__(self, entries: dict[Any, Any] | None = None):
        self._entries = {} if entries is None else entries
        self._proxied: dict[int, tuple[bool, Any]] | None = None  # as JsObject's

    def _read(self, raw: Any) -> Any:
        return read_stored(self, raw)

    # Pyodide's JsMap: the Python mapping protocol (``keys``/``values``/``items``/``get``, ``[]``,
    # ``in``, ``len``, iteration over keys) over the JavaScript methods of a ``Map``
    @property
    def size(self) -> int:
        return len(self._entries)

    def get(self, key: Any, default: Any = None) -> Any:
        """Pyodide's ``JsMap.get``: the default too for a value whose proxy JavaScript destroyed
        (a Python container given to ``map.set``; 0.26.0a4, 0.26.2 and 0.28.2 under Node)."""
        key = map_key(key)
        if key not in self._entries:
            return default
        try:
            return self._read(self._entries[key])
        except JsException:
            return default

    def has(self, key: Any) -> bool:
        return map_key(key) in self._entries

    def set(self, key: Any, value: Any) -> JsMap:
        self._entries[map_key(key)] = value
        proxied_by(self, value, borrowed=True)  # a call's argument: Pyodide destroys its proxy at the return
        return self

    def delete(self, key: Any) -> bool:
        return self._entries.pop(map_key(key), _ABSENT) is not _ABSENT

    def clear(self) -> None:
        self._entries.clear()

    def entries(self) -> JsIterator:
        """JavaScript's ``map.entries()``: an iterator of ``[key, value]`` arrays, live as a JS Map
        iterator is -- a value set meanwhile is read as it is then, an entry added meanwhile is
        visited, one deleted before the iteration reaches it is not (Pyodide 0.26 and 0.28)."""
        entries = self._entries

        def live() -> Iterator[JsArray]:
            visited: set[Any] = set()
            while True:
                try:
                    for key in entries:
                        if key not in visited:
                            visited.add(key)
                            yield marked_like(self, JsArray([map_key_read(key), entries[key]]))
                    return
                except RuntimeError:  # the map changed size under the walk: on from the first key not yet visited
                    continue

        return JsIterator(live(), "Map Iterator")

    def forEach(self, callback: Any = None, *_this: Any) -> None:  # noqa: N802 - JS name
        """Calls ``callback(value, key, map)`` with all three arguments, as JavaScript passes them;
        a callback that is not a function (or none) is V8's TypeError, even for an empty map."""
        if not callable(callback):
            raise _jsvalues.not_a_function(callback)
        for key, value in list(self._entries.items()):
            callback(self._read(value), map_key_read(key), self)

    def __getitem__(self, key: Any) -> Any:
        return self._read(self._entries[map_key(key)])

    def __setitem__(self, key: Any, value: Any) -> None:
        self._entries[map_key(key)] = value
        proxied_by(self, value)

    def __delitem__(self, key: Any) -> None:
        del self._entries[map_key(key)]

    def js_iteration(self) -> Iterator[Any]:
        """What JavaScript's iteration protocol yields (``for...of``, ``Array.from``,
        ``Object.fromEntries``, ``new Map(map)``): the entries, not the keys Python iterates."""
        return self.entries()

    def __contains__(self, key: Any) -> bool:
        return map_key(key) in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Any]:
        return iter([map_key_read(key) for key in self._entries])

    def object_keys(self) -> JsArray:
        """``Object.keys(map)``: a ``Map``'s entries are no properties."""
        return JsArray([])

    def object_values(self) -> JsArray:
        return JsArray([])

    def object_entries(self) -> JsArray:
        return JsArray([])

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """A ``dict`` of the entries; a key that is a JS object, array or function is Pyodide's
        ``Cannot use key of type Object as a key to a Python dict`` (0.26.0a4 and 0.28.2)."""
        entries = self._entries
        for key in entries:
            if type(key) is SameJsValue:
                raise JsException(f"Cannot use key of type {key.value._js_name} as a key to a Python dict")
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
        if name in entries:
            return self._read(entries[name])
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

#: workerd's text (readable.c++ ``tee``), comma and all
TEE_LOCKED = "This ReadableStream is currently locked to a reader,"  # (sic: workerd's tee())
#: workerd's getReader() (and a locked stream read as a body): readable.c++
READER_LOCKED = "This ReadableStream is currently locked to a reader."
#: a released reader's read, cancel and pending ``closed`` (readable.c++, internal.c++ ``releaseReader``)
READER_RELEASED = "This ReadableStream reader has been released."
#: an internal stream's second read while one waits (internal.c++ ``ReadableStreamInternalController::read``)
ONE_READ_AT_A_TIME = "This ReadableStream only supports a single pending read request at a time."
#: an internal stream reader's ``releaseLock()`` while a read waits (internal.c++ ``releaseReader``)
RELEASE_WHILE_READING = "Cannot call releaseLock() on a reader with outstanding read promises."


def byob_not_emulated(options: Any) -> None:
    """``getReader({mode: "byob"})`` (or ``getReader(mode="byob")``): a BYOB reader, which
    workers-env does not emulate -- said so rather than handing out a default reader."""
    mode = getattr(options, "mode", None) if isinstance(options, JsObject) else None
    if mode is not None and _jsvalues.js_string(mode) != "byob":  # workerd readable.c++ getReader
        raise js_type_error("mode must be undefined or 'byob' in call to getReader().")
    if mode is not None:
        raise NotEmulatedError('getReader({mode: "byob"}) (a BYOB reader) is not emulated by workers-env; '
                               "getReader() (a default reader, whose read() gives each chunk) is")


class JsgObject:
    """Pyodide's ``object_keys``/``object_values``/``object_entries`` (so ``Object.keys`` and
    co.) of a workerd API object -- a ``Request``, ``Headers``, a ``URL``, a ``Blob``, a stream:
    jsg defines its properties on the prototype (``workers_api_getters_setters_on_prototype``,
    2022-01-31, older than any Python Worker), so it owns none and each is an empty array."""

    def object_keys(self) -> JsArray:
        return JsArray([])

    def object_values(self) -> JsArray:
        return JsArray([])

    def object_entries(self) -> JsArray:
        return JsArray([])


class JsReadableStream(JsgObject, JsProxy):
    """A JS ``ReadableStream`` of bytes (what a binding's streamed result is), readable once.

    Worker code hands it to ``Response(stream)``, reads it with ``getReader().read()`` or
    iterates it with ``async for chunk in stream`` or ``values()`` (each chunk a ``Uint8Array``).
    """

    _js_name = "ReadableStream"

    def __init__(self, source: ByteStream):
        self._source = source
        self._reader: _StreamReader | None = None
        #: the chunks not read yet, once a reader has started reading (None before: the
        #: stream is not disturbed until a reader's first ``read()``)
        self._pending: list[bytes] | None = None
        #: a read met the end or the stream was canceled: closed, as workerd's internal stream
        #: becomes only then (internal.c++ ``doClose``), which its reader's ``closed`` waits for
        self._ended = False
        #: read from, canceled or teed: workerd's ``disturbed`` (internal.c++), which a body refuses
        self._read_from = False

    @property
    def locked(self) -> bool:
        return self._reader is not None

    def getReader(self, options: Any = None, *_ignored: Any) -> _StreamReader:  # noqa: N802 - JS name
        """A reader; the stream is locked to it until ``releaseLock()``, and read from at its
        first ``read()`` (a new reader after a release goes on where the last one stopped)."""
        if self._reader is not None:
            raise js_type_error(READER_LOCKED)
        byob_not_emulated(options)
        self._reader = _StreamReader(self)
        return self._reader

    def _next_chunk(self) -> bytes | None:
        """A reader's ``read()``: the next chunk, or None at the end."""
        self._read_from = True
        if self._pending is None:
            self._pending = [] if self._source.consumed else self._take()
        if self._pending:
            return self._pending.pop(0)
        self._end()
        return None

    def _end(self) -> None:
        """Closed (a read met the end, or a cancel): its reader's ``closed`` resolves."""
        if not self._ended:
            self._ended = True
            if isinstance(self._reader, _StreamReader):
                self._reader._changed()

    def tee(self) -> JsArray:
        """``[branch1, branch2]``: two streams of the same chunks; this one is locked. A stream
        already read (a body used up by ``text()``) is refused as a locked one, as workerd does;
        one a cancel or a read to its end closed, unlocked, gives two empty ones."""
        if self._reader is None and self._ended:  # closed by a read or a cancel: internal.c++ tee's Closed case
            self._reader = _StreamReader(self)
            return JsArray([JsReadableStream(ByteStream([])), JsReadableStream(ByteStream([]))])
        if self._reader is not None or self._source.consumed:
            raise js_type_error(TEE_LOCKED)
        chunks = self._take()
        self._read_from = True
        self._reader = _StreamReader(self)  # locked, as tee() leaves it
        self._pending = []
        return JsArray([JsReadableStream(ByteStream(chunks)), JsReadableStream(ByteStream(chunks))])

    def _take(self) -> list[bytes]:
        if self._source.consumed:
            raise js_type_error("This ReadableStream is disturbed (has already been read from), and cannot be used as a body.")
        return self._source.take()

    def read_all(self) -> bytes:
        """The whole body (what ``new Response(stream)`` reads)."""
        if self._reader is not None:
            raise js_type_error(READER_LOCKED)
        return b"".join(self._take())

    @js_call
    async def cancel(self, reason: Any = None) -> None:
        """``cancel(reason)``: the stream reads as ended; a locked one is workerd's TypeError
        (readable.c++ ``cancel``) -- its reader's ``cancel()`` is the way to cancel it then."""
        if self._reader is not None:
            raise js_type_error(READER_LOCKED)
        await self._cancel(reason)

    async def _cancel(self, reason: Any = None) -> None:
        if not self._source.consumed:
            self._source.take()
        self._pending = []
        self._read_from = True
        self._disturbed()
        self._end()

    def _disturbed(self) -> None:
        """Canceled: disturbed, as a read makes it (internal.c++ ``cancel``); a body's marks its owner used."""

    def pipeTo(self, destination: Any = None, options: Any = None, *_ignored: Any) -> Any:  # noqa: N802 - JS name
        """``pipeTo(writable)``: a promise, which Worker code holds as the ``PyodideFuture``
        Pyodide makes of a call's promise; the pipe runs at once (see :mod:`jspipes`)."""
        from workers_env.runtime.jspipes import pipe_to
        from workers_env.runtime.jspromise import called_promise

        return called_promise(pipe_to(self, destination, options))

    def pipeThrough(self, transform: Any = None, options: Any = None, *_ignored: Any) -> Any:  # noqa: N802 - JS name
        """``pipeThrough({writable, readable})``: pipes into ``writable``, gives ``readable``."""
        from workers_env.runtime.jspipes import pipe_through

        return pipe_through(self, transform, options)

    def values(self, options: Any = None, *_ignored: Any) -> Any:
        """``values({preventCancel})``: workerd's async iterator over the chunks, holding the
        stream's lock until the end or its ``return()`` (see :mod:`jsstreamiter`)."""
        from workers_env.runtime.jsstreamiter import stream_values

        return stream_values(self, options)

    def __aiter__(self) -> Any:
        """``async for chunk in stream``: Pyodide calls ``[Symbol.asyncIterator]()``, which is
        ``values()`` -- each chunk a ``Uint8Array``; leaving the loop early keeps the lock."""
        return self.values()


class _StreamReader(JsgObject, JsProxy):
    """``ReadableStreamDefaultReader`` of a body (an internal stream, all its bytes at hand):
    ``await read()`` gives ``{done, value}``; ``closed`` resolves once a read has met the end
    or the stream was canceled (internal.c++ ``doClose``, from the read or ``doCancel``). A
    read of a stream not yet closed is held (see :mod:`heldreads`: workerd's waits for an I/O
    turn, its bytes at hand or not): till it settles a second read is refused, ``releaseLock()``
    throws and ``cancel(reason)`` rejects it with the reason (internal.c++ ``read``,
    ``releaseReader``, ``doCancel``; wrangler dev probes)."""

    _js_name = "ReadableStreamDefaultReader"

    def __init__(self, stream: JsReadableStream):
        self._stream: JsReadableStream | None = stream
        #: how ``closed`` stood at ``releaseLock()``: resolved (``True``) or still pending
        self._closed_kept = False
        self._waiters: list[asyncio.Future[Any]] = []
        self._ctx = current_context()  # the request whose code reads it (runtime/stalls.py)
        self._held = HeldReads(held_resolve)

    @js_call
    async def read(self) -> JsObject:
        stream = self._stream
        if stream is None:
            raise js_type_error(READER_RELEASED)
        if self._held.reads:
            raise js_type_error(ONE_READ_AT_A_TIME)
        readable = not stream._ended
        chunk = stream._next_chunk()
        if chunk is None:
            result = JsObject({"done": True, "value": None})
        else:
            result = JsObject({"done": False, "value": JsTypedArray("Uint8Array", chunk)})
        if readable and begun_at_once():
            promise_instead(self._held.hold(result))
        return result

    def releaseLock(self) -> None:  # noqa: N802 - JS name
        """Unlock the stream (a new reader may read on); this reader reads no more, and its
        ``closed`` rejects with workerd's TypeError unless it had resolved (internal.c++
        ``releaseReader``: ``maybeRejectPromise`` leaves a settled promise as it was)."""
        if self._held.reads and self._stream is not None:
            raise js_type_error(RELEASE_WHILE_READING)
        stream, self._stream = self._stream, None
        if stream is None:
            return
        self._closed_kept = stream._ended
        if stream._reader is self:
            stream._reader = None
        self._changed()

    @js_call
    async def cancel(self, reason: Any = None) -> None:
        if self._stream is None:  # readable.c++ ``ReaderImpl::cancel``
            raise js_type_error(READER_RELEASED)
        if self._held.reads:
            error = (JsException("Stream was cancelled.", name="Error") if reason is None  # internal.c++
                     else reason if isinstance(reason, BaseException) else JsException(str(reason)))  # reasonToException
            for read in self._held.take_back():
                read.set_exception(error)
        await self._stream._cancel(reason)

    @property
    def closed(self) -> Any:
        """Resolves once a read has met the end (or the stream was canceled); after
        ``releaseLock()`` as it stood then if resolved, else workerd's released-reader TypeError."""
        return kept_promise(self, "_closed_promise", self._closed)  # the same each time; marked handled

    async def _closed(self) -> None:
        while True:
            stream = self._stream
            if stream is None:
                if self._closed_kept:
                    return
                raise js_type_error(READER_RELEASED)
            if stream._ended:
                return
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            await wait(waiter, self._ctx)  # workerd's hung-request error if nothing could end it

    def _changed(self) -> None:
        """The stream ended or this reader was released: a ``closed`` waiting looks again."""
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)


#: the Error a destroyed proxy throws when used (Pyodide's text outside its debug mode)
_DESTROYED = ("Object has already been destroyed\n"
              "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class JsFunction(JsProxy):
    """A Python callable handed to JavaScript (``create_proxy``)."""

    __hash__ = None  # type: ignore[assignment] # unhashable, as Pyodide's JsProxy

    _js_name = "Function"
    typeof = "function"
    __slots__ = ("_func", "_destroyed")

    def __init__(self, func: Callable[..., Any]):
        self._func = func
        self._destroyed = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._destroyed:
            raise JsException(_DESTROYED, name="Error")
        return self._func(*args, **kwargs)

    def destroy(self) -> None:
        self._destroyed = True

    def __repr__(self) -> str:
        return str(self._func)  # String() of a PyProxy is the Python object's str(): <function f at 0x...>


#: what ``to_py`` converts itself (a JS object, array, Map, buffer); anything else goes to a
#: ``default_converter`` when one is given
_CONVERTIBLE = (JsObject, JsArray, JsMap, JsBufferSource)


#: plain values a binding's result may nest that reach Worker code as JavaScript objects
#: (a fake R2 object's ``body`` stream, say), as :func:`from_plain` makes them
_HOST_VALUES = (ByteStream, _jsvalues.HttpResponse, bytes, memoryview)


def _wrap_child(value: Any, nulls: Any = False) -> Any:
    """A stored property value as Python reads it: containers stay proxies; ``null`` (and,
    with ``nulls``, a ``None`` of plain binding data) as the Worker's Pyodide converts it."""
    if value is jsnull:
        return js_null()
    if value is None:
        return _null_for(nulls) if nulls else None
    if isinstance(value, dict):  # plain data stored lazily (results from bindings)
        return JsObject.plain(value, nulls or True)
    if type(value) is list:  # a JsSet (a list subclass) stays a Set
        return JsArray(value, nulls=nulls or True)
    if isinstance(value, JsDoubleProxy) and not value._roundtrip:  # a PyProxy (to_js past its depth): the object
        return value.unwrap()
    return js_number(value)


def call_relaxed(func: Callable[..., Any], *args: Any) -> Any:
    """Call ``func`` with as many leading positional arguments as it takes.

    JavaScript functions ignore extra arguments, and workerd calls Python handlers the
    same way (``callRelaxed``): ``fetch(self)`` and ``fetch(self, request, env, ctx)`` both work.
    """
    try:
        params = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return func(*args)
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return func(*args)
    positional = sum(1 for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD))
    return func(*args[:positional])


class JsDoubleProxy(JsProxy):
    """``create_proxy(obj)`` of an object that is not callable (a task handed to
    ``ctx.waitUntil``, say): a handle with ``destroy()`` and ``unwrap()``, awaitable when the
    object is; JavaScript sees the object."""

    _js_name = "Object"
    __slots__ = ("_obj", "_destroyed", "_roundtrip")

    def __init__(self, obj: Any, *, roundtrip: bool = True):
        self._obj = obj
        self._destroyed = False
        #: what Python reads back from a JS value holding it: this proxy (``create_proxy``'s
        #: default), or the object itself (``roundtrip=False``, and what ``to_js`` leaves past its depth)
        self._roundtrip = roundtrip

    def destroy(self) -> None:
        self._destroyed = True

    def unwrap(self) -> Any:
        if self._destroyed:
            raise JsException(_DESTROYED, name="Error")
        return self._obj

    def __await__(self) -> Any:
        return self.unwrap().__await__()

    def __repr__(self) -> str:
        return str(self._obj)  # String() of a PyProxy is the Python object's str() (Decimal(1): "1")

    def to_py(self, *, depth: int = -1, default_converter: Callable[..., Any] | None = None) -> Any:
        """The proxy itself for a ``create_proxy`` (roundtrip), else the object (``to_js(object())``)."""
        return self if self._roundtrip else self.unwrap()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unwrap(), name)


class JsNativeFunction(JsFunction):
    """A built-in JavaScript function workers-env implements in Python (``JSON.parse``, a
    ``console`` method): a JsProxy Python calls, with V8's ``name`` and ``String()``,
    ``function parse() { [native code] }`` (real Pyodide 0.26.0a4 and 0.28.2 under Node)."""

    __slots__ = ("name",)

    def __init__(self, func: Callable[..., Any], name: str):
        super().__init__(func)
        self.name = name

    def __repr__(self) -> str:
        return f"function {self.name}() {{ [native code] }}"  # V8's String() of a built-in function

    @property
    def destroy(self) -> Any:  # type: ignore[override]
        """None, as a JS function's JsProxy has none (Pyodide's ``AttributeError: destroy``): the
        built-in is shared by every Worker of the process, so nothing may end it."""
        raise AttributeError("destroy")


class JsOnceFunction(JsFunction):
    """A Python callable handed to JavaScript by ``create_once_callable``: callable once, as
    Pyodide's wrapper (pyproxy.c ``create_once_callable``): a call destroys it (even one that
    raises), a call after that -- or after ``destroy()`` -- throws ``OnceProxy can only be
    called once``, and a second ``destroy()`` throws ``OnceProxy has already been destroyed``."""

    __slots__ = ("_called",)

    def __init__(self, func: Callable[..., Any]):
        super().__init__(func)
        self._called = False

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        if self._called:
            raise JsException("OnceProxy can only be called once", name="Error")  # Pyodide's text
        try:
            return self._func(*args, **kwargs)
        finally:
            self.destroy()

    def destroy(self) -> None:
        if self._called:
            raise JsException("OnceProxy has already been destroyed", name="Error")  # Pyodide's text
        self._called = self._destroyed = True

    #: Pyodide's wrapper function as ``String()`` writes it (0.28's; 0.26.0a4's calls ``...MaybeSuspending``)
    _WRAPPER = ('function wrapper(...args){if(alreadyCalled){throw new Error("OnceProxy can only be called once")}'
                'try{if(may_syncify){return Module.callPyObjectMaybe%s(obj,args)}else{return '
                'Module.callPyObject(obj,args)}}finally{wrapper.destroy()}}')
    name = "wrapper"  # the JS function's name and its declared parameters, as Pyodide's
    length = 0

    def __repr__(self) -> str:
        return self._WRAPPER % ("Promising" if pyodide_028() else "Suspending")


def create_once_callable(obj: Callable[..., Any], *, _may_syncify: bool = False) -> JsOnceFunction:
    """``pyodide.ffi.create_once_callable``: a JS function that calls ``obj`` once; a second
    call throws ``Error: OnceProxy can only be called once``."""
    return JsOnceFunction(obj)


_IN_PROGRESS = object()  # to_js's mark for a dict whose conversion has not finished


class ConversionError(Exception):
    """``pyodide.ffi.ConversionError``: a conversion between JavaScript and Python failed."""


ConversionError.__module__ = "pyodide.ffi"


def create_proxy(obj: Any, *, capture_this: bool = False, roundtrip: bool = True) -> Any:
    """``pyodide.ffi.create_proxy``: a long-lived JS handle on a Python object (``destroy()``
    ends it, as Pyodide's does)."""
    return JsFunction(obj) if callable(obj) else JsDoubleProxy(obj, roundtrip=roundtrip)


def to_js(
    obj: Any,
    *,
    depth: int = -1,
    pyproxies: Any = None,
    create_pyproxies: bool = True,
    dict_converter: Callable[[Iterable[JsArray]], Any] | None = None,
    default_converter: Callable[..., Any] | None = None,
) -> Any:
    """``pyodide.ffi.to_js``: deep-convert Python data into JS values.

    As in Pyodide, a ``dict`` becomes a JS ``Map`` unless ``dict_converter`` is given
    (``Object.fromEntries`` makes a plain object), lists and tuples become arrays, buffers
    become typed arrays, ``None`` stays ``undefined`` and proxies pass through unchanged.
    """

    # Pyodide's conversion cache (python2js.c): a collection met again -- a shared one, or one
    # holding itself -- is the JS value already made for it, so a cycle is kept, not followed
    # without end; a dict is "in progress" (``_IN_PROGRESS``) until its converter has run, and
    # a value that is that dict is filled in afterwards (``later``), as Pyodide's postprocess
    # list does: into an array's slot or a LiteralMap's entry; anywhere else Pyodide writes
    # ``parent[key] = value``, a property JavaScript's Map and ``dict_converter`` never read.
    cache: dict[int, Any] = {}
    later: list[tuple[Any, Any, Any]] = []
    alive: list[Any] = []  # each collection cached, so its id is not reused during the conversion
    nesting = [0]  # containers being converted within each other (workers_env._deep)

    def key_of(key: Any) -> Any:
        if key is None or key is jsnull or isinstance(key, (int, float, str, BigInt)):
            return key
        raise ConversionError(f"Cannot use {key!r} as a key for a Javascript Map")

    def child(value: Any, level: int, parent: Any, key: Any) -> Any:
        """``value`` converted, or a placeholder noted in ``later`` if it is a dict in progress."""
        if cache.get(id(value), None) is _IN_PROGRESS:
            later.append((parent, key, value))
            return _IN_PROGRESS
        return convert(value, level)

    def convert(value: Any, level: int) -> Any:
        if type(value) is int and not is_safe_int(value):
            return BigInt(value)  # Pyodide: an int outside the safe range becomes a BigInt
        if value is None or value is jsnull or isinstance(value, (JsProxy, *_PRIMITIVES, JsDate, JsOpaque, JsSet)):
            return value  # already JavaScript (a JS Set among them), or a primitive
        if id(value) in cache and isinstance(value, (dict, list, tuple, set)):
            return cache[id(value)]
        if level == 0:  # past ``depth``: Pyodide hands JavaScript the Python object's PyProxy
            return JsDoubleProxy(value, roundtrip=False) if isinstance(value, (dict, list, tuple, set)) else value
        if isinstance(value, (dict, list, tuple, set)):
            alive.append(value)
            nesting[0] += 1
            try:
                if nesting[0] < ROOMY_FROM:
                    return container(value, level)
                return deeper(nesting[0], "to_js()", lambda: container(value, level))
            finally:
                nesting[0] -= 1
        return leaf(value, level)

    def container(value: Any, level: int) -> Any:
        if isinstance(value, dict):
            cache[id(value)] = _IN_PROGRESS
            slot = object()  # this dict's place in ``later`` until it is made
            pairs: list[tuple[Any, Any]] = []
            for k, v in list(value.items()):
                item = child(v, level - 1, slot, key_of(k))
                if item is not _IN_PROGRESS:
                    pairs.append((key_of(k), item))
            if dict_converter is None:  # Pyodide 0.27 on: a LiteralMap; 0.26: a plain Map
                made: Any = JsLiteralMap(dict(pairs)) if pyodide_028() else JsMap(dict(pairs))
            else:
                made = dict_converter(JsArray([JsArray([k, v]) for k, v in pairs]))
            later[:] = [(made if p is slot else p, k, c) for p, k, c in later]
            cache[id(value)] = made
            return made
        if isinstance(value, (list, tuple)):
            if all(type(v) in (int, float) for v in value):
                cache[id(value)] = made = JsArray(list(value))
                return made
            cache[id(value)] = made = JsArray([])
            for i, v in enumerate(list(value)):
                made._items.append(child(v, level - 1, made, i))
            return made
        for v in value:
            key_of_set(v)
        cache[id(value)] = made = JsSet(convert(v, level - 1) for v in value)
        return made

    def leaf(value: Any, level: int) -> Any:
        if isinstance(value, (bytes, bytearray, memoryview, array)) or hasattr(value, "__array_interface__"):
            if isinstance(value, bytearray):  # a buffer like bytes: a Uint8Array of a copy
                value = bytes(value)
            return _typed(_jsvalues.to_js(value))  # Pyodide's buffer conversion (float16: an Error)
        if default_converter is not None:
            return default_converter(value, lambda v: convert(v, level - 1), None)
        if not create_pyproxies:
            raise ConversionError("No conversion known for x.")  # Pyodide's text, the "x" included
        return value

    def key_of_set(item: Any) -> None:
        if not (item is None or item is jsnull or isinstance(item, (int, float, str, BigInt))):
            raise ConversionError(f"Cannot use {item!r} as a key for a Javascript Set")

    result = convert(obj, depth)
    for parent, key, value in later:  # Pyodide's postprocess list
        made = cache[id(value)]
        if isinstance(parent, JsArray):
            parent._items[key] = made
        elif isinstance(parent, JsLiteralMap):
            parent._entries[key] = made
    if isinstance(result, BigInt):  # the BigInt reaches Python again as an int, as Pyodide's to_js returns it
        return int(result)
    return result


def ffi_to_js(obj: Any, **options: Any) -> Any:
    """``pyodide.ffi.to_js`` as Worker code calls it: :func:`to_js`, and a value it has no
    conversion for (an ``object()``, a ``Decimal``, a function) is handed back as the JsProxy of
    its PyProxy, as Pyodide does (``typeof`` ``object``, ``function`` for a callable; ``unwrap()``
    the object), where workers-env's own callers of :func:`to_js` keep the object."""
    result = to_js(obj, **options)
    if result is not obj or obj is None or obj is jsnull or isinstance(
            obj, (JsProxy, *_PRIMITIVES, JsDate, JsOpaque, JsSet, dict, list, tuple, set)):
        return result
    return JsFunction(obj) if callable(obj) else JsDoubleProxy(obj, roundtrip=False)


ffi_to_js.__name__ = ffi_to_js.__qualname__ = "to_js"  # its errors name Pyodide's function
ffi_to_js.__signature__ = inspect.signature(to_js)  # type: ignore[attr-defined]


def _typed(value: Any) -> Any:
    """A typed array of the plain model (nested lists for more dimensions) as a proxy; a
    boolean buffer (format ``?``) is an Array of booleans, its items left as they are."""
    if isinstance(value, _jsvalues.JsTypedArray):
        return JsTypedArray(value.name, value)
    if isinstance(value, list):
        return JsArray([_typed(v) for v in value])
    return value


def js_iterated(value: Any) -> Iterable[Any]:
    """What JavaScript's iteration protocol yields from ``value``: a ``Map``'s ``[key, value]``
    entries (Python iterates its keys), an array's raw items; else Python's iteration."""
    if isinstance(value, JsArray):
        return value._items  # JS values, not Python's view
    iteration = getattr(type(value), "js_iteration", None)
    return iteration(value) if iteration is not None else value


def object_from_entries(entries: Iterable[Any], *_ignored: Any) -> JsObject:
    """``Object.fromEntries``: a plain object from ``[key, value]`` pairs."""
    return _from_entries(entries, ordered=True)


def _proxy_from_entries(entries: Iterable[Any]) -> JsObject:
    """What JavaScript reads of a PyProxy of a dict: its keys in the dict's order (a Proxy's
    ``ownKeys``; Pyodide 0.28.2 ``JSON.stringify({'a': 1, '2': 3})`` is ``{"a":1,"2":3}``)."""
    return _from_entries(entries, ordered=False)


def _from_entries(entries: Iterable[Any], *, ordered: bool) -> JsObject:
    props: dict[str, Any] = {}
    made = JsObject(props)
    raw = js_iterated(entries)
    for entry in raw:
        pair = entry._items if isinstance(entry, JsArray) else list(entry)
        key, value = (list(pair) + [None, None])[:2]
        if value is None and isinstance(entry, JsArray) and entry._nulls:
            value = jsnull  # a plain binding datum's None is JavaScript null
        elif type(value) is float:
            value = js_number(value)  # one JS number type: 0.0 is the 0 Python reads back
        props["null" if key is jsnull else _jsvalues.js_key(key)] = value
        carry_mark(entry, made, value)  # a PyProxy in the entry (Object.entries(o)): the same one here
    if ordered:
        reorder_in_place(props)  # integer keys first, as every JS object orders its own properties
    return made


def to_plain(value: Any, *, where: str = "argument") -> Any:
    """A JS value as the plain data the emulated bindings take (JSON-like Python).

    ``undefined`` stays ``None`` and ``null`` becomes ``None``; a ``Map`` is an object with
    no own properties to JavaScript code that spreads or serialises it, so it becomes
    ``{}`` -- as in production, its entries are silently lost. Python containers that
    reached JavaScript unconverted (PyProxies) are refused with a hint. An object or array
    met again inside itself (``to_js`` keeps a Python value's cycles) is the same plain
    container again, so the binding meets the cycle as its JavaScript would (``JSON.stringify``'s
    circular-structure ``TypeError``, ``join``'s empty string) instead of following it forever.
    """
    return _Plain(where).convert(value)


class _Plain:
    """One ``to_plain`` conversion, walked without recursion (any depth reaches the binding,
    whose own nesting limit answers it): the plain container made for each JS object or array
    so far, by identity, so a shared one stays shared and a cycle stays a cycle."""

    __slots__ = ("where", "made")

    def __init__(self, where: str):
        self.where = where
        self.made: dict[int, Any] = {}

    def convert(self, value: Any) -> Any:
        result, items = self._one(value)
        walking = [items] if items is not None else []  # each container's (store, item) pairs left
        while walking:
            pair = next(walking[-1], None)
            if pair is None:
                walking.pop()
                continue
            store, item = pair
            made, items = self._one(item)
            store(made)  # in place before its own items are filled: a cycle finds it
            if items is not None:
                walking.append(items)
        return result

    def _one(self, value: Any) -> tuple[Any, Iterator[tuple[Callable[[Any], Any], Any]] | None]:
        """``value``'s plain form and, for a container met for the first time, its items to convert."""
        if isinstance(value, JsDoubleProxy):  # create_proxy(obj): JavaScript sees the object's PyProxy
            value = value.unwrap()
        if value is None or value is jsnull:
            return None, None
        if type(value) in _PRIMITIVES or isinstance(value, (JsDate, JsOpaque)):
            return value, None
        if isinstance(value, _PRIMITIVES):  # subclasses (an IntEnum, SQLAlchemy's quoted_name, np.float64)
            return _jsvalues.base_value(value), None  # cross as their base type: Pyodide checks PyUnicode_Check, ...
        if not isinstance(value, (JsObject, JsArray, JsLiteralMap)):
            return _to_plain_leaf(value, self), None
        made = self.made.get(id(value))
        if made is not None:
            return made, None
        if isinstance(value, JsArray):
            if all(type(v) in (int, float) for v in value._items):
                made = self.made[id(value)] = list(value._items)
                return made, None
            made = self.made[id(value)] = []
            return made, ((made.append, v) for v in value._items)
        if isinstance(value, JsObject):  # None is undefined there (to_js, keywords): as good as absent
            made = self.made[id(value)] = {}
            props = [(k, v) for k, v in value._props.items() if v is not None or value._nulls]
        else:  # a LiteralMap, read as an object: its string keys are its properties
            made = self.made[id(value)] = _jsvalues.JsLiteralMapArgument()
            props = list(value.read_properties().items())
        return made, ((functools.partial(made.__setitem__, k), v) for k, v in props)


#: what JavaScript reading a PyProxy destroyed by Python's iteration of the JS array holding it
#: throws (Pyodide 0.28.2 under Node, not in debug mode, as production runs it)
ITERATED_PROXY = ("This borrowed proxy was automatically destroyed at the end of a generator\n"
                  "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class DestroyedProxy:
    """A PyProxy item of a JS array that Python code iterated before handing the array on (the
    SDKs' ``_raise_on_disabled_type`` iterates every iterable argument of a binding call):
    Pyodide destroys the proxy of each item the iteration converted back to its Python object,
    so the JavaScript that later reads the item throws :data:`ITERATED_PROXY`."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __repr__(self) -> str:
        return f"<destroyed PyProxy of {type(self.value).__name__}>"


BORROWED_ATTRIBUTE = ("This borrowed attribute proxy was automatically destroyed in the process of destroying the "
                      "proxy it was borrowed from. Try using the 'copy' method.\n"
                      "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class DestroyedAttribute:
    """What ``Object.assign(o, d)`` copies for a key of the Python dict ``d`` named like a dict
    attribute (``items``, ``keys``, ``get`` ...) from Pyodide 0.28: JavaScript read the dict's
    PyProxy's property, which is that bound method's proxy, destroyed with the dict's borrowed
    proxy when the call returned, so reading it (``o.items``, ``JSON.stringify(o)``,
    ``o.to_py()``) throws :data:`BORROWED_ATTRIBUTE` (0.28.2 under Node)."""

    __slots__ = ()
    message = BORROWED_ATTRIBUTE

    def __repr__(self) -> str:
        return "<destroyed borrowed attribute proxy>"


EXHAUSTED_ITERATOR = ("This borrowed proxy was automatically destroyed when an iterator was exhausted.\n"
                      "For more information about the cause of this error, use `pyodide.setDebug(true)`")


class ExhaustedIteratorItem(DestroyedAttribute):
    """An item ``Array.from`` took from a Python list or tuple (a PyProxy there) that is a Python
    container: the proxy Pyodide made for it was borrowed from the list's iterator and destroyed
    when the iterator was exhausted, so reading it, ``to_py()``, ``repr`` and ``JSON.stringify``
    throw :data:`EXHAUSTED_ITERATOR` (0.26.0a4 and 0.28.2 under Node; 0.28.2's item read is a
    ``SystemError``)."""

    __slots__ = ()
    message = EXHAUSTED_ITERATOR

    def __repr__(self) -> str:
        return "<destroyed proxy of an exhausted iterator's item>"


def _to_plain_leaf(value: Any, plain: _Plain) -> Any:
    """``to_plain`` of a value that is not a plain JS object or array."""
    where = plain.where
    if isinstance(value, DestroyedProxy):
        raise JsException(ITERATED_PROXY)
    if isinstance(value, JsSet):
        return JsSet(plain.convert(v) for v in value)
    if isinstance(value, JsTypedArray):
        return _jsvalues.JsTypedArray(value._name, value.numbers())
    if isinstance(value, JsBufferSource):  # an ArrayBuffer or a DataView: its bytes
        return value.to_bytes()
    if isinstance(value, JsReadableStream):  # a stream handed back (a KV put value)
        return ByteStream([value.read_all()])
    if isinstance(value, ByteStream):
        return value
    if isinstance(value, JsMap):
        return _jsvalues.JsMapArgument()
    if isinstance(value, JsHostObject):  # a binding-made object handed back (a D1 statement)
        return value._target
    if isinstance(value, (list, tuple)) and all(type(v) in (int, float) for v in value):
        return list(value)  # a PyProxy of a list of numbers is iterable, so Array.from() reads it
    if isinstance(value, (list, tuple)) and all(isinstance(v, JsHostObject) for v in value):
        # a PyProxy of a sequence has length, indexes and map(), each item converting back to
        # its JS object: what D1's batch() reads of a list of statements
        return [v._target for v in value]
    if isinstance(value, JsProxy):  # another JavaScript object (a Request, Response, Headers): as it is
        return value
    # the built-in SDK of dates before 2026-04-21 hands bindings over raw: say how either era reads
    hint = era_hint()
    if isinstance(value, dict):  # plain data produced by from_plain never reaches here unwrapped
        raise js_type_error(
            f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}; "
            f"convert it with to_js(value, dict_converter=Object.fromEntries){hint}"
        )
    raise js_type_error(
        f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}; convert it with to_js()"
        + hint
    )


_ERA_HINT = ("; or give the Worker the external SDK, which converts plain Python values "
             "(compatibility_date 2026-04-21 or later, or the enable_python_external_sdk flag)")


def era_hint() -> str:
    """:data:`_ERA_HINT`, unless the running Worker has the external SDK already (where the
    value reached JavaScript past the SDK's conversions, through a raw JS API)."""
    era = getattr(current_runtime(), "era", None)
    return "" if era is not None and era.external_sdk else _ERA_HINT


#: the names a dict's PyProxy answers with its own attributes before its items (Pyodide 0.28)
#: names a dict's PyProxy answers with the dict's own attribute (a method), not an item
DICT_ATTRIBUTES = frozenset(dir(dict))

#: the JavaScript methods of a dict's PyProxy (``get``, ``toJs`` ...): ``Object.assign`` reads a
#: key of these names as that method (a function, which ``JSON.stringify`` leaves out)
PYPROXY_DICT_METHODS = frozenset({"get", "set", "has", "delete", "toString", "destroy", "copy", "toJs",
                                  "constructor", "valueOf"})


def reads_dict_keys(nulls: Any = True) -> bool:
    """Whether JavaScript reads a Python dict's keys through its PyProxy: from Pyodide 0.28
    (compatibility dates from 2025-09-29) a property read falls back to ``__getitem__``
    (pyodide#5674) and the keys are its own enumerable properties; on 0.26 a PyProxy's
    properties are only the dict's attributes. ``nulls`` names the Pyodide as
    :func:`from_plain` does (``True``: the running Worker's; the newest outside one)."""
    if nulls is True:
        return pyodide_028()
    return nulls != NULL_AS_NONE


def is_python_container(value: Any) -> bool:
    """A Python dict, list or tuple (a ``JsDict`` result too): what reaches JavaScript as a
    PyProxy when not converted -- not the JS values workers-env models on those types (a
    ``Set``, a typed array, a ``Map`` result)."""
    return type(value) in (dict, list, tuple, JsDict)


def pyproxy_json(value: dict[Any, Any] | list[Any] | tuple[Any, ...], where: str, nulls: Any = True) -> Any:
    """An unconverted Python container that JavaScript ``JSON.stringify``s (a PyProxy: in
    ``JSON.stringify(d)``, ``Response.json(d)``, a raw Queue's ``send(d)``), as the JS value
    whose JSON production writes: on Pyodide 0.28 a dict's keys (``None`` values and keys named
    like dict methods dropped, as JavaScript's ``undefined`` and functions are), a list of
    numbers and strings its JSON, a list holding a dict or list Pyodide's borrowed-proxy error
    (0.28.2 under Node); on 0.26 ``{}`` for either, with a warning -- production's 0.26.0a2, as
    0.26.0a4 under Node, predates the proxies' JSON support (pyodide 5679e7ca6, 0.26.0a5)."""
    if isinstance(value, dict):
        if not reads_dict_keys(nulls):
            warn_pyproxy(
                f"a Python dict reached JavaScript as a PyProxy in this {where}: JSON.stringify sees none of "
                f"its keys on this Pyodide, so production writes {{}}, and so does workers-env. Convert it with "
                f"to_js(value, dict_converter=Object.fromEntries)")
            return JsObject({})
        return to_js(_stringified_dict(value), dict_converter=_proxy_from_entries)
    if not reads_dict_keys(nulls):  # production's 0.26.0a2 predates the list proxy's JSON (0.26.0a5)
        warn_pyproxy(
            f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}: JSON.stringify "
            f"writes {{}} for it on this Pyodide (0.26), and so does workers-env. Convert it with to_js(value)")
        return JsObject({})
    return to_js(_stringified_list(value))  # of numbers and strings: its JSON (None is null in an array)


#: the Python values a JS container holds as PyProxies when Python code stores them (to_js
#: converts none of them implicitly) and that binding data would read as JS objects otherwise
_PROXIED_TYPES = (dict, list, tuple, JsDict, bytes, bytearray)


def is_stored_as_proxy(value: Any) -> bool:
    """A Python value that JavaScript holds as its PyProxy once Python code stores it in a JS
    object, array or Map, and that Python reads back as the object itself: a container
    (:func:`is_python_container`) or a ``bytes``/``bytearray``."""
    return type(value) in _PROXIED_TYPES


def _marked(owner: Any, raw: Any) -> bool:
    marks = owner._proxied
    if marks is None:
        return False
    mark = marks.get(id(raw))
    return mark is not None and mark[1] is raw


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
        if owner._proxied[id(raw)][0]:
            raise JsException(_BORROWED_CALL)
        return raw
    return _wrap_child(raw, nulls)


def _held(owner: Any) -> Iterable[Any]:
    """The raw values a JS object, array or Map holds (its properties, items or entries' values)."""
    if isinstance(owner, JsArray):
        return owner._items
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


def carry_mark(source: Any, made: Any, raw: Any) -> None:
    """``raw``, copied from the JS container ``source`` into ``made`` (``flat``, ``new Map(entries)``,
    ``Object.fromEntries``), is the same PyProxy there: its mark, if it has one, copied."""
    marks = source._proxied if isinstance(source, (JsObject, JsArray, JsMap)) else None
    mark = None if marks is None else marks.get(id(raw))
    if mark is not None and mark[1] is raw:
        _mark(made, raw, mark[0])


def proxied_by(owner: JsObject | JsArray | JsMap, value: Any, borrowed: bool = False) -> None:
    """Note in a JS object's or array's ``proxied`` that Python code stored the Python container
    ``value`` in it: JavaScript holds its PyProxy, not plain data (which binding results hold
    unconverted too). ``borrowed``: handed over as a JS function's argument (``push``,
    ``Array.of``), whose proxy Pyodide destroys when the call returns."""
    if is_stored_as_proxy(value):
        _mark(owner, value, borrowed)


def _mark(owner: Any, value: Any, borrowed: bool) -> None:
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


_BORROWED_CALL = ("This borrowed proxy was automatically destroyed at the end of a function call. "
                  "Try using create_proxy or create_once_callable.\n"
                  "For more information about the cause of this error, use `pyodide.setDebug(true)`")


def _as_stored(parent: JsObject | JsArray, value: Any) -> Any:
    """A property or item of a JS object or array as ``JSON.stringify`` reads it: a Python
    container Python code stored there is its PyProxy, written as at top level
    (:func:`pyproxy_json`: this Pyodide's rules); one passed to a JS function (``push``,
    ``Array.of``) a destroyed proxy, Pyodide's error; anything else as it is."""
    if isinstance(value, DestroyedAttribute):
        raise JsException(value.message)
    marks = parent._proxied
    mark = None if marks is None or not is_stored_as_proxy(value) else marks.get(id(value))
    if mark is None or mark[1] is not value:
        return value
    if mark[0]:
        raise JsException(_BORROWED_CALL)
    return pyproxy_json(value, "call to JSON.stringify() (inside a JS object)")


def _stringified_list(value: list[Any] | tuple[Any, ...]) -> list[Any]:
    """A list's PyProxy under ``JSON.stringify``: its items, unless one is a container -- the
    proxy of an item read after the list's iterator is exhausted is already destroyed."""
    if any(isinstance(item, (dict, list, tuple)) for item in value):
        raise JsException("This borrowed proxy was automatically destroyed when an iterator was exhausted.\n"
                          "For more information about the cause of this error, use `pyodide.setDebug(true)`")
    return list(value)


def _stringified_dict(value: dict[Any, Any], level: int = 1) -> dict[str, Any]:
    """What ``JSON.parse(JSON.stringify(p))`` gives for a dict's PyProxy ``p`` on Pyodide 0.28:
    its string keys but those named like a dict method (a function there), ``None`` values
    dropped (``undefined``), nested dicts alike, and lists of scalars (whose ``None`` is ``null``).
    ``level``: how deep ``value`` is (the depth limit of :mod:`workers_env._deep`)."""

    def inner(item: Any) -> Any:
        if isinstance(item, dict):
            return _stringified_dict(item, level + 1)
        if isinstance(item, (list, tuple)):
            return _stringified_list(item)
        return item

    def walk() -> dict[str, Any]:
        return {k: inner(v) for k, v in value.items()
                if isinstance(k, str) and k not in DICT_ATTRIBUTES and v is not None}

    return walk() if level < ROOMY_FROM else deeper(level, "JSON.stringify()", walk)


def pyproxy_options(value: dict[str, Any], where: str, defaults: str = "", nulls: Any = True) -> dict[str, Any]:
    """A Python ``dict`` handed to JavaScript as an options/init object (a PyProxy) as
    JavaScript reads it. Pyodide 0.28 on: its keys, except those named like a dict attribute
    (``get``, ``items``, ``keys`` ...: those read the method; a ``PyProxyWarning`` says so).
    Pyodide 0.26: none of its keys -- the defaults apply, with a ``PyProxyWarning`` naming the
    keys production ignores (none for an empty dict)."""
    if reads_dict_keys(nulls):
        shadowed = [k for k in value if k in DICT_ATTRIBUTES]
        if shadowed:
            warn_pyproxy(
                f"a Python dict reached JavaScript as a PyProxy as the {where}: its keys {', '.join(shadowed)} "
                "read as the dict's methods of those names, not as the values (Pyodide's property access tries "
                "attributes first). Convert it with to_js(value, dict_converter=Object.fromEntries)")
        return {k: v for k, v in value.items() if isinstance(k, str) and k not in DICT_ATTRIBUTES}
    if value:
        warn_pyproxy(
            f"a Python dict reached JavaScript as a PyProxy as the {where}: production reads none of its keys "
            f"({', '.join(map(str, value))}), so the defaults apply{f' ({defaults})' if defaults else ''}, here too. "
            f"Convert it with to_js(value, dict_converter=Object.fromEntries) or pass keyword arguments{era_hint()}")
    return {}


#: the PyProxyWarnings said while a binding call's arguments are read: its error carries them
PYPROXY_NOTES: ContextVar[list[str] | None] = ContextVar("workers_env_pyproxy_notes", default=None)


def warn_pyproxy(message: str) -> None:
    """A :class:`PyProxyWarning` pointed at the Worker's line, kept for the call's error too:
    the service's refusal ("required properties ... 'text'") is what the user sees first."""
    notes = PYPROXY_NOTES.get()
    if notes is not None:
        notes.append(message)
    warnings.warn(message, PyProxyWarning, stacklevel=caller_level())


def from_plain(value: Any, nulls: Any = True) -> Any:
    """Plain result data (as bindings return it) as the JS value a worker receives (``None``
    is ``null``, as the Worker's Pyodide hands it over, or as ``nulls`` fixes it)."""
    if value is None:
        return _null_for(nulls)
    if isinstance(value, JsMapResult):  # a JS Map (KV's bulk get)
        return JsMap({k: from_plain(v, nulls) for k, v in value.items()})
    if isinstance(value, ByteStream):
        return JsReadableStream(value)
    if isinstance(value, _jsvalues.HttpResponse):  # a Fetcher's answer (env.ASSETS)
        from workers_env.runtime.jsweb import (  # (jsweb builds on this module)
            JsHeaders,
            JsResponse,
        )

        body = JsReadableStream(value.body) if isinstance(value.body, ByteStream) else value.body
        return JsResponse(body, None, status=value.status, statusText=value.status_text or None,
                          headers=JsHeaders([list(pair) for pair in value.headers]))
    if isinstance(value, dict):
        return JsObject.plain(value, nulls)
    if isinstance(value, (bytes, memoryview)):  # an ArrayBuffer (KV's "arrayBuffer" values)
        return JsBuffer(bytes(value))
    if isinstance(value, (list, tuple)):
        return JsArray(list(value), nulls=nulls)
    return js_number(value)


def js_json_dumps(value: Any) -> str:
    """``JSON.stringify`` output for a JS value (compact, as JavaScript writes it)."""
    return _jsvalues.json_text(_jsonable(value))


def json_stringify(value: Any = None, replacer: Any = None, space: Any = None, *_ignored: Any) -> str | None:
    """``JSON.stringify(value, replacer, space)`` as ECMAScript reads its arguments
    (SerializeJSON): ``replacer`` an array of the property names to keep (at every depth; its
    strings and numbers, ``new String``/``new Number`` ones too, others skipped), anything else
    that is not a function ignored (``.map(JSON.stringify)`` passes the index there); ``space``
    a number (``new Number`` too) -- up to 10 spaces -- or the first 10 characters of a string
    (``new String`` too), per level, anything else no indent. ``undefined`` (``None``) gives
    ``undefined``; numbers are written as JavaScript writes them (``1e-7``), lone surrogates
    escaped (well-formed ``JSON.stringify``)."""
    from workers_env.runtime.jsconversions import JsStringObject
    from workers_env.runtime.jsnumbers import JsNumberObject

    if value is None or _is_symbol(value):
        return None
    if is_python_container(value):  # an unconverted Python container: a PyProxy
        value = pyproxy_json(value, "call to JSON.stringify()")
    tree = _jsonable(value)
    if callable(replacer) and not isinstance(replacer, (JsArray, list)):
        raise NotEmulatedError("JSON.stringify with a replacer function is not emulated by workers-env: "
                               "convert with json.dumps(value.to_py(), default=...) instead")
    if isinstance(replacer, (JsArray, list)):
        keep = [_jsvalues.js_key(k.valueOf() if isinstance(k, (JsStringObject, JsNumberObject)) else k)
                for k in (replacer._items if isinstance(replacer, JsArray) else list(replacer))
                if isinstance(k, (str, JsStringObject, JsNumberObject))
                or (isinstance(k, (int, float)) and not isinstance(k, bool))]
        tree = _kept(tree, dict.fromkeys(keep))
    if isinstance(space, (JsNumberObject, JsStringObject)):
        space = space.valueOf()
    indent = ""
    if isinstance(space, (int, float)) and not isinstance(space, bool):
        indent = " " * int(min(space, 10)) if space >= 1 else ""  # NaN and below 1: none
    elif isinstance(space, str):
        indent = space[:10]
    return _jsvalues.json_text(tree, indent)


def _kept(tree: Any, keep: dict[str, None]) -> Any:
    """A JSON tree with only the ``keep`` properties of each object, in the replacer's order."""
    if isinstance(tree, dict):
        return {k: _kept(tree[k], keep) for k in keep if k in tree}
    if isinstance(tree, list):
        return [_kept(v, keep) for v in tree]
    return tree


def _circular(stack: list[tuple[Any, Any]], value: Any, key: Any) -> JsException:
    """V8's ``TypeError`` for ``JSON.stringify`` of a structure holding itself: the circle from
    where it starts (two objects after the start, ``...``, the last one) and the key closing it."""

    def key_text(k: Any) -> str:
        return f"index {k}" if isinstance(k, int) else f"property '{k}'"

    def name(obj: Any) -> str:
        if isinstance(obj, JsProxy):
            return f"'{obj._js_name}'"
        return "'Object'" if isinstance(obj, dict) else "'Array'"  # a Python container read as one

    start = next(i for i, (obj, _) in enumerate(stack) if obj is value)
    lines = [f"\n    --> starting at object with constructor {name(value)}"]
    prefix_end = min(len(stack), start + 3)
    normal = [f"\n    |     {key_text(stack[i][1])} -> object with constructor {name(stack[i][0])}"
              for i in range(len(stack))]
    lines += normal[start + 1:prefix_end]
    if len(stack) > prefix_end + 1:
        lines.append("\n    |     ...")
    lines += normal[max(prefix_end, len(stack) - 1):]
    lines.append(f"\n    --- {key_text(key)} closes the circle")
    return js_type_error("Converting circular structure to JSON" + "".join(lines))


#: the wrapper objects ``JSON.stringify`` writes as their primitive (SerializeJSONProperty)
_WRAPPERS = frozenset({"Number", "String", "Boolean"})


def _is_symbol(value: Any) -> bool:
    return isinstance(value, JsProxy) and type(value).typeof == "symbol"


def _jsonable(value: Any, stack: list[tuple[Any, Any]] | None = None, key: Any = None) -> Any:
    """A JS value as the JSON tree ``JSON.stringify`` writes: ``toJSON()`` where there is one
    (``URL``, ``Date``), ``{}`` for an object with no own properties (``Headers``, ``Map``),
    a BigInt refused as V8 refuses it, a structure holding itself refused as V8 refuses it
    (``stack``: the objects being written, each with the key it was reached by)."""
    if isinstance(value, (JsObject, JsArray, JsLiteralMap, dict, list, tuple)):
        stack = [] if stack is None else stack
        if any(obj is value for obj, _ in stack):
            raise _circular(stack, value, key)
        stack.append((value, key))
        try:
            if len(stack) < ROOMY_FROM:
                return _jsonable_one(value, stack)
            return deeper(len(stack), "JSON.stringify()", lambda: _jsonable_one(value, stack))
        finally:
            stack.pop()
    return _jsonable_one(value, stack if stack is not None else [])


def _jsonable_one(value: Any, stack: list[tuple[Any, Any]]) -> Any:
    if value is jsnull:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and (
            isinstance(value, _jsvalues.BigInt) or not _jsvalues.is_safe_int(value)):
        raise js_type_error("Do not know how to serialize a BigInt")
    if _is_symbol(value):  # as undefined: null in an array, left out of an object
        return None
    if isinstance(value, JsDoubleProxy) and is_python_container(value._obj):  # to_js past its depth, create_proxy
        return _jsonable(pyproxy_json(value.unwrap(), "call to JSON.stringify()"), stack)
    to_json = getattr(value, "toJSON", None) if isinstance(value, JsProxy) else None
    if callable(to_json):
        return _jsonable(to_json(), stack)
    if getattr(value, "_js_name", None) in _WRAPPERS and callable(getattr(value, "valueOf", None)):
        return _jsonable(value.valueOf(), stack)  # new Number/String/Boolean: its primitive
    if isinstance(value, JsObject):  # an undefined property is left out, a null one kept
        return {k: _jsonable(_as_stored(value, v), stack, k) for k, v in value._props.items()
                if (v is not None or value._nulls) and not _is_symbol(v)}
    if isinstance(value, JsArray):
        return [_jsonable(_as_stored(value, v), stack, i) for i, v in enumerate(value._items)]
    if isinstance(value, JsTypedArray):
        return {str(i): v for i, v in enumerate(value.numbers())}
    if isinstance(value, JsSet):  # a Set has no own enumerable properties
        return {}
    if isinstance(value, JsLiteralMap):  # its string keys are own properties
        return {k: _jsonable(v, stack, k) for k, v in value.read_properties().items() if v is not None}
    if isinstance(value, (JsMap, JsBufferSource)):
        return {}
    if isinstance(value, dict):
        return {k: _jsonable(v, stack, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, stack, i) for i, v in enumerate(value)]
    if isinstance(value, float):
        return js_number(value) if value == value and value not in (float("inf"), float("-inf")) else None
    if isinstance(value, JsProxy) or not isinstance(value, (str, int, type(None))):
        return {}  # a host object or a PyProxy: no own enumerable properties
    return value


set_keyword_folding(JsObject, warn_pyproxy)  # a call's keyword arguments: one JS object (jsbase.folded)


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
