"""JavaScript's type coercions of plain-model values: ``ToNumber`` (``Number(x)``, by JavaScript's
grammar, not Python's), jsg's ``int`` of a number, and truthiness.

Built on _jsvalues.py's ``String()`` and ``join`` of a value (an array's number is its join's),
which never need them, so they sit above it.
"""

from __future__ import annotations

import math
import re
from typing import Any

from workers_env._jsvalues import (
    JS_WHITESPACE,
    UNDEFINED,
    BigInt,
    JsTypedArray,
    _array_join,
    base_value,
    is_safe_int,
    js_string,
    js_type_error,
)

__all__ = ["DECIMAL_LITERAL", "INT32_OUT_OF_RANGE", "RADIX_LITERAL", "js_to_number", "js_truthy", "jsg_int_of_number"]


#: the StringNumericLiterals ``Number("...")`` reads (after trimming JavaScript's whitespace)
#: (ASCII digits only: Python's ``\d`` and ``float`` take every script's)
DECIMAL_LITERAL = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)", re.ASCII)
RADIX_LITERAL = re.compile(r"0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)")


def js_to_number(value: Any) -> float | int:
    """JavaScript's ``ToNumber`` of a plain-model value (``None`` is ``undefined``): a BigInt
    (an int Pyodide sends as one) is V8's ``TypeError``; strings by JavaScript's grammar, not
    Python's (``"1_0"``, ``"nan"``, ``"inf"`` and other scripts' digits are NaN); an array as
    its ``join`` (``[]`` is 0, ``[5]`` 5, an array inside itself ``""``); other objects NaN."""
    if isinstance(value, BigInt) or (isinstance(value, int) and not isinstance(value, bool)
                                     and not is_safe_int(int.__index__(value))):
        raise js_type_error("Cannot convert a BigInt value to a number")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return base_value(value)
    if isinstance(value, str):
        text = value.strip(JS_WHITESPACE)
        if not text:
            return 0
        if DECIMAL_LITERAL.fullmatch(text):
            return float(text.replace("Infinity", "inf"))
        if RADIX_LITERAL.fullmatch(text):
            number = int(text, 0)  # a double, as JavaScript reads it: Infinity past the largest
            if is_safe_int(number):
                return number
            try:
                return float(number)
            except OverflowError:
                return math.inf
        return math.nan
    if isinstance(value, JsTypedArray):  # its join: the numbers' texts
        return js_to_number(",".join(js_string(v) for v in value))
    if isinstance(value, (list, tuple)):
        return js_to_number(_array_join(value))
    return math.nan


#: jsg's refusal of an ``int`` argument or option past int32 (jsg/value.h)
INT32_OUT_OF_RANGE = "Value out of range. Must be between -2147483648 and 2147483647 (inclusive)."


def jsg_int_of_number(number: float | int) -> int:
    """A number as jsg converts it to an ``int`` (jsg/value.h, its value-test.c++): NaN and the
    infinities 0, past int32 -- before truncation, so 2147483647.5 too -- refused in jsg's words,
    the rest truncated. (Give it ``ToNumber`` of the value: :func:`js_to_number`.)"""
    if math.isnan(number) or math.isinf(number):
        return 0
    if not -(2**31) <= number <= 2**31 - 1:
        raise js_type_error(INT32_OUT_OF_RANGE)
    return math.trunc(number)


def js_truthy(value: Any) -> bool:
    """JavaScript truthiness of a plain value: ``null`` (``None`` from JSON, the runtime's
    ``jsnull``, which Pyodide's ``bool()`` calls false too), ``undefined``, ``false``, ``0``,
    ``NaN`` and ``""`` are falsy; every object and array is truthy."""
    if value is None or value is UNDEFINED or value is False or type(value).__name__ == "JsNull":
        return False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value == value and value != 0
    return not (isinstance(value, str) and value == "")
