"""Conversion between Python values and JS values: Pyodide's :func:`to_js` (and
``pyodide.ffi.to_js``), ``Object.fromEntries``, and :func:`to_plain`, the plain data the
emulated bindings take from the JS values a Worker hands them."""

from __future__ import annotations

import functools
import inspect
from array import array
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from workers_env import _jsvalues, _sentvalues
from workers_env._deep import ROOMY_FROM, conversion_limit, deeper
from workers_env._errors import JsException, add_hint
from workers_env._jsvalues import (
    BigInt,
    ByteStream,
    JsBigInt,
    JsDate,
    JsOpaque,
    JsSet,
    is_safe_int,
    js_number,
    js_string,
)
from workers_env._sentvalues import ConversionError
from workers_env.runtime.buffertojs import buffer_in_one_step
from workers_env.runtime.current import current_runtime, pyodide_028, pyodide_029
from workers_env.runtime.jsbase import (
    JsHostObject,
    JsProxy,
    js_type_error,
    jsnull,
)
from workers_env.runtime.jsbuffers import (
    JsBufferSource,
    JsTypedArray,
)
from workers_env.runtime.jsdestroyed import ITERATED_PROXY, ITERATED_PROXY_NOTE, DestroyedProxy
from workers_env.runtime.jsfunctions import JsDoubleProxy, JsFunction
from workers_env.runtime.jsmapkeys import map_key_read
from workers_env.runtime.jsproxy import (
    JsArray,
    JsLiteralMap,
    JsMap,
    JsObject,
    JsObjectMap,
    binding_data,
    carry_mark,
    read_stored,
)
from workers_env.runtime.jsreadable import JsReadableStream
from workers_env.runtime.propertyorder import reorder_in_place

__all__ = [
    "ffi_to_js",
    "to_js",
    "era_hint",
    "ConversionError",
    "to_plain",
    "object_from_entries",
]


_PRIMITIVES = (str, int, float, bool)
#: the types whose values to_js hands back as they are (an int only in the safe range: else a BigInt)
_SAME_IN_JS = frozenset({str, int, float, bool, type(None)})
_FLOATS, _NUMBERS = frozenset({float}), frozenset({int, float})


_IN_PROGRESS = object()  # to_js's mark for a dict whose conversion has not finished




def _dict_items(value: dict[Any, Any]) -> list[tuple[Any, Any]]:
    """The pairs Pyodide's ``to_js`` reads from a dict: from 0.26.0a5 (pyodide #4637, "Fix toJs on
    dict subclasses", fd07a6a10; so in workerd's 0.28 era) what ``value.items()`` yields, each a
    tuple (else Pyodide's ``TypeError: expected tuple``); workerd's 0.26.0a2 walks the dict's own storage
    (``PyDict_Next``), whatever a subclass's ``items()`` or ``__getitem__`` say -- so a
    ``class D(ChainMap, dict)`` converts as ``{}`` and a Werkzeug ``MultiDict`` as lists there."""
    if not pyodide_028():
        return list(dict.items(value))
    pairs = []
    for item in value.items():
        if not isinstance(item, tuple):
            raise TypeError("expected tuple")
        pairs.append((item[0], item[1]))
    return pairs


#: ``Object.prototype``'s own properties: ``key in obj`` is true of them for any plain object
_OBJECT_PROTOTYPE = frozenset({
    "constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty", "__lookupGetter__", "__lookupSetter__",
    "isPrototypeOf", "propertyIsEnumerable", "toString", "valueOf", "__proto__", "toLocaleString"})


def _object_properties(pairs: list[tuple[Any, Any]]) -> dict[str, Any]:
    """A dict's converted pairs as Pyodide 0.29's ``_JsObject_Set`` writes them into a new
    ``Object``: each key as JavaScript names the property (``None`` is ``undefined``), and a key
    already ``in`` the object -- two Python keys naming one property, or one of
    ``Object.prototype``'s (``constructor``, ``toString``, ``__proto__``, ...) -- a
    ``ConversionError`` naming the key as JavaScript hands it back (python2js.c)."""
    props: dict[str, Any] = {}
    for key, value in pairs:
        name = "undefined" if key is None else key if type(key) is str else js_string(key)
        if name in props or name in _OBJECT_PROTOTYPE:
            read = js_number(key) if isinstance(key, (int, float)) and not isinstance(key, bool) else key
            raise ConversionError(f"Key collision when converting Python dictionary to JavaScript. Key: {read!r}")
        props[name] = value
    return props


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
    if type(obj) in _SAME_IN_JS and (type(obj) is not int or is_safe_int(obj)):  # a binding call's key, a
        return obj  # number: what convert() below hands back as it is, without setting a conversion up
    limit = conversion_limit()  # (raised by workers-env's own converting_within, else 1,000)

    # Pyodide's conversion cache (python2js.c): a collection met again -- a shared one, or one
    # holding itself -- is the JS value already made for it, so a cycle is kept, not followed
    # without end; a dict is "in progress" (``_IN_PROGRESS``) until its converter has run, and
    # a value that is that dict is filled in afterwards (``later``), as Pyodide's postprocess
    # list does: into an array's slot, a LiteralMap's entry or (0.29 on) an Object's property; anywhere else Pyodide writes
    # ``parent[key] = value``, a property JavaScript's Map and ``dict_converter`` never read.
    cache: dict[int, Any] = {}
    later: list[tuple[Any, Any, Any]] = []
    alive: list[Any] = []  # each collection cached, so its id is not reused during the conversion
    nesting = [0]  # containers being converted within each other (workers_env._deep)
    objects: set[int] = set()  # the Objects Pyodide 0.29 made of dicts (not a dict_converter's)

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
                return deeper(nesting[0], "to_js()", lambda: container(value, level), limit)
            finally:
                nesting[0] -= 1
        return leaf(value, level)

    def container(value: Any, level: int) -> Any:
        if isinstance(value, dict):
            cache[id(value)] = _IN_PROGRESS
            slot = object()  # this dict's place in ``later`` until it is made
            pairs: list[tuple[Any, Any]] = []
            for k, v in _dict_items(value):
                item = child(v, level - 1, slot, key_of(k))
                if item is not _IN_PROGRESS:
                    pairs.append((key_of(k), item))
            if dict_converter is None and pyodide_029():  # Pyodide 0.29 on (314.0.x): a plain Object
                made: Any = JsObject(_object_properties(pairs))
                objects.add(id(made))
            elif dict_converter is None:  # Pyodide 0.27 and 0.28: a LiteralMap; 0.26: a plain Map
                made = JsLiteralMap(dict(pairs)) if pyodide_028() else JsMap(dict(pairs))
            else:
                made = dict_converter(JsArray([JsArray([k, v]) for k, v in pairs]))
            later[:] = [(made if p is slot else p, k, c) for p, k, c in later]
            cache[id(value)] = made
            return made
        if isinstance(value, (list, tuple)):
            if _FLOATS.issuperset(map(type, value)) or (_NUMBERS.issuperset(map(type, value)) and all(
                    is_safe_int(v) for v in value if type(v) is int)):  # numbers only (a vector: its types read in C)
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
        if isinstance(value, (bytes, bytearray, memoryview, array)) or hasattr(value, "__array_interface__") \
                or _has_buffer(value):
            if isinstance(value, (bytes, bytearray)):  # a Uint8Array of a copy, made in one step (what
                return JsTypedArray("Uint8Array", bytes(value))  # the general path below gives, no int list)
            try:
                made = buffer_in_one_step(value)  # the typed array of a copy of the bytes, no number list
                if made is not None:
                    return made
                if not isinstance(value, (memoryview, array)) and not hasattr(value, "__array_interface__"):
                    value = memoryview(value)  # another object with the buffer protocol (an mmap, a ctypes array)
                return _typed(_sentvalues.to_js(value))  # Pyodide's buffer conversion (float16: an Error)
            except ConversionError:
                raise
            except Exception as error:  # python2js.c: the failure (the JS Error of python2js_buffer.js, an
                # unreadable buffer's) is the cause of a ConversionError
                raise ConversionError(_sentvalues.CONVERSION_FAILED) from error
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
        elif id(parent) in objects:  # Pyodide 0.29's Object for a dict: ``parent[key] = value``
            object.__getattribute__(parent, "_props")[key if type(key) is str else js_string(key)] = made
    if isinstance(result, BigInt) and type(result) is not JsBigInt:  # the BigInt reaches Python again as an int,
        return int(result)  # as Pyodide's to_js returns it; a JsBigInt stays one (314.0.6: typeof bigint)
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
    return JsFunction(obj, roundtrip=False) if callable(obj) else JsDoubleProxy(obj, roundtrip=False)


ffi_to_js.__name__ = ffi_to_js.__qualname__ = "to_js"  # its errors name Pyodide's function
ffi_to_js.__signature__ = inspect.signature(to_js)  # type: ignore[attr-defined]


def _has_buffer(value: Any) -> bool:
    """Whether ``value`` has the buffer protocol (Pyodide's ``PyObject_CheckBuffer``, which its
    ``to_js`` asks after dicts, lists, tuples and sets, before any ``default_converter``)."""
    try:
        memoryview(value).release()
    except TypeError:
        return False
    return True


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


def js_iterable(value: Any) -> Iterable[Any]:
    """:func:`js_iterated` of a value JavaScript's iteration protocol takes (``Object.fromEntries``,
    ``new Map``, ``new Set``): one without ``[Symbol.iterator]`` -- ``undefined``, ``null``, a
    number, a boolean, a plain object (``to_js(dict)`` from Pyodide 0.29, ``JSON.parse('{}')``) --
    is V8's ``TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))``
    (measured on Pyodide 0.28.2 and 314.0.6), not Python's own ``TypeError``."""
    if not_js_iterable(value):
        raise _jsvalues.not_iterable(value)
    return js_iterated(value)


def not_js_iterable(value: Any) -> bool:
    """Whether ``value`` has no ``[Symbol.iterator]`` to JavaScript: ``undefined``/``null``, a
    number or boolean, a plain object (its ``as_object_map()``/``as_py_json()`` view too), a JS
    value iterated neither way -- a ``Request``, a ``Response`` (``new Map(request)`` is V8's
    TypeError under wrangler dev 4.164.0)."""
    if isinstance(value, JsProxy) and not isinstance(value, (JsObject, JsObjectMap)):
        kind = type(value)
        return getattr(kind, "js_iteration", None) is None and getattr(kind, "__iter__", None) is None
    return (value is None or value is jsnull or isinstance(value, (bool, int, float, JsObject, JsObjectMap))) \
        and not isinstance(value, str)


def check_entry(entry: Any) -> None:
    """An item ``Object.fromEntries``/``new Map`` iterated must be an object: a string, number,
    boolean, ``null`` or ``undefined`` is V8's ``TypeError: Iterator value a is not an entry
    object`` (``Object.fromEntries('ab')``; measured under Node 24), not pairs of its characters."""
    if entry is None or entry is jsnull or isinstance(entry, (str, bool, int, float)):
        shown = "undefined" if entry is None else "null" if entry is jsnull else \
            ("true" if entry else "false") if isinstance(entry, bool) else \
            entry if isinstance(entry, str) else _jsvalues.js_string(entry)
        raise JsException(f"Iterator value {shown} is not an entry object", name="TypeError")


def object_from_entries(entries: Iterable[Any], *_ignored: Any) -> JsObject:
    """``Object.fromEntries``: a plain object from ``[key, value]`` pairs (a value JavaScript
    cannot iterate: :func:`js_iterable`'s ``TypeError``; ``undefined`` and ``null`` V8's shorter
    ``undefined is not iterable``, measured under Node 24)."""
    if entries is None or entries is jsnull:
        raise JsException("undefined is not iterable", name="TypeError")
    js_iterable(entries)
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
        check_entry(entry)
        pair = entry._items if isinstance(entry, JsArray) else list(entry)
        key, value = (list(pair) + [None, None])[:2]
        if value is None and isinstance(entry, JsArray) and entry._nulls:
            value = jsnull  # a plain binding datum's None is JavaScript null
        elif type(value) is float:
            value = js_number(value)  # one JS number type: 0.0 is the 0 Python reads back
        elif not isinstance(entry, JsArray):  # read through a PyProxy: 2**53 - 1 a BigInt, as Pyodide sends it
            value = _jsvalues.crossing(value)
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
    if type(value) in _PRIMITIVES:  # (what _Plain._one hands back as it is: a key, a number)
        return value
    return _Plain(where).convert(value)


class _Plain:
    """One ``to_plain`` conversion, walked without recursion (any depth reaches the binding,
    whose own nesting limit answers it): the plain container made for each JS object or array
    so far, by identity, so a shared one stays shared and a cycle stays a cycle."""

    __slots__ = ("where", "made", "alive")

    def __init__(self, where: str):
        self.where = where
        self.made: dict[int, Any] = {}
        #: the JS views made of a result's unconverted data on the way (binding_data), kept for
        #: the walk: ``made`` is keyed by id, and a view freed early could lend its id to the next
        self.alive: list[Any] = []

    def _data(self, owner: Any, raw: Any) -> Any:
        """:func:`binding_data` of ``raw``, the view kept alive while the walk lasts."""
        value = binding_data(owner, raw)
        if value is not raw:
            self.alive.append(value)
        return value

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
        if isinstance(value, BigInt):  # a JsBigInt (Pyodide 0.29 on): a BigInt to JavaScript, whatever its size
            return BigInt(int.__index__(value)), None
        if isinstance(value, _PRIMITIVES):  # subclasses (an IntEnum, SQLAlchemy's quoted_name, np.float64)
            return _jsvalues.base_value(value), None  # cross as their base type: Pyodide checks PyUnicode_Check, ...
        if not isinstance(value, (JsObject, JsArray, JsLiteralMap)):
            return _to_plain_leaf(value, self), None
        made = self.made.get(id(value))
        if made is not None:
            return made, None
        if isinstance(value, JsArray):
            if _NUMBERS.issuperset(map(type, value._items)):  # numbers only (a vector: read in C)
                made = self.made[id(value)] = list(value._items)
                return made, None
            made = self.made[id(value)] = []
            return made, ((made.append, self._data(value, v)) for v in value._items)
        if isinstance(value, JsObject):  # None is undefined there (to_js, keywords): as good as absent
            made = self.made[id(value)] = {}
            # a binding's result handed back (an AI result, getByIds' vectors) holds its nested data
            # unconverted: JavaScript data, not the PyProxy of a Python value (binding_data)
            props = [(k, self._data(value, v)) for k, v in value._props.items() if v is not None or value._nulls]
        else:  # a LiteralMap, read as an object: its string keys are its properties
            made = self.made[id(value)] = _jsvalues.JsLiteralMapArgument()
            props = list(value.read_properties().items())
        return made, ((functools.partial(made.__setitem__, k), v) for k, v in props)


def _to_plain_leaf(value: Any, plain: _Plain) -> Any:
    """``to_plain`` of a value that is not a plain JS object or array."""
    where = plain.where
    if isinstance(value, _jsvalues.PyProxyArgument):  # a PyProxy already judged one (jsbindings): the binding reads it
        return value
    if isinstance(value, DestroyedProxy):
        error = JsException(ITERATED_PROXY)
        add_hint(error, ITERATED_PROXY_NOTE)
        raise error
    if isinstance(value, JsSet):
        return JsSet(plain.convert(v) for v in value)
    if isinstance(value, JsTypedArray):
        return _jsvalues.JsTypedArray(value._name, value.numbers())
    if isinstance(value, JsBufferSource):  # an ArrayBuffer or a DataView: its bytes
        return value.to_bytes()
    if isinstance(value, JsReadableStream):  # a stream handed back (a KV put value)
        return ByteStream([value.pump_all()])
    if isinstance(value, ByteStream):
        return value
    if isinstance(value, JsMap):  # its entries kept apart (V8's serializer writes them: a v8 Queue message)
        made = plain.made.get(id(value))
        if made is None:
            made = plain.made[id(value)] = _jsvalues.JsMapArgument()
            made.entries.extend((plain.convert(map_key_read(k)), plain.convert(read_stored(value, v)))
                                for k, v in list(value._entries.items()))
        return made
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
        raise js_type_error(with_imports(
            f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}; "
            f"convert it with to_js(value, dict_converter=Object.fromEntries){hint}"
        ))
    raise js_type_error(with_imports(
        f"a Python {type(value).__name__} reached JavaScript as a PyProxy in this {where}; convert it with to_js()"
        + hint
    ))


def with_imports(message: str) -> str:
    """``message`` with where its first ``to_js(...)`` (and an ``Object.fromEntries`` in it) come
    from in Worker code written after it: a note's fix a Worker can paste (walk58: the imports
    were named nowhere, README or note)."""
    start = message.find("to_js(")
    if start < 0 or "from pyodide.ffi import to_js" in message:
        return message
    depth = 0
    for end in range(start + len("to_js"), len(message)):
        depth += {"(": 1, ")": -1}.get(message[end], 0)
        if depth == 0:
            break
    else:
        return message
    call = message[start:end + 1]
    imports = "from pyodide.ffi import to_js" + ("; from js import Object" if "Object.fromEntries" in call else "")
    return f"{message[:end + 1]} ({imports}){message[end + 1:]}"


_ERA_HINT = ("; or give the Worker the external SDK, which converts plain Python values "
             "(compatibility_date 2026-04-21 or later, or the enable_python_external_sdk flag)")


def era_hint() -> str:
    """:data:`_ERA_HINT`, unless the running Worker has the external SDK already (where the
    value reached JavaScript past the SDK's conversions, through a raw JS API)."""
    era = getattr(current_runtime(), "era", None)
    return "" if era is not None and era.external_sdk else _ERA_HINT
