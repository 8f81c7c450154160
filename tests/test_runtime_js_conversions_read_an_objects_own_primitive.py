"""``String``, ``BigInt`` and ``Number`` of a JavaScript object convert it to a primitive first,
as V8's ``ToPrimitive`` does: a wrapper object (``new String``/``Boolean``) its value, a ``Date``
its time for a number, a plain object its own ``toString``/``valueOf`` -- ``valueOf`` first for a
number, ``toString`` first for a string, a method that is not a function or answers an object
skipped, ``TypeError: Cannot convert object to primitive value`` when neither answers one. As
Pyodide 0.26.0a4, 0.26.2 and 0.28.2 give it under Node (tools/pyodide/pyodide_cases.py
``conversion-functions``). Before, ``Number(new String("5"))`` and ``Number(date)`` were NaN,
``BigInt(date)`` a SyntaxError and an object's own ``toString`` was not called."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js


def own(*methods: tuple[str, object]):
    return js.Object.fromEntries(to_js([list(m) for m in methods]))


def test_string_calls_an_objects_own_to_string():
    assert js.String(own(("toString", lambda *a: "T"))) == "T"
    assert js.String(own(("toString", lambda *a: 1.0))) == "1"  # its answer converted as a number is
    assert js.String(own(("toString", 5), ("valueOf", lambda *a: "v"))) == "v"  # not a function: skipped


def test_number_and_bigint_read_a_wrapper_a_date_and_an_objects_own_value_of():
    assert (js.Number(js.String.new("5")), js.Number(js.Boolean.new(1)), js.Number(js.Date.new(7))) == (5, 1, 7)
    assert js.Number(own(("valueOf", lambda *a: "8"))) == 8
    assert js.BigInt(js.Date.new(5)) == 5
    assert js.BigInt(own(("valueOf", lambda *a: 5))) == 5
    assert js.BigInt(own(("toString", lambda *a: "6"))) == 6


def test_an_object_with_no_primitive_is_a_type_error():
    with pytest.raises(JsException) as caught:
        js.Number(own(("valueOf", lambda *a: js.Object.new()), ("toString", lambda *a: js.Object.new())))
    assert str(caught.value) == "TypeError: Cannot convert object to primitive value"
