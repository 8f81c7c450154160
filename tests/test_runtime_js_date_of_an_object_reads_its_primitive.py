"""``new Date(value)`` of an object reads it as V8's constructor does, through ``ToPrimitive``: a
text is parsed (an array's -- ``[5]`` is ``"5"``, ``[]`` is ``""`` --, a ``new String``'s), any
other primitive is a time in milliseconds. Each expected value is what real Pyodide 0.26.0a4,
0.28.2 and 314.0.6 gave for the same ``js.Date.new(...).getTime()`` (it read ``[5]`` as 5 ms,
``[]`` as 0 and a ``new String`` as NaN before)."""

from __future__ import annotations

import math

import pytest

from workers_env import js

NAN = "NaN"


@pytest.mark.parametrize(("make", "expected"), [
    (lambda: js.JSON.parse("[5]"), 988675200000),  # "5": V8's lone number, May 2001
    (lambda: js.JSON.parse('["2020-01-02"]'), 1577923200000),
    (lambda: js.JSON.parse("[1,2]"), 978393600000),
    (lambda: js.JSON.parse("[[2020, 3]]"), 1583020800000),
    (lambda: js.JSON.parse("[]"), NAN),  # ""
    (lambda: js.JSON.parse("[null]"), NAN),
    (lambda: js.String.new("2020-01-02"), 1577923200000),
    (lambda: js.Number.new(7), 7),
    (lambda: js.Boolean.new(True), 1),
    (lambda: js.JSON.parse('{"a":1}'), NAN),  # "[object Object]"
])
def test_an_object_is_read_through_to_primitive(make, expected):
    got = js.Date.new(make()).getTime()
    assert (NAN if math.isnan(got) else got) == expected
