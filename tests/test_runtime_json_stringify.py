"""``js.JSON.stringify`` writes what V8 writes: numbers as JavaScript prints them, lone
surrogates escaped, ``toJSON()`` used, host objects as ``{}``, ``undefined`` as undefined and
BigInts refused (checked against ``wrangler dev`` by ``tools/wrangler/jsapi_differential.py``)."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers_env import JsException, js, to_js
from workers_env._jsvalues import BigInt


@pytest.mark.parametrize(("number", "text"), [
    (1e-7, "1e-7"), (1.5e-5, "0.000015"), (1e21, "1e+21"), (1e20, "100000000000000000000"), (0.1, "0.1"),
    (-1.5e-7, "-1.5e-7"), (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    (-0.0, "0"), (123.456, "123.456"), (2.0**53, "9007199254740992"), (2.0**53 + 2, "9007199254740994"),
    (2.0**64, "18446744073709552000"), (-(2.0**60), "-1152921504606847000"),
    (123456789012345680000.0, "123456789012345680000"),
])
def test_numbers_are_written_as_javascript_writes_them(number, text):
    assert js.JSON.stringify(number) == text
    assert js.JSON.stringify([number]) == f"[{text}]"


@settings(max_examples=100, deadline=None)  # (twice the neighbours' 50; 300 took 0.18 s of CPU, 100 0.06 s)
@given(st.floats(min_value=-1e21, max_value=1e21, exclude_min=True, exclude_max=True).map(math.floor))
def test_whole_numbers_below_1e21_are_their_shortest_digits_written_out(number):
    """The fast path for whole numbers against the definition: Python's shortest round-trip
    digits (``repr``), written positionally."""
    value = float(number)
    assert js.JSON.stringify(value) == format(Decimal(repr(value)), "f").removesuffix(".0")


def test_values_json_cannot_hold():
    assert js.JSON.stringify([math.nan, math.inf, None]) == "[null,null,null]"
    assert js.JSON.stringify(None) is None  # JSON.stringify(undefined) is undefined
    assert js.JSON.stringify("\u2028\ud800\x07\"\\/é") == '"\u2028\\ud800\\u0007\\"\\\\/é"'
    with pytest.raises(JsException, match="TypeError: Do not know how to serialize a BigInt"):
        js.JSON.stringify([BigInt(2**60)])


def test_host_objects_use_to_json_or_have_no_properties():
    assert js.JSON.stringify(js.URL.new("https://e.com/a b")) == '"https://e.com/a%20b"'
    assert js.JSON.stringify({"at": js.Date.new(0)}) == '{"at":"1970-01-01T00:00:00.000Z"}'
    assert js.JSON.stringify(js.Headers.new(to_js([["a", "1"]]))) == "{}"
    assert js.JSON.stringify(js.Uint8Array.of(1, 2)) == '{"0":1,"1":2}'


def test_indentation_nests_as_javascript_indents():
    tree = to_js({"a": [1, {"b": 2}], "e": [], "o": {}}, dict_converter=js.Object.fromEntries)
    assert js.JSON.stringify(tree, None, 2) == '{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ],\n  "e": [],\n  "o": {}\n}'
    assert js.JSON.stringify([1], None, "--") == "[\n--1\n]"
