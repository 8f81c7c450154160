"""Values as they cross the JavaScript boundary of a Python Worker.

In production, binding results travel JS -> Python through Pyodide: objects become a
:class:`JsDict`, ``null`` becomes ``None`` and whole-number floats become ``int``.
Arguments travel Python -> JS and the SDK refuses tuples and bytearrays. This module and
those beside it reproduce both directions so code that breaks in production breaks here too.

Parts with a purpose of their own live beside it: JSON text (``JSON.stringify``'s of plain
values, ``JSON.parse`` with V8's ``SyntaxError`` texts) in _jsontext.py; float32 values as JavaScript prints them in _float32decimals.py;
what a value may not cross into a binding with (tuples, circles, nesting too deep) in _sendchecks.py;
the Python -> JavaScript direction (``to_js``, ``json_value``) in _sentvalues.py; the metaclass
naming JS values' classes ``pyodide.ffi.JsProxy`` in _proxytype.py; JavaScript's ``ToNumber`` and
truthiness of a value in _jscoercions.py; the Vectorize index-version note :class:`JsDict` adds to a
missing field in _vectorizeversions.py.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import struct
import sys
import weakref
from abc import ABCMeta
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, overload

from workers_env._deep import ROOMY_FROM, deeper, python_str
from workers_env._errors import JsException
from workers_env._proxytype import PyodideProxyType  # (also the name pickles made before _proxytype.py call)
from workers_env._sdkclasses import SdkType, class_named
from workers_env._vectorizeversions import _OTHER_GENERATION, _generation_error, _generation_note, _noted

__all__ = [
    "JS_WHITESPACE",
    "UNDEFINED",
    "well_formed",
    "with_this",
    "this_crossed",
    "PyProxyArgument",
    "BigInt",
    "JsBigInt",
    "bigint_reads_as",
    "crossing",
    "handed_back",
    "ByteStream",
    "HttpResponse",
    "JsDate",
    "JsDict",
    "JsLiteralMapArgument",
    "JsMapArgument",
    "JsMapResult",
    "JsOpaque",
    "JsSet",
    "set_membership",
    "JsTypedArray",
    "base_value",
    "js_length",
    "js_string",
    "refuse_symbol",
    "is_symbol",
    "SYMBOL_TO_STRING",
    "is_safe_int",
    "js_key",
    "js_key_order",
    "js_number",
    "js_type_error",
    "not_a_function",
    "not_iterable",
    "number_list",
    "to_py",
    "typed_array_bytes",
]

# What JavaScript's ``trim()`` and ``Number()`` take for whitespace (WhiteSpace and LineTerminator).
JS_WHITESPACE = (" \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
                 "\u2028\u2029\u202f\u205f\u3000\ufeff")

MAX_SAFE_INTEGER = 2**53 - 1


class JsDict(dict, metaclass=SdkType):  # type: ignore[type-arg]
    """A ``dict`` whose keys also read as attributes, as Python Workers receive JS objects.

    Dict attributes win over keys: ``match.values`` is the dict method, the vector is
    ``match["values"]`` -- exactly the production pitfall. Named as the external SDK's
    ``JsDict`` for the running Worker's (``workers.rpc.JsDict``; _sdkclasses.py, runtime/sdknames.py).
    """

    _sdk_class = True

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            if name in _OTHER_GENERATION:  # a set look-up: misses of other names stay as cheap as before
                raise _generation_error(self, name) from None
            raise AttributeError(name) from None  # no local holds it: no frame <-> traceback cycle for the GC

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __missing__(self, key: Any) -> Any:
        """``res["mutationId"]`` of a v1 write (a missing key): Python's ``KeyError``, with the
        index-version note ``res.mutationId`` gets (called on misses only, by ``dict``)."""
        if key in _OTHER_GENERATION:
            raise _noted(KeyError(key), _generation_note(self, key))  # no local holds it: no GC cycle
        raise KeyError(key)


class JsMapResult(JsDict):
    """A result that is a JavaScript ``Map`` (KV's bulk ``get``): JS code sees a ``Map``,
    Python code a :class:`JsDict` (Pyodide turns a ``Map`` into a ``dict``), named so."""

    _sdk_class = True
    _shown_as = "JsDict"


class PyProxyArgument:
    """A Python container handed unconverted to a JavaScript rest parameter (D1's
    ``bind(...values)``): a PyProxy, ``typeof`` ``"object"``, ``String()`` of it Python's ``str()``."""

    __slots__ = ("value",)

    def __init__(self, value: Any):
        self.value = value

    def __str__(self) -> str:
        return python_str(self.value)

    def __repr__(self) -> str:
        return f"PyProxyArgument({self.value!r})"


class JsLiteralMapArgument(dict):  # type: ignore[type-arg]
    """What a binding reads of Pyodide 0.28's ``LiteralMap`` (``to_js(dict)`` without a
    ``dict_converter``): its string keys as properties -- except those named like a ``Map``
    member (``values``, ``keys``, ``get``, ...), which read as that member, a function, and so
    are left out here as ``JSON.stringify`` leaves them out; ``map.values`` is still a function,
    which the Vectorize binding reads (real Pyodide 0.28.2 under Node: ``{...m}``,
    ``JSON.stringify(m)``)."""


class JsMapArgument(dict):  # type: ignore[type-arg]
    """A JavaScript ``Map`` handed to a binding (``to_js(dict)`` without a ``dict_converter``):
    spread or serialised it is ``{}`` (no own properties, its entries lost), yet its methods
    are still there -- ``map.values`` is a function, which the Vectorize binding reads. Its
    entries, ``(key, value)`` pairs in order, are :attr:`entries`: what V8's serializer writes
    of it (a Queue's ``v8`` message, whose consumer receives a ``Map``)."""

    def __init__(self, entries: Iterable[tuple[Any, Any]] = ()):
        super().__init__()
        self.entries: list[tuple[Any, Any]] = list(entries)

    def __repr__(self) -> str:
        return f"JsMapArgument({self.entries!r})"


@dataclass(frozen=True)
class HttpResponse:
    """An HTTP response a binding answers with (a Fetcher's, such as ``env.ASSETS``, or Workers
    AI's ``returnRawResponse``): Worker code receives it as a JS ``Response``; called directly,
    read ``status``, ``headers``, :meth:`text` or ``body`` (bytes, or a :class:`ByteStream`
    for a body sent in chunks, which a Worker receives as the Response's ``ReadableStream``)."""

    status: int
    status_text: str
    headers: tuple[tuple[str, str], ...]
    body: bytes | ByteStream | None

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (case-insensitive), or ``None``."""
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def text(self) -> str:
        """The body as text (a :class:`ByteStream` body is read, once, as a stream is)."""
        body = b"".join(self.body.take()) if isinstance(self.body, ByteStream) else self.body
        return (body or b"").decode("utf-8", errors="replace")


class ByteStream:
    """A body a binding returns in chunks: what JavaScript holds as a ``ReadableStream`` of bytes.

    Bindings return it as plain data (the runtime hands Worker code a ``ReadableStream``
    built from it); called directly, iterate it (``for chunk in stream``, ``async for``) or
    read it whole with :meth:`read`. Like a stream, it can be read once.

    ``expected_length`` is the length workerd knows of it (``ReadableStream::tryGetLength``), or
    ``None``: a body of known length is served with a ``Content-Length``, one of unknown length
    chunked. A binding's stream is the body of its internal fetch, so its length is that
    answer's: KV's is known, Workers AI's server-sent events (``stream: true``) are not.
    """

    def __init__(self, chunks: Iterable[bytes], *, content_type: str | None = None,
                 expected_length: int | None = None):
        self._chunks: list[bytes] | None = [bytes(c) for c in chunks]
        self.content_type = content_type
        self.expected_length = expected_length

    @property
    def consumed(self) -> bool:
        return self._chunks is None

    def take(self) -> list[bytes]:
        """Every chunk, once; a second read raises ``TypeError`` as a locked stream does."""
        if self._chunks is None:
            raise TypeError("This ReadableStream has already been read; a stream can be read once.")
        chunks, self._chunks = self._chunks, None
        return chunks

    def read(self) -> bytes:
        return b"".join(self.take())

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.take())

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self.take():
            yield chunk

    def __repr__(self) -> str:
        return f"<ByteStream {self.content_type or ''}{' (read)' if self.consumed else ''}>"


_ARRAY_INDEX = re.compile(r"0|[1-9][0-9]{0,9}")


def is_array_index(name: str) -> bool:
    """Whether a property name is an array index (``"0"`` .. ``"4294967294"``, no leading zero)."""
    return bool(_ARRAY_INDEX.fullmatch(name)) and int(name) < 2**32 - 1


def js_key_order(names: Iterable[str]) -> list[str]:
    """The order a JavaScript object keeps its property names in (``Object.keys``,
    ``JSON.stringify``): array indices (``"0"`` .. ``"4294967294"``) first, ascending, then the
    others in the order they were first set."""
    names = list(dict.fromkeys(names))
    indices = sorted((n for n in names if is_array_index(n)), key=int)
    if not indices:
        return names
    chosen = set(indices)
    return indices + [n for n in names if n not in chosen]


def js_number(value: Any) -> Any:
    """A JS number as Pyodide hands it to Python: safe whole numbers become ``int``, and a BigInt
    an ``int`` (``to_js({'a': 2**70}).get('a')``, as 0.26.0a4 and 0.28.2 read it back).

    A plain ``int`` past 2**53 - 1 in magnitude can be no JS number (binding data holds those as
    floats), so it is a Python int stored into JavaScript, which went there as a BigInt (``JsBigInt``
    from 0.29). ``Number.MAX_SAFE_INTEGER`` itself stays ``int``: a D1 column, a JSON var or
    ``JSON.parse`` give that number, which every Pyodide reads as ``int`` (a Python ``2**53 - 1``
    stored by a call or a property set therefore reads back as ``int``, not 314.0.6's ``JsBigInt``)."""
    cls = type(value)
    if cls is int:  # the common case first: one range check, no call
        return value if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER else bigint_reads_as()(value)
    if cls is BigInt:
        return bigint_reads_as()(value)
    if isinstance(value, float) and value.is_integer() and abs(value) <= MAX_SAFE_INTEGER:  # NaN, inf: not integers
        return int(value)
    return value


def number_list(value: list[Any]) -> list[Any] | None:
    """A list of ``float`` (or of ``int``) as Pyodide hands it over, converted at C speed;
    ``None`` when it holds anything else (or whole floats), for the element-wise path.
    Vectors (embeddings, query values) are the common case."""
    kinds = set(map(type, value))
    if kinds == {float}:
        return None if any(map(float.is_integer, value)) else list(value)
    if kinds == {int}:
        return list(value)
    return None


def to_py(value: Any, level: int = 1) -> Any:
    """Convert a plain result tree (dicts, lists, numbers) the way Pyodide would; ``level``
    is how deep in the tree ``value`` is (see :mod:`workers_env._deep`)."""
    if type(value) is float:  # a match score, the per-query common case: skip the chain below
        return js_number(value)
    if type(value) is list and value:
        numbers = number_list(value)
        if numbers is not None:
            return numbers
    if isinstance(value, dict) and level < ROOMY_FROM:
        return JsDict({k: to_py(v, level + 1) for k, v in value.items()})
    if isinstance(value, (dict, list, tuple)):
        if level < ROOMY_FROM:
            return [to_py(v, level + 1) for v in value]
        return deeper(level, "to_py()", lambda: _to_py_container(value, level))
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return js_number(value)
    np = sys.modules.get("numpy")  # (none of its values before it is loaded)
    if np is not None and isinstance(value, np.generic):
        return to_py(value.item())
    return value


def _to_py_container(value: Any, level: int) -> Any:
    if isinstance(value, dict):
        return JsDict({k: to_py(v, level + 1) for k, v in value.items()})
    return [to_py(v, level + 1) for v in value]


def numpy() -> Any:
    """numpy, imported where a value needs it: a Worker without Vectorize or Workers AI, and
    every command but theirs, never does (its import was a fifth of ``workers-env dev``'s start)."""
    import numpy

    return numpy


def numpy_types() -> tuple[type, ...]:
    """numpy's array and scalar types once it is loaded (no value is one of them before)."""
    np = sys.modules.get("numpy")
    return () if np is None else (np.ndarray, np.generic)


# -- Python -> JavaScript: what the SDK and Pyodide send, and what JSON.stringify makes of it --
#
# A binding call from Python Worker code goes: the SDK's ``python_to_rpc`` (refuses tuples
# and bytearrays, ``None`` -> null, ``datetime`` -> ``Date``), Pyodide's ``to_js`` (ints
# outside the safe range -> BigInt, buffers -> typed arrays, sets -> ``Set``), the binding's
# own JavaScript (``Array.from`` on vectors), then ``JSON.stringify`` of the request body
# (BigInt -> TypeError, NaN/Infinity -> null, Date -> ISO string, Set/typed array -> object).
# The plain model below stands for those JS values with Python data: dict = object,
# list = Array, None = null, and the small classes for what has no plain Python twin.


class BigInt(int, metaclass=ABCMeta):
    """A JavaScript BigInt: what Pyodide makes of an int with magnitude >= 2**53 - 1. An ABC so
    that :class:`JsBigInt`, a direct ``int`` subclass as Pyodide's (``JsBigInt.__mro__`` is
    ``(JsBigInt, int, object)``), still counts as one to every conversion (registered below)."""

    def __repr__(self) -> str:
        return f"{int(self)}n"


class JsBigInt(int):
    """``pyodide.ffi.JsBigInt`` (Pyodide 0.29 on: the 314.0.x era): how a JavaScript BigInt reads
    in Python there -- an ``int`` whose arithmetic stays a ``JsBigInt`` and which goes back to
    JavaScript as a BigInt, whatever its size (it is a :class:`BigInt` to every conversion)."""

    __repr__ = __str__ = int.__repr__

    def __reduce__(self) -> tuple[Any, ...]:
        return (int, (int(self),))  # pickles as the number (pyodide.ffi is no module outside a Worker)


def _keeps_js_bigint(name: str) -> Any:
    method = getattr(int, name)

    def operator(self: JsBigInt, *args: Any) -> Any:
        result = method(self, *args)
        return JsBigInt(result) if type(result) is int else result

    operator.__name__ = name
    return operator


for _name in ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__floordiv__", "__rfloordiv__",
              "__mod__", "__rmod__", "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__invert__", "__and__",
              "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__lshift__", "__rlshift__", "__rshift__",
              "__rrshift__"):
    setattr(JsBigInt, _name, _keeps_js_bigint(_name))
JsBigInt.__module__ = "pyodide.ffi"
BigInt.register(JsBigInt)

#: the class a JavaScript BigInt reads as in Python: ``int`` (Pyodide 0.26, 0.28), ``JsBigInt``
#: (0.29 on); runtime/current.py answers it for the running Worker
bigint_reads_as: Callable[[], type[int]] = lambda: int


class JsTypedArray(list):  # type: ignore[type-arg]
    """A typed array (``Float32Array``, ``BigInt64Array``, ...): iterable like an Array,
    but ``JSON.stringify`` writes it as an object with index keys."""

    def __init__(self, name: str, items: Any = ()):
        super().__init__(items)
        self.name = name


#: ``struct`` codes of a typed array's elements, by its constructor's name
_TYPED_ARRAY_CODES = {
    "Uint8Array": "B", "Uint8ClampedArray": "B", "Int8Array": "b", "Uint16Array": "H", "Int16Array": "h",
    "Uint32Array": "I", "Int32Array": "i", "Float32Array": "f", "Float64Array": "d",
    "BigInt64Array": "q", "BigUint64Array": "Q",
}


def typed_array_bytes(value: JsTypedArray) -> bytes:
    """The bytes behind a typed array (its buffer, little-endian as on every Workers host), as a
    binding that takes an ``ArrayBufferView`` stores or sends them (KV's ``put``, a Queue's
    ``bytes`` message)."""
    code = _TYPED_ARRAY_CODES.get(value.name, "B")
    return struct.pack(f"<{len(value)}{code}", *(float(v) if code in "fd" else int(v) for v in value))


def not_a_function(value: Any) -> JsException:
    """V8's TypeError for an Array method's or a ``Set``/``Map`` ``forEach`` callback that is not
    a function (``number 5 is not a function``, ``object null ...``; measured against workerd)."""
    return JsException(f"{_v8_described(value)} is not a function", name="TypeError")


def with_this(callback: Any, this_arg: tuple[Any, ...]) -> Any:
    """``callback`` as a JS built-in calls it given a ``thisArg`` (``arr.forEach(f, obj)``,
    ``Array.from(items, f, obj)``, ``headers.forEach(f, obj)``): a ``create_proxy(f,
    capture_this=True)`` gets ``this_arg[0]`` first, as Pyodide hands such a proxy JavaScript's
    ``this`` (its ``_with_this``); every other function ignores ``this`` (a Python function's
    PyProxy, a bound one, workers-env's built-ins), so is ``callback`` itself."""
    bind = getattr(type(callback), "_with_this", None) if this_arg else None
    return callback if bind is None else bind(callback, this_crossed(this_arg[0]))


def this_crossed(value: Any) -> Any:
    """A Python ``thisArg`` as a ``capture_this`` function reads it after its trip through
    JavaScript: a whole ``float`` comes back ``int`` (``arr.forEach(f, 1.0)``, ``f.call(2.0)``
    give ``this`` 1 and 2), an ``int`` from ``2**53 - 1`` that era's BigInt (real Pyodide
    0.26.0a4, 0.28.2, 314.0.6: group extra-js-arguments); anything else as it was."""
    return js_number(value) if type(value) is float else handed_back(value)


def not_iterable(value: Any) -> JsException:
    """V8's TypeError for iterating a value without ``[Symbol.iterator]`` (``Object.fromEntries``,
    ``new Map``, ``new Set``, ``Promise.all``): ``object is not iterable (cannot read property
    Symbol(Symbol.iterator))``, ``number 5 ...`` (measured on Pyodide 0.28.2 and 314.0.6, Node 24)."""
    return JsException(f"{_v8_described(value)} is not iterable (cannot read property Symbol(Symbol.iterator))",
                       name="TypeError")


def _v8_described(value: Any) -> str:
    """How V8 names a value that is not a function in that TypeError (``number 5``,
    ``string "f"`` -- cut after 100 UTF-16 units with ``<...>`` --, ``object null``, ``object``,
    ``bigint`` for a BigInt, which is what Pyodide makes of an int past 2**53; measured against
    workerd)."""
    if value is None:
        return "undefined"
    if type(value).__name__ == "JsNull":  # the runtime's jsnull (defined above this module's layer)
        return "object null"
    if is_symbol(value):  # the runtime's symbols (``js.Symbol.iterator``)
        return "symbol"
    if isinstance(value, bool):
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, BigInt) or (isinstance(value, int) and not is_safe_int(value)):
        return "bigint"
    if isinstance(value, (int, float)):
        return f"number {js_string(float(value))}"
    if isinstance(value, str):
        units = value.encode("utf-16-le", "surrogatepass")
        if len(units) > 200:  # V8 shows the first 100 code units (half a surrogate pair too)
            value = units[:200].decode("utf-16-le", "surrogatepass") + "<...>"
        return f'string "{value}"'
    return "object"


#: (the name pickles made before session 55 call: :func:`workers_env._errors.class_named`)
_class_by_own_name = class_named


def _python_equality(members: list[Any], value: Any) -> int:
    for at, member in enumerate(list.__iter__(members)):
        if member == value:
            return at
    return -1


def _as_held(owner: Any, raw: Any) -> Any:
    return raw


#: where a ``Set`` holding ``members`` has ``value`` (-1: nowhere); runtime/jsproxy.py sets
#: JavaScript's SameValueZero as Pyodide hands values over (:func:`set_membership`)
_FIND: Callable[[list[Any], Any], int] = _python_equality
#: a member as Python reads it, what ``add`` notes of a value handed to it, and the iterator of
#: ``values()``/``entries()`` (:func:`set_membership`)
_READ: Callable[[Any, Any], Any] = _as_held
_ADDED: Callable[[Any, Any], None] = _as_held
_ITERATE: Callable[[Any, bool], Any] = _as_held


def set_membership(find: Callable[[list[Any], Any], int], read: Callable[[Any, Any], Any],
                   added: Callable[[Any, Any], None], iterate: Callable[[Any, bool], Any]) -> None:
    """Have a ``Set`` find its members with ``find``, read each with ``read(set, member)`` where
    Python iterates it, note with ``added(set, value)`` what its ``add`` was handed (a borrowed
    proxy's mark) and make its JS iterators with ``iterate(set, entries)`` (runtime/jsproxy.py:
    this module is below it)."""
    global _FIND, _READ, _ADDED, _ITERATE
    _FIND, _READ, _ADDED, _ITERATE = find, read, added, iterate


class _Cursor:
    """Where one live walk of a ``Set`` stands: the index of the member it gives next."""

    __slots__ = ("at", "__weakref__")

    def __init__(self) -> None:
        self.at = 0


class JsSet(list, metaclass=PyodideProxyType):  # type: ignore[type-arg]
    """A JavaScript ``Set`` (from a Python ``set``, or ``js.Set.new``): iterable in insertion
    order, ``JSON.stringify`` gives ``{}``; ``size``/``has``/``add``/``delete`` as in JavaScript."""

    _js_name = "Set"
    _to_string_tag = "Set"  # String() of it: [object Set]
    typeof = "object"  # read of every JsProxy (``isinstance(x, JsProxy)`` holds for a Set)
    #: the PyProxies it holds that ``add`` was handed, as a JS array's marks (runtime/jsproxy.py)
    _proxied: dict[int, tuple[Any, Any]] | None = None
    #: what JavaScript iterates (``Array.from``, ``new Set``): the members as held, PyProxies too
    js_iteration = list.__iter__
    #: the walks under way (:meth:`walk`), moved by :meth:`delete` and :meth:`clear`
    _cursors: weakref.WeakSet[_Cursor] | None = None

    def walk(self) -> Iterator[Any]:
        """The members as held, live as JavaScript walks a ``Set`` (ECMAScript's
        ``CreateSetIterator``): a member deleted before where the walk stands leaves it at the
        same next member, one added is reached, and after a ``clear()`` it goes on with what is
        added then; once done it stays done (Pyodide 0.26.0a4, 0.28.2 and 314.0.6, leftovers51)."""
        cursor = _Cursor()
        if self._cursors is None:
            self._cursors = weakref.WeakSet()
        self._cursors.add(cursor)
        while cursor.at < list.__len__(self):
            raw = list.__getitem__(self, cursor.at)
            cursor.at += 1
            yield raw

    def __iter__(self) -> Iterator[Any]:
        """Python's iteration (:meth:`walk`), each member as Pyodide converts it: a Python value
        ``add`` was handed is a proxy borrowed for that call and destroyed when it returned, so
        reaching it is the borrowed-proxy error (Pyodide 0.26.0a4, 0.28.2 and 314.0.6, leftovers50b)."""
        if self._proxied is None:  # (no such member: as held)
            return self.walk()
        return (_READ(self, raw) for raw in self.walk())

    def __reduce_ex__(self, protocol: Any) -> Any:
        """A Set does not pickle, nor copy, as no JsProxy does (runtime/jsbase.py ``JsProxy``)."""
        raise TypeError("cannot pickle 'pyodide.ffi.JsProxy' object")

    def __repr__(self) -> str:
        """JavaScript's ``String(set)``, as Pyodide's ``repr``/``str`` of a JsProxy: ``[object Set]``
        whatever it holds, not the list it is kept in (real Pyodide 0.26.0a4, 0.28.2, 314.0.6)."""
        return "[object Set]"

    @property
    def size(self) -> int:
        return len(self)

    def has(self, value: Any) -> bool:
        """JavaScript's SameValueZero, on the value as it crosses (:func:`set_membership`): ``true``
        is not ``1``, ``NaN`` is itself, a Python list or object a new PyProxy each time -- found
        by no later call (Pyodide 0.26.0a4, 0.28.2, 314.0.6: ``s.add(k); s.has(k)`` is false)."""
        return _FIND(self, value) >= 0

    __contains__ = has  # (Pyodide's ``in`` of a JsProxy with a has())

    def add(self, value: Any) -> JsSet:
        if self.adds(value):
            _ADDED(self, value)
        return self

    def adds(self, value: Any) -> bool:
        """Add ``value`` as JavaScript's own code does (``new Set(items)``: nothing borrowed);
        whether it was not a member yet."""
        if _FIND(self, value) < 0:
            self.append(value)
            return True
        return False

    def delete(self, value: Any) -> bool:
        at = _FIND(self, value)
        if at < 0:
            return False
        del self[at]
        for cursor in self._cursors or ():  # a walk past it stays at the member it gives next
            if at < cursor.at:
                cursor.at -= 1
        return True

    def clear(self) -> None:
        """JavaScript's ``set.clear()``: a walk under way goes on with what is added next."""
        list.clear(self)
        for cursor in self._cursors or ():
            cursor.at = 0

    def values(self) -> Any:
        """JavaScript's ``set.values()`` (``keys()`` the same function): an iterator of the
        members, each read as Python's iteration reads it (Pyodide's ``list(s.values())``)."""
        return _ITERATE(self, False)

    keys = values

    def entries(self) -> Any:
        """JavaScript's ``set.entries()``: an iterator of ``[member, member]`` arrays."""
        return _ITERATE(self, True)

    def to_py(self, *, depth: int = -1, default_converter: Any = None) -> set[Any]:
        """Pyodide: a ``Set`` becomes a Python ``set``."""
        return set(self)

    def forEach(self, callback: Any = None, *this_arg: Any) -> None:  # noqa: N802 - JS name
        """``set.forEach((value, key, set) => ...[, thisArg])``: the value twice, as a ``Set``
        passes it; values added meanwhile are visited too, as JavaScript walks the live set. No
        callback is ``undefined``, V8's TypeError as any other value that is not a function."""
        if not callable(callback):
            raise not_a_function(callback)
        callback = with_this(callback, this_arg)
        for raw in self.walk():
            value = _READ(self, raw)  # (a destroyed proxy: Pyodide's error converting it)
            callback(value, value, self)


class JsDate:
    """A JavaScript ``Date`` (the SDK's conversion of ``datetime``), in epoch milliseconds."""

    __slots__ = ("ms",)

    def __init__(self, ms: float):
        # TimeClip: whole milliseconds towards zero; out of range -> an invalid date
        self.ms = float(int(ms)) if math.isfinite(ms) and abs(ms) <= 8.64e15 else math.nan

    def to_json(self) -> str | None:
        """``Date.prototype.toJSON``: the ISO form with milliseconds and ``Z``, or null."""
        if math.isnan(self.ms):
            return None
        moment = _EPOCH + _dt.timedelta(milliseconds=self.ms)
        return f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}.{moment.microsecond // 1000:03d}Z"


class JsOpaque:
    """A value JavaScript holds but JSON cannot write: a PyProxy (``kind="PyProxy"``) of a
    Python object Pyodide has no conversion for, or an ``Error`` (written as ``{}``)."""

    __slots__ = ("kind", "value")

    def __init__(self, kind: str, value: Any):
        self.kind = kind
        self.value = value


UNDEFINED: Any = type("Undefined", (), {"__repr__": lambda self: "undefined", "__bool__": lambda self: False})()
"""JavaScript ``undefined`` where it differs from null (an argument that was not passed)."""

_EPOCH = _dt.datetime(1970, 1, 1)
_MAX_SAFE_BIGINT = MAX_SAFE_INTEGER  # Pyodide: Number only when -MAX_SAFE_INTEGER < n < MAX_SAFE_INTEGER


def js_type_error(message: str) -> JsException:
    """A JavaScript ``TypeError`` as Python code catches it (``pyodide.ffi.JsException``)."""
    return JsException(message, name="TypeError")


#: V8's TypeError where a string is wanted and a Symbol given (jsg's string parameters, ``new String``)
SYMBOL_TO_STRING = "Cannot convert a Symbol value to a string"


def is_symbol(value: Any) -> bool:
    """A JavaScript Symbol (the runtime's ``JsSymbol``, defined above this module: known by its ``typeof``)."""
    return getattr(type(value), "typeof", None) == "symbol"


def refuse_symbol(value: Any) -> None:
    """V8's ``ToString`` of a Symbol -- what jsg does to a string parameter (an Event's type, a
    header, a URL, a KV key, a D1 bound value: wrangler dev 4.164.0) -- is a TypeError; only
    ``String(symbol)`` itself gives its description."""
    if is_symbol(value):
        raise js_type_error(SYMBOL_TO_STRING)


def is_safe_int(value: int) -> bool:
    """True when Pyodide sends this int as a JS number, False when as a BigInt."""
    return -_MAX_SAFE_BIGINT < value < _MAX_SAFE_BIGINT


def crossing(value: Any) -> Any:
    """``value``, a Python value handed to JavaScript (stored in a JS object, array or Map,
    ``Array.of``'s arguments), as JavaScript holds it: an ``int`` Pyodide sends as a BigInt marked
    :class:`BigInt` -- ``2**53 - 1`` is one (real Pyodide 0.26.0a4, 0.28.2, 314.0.6), while a whole
    number JavaScript made (``JSON.parse("[9007199254740991]")``) stays an unmarked ``int``."""
    return BigInt(value) if type(value) is int and not -_MAX_SAFE_BIGINT < value < _MAX_SAFE_BIGINT else value


def handed_back(value: Any) -> Any:
    """A Python value that crossed into JavaScript as it reads in Python again when JavaScript
    hands it over whole -- an RPC method's argument, a call's awaited result: an ``int`` Pyodide
    sent as a BigInt (from ``2**53 - 1``) reads as that era's BigInt, ``JsBigInt`` from Pyodide
    0.29 (314.0.6: an argument, ``await`` of a promise of it), ``int`` before (0.26.0a4, 0.28.2)."""
    return js_number(crossing(value)) if type(value) is int else value


@overload
def base_value(value: str) -> str: ...
@overload
def base_value(value: int) -> int: ...
@overload
def base_value(value: float) -> float: ...
def base_value(value: str | float) -> str | float:
    """A ``str``/``int``/``float`` subclass instance (a ``(str, Enum)`` member, an ``IntEnum``,
    ``np.float64``) as the base value Pyodide converts it to: it tests ``PyUnicode_Check`` /
    ``PyLong_Check`` / ``PyFloat_Check`` and reads the C value, so an overridden ``__str__``,
    ``__int__`` or ``__float__`` is never called. (``bool`` is the caller's to handle first.)"""
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__index__(value)
    return float.__float__(value)


def js_key(key: Any) -> str:
    """A dict key as ``Object.fromEntries`` makes it a property name: the key converted as
    Pyodide converts values (subclasses by their base value), then JavaScript's ``String()``."""
    if type(key) is str:  # the usual key, first
        return key
    if isinstance(key, str):
        return base_value(key)
    if key is None:
        return "undefined"
    if isinstance(key, bool):
        return "true" if key else "false"
    if isinstance(key, int):  # a number or a BigInt: its decimal digits either way
        return str(int.__index__(key))
    if isinstance(key, float):
        return _js_number_text(float.__float__(key))
    return str(key)


def js_string(value: Any, *, nested: bool = False) -> str:
    """``String(value)`` of the JS value a plain value stands for (``${value}`` in a template):
    ``null``/``undefined`` print as such on their own and as empty strings inside an array,
    objects as ``[object Object]``, numbers as JavaScript prints them."""
    if value is None or value is UNDEFINED:
        return "" if nested else ("null" if value is None else "undefined")
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float):
        return _js_number_text(value)
    if isinstance(value, Mapping):
        return "[object Object]"
    if isinstance(value, JsSet):  # a list here, no Array there: Object.prototype.toString
        return "[object Set]"
    if isinstance(value, JsTypedArray):  # TypedArray.prototype.toString is Array's join
        return ",".join(_js_number_text(item) if isinstance(item, float) else str(item) for item in value)
    if _is_joined(value):
        return _array_join(value)
    if isinstance(value, (str, int)):  # subclasses (a (str, Enum) member) cross as their base value
        return str(base_value(value))
    return str(value)


def _is_joined(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and not isinstance(value, (JsTypedArray, JsSet))


def _array_join(value: list[Any] | tuple[Any, ...]) -> str:
    """``Array.prototype.join`` of an array, nested arrays joined in place, without recursion
    (any depth); an array met again inside itself joins as ``""``, as V8's cycle check does."""
    parts: list[str] = []
    on_path = {id(value)}
    walking: list[tuple[Any, Any]] = [(value, iter(value))]  # (array, its items left)
    first = True  # no comma before the first item of an array
    while walking:
        array, items = walking[-1]
        for item in items:
            if not first:
                parts.append(",")
            first = False
            if _is_joined(item):
                if id(item) not in on_path:
                    on_path.add(id(item))
                    walking.append((item, iter(item)))
                    first = True
                    break
            else:
                parts.append(js_string(item, nested=True))
        else:
            walking.pop()
            on_path.discard(id(array))
            first = False
    return "".join(parts)


def well_formed(text: str) -> str:
    """A string as a JavaScript API's ``USVString`` gets it: lone surrogates become U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    return text


#: up to here every whole number is a float and its own shortest round-trip text; above, the
#: shortest digits end in zeros (``2.0**64`` is "18446744073709552000", not its exact value)
_EXACT_DIGITS = float(2**53)


def _js_number_text(value: float) -> str:
    """``String(number)``: ECMAScript's Number::toString -- the shortest round-trip digits (as
    Python's ``repr`` finds them), written positionally from 1e-6 up to 1e21 and otherwise as
    ``1.5e-7`` / ``1e+21``."""
    value = float.__float__(value)  # a subclass's repr (numpy's "np.float64(0.5)") is not its digits
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value.is_integer() and abs(value) <= _EXACT_DIGITS:  # the common case (-0 is "0")
        return str(int(value))  # below 2**53 a whole number's shortest digits are all of its digits
    sign, digit_tuple, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digit_tuple))
    k, n = len(digits), int(exponent) + len(digits)  # value = 0.digits x 10^n
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = f"{digits[:n]}.{digits[n:]}"
    elif -6 < n <= 0:
        text = "0." + "0" * -n + digits
    else:
        mantissa = digits if k == 1 else f"{digits[0]}.{digits[1:]}"
        text = f"{mantissa}e{'+' if n >= 1 else '-'}{abs(n - 1)}"
    return "-" + text if value < 0 else text


def js_length(text: str) -> int:
    """JavaScript's ``text.length``, which wrangler's and workerd's limits, columns and padding
    count: UTF-16 code units (a character past U+FFFF is 2, a lone surrogate 1)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
