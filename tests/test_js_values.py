"""Results look like what Pyodide hands Python Worker code."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers_env import JsDict
from workers_env._float32decimals import float32_decimals
from workers_env._jsvalues import to_py
from workers_env._sendchecks import check_sendable


def test_jsdict_reads_keys_as_attributes_and_dict_methods_win():
    d = JsDict({"id": "a", "values": [1], "count": 2})
    assert d.id == "a" and d.count == 2
    assert callable(d.values) and d["values"] == [1]
    with pytest.raises(AttributeError):
        _ = d.missing
    d.extra = 5
    assert d["extra"] == 5


def test_to_py_converts_nested_objects_and_whole_floats():
    out = to_py({"a": [1.0, 2.5, {"b": -0.0}], "big": 2.0**53, "safe": 2.0**53 - 1, "none": None})
    assert isinstance(out, JsDict) and isinstance(out.a[2], JsDict)
    assert out.a[0] == 1 and type(out.a[0]) is int
    assert type(out.a[1]) is float
    assert type(out.a[2].b) is int
    assert type(out.big) is float and type(out.safe) is int
    assert out.none is None


@settings(max_examples=100, deadline=None)  # (twice the neighbours' 50; 300 took 0.53 s of CPU, 100 0.16 s)
@given(st.lists(st.floats(width=32, allow_nan=False, allow_infinity=False), min_size=1, max_size=50))
def test_float32_decimals_are_the_shortest_round_trip_decimals(values):
    arr = np.array(values, dtype=np.float32)
    got = float32_decimals(arr)
    for g, v in zip(got, arr):
        expected = float(np.format_float_positional(v, unique=True))
        assert g == expected
        assert np.float32(g) == v
        if expected == int(expected) and abs(expected) < 2**53:
            assert type(g) is int


def test_float32_decimals_examples():
    assert float32_decimals(np.array([0.2321, 0.1, 1e-45, 3.4e38], dtype=np.float32)) == [0.2321, 0.1, 1e-45, 3.4e38]


@pytest.mark.parametrize("value", [(1, 2), bytearray(b"x"), {"a": (1,)}, [[1, (2,)]], {"a": {"b": bytearray()}}])
def test_tuples_and_bytearrays_anywhere_cannot_be_sent(value):
    with pytest.raises(TypeError, match="cannot be sent over RPC."):
        check_sendable(value)


def test_lists_dicts_and_scalars_can_be_sent():
    check_sendable({"a": [1, "x", None, {"b": [True]}]})


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "null"), (True, "true"), (False, "false"), (3, "3"), (3.0, "3"), (0.5, "0.5"),
        (float("nan"), "NaN"), (float("-inf"), "-Infinity"), ("", ""), ({"a": 1}, "[object Object]"),
        ([None, 1.5, [2.0, "a"], {}], ",1.5,2,a,[object Object]"), ((1, None), "1,"),
    ],
    ids=repr,
)
def test_js_string_is_what_javascript_prints(value, text):
    from workers_env._jsvalues import js_string

    assert js_string(value) == text


@pytest.mark.parametrize("value", [None, False, 0, 0.0, -0.0, float("nan"), ""])
def test_js_falsy_values(value):
    from workers_env._jscoercions import js_truthy
    from workers_env._jsvalues import UNDEFINED

    assert not js_truthy(value) and not js_truthy(UNDEFINED)


@pytest.mark.parametrize("value", [True, 1, -0.5, "0", "false", [], {}, [0]])
def test_js_truthy_values(value):
    from workers_env._jscoercions import js_truthy

    assert js_truthy(value)


@pytest.mark.parametrize("count", [3, 40])  # (a few values go one by one, more vectorised)
def test_float32_decimals_past_the_safe_integers_stay_floats(count):
    # a whole number past 2**53 is no safe integer: a JS number Pyodide hands over as a float
    got = float32_decimals(np.array([1e20, 3e17, 3.0] + [0.5] * (count - 3), dtype=np.float32))
    assert got[:3] == [1e20, 3e17, 3] and [type(g) for g in got[:3]] == [float, float, int]
