"""``js.String``, ``js.Boolean`` and ``js.BigInt`` called from Python -- which Pyodide does
without ``new`` -- are JavaScript's conversion functions, their results back as a ``str``, a
``bool`` and an ``int``; a Python value converts as Pyodide hands it over (a list, dict or bytes
is a PyProxy, whose string is Python's ``str()``); ``new`` makes their wrapper objects, JsProxies
to the end. Every value and error text as Pyodide 0.26.0a4, 0.26.2 and 0.28.2 give it under Node
(tools/pyodide/pyodide_cases.py ``conversion-functions``)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js
from workers_env.runtime.jsproxy import JsProxy

PYODIDE_STRINGS = [
    (None, "undefined"), (True, "true"), (False, "false"), (1.0, "1"), (1.5, "1.5"), (-0.0, "0"), (1e21, "1e+21"),
    (1e-7, "1e-7"), (float("nan"), "NaN"), (float("-inf"), "-Infinity"), (2**60, "1152921504606846976"),
    ("x", "x"), ([1, 2], "[1, 2]"), ((), "()"), ({"a": 1}, "{'a': 1}"), (b"ab", "b'ab'"),
]


@pytest.mark.parametrize(("value", "text"), PYODIDE_STRINGS)
def test_string_of_a_python_value_is_tostring_of_what_pyodide_sends(value, text):
    assert js.String(value) == text


def test_string_of_javascript_values_and_without_an_argument():
    assert js.String() == ""
    assert js.String(js.JSON.parse('[1,"a",null,{"k":[2]}]')) == "1,a,,[object Object]"
    assert js.String(js.JSON.parse('{"a":1}')) == "[object Object]"
    assert js.String(js.JSON.parse("null")) == "null"
    assert js.String(to_js([1, [2, None]])) == "1,2,"
    assert js.String(js.Error.new("e")) == "Error: e"
    assert js.String(js.Symbol("s")) == "Symbol(s)"
    for call in (lambda: js.String.new(js.Symbol("s")), lambda: js.Symbol(js.Symbol("s")),
                 lambda: js.Symbol.for_(js.Symbol("s"))):  # V8's ToString of a Symbol
        with pytest.raises(JsException) as caught:
            call()
        assert str(caught.value) == "TypeError: Cannot convert a Symbol value to a string"


def test_string_from_char_code_from_code_point_and_raw():
    assert js.String.fromCharCode(72, 105) == "Hi"
    assert js.String.fromCharCode(0x1F600, 65.7, "66") == "\uf600AB"  # ToUint16 of each
    assert js.String.fromCharCode(0xD83D, 0xDE00) == "\U0001F600"
    assert js.String.fromCodePoint(0x1F600, 65) == "\U0001F600A"
    for bad, text in ((-1, "-1"), (1.5, "1.5")):
        with pytest.raises(JsException) as caught:
            js.String.fromCodePoint(bad)
        assert str(caught.value) == f"RangeError: Invalid code point {text}"
    template = to_js({"raw": ["a", "b", "c"]}, dict_converter=js.Object.fromEntries)
    assert js.String.raw(template, 1, 2) == "a1b2c"
    for call, text in [(lambda: js.String.raw(), "TypeError: Cannot convert undefined or null to object"),
                       (lambda: js.Symbol.keyFor(5), "TypeError: 5 is not a symbol")]:  # V8's
        with pytest.raises(JsException) as caught:
            call()
        assert str(caught.value) == text


def test_new_string_and_new_boolean_are_wrapper_objects():
    wrapped = js.String.new("ab")
    assert (wrapped.length, wrapped.toString(), wrapped.valueOf(), str(wrapped)) == (2, "ab", "ab", "ab")
    assert isinstance(js.String.new(5).to_py(), JsProxy) and repr(js.String.new(5)) == "5"
    false = js.Boolean.new(0)
    assert (false.valueOf(), false.toString(), str(false), isinstance(false.to_py(), JsProxy)) == (
        False, "false", "false", True)
    assert js.Boolean(false) is True  # an object


@pytest.mark.parametrize(("value", "truth"), [
    (0, False), (1, True), ("", False), ("x", True), (None, False), ([], True), ({}, True), (float("nan"), False),
    (-0.0, False), (2**60, True),
])
def test_boolean_is_toboolean(value, truth):
    assert js.Boolean(value) is truth
    assert js.Boolean() is False and js.Boolean(js.JSON.parse("null")) is False


@pytest.mark.parametrize(("value", "number"), [
    (3, 3), ("12345678901234567890", 12345678901234567890), (True, 1), (" 0x1f ", 31), ("", 0), ("-12", -12),
    (1e21, 10**21), (2**60, 2**60), (-0.0, 0), ("0b101", 5),
])
def test_bigint_converts_to_an_int(value, number):
    got = js.BigInt(value)
    assert got == number and type(got) is int


@pytest.mark.parametrize(("value", "error"), [
    (1.5, "RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer"),
    (float("nan"), "RangeError: The number NaN cannot be converted to a BigInt because it is not an integer"),
    (float("inf"), "RangeError: The number Infinity cannot be converted to a BigInt because it is not an integer"),
    ("x", "SyntaxError: Cannot convert x to a BigInt"),
    ("1.5", "SyntaxError: Cannot convert 1.5 to a BigInt"),
    ("1n", "SyntaxError: Cannot convert 1n to a BigInt"),
    ("-0x1", "SyntaxError: Cannot convert -0x1 to a BigInt"),
    (None, "TypeError: Cannot convert undefined to a BigInt"),
    (js.Symbol("x"), "TypeError: Cannot convert Symbol(x) to a BigInt"),
])
def test_bigint_refuses_as_v8(value, error):
    with pytest.raises(JsException) as caught:
        js.BigInt(value)
    assert str(caught.value) == error


def test_bigint_is_not_a_constructor():
    with pytest.raises(JsException) as caught:
        js.BigInt.new(1)
    assert str(caught.value) == "TypeError: BigInt is not a constructor"


def test_wrapper_objects_in_json_console_and_object_keys(capsys):
    """``JSON.stringify`` writes a wrapper object as its value and ``console.log`` shows it as
    Node does (``[String: 'ab']``); ``Object.keys`` of ``new String`` is its indices."""
    wrapped = to_js([js.String.new("a"), js.Number.new(2), js.Boolean.new(0)])
    assert js.JSON.stringify(wrapped) == '["a",2,false]'
    js.console.log(js.String.new("ab"), js.Boolean.new(0), wrapped)
    assert capsys.readouterr().out == "[String: 'ab'] [Boolean: false] [ [String: 'a'], [Number: 2], [Boolean: false] ]\n"
    assert js.Object.keys(js.String.new("ab")).to_py() == ["0", "1"]
