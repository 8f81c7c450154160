"""Python values as they reach a binding's JavaScript: what the SDK and Pyodide send, and what
``JSON.stringify`` makes of it.

:func:`to_js` is the SDK's ``python_to_rpc`` then Pyodide's ``to_js`` (buffers as typed arrays,
ints past the safe range as BigInts, ``datetime`` as a ``Date``), :func:`json_value` the
request body's ``JSON.stringify``; ``Array.from``, ``typeof`` and ``{...value}`` as a binding's
JavaScript applies them. The JS values they make are _jsvalues.py's, which never calls back here,
so the Python -> JavaScript direction sits above it.
"""

from __future__ import annotations

import datetime as _dt
import math
from array import array
from collections.abc import Callable
from typing import Any

from workers_env._deep import MAX_CONVERSION_DEPTH, ROOMY_FROM, deeper
from workers_env._errors import JsException
from workers_env._jsvalues import (
    UNDEFINED,
    BigInt,
    JsBigInt,
    JsDate,
    JsOpaque,
    JsSet,
    JsTypedArray,
    base_value,
    is_safe_int,
    js_key,
    js_type_error,
    numpy,
    numpy_types,
)
from workers_env._sendchecks import check_sendable, nests_deeper_than

__all__ = [
    "CONVERSION_FAILED",
    "ConversionError",
    "array_from",
    "buffer_format_array",
    "converted",
    "js_spread",
    "json_typeof",
    "json_value",
    "sendable_json",
    "to_js",
]


#: the types _to_js hands over as they are (an int may have to become a BigInt)
_UNCHANGED = frozenset({str, float, bool, type(None)})
#: the types json_value hands over as they are (a float may be NaN, which JSON writes as null)
_JSON_UNCHANGED = frozenset({str, int, bool, type(None)})


def _datetime_ms(value: _dt.datetime) -> float:
    if value.tzinfo is None:  # Workers run in UTC: a naive datetime is UTC there
        value = value.replace(tzinfo=_dt.timezone.utc)
    return value.timestamp() * 1000


_NUMPY_BIGINT_KINDS = frozenset("iu")


class ConversionError(Exception):
    """``pyodide.ffi.ConversionError``: a conversion between JavaScript and Python failed."""


ConversionError.__module__ = "pyodide.ffi"

#: python2js.c's message for any failure of ``to_js`` (the error as its cause)
CONVERSION_FAILED = "Conversion from python to javascript failed"


#: a buffer format's last character -> the typed array Pyodide makes of it (``n``/``N``/``P``
#: and ``l``/``L`` are 4 bytes on wasm32; ``c``, ``s``, ``p``, ``?`` bytes)
_FORMAT_ARRAYS = {"b": "Int8Array", "B": "Uint8Array", "c": "Uint8Array", "s": "Uint8Array", "p": "Uint8Array",
                  "?": "Uint8Array", "h": "Int16Array", "H": "Uint16Array", "i": "Int32Array", "l": "Int32Array",
                  "n": "Int32Array", "I": "Uint32Array", "L": "Uint32Array", "N": "Uint32Array", "P": "Uint32Array",
                  "q": "BigInt64Array", "Q": "BigUint64Array", "f": "Float32Array", "d": "Float64Array"}


def buffer_format_array(fmt: str, suffix: str = "") -> tuple[str, bool]:
    """A buffer's struct format as Pyodide reads it (python2js_buffer.js
    ``processBufferFormatString``, its checks in its order and its texts, ``suffix`` ending all
    but the float16 one): the typed array's name, and whether the format says big-endian."""
    if len(fmt) > 2:  # a ctypes Structure's 'T{...}'
        raise JsException(f"Expected format string to have length <= 2, got '{fmt}'.{suffix}")
    char, order = fmt[-1:], fmt[:-1]
    if order not in ("", "@", "=", "<", ">", "!"):
        raise JsException(f"Unrecognized alignment character {order}.{suffix}")
    if char == "e":
        raise JsException("Javascript has no Float16 support.")
    if char not in _FORMAT_ARRAYS:
        raise JsException(f"Unrecognized format character '{char}'.{suffix}")
    return _FORMAT_ARRAYS[char], order in (">", "!")


def _typed_array(value: Any) -> Any:
    """Pyodide's buffer conversion: a typed array named after the buffer's format, nested
    Arrays for more than one dimension, an ``Error`` for float16."""
    if isinstance(value, numpy_types()):
        arr = numpy().asarray(value)
        kind, size = arr.dtype.kind, arr.dtype.itemsize
        if kind == "f" and size == 2:
            raise JsException("Javascript has no Float16 support.")
        if kind == "b":
            name, items = "Array", arr.reshape(-1).tolist()  # format "?" -> an Array of booleans
        elif kind in _NUMPY_BIGINT_KINDS and size == 8:
            name, items = ("BigInt64Array" if kind == "i" else "BigUint64Array"), [BigInt(v) for v in arr.reshape(-1).tolist()]
        elif kind in "iuf" and size in (1, 2, 4, 8):
            prefix = {"i": "Int", "u": "Uint", "f": "Float"}[kind]
            name, items = f"{prefix}{size * 8}Array", arr.reshape(-1).tolist()
        else:
            raise JsException(f"Unrecognized format character '{arr.dtype.char}'.")
        shape = arr.shape if arr.ndim else (1,)
        return _nest(name, items, shape)
    with memoryview(value) as view:
        fmt = view.format[-1:] if view.format else "B"
        order = view.format[:-1]
        name, _ = buffer_format_array(view.format or "B")
        if fmt == "?":  # booleans: an Array of them
            name = "Array"
        if order not in ("", "@"):  # a byte order named ('<', '>', '!', '='; a ctypes array's): Pyodide
            items = _ordered_items(view, order, fmt)  # swaps a big-endian buffer's bytes, so its items are
        else:  # the buffer's (memoryview.tolist reads native formats only)
            items = view.tolist() if view.ndim else [
                view.cast("B").cast(view.format).tolist()[0]  # type: ignore[call-overload]  # the buffer's own format
            ] if view.nbytes else []
        if view.ndim > 1 and order in ("", "@"):
            items = numpy().asarray(items).reshape(-1).tolist()
        if isinstance(items, (bytes, bytearray)):
            items = list(items)
        if name.startswith("Big"):
            items = [BigInt(v) for v in items]
        shape = view.shape or (1,)  # () for a 0-d view
        return _nest(name, items, shape)


#: a format character's numpy kind (``'c'`` read as its byte's number, ``'?'`` as booleans)
_FORMAT_KINDS = {"b": "i", "h": "i", "i": "i", "l": "i", "q": "i", "n": "i", "B": "u", "H": "u", "I": "u", "L": "u",
                 "Q": "u", "N": "u", "P": "u", "c": "u", "f": "f", "d": "f", "?": "b"}


def _ordered_items(view: memoryview, order: str, fmt: str) -> list[Any]:
    """The items (flat, C order) of a buffer whose format names its byte order, read at the
    view's own item size."""
    endian = ">" if order in (">", "!") else "<" if order == "<" else "="
    np = numpy()
    dtype = np.dtype(f"{endian}{_FORMAT_KINDS[fmt]}{view.itemsize}")
    return np.frombuffer(view.tobytes(), dtype=dtype).tolist()  # type: ignore[no-any-return]


def _nest(name: str, items: list[Any], shape: tuple[int, ...]) -> Any:
    if len(shape) <= 1:
        return JsTypedArray(name, items) if name != "Array" else list(items)
    step = len(items) // shape[0] if shape[0] else 0
    return [_nest(name, items[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def to_js(value: Any) -> Any:
    """A Python argument as the SDK (``python_to_rpc``) and Pyodide (``to_js``) send it to a
    binding's JavaScript, in the plain model: ``TypeError`` (Python's) for what the SDK
    refuses, :class:`JsException` for what Pyodide cannot convert (float16 buffers)."""
    check_sendable(value)
    return _to_js(value)


def _to_js_container(value: dict[Any, Any] | list[Any] | set[Any], level: int) -> Any:
    if isinstance(value, dict):
        return {js_key(k): _to_js(v, level + 1) for k, v in value.items()}
    if isinstance(value, list):
        if _UNCHANGED.issuperset(map(type, value)):  # a vector, the common case: at C speed
            return list(value)
        return [_to_js(v, level + 1) for v in value]
    return JsSet(_to_js(v, level + 1) for v in value)


def _to_js(value: Any, level: int = 1) -> Any:
    """:func:`to_js` past the SDK's refusals; ``level``: how deep ``value`` is (:mod:`workers_env._deep`)."""
    cls = type(value)
    if cls is str or cls is float or value is None or cls is bool:
        return value
    if cls is int:
        return value if is_safe_int(value) else BigInt(value)
    if isinstance(value, (BigInt, JsDate, JsOpaque)) or value is UNDEFINED:
        return value
    if isinstance(value, (JsTypedArray, JsSet)):
        return value
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):  # PyLong_Check: subclasses too
        base = base_value(value)
        return base if is_safe_int(base) else BigInt(base)
    if isinstance(value, (float, str)):  # PyFloat_Check, PyUnicode_Check: np.float64, (str, Enum) too
        return base_value(value)
    if isinstance(value, (dict, list, set)):
        return _to_js_container(value, level) if level < ROOMY_FROM else deeper(
            level, "to_js()", lambda: _to_js_container(value, level))
    if isinstance(value, (bytes, memoryview, array, *numpy_types())):
        try:
            return _typed_array(value)
        except JsException as error:  # python2js.c: a failure of the conversion is a ConversionError,
            raise ConversionError(CONVERSION_FAILED) from error  # the JS Error saying why its cause
    if isinstance(value, _dt.datetime):
        return JsDate(_datetime_ms(value))
    if isinstance(value, BaseException):
        return JsOpaque("Error", value)
    return JsOpaque("PyProxy", value)


def array_from(value: Any) -> list[Any]:
    """``Array.isArray(v) ? v : Array.from(v)`` on a value of the plain model, as the binding
    does to vector values: null/undefined -> ``TypeError``, non-iterables -> ``[]``."""
    if type(value) is list:
        return value
    if value is None:
        raise js_type_error("object null is not iterable (cannot read property Symbol(Symbol.iterator))")
    if value is UNDEFINED:
        raise js_type_error("undefined is not iterable (cannot read property Symbol(Symbol.iterator))")
    if isinstance(value, str):
        return list(value)  # by code point, as a string's iterator goes
    if isinstance(value, list):  # typed arrays, sets
        return list(value)
    return []  # numbers, booleans, objects without a length, dates: array-likes of length 0


def json_typeof(value: Any) -> str:
    """JavaScript's ``typeof`` of a JSON-like value (``null``, arrays and objects: ``"object"``)."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "string" if isinstance(value, str) else "object"


#: what :func:`json_value` refuses a value nested past its limit with: :func:`too_deep`'s text for
#: ``JSON.stringify()``, or a function making the error
DepthRefusal = str | Callable[[], BaseException]


def _json_container(value: dict[str, Any] | list[Any], level: int, limit: int, refusal: DepthRefusal) -> Any:
    if isinstance(value, dict):
        return {k: json_value(v, level + 1, limit, refusal) for k, v in value.items() if v is not UNDEFINED}
    if _JSON_UNCHANGED.issuperset(map(type, value)):  # a list of texts, the common case: at C speed
        return list(value)
    return [None if v is UNDEFINED else json_value(v, level + 1, limit, refusal) for v in value]


def json_value(value: Any, level: int = 1, limit: int = MAX_CONVERSION_DEPTH,
               refusal: DepthRefusal = "JSON.stringify()") -> Any:
    """``JSON.parse(JSON.stringify(value))`` for a value of the plain model: the data the
    service receives. A BigInt anywhere raises JavaScript's ``TypeError``; NaN and
    ±Infinity become null, dates their ISO text, sets ``{}``, typed arrays index-keyed
    objects. A PyProxy (a Python object with no JS conversion) raises Python's
    ``TypeError`` (workers-env's choice: what JSON makes of one is left unspecified).
    Containers nested past ``limit`` levels raise ``refusal`` (:func:`~workers_env._deep.deeper`)."""
    cls = type(value)
    if cls is str or cls is int or value is None or cls is bool:
        return value
    if cls is float:
        return value if math.isfinite(value) else None
    if cls is BigInt or cls is JsBigInt:  # a JsBigInt (Pyodide 0.29 on) is a BigInt to JavaScript
        raise js_type_error("Do not know how to serialize a BigInt")
    if cls is dict or cls is list:
        return _json_container(value, level, limit, refusal) if level < ROOMY_FROM else deeper(
            level, refusal, lambda: _json_container(value, level, limit, refusal), limit)
    if cls is JsTypedArray:
        return {str(i): json_value(v) for i, v in enumerate(value)}
    if cls is JsSet:
        return {}
    if cls is JsDate:
        return value.to_json()
    if cls is JsOpaque:
        if value.kind == "Error":
            return {}
        raise TypeError(f"a Python {type(value.value).__name__} has no JavaScript conversion (it reaches JSON as a PyProxy)")
    return json_value(_to_js(value, level), level)  # plain Python data that was not converted first


def converted(value: Any) -> Any:
    """Pyodide's conversion of one value, without the SDK's refusals (:func:`to_js` checks
    those first); one nested too deeply to walk is left as it is, for the service's own
    validation to refuse with its nesting error."""
    if isinstance(value, (dict, list)) and nests_deeper_than(value):
        return value
    return _to_js(value)


def js_spread(value: Any) -> dict[str, Any]:
    """``{...value}`` of a converted value: an object's own properties, a string's or an
    array's indices; nothing of null, undefined, numbers, booleans, sets or dates."""
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, str):
        return {str(i): ch for i, ch in enumerate(value)}
    if type(value) is list or isinstance(value, JsTypedArray):
        return {str(i): v for i, v in enumerate(value)}
    return {}


def sendable_json(value: Any) -> Any:
    """What a Python value becomes in a binding's JSON request: :func:`to_js` then
    :func:`json_value`."""
    return json_value(to_js(value))
