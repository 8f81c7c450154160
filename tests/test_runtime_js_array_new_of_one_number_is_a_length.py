"""``new Array(n)`` / ``Array(n)`` with one number makes an array of ``n`` holes (read as
``undefined``), as ECMAScript's Array constructor does and Pyodide hands it over; a length that is
no whole number from 0 to 2**32 - 1 is V8's ``RangeError: Invalid array length``. ``Array.of(n)``
and any other single argument make a one-item array (held to real Pyodide by the differential's
``arrays`` cases)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js


def test_one_number_is_a_length_of_holes():
    made = js.Array.new(3)
    assert made.length == 3
    assert made.to_py() == [None, None, None]
    assert js.JSON.stringify(js.Array.new(2)) == "[null,null]"
    assert js.String(js.Array.new(3)) == ",,"
    assert js.Array(2).length == 2  # called without new: the same
    assert js.Array.new(2.0).length == 2
    assert js.Array.new(0).length == 0


def test_other_single_arguments_and_array_of_are_one_item():
    assert js.Array.new("3").to_py() == ["3"]
    assert js.Array.new(True).to_py() == [True]  # a boolean is no length
    assert js.Array.of(3).to_py() == [3]
    assert js.Array.new(1, 2).to_py() == [1, 2]


@pytest.mark.parametrize("length", [-1, 1.5, 2**32, float("nan"), float("inf")])
def test_a_length_out_of_range_is_v8s_range_error(length):
    with pytest.raises(JsException, match="^RangeError: Invalid array length$"):
        js.Array.new(length)


def test_array_from_an_array_like_past_the_longest_array_is_v8s_range_error():
    array_like = js.Object.fromEntries(js.Array.of(js.Array.of("length", 2**32)))
    with pytest.raises(JsException, match="^RangeError: Invalid array length$"):
        js.Array.from_(array_like)
    assert js.Array.from_(js.Object.fromEntries(js.Array.of(js.Array.of("length", 2)))).length == 2
