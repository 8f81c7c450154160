"""JavaScript's number conversions and its ``Number`` object: ``ToNumber`` (what typed
arrays, ``DataView`` and ``isNaN`` apply), ``Number.isInteger`` and the rest, and the global
``parseInt``/``parseFloat``/``isNaN``/``isFinite`` -- with JavaScript's rules, not Python's
(``float("1_0")``, ``"nan"`` and ``"inf"`` are not JavaScript numbers)."""

from __future__ import annotations

import math
import re
import sys
from typing import Any

from workers_env._errors import JsException
from workers_env._jscoercions import DECIMAL_LITERAL, RADIX_LITERAL, js_to_number, jsg_int_of_number
from workers_env._jsvalues import JS_WHITESPACE, MAX_SAFE_INTEGER, BigInt, is_safe_int, is_symbol, js_number
from workers_env.runtime.jsbase import JsNull, JsProxy
from workers_env.runtime.jsradix import radix_string

__all__ = ["JS_WHITESPACE", "RADIX_LITERAL", "JsNumber", "JsNumberObject", "is_finite", "is_nan", "jsg_int",
           "parse_float", "parse_int", "to_number", "to_primitive"]

_DECIMAL_PREFIX = re.compile(DECIMAL_LITERAL.pattern, re.ASCII)
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_number(value: Any) -> float | int:
    """JavaScript's ``ToNumber`` of a value as it reaches JS (a BigInt refuses, as in V8)."""
    if isinstance(value, JsNull):
        return 0
    if is_symbol(value):
        raise JsException("Cannot convert a Symbol value to a number", name="TypeError")
    if isinstance(value, JsProxy) and getattr(value, "_js_name", None) == "Array":
        return to_number(_string(list(value)))  # ToPrimitive: [] is "" is 0, [5] is "5" is 5
    if isinstance(value, JsProxy) and (primitive := to_primitive(value, "number")) is not value:
        return to_number(primitive)  # new String("5") is 5, a Date its time
    return js_to_number(value)



def jsg_int(value: Any) -> int:
    """A value as jsg converts it to an ``int`` (value.h): ``ToNumber``, NaN and the infinities
    0, past int32 refused in jsg's words, the rest truncated."""
    return jsg_int_of_number(to_number(value))

#: the wrapper objects whose ``valueOf`` is their primitive (``new Number``/``String``/``Boolean``)
_WRAPPERS = frozenset({"Number", "String", "Boolean"})


def to_primitive(value: Any, hint: str) -> Any:
    """JavaScript's ``ToPrimitive(value, hint)`` (``"number"`` or ``"string"``) of the objects
    that have their own answer: a wrapper object's value, a Date's time (its text for
    ``"string"``), a plain object's own ``valueOf``/``toString`` -- ``valueOf`` first for
    ``"number"`` -- the first that answers a primitive (``TypeError: Cannot convert object to
    primitive value`` if neither does). Anything else is returned as it is."""
    if not isinstance(value, JsProxy):
        return value
    name = getattr(value, "_js_name", None)
    if name in _WRAPPERS and callable(getattr(value, "valueOf", None)):
        return value.valueOf()
    if name == "Date":
        return value.getTime() if hint == "number" else value.toString()
    props = getattr(value, "_props", None)  # a plain object's own properties
    if not isinstance(props, dict) or not ("valueOf" in props or "toString" in props):
        return value
    for method in ("valueOf", "toString") if hint == "number" else ("toString", "valueOf"):
        if method not in props:  # Object.prototype's: valueOf the object itself, toString its tag
            if method == "toString":
                return "[object Object]"
            continue
        function = props[method]
        if callable(function):
            result = function()
            if result is None or isinstance(result, (bool, int, float, str, JsNull)) or is_symbol(result):
                return result
    raise JsException("Cannot convert object to primitive value", name="TypeError")


def _string(value: Any) -> str:
    from workers_env._jsvalues import js_string  # ``String(value)``

    return value if isinstance(value, str) else js_string(None if isinstance(value, JsNull) else value)


def parse_float(value: Any = None, *_ignored: Any) -> float | int:
    """``parseFloat``: the longest leading decimal literal of ``String(value)``, else NaN."""
    match = _DECIMAL_PREFIX.match(_string(value).lstrip(JS_WHITESPACE))
    if match is None:
        return math.nan
    return js_number(float(match.group().replace("Infinity", "inf")))


def parse_int(value: Any = None, radix: Any = None, *_ignored: Any) -> float | int:
    """``parseInt``: the leading digits of ``String(value)`` in ``radix`` (2-36; 16 after a
    ``0x``; 10 by default), else NaN."""
    text = _string(value).lstrip(JS_WHITESPACE)
    sign = -1 if text.startswith("-") else 1
    if text[:1] in "+-" and text:
        text = text[1:]
    base = 0 if radix is None else int(to_number(radix)) if math.isfinite(to_number(radix)) else 0
    if base != 0 and not 2 <= base <= 36:
        return math.nan
    if base in (0, 16) and text[:2].lower() == "0x":
        text, base = text[2:], 16
    base = base or 10
    digits = _DIGITS[:base]
    end = 0
    while end < len(text) and text[end].lower() in digits:
        end += 1
    if end == 0:
        return math.nan
    try:
        return js_number(float(sign * int(text[:end], base)))
    except OverflowError:  # past a double's range: JavaScript's Infinity (parseInt("1".repeat(400)))
        return sign * math.inf


def is_nan(value: Any = None, *_ignored: Any) -> bool:
    """The global ``isNaN`` (coerces with ``ToNumber``; ``Number.isNaN`` does not)."""
    number = to_number(value)
    return number != number


def is_finite(value: Any = None, *_ignored: Any) -> bool:
    """The global ``isFinite`` (coerces with ``ToNumber``)."""
    return math.isfinite(to_number(value))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, (bool, BigInt)) and (
        not isinstance(value, int) or is_safe_int(value))


class JsNumberObject(JsProxy):
    """``new Number(value)``: a wrapper object (``typeof`` object) around a number; ``to_py()``
    gives the number."""

    _js_name = "Number"

    def __init__(self, value: float | int):
        self._value = value

    def valueOf(self) -> float | int:  # noqa: N802 - JS name
        return self._value

    def toString(self, radix: Any = None) -> str:  # noqa: N802 - JS name
        """The number's text, in base ``radix`` (2-36, else V8's RangeError): another radix than
        10 writes V8's digits (its ``DoubleToRadixStringView``, fractions and all)."""
        from workers_env._jsvalues import js_string

        base = 10 if radix is None else to_number(radix)
        base = 0 if base != base else math.trunc(base) if not math.isinf(base) else base
        if not 2 <= base <= 36:
            raise JsException("toString() radix argument must be between 2 and 36", name="RangeError")
        value = self._value
        if base == 10 or value != value or math.isinf(value):
            return js_string(value)
        return radix_string(float(value), int(base))

    def to_py(self, *, depth: int = -1, default_converter: Any = None) -> float | int:
        return self._value

    def __repr__(self) -> str:  # Pyodide's JsProxy repr: String(value), the number's text
        return self.toString()


class JsNumber:
    """``js.Number``: ``Number(value)`` converts; its predicates do not coerce."""

    MAX_SAFE_INTEGER = MAX_SAFE_INTEGER
    MIN_SAFE_INTEGER = -MAX_SAFE_INTEGER
    MAX_VALUE = sys.float_info.max
    MIN_VALUE = 5e-324
    EPSILON = 2.0**-52
    POSITIVE_INFINITY = math.inf
    NEGATIVE_INFINITY = -math.inf
    NaN = math.nan
    name = "Number"
    parseFloat = staticmethod(parse_float)  # noqa: N815 - JS names
    parseInt = staticmethod(parse_int)  # noqa: N815

    def __call__(self, value: Any = 0, *_ignored: Any) -> float | int:
        """``Number(value)``: ``ToNumber``, except that a BigInt converts (``Number(10n)`` is 10)."""
        if isinstance(value, BigInt) or (type(value) is int and not is_safe_int(value)):
            return js_number(float(value))
        number = to_number(value)
        return js_number(number) if isinstance(number, float) else number

    def new(self, value: Any = 0) -> JsNumberObject:
        """``new Number(value)``: the converted number in a wrapper object."""
        return JsNumberObject(self(value))

    @staticmethod
    def isInteger(value: Any = None, *_ignored: Any) -> bool:  # noqa: N802 - JS name
        return _is_number(value) and math.isfinite(value) and float(value).is_integer()

    @staticmethod
    def isSafeInteger(value: Any = None, *_ignored: Any) -> bool:  # noqa: N802 - JS name
        return JsNumber.isInteger(value) and abs(value) <= MAX_SAFE_INTEGER

    @staticmethod
    def isFinite(value: Any = None, *_ignored: Any) -> bool:  # noqa: N802 - JS name
        return _is_number(value) and math.isfinite(value)

    @staticmethod
    def isNaN(value: Any = None, *_ignored: Any) -> bool:  # noqa: N802 - JS name
        return _is_number(value) and value != value
