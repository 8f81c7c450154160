"""``js.Number``, ``parseInt``, ``parseFloat``, ``isNaN``, ``isFinite`` with JavaScript's rules
(not Python's: ``"1_0"``, ``"nan"``, ``"inf"`` are no JavaScript numbers)."""

from __future__ import annotations

import math

import pytest

from workers_env import JsException, js


@pytest.mark.parametrize("text, radix, want", [
    ("42px", None, 42), ("  -0x1F", None, -31), ("0x1F", 16, 31), ("0x1F", 10, 0), ("101", 2, 5),
    ("z", 36, 35), ("9", 8, math.nan), ("", None, math.nan), ("1e3", None, 1), ("12", 1, math.nan),
    ("12", 37, math.nan), ("1_000", None, 1), (" \u00a0+7", None, 7), (15.99, None, 15),
])
def test_parse_int(text, radix, want):
    got = js.parseInt(text, radix) if radix is not None else js.parseInt(text)
    assert (math.isnan(got) and math.isnan(want)) or (got == want and type(got) is int)


@pytest.mark.parametrize("text, want", [
    ("3.14abc", 3.14), (" .5", 0.5), ("-Infinityx", -math.inf), ("1e-2", 0.01), ("2.", 2), ("abc", math.nan),
    ("inf", math.nan), ("nan", math.nan), ("1_5", 1), ("", math.nan),
])
def test_parse_float(text, want):
    got = js.parseFloat(text)
    assert (math.isnan(got) and math.isnan(want)) or got == want


def test_number_predicates_do_not_coerce_and_the_globals_do():
    n = js.Number
    assert (n.isInteger(5.0), n.isInteger(5.5), n.isInteger("5"), n.isInteger(True)) == (True, False, False, False)
    # a Python int of magnitude 2**53 - 1 reaches JavaScript as a BigInt (Pyodide), a float as a Number
    assert (n.isSafeInteger(2**53 - 2), n.isSafeInteger(float(2**53 - 1)), n.isSafeInteger(2**53 - 1)) == (True, True, False)
    assert n.isSafeInteger(2.0**53) is False
    assert (n.isNaN(math.nan), n.isNaN("abc"), js.isNaN("abc"), js.isNaN("12")) == (True, False, True, False)
    assert (n.isFinite("1"), js.isFinite("1"), js.isFinite(math.inf), js.isFinite(None)) == (False, True, False, False)
    assert (n("12"), n(" 0x10 "), n(""), n(True), n("1.50")) == (12, 16, 0, 1, 1.5)
    assert math.isnan(n("12px")) and math.isnan(n("nan")) and n("-Infinity") == -math.inf
    assert (n.MAX_SAFE_INTEGER, n.EPSILON, n.MIN_VALUE > 0) == (2**53 - 1, 2.0**-52, True)
    assert n.parseInt("08") == js.parseInt("08") == 8
    assert n(2**60) == 2.0**60  # Number(10n) converts a BigInt; ToNumber (isNaN, typed arrays) refuses one
    with pytest.raises(JsException, match="TypeError: Cannot convert a BigInt value to a number"):
        js.isNaN(2**60)
    assert (n([]), n([5]), n(["7"]), math.isnan(n([1, 2]))) == (0, 5, 7, True)  # arrays through their string
    boxed = n.new("1234")  # a wrapper object: its number through valueOf() and to_py()
    assert (boxed.valueOf(), boxed.to_py(), boxed.toString(), boxed.constructor.name) == (1234, 1234, "1234", "Number")

