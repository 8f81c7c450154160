"""``forEach`` on the JS stand-ins calls back with ``(value, key, object)`` in JavaScript's
order (measured against workerd with tools/wrangler/jsapi_differential.py): ``FormData``'s is
workerd's, with jsg's TypeError for a callback that is not a function, and ``Set``'s passes
the value twice, with V8's error text. Both were missing (an AttributeError)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js


def test_form_data_for_each_visits_entries_in_order():
    form = js.FormData.new()
    form.append("a", "1")
    form.append("b", "2")
    form.append("a", "3")
    seen = []
    form.forEach(lambda value, name, owner: seen.append((value, name, owner is form)))
    assert seen == [("1", "a", True), ("2", "b", True), ("3", "a", True)]


def test_form_data_for_each_without_a_function_is_jsgs_type_error():
    with pytest.raises(JsException) as caught:
        js.FormData.new().forEach(5)
    assert str(caught.value) == "TypeError: Failed to execute 'forEach' on 'FormData': parameter 1 is not of type 'function'."


def test_set_for_each_passes_the_value_twice():
    values = js.Set.new(to_js(["x", "y"]))
    seen = []
    values.forEach(lambda value, key, owner: seen.append((value, key, owner is values)))
    assert seen == [("x", "x", True), ("y", "y", True)]


@pytest.mark.parametrize("callback, text", [
    (5, "number 5 is not a function"), ("f", 'string "f" is not a function'), ({}, "object is not a function"),
])
def test_set_for_each_without_a_function_is_v8s_type_error(callback, text):
    with pytest.raises(JsException) as caught:
        js.Set.new(to_js(["x"])).forEach(callback)
    assert str(caught.value) == f"TypeError: {text}"
