"""``Set.forEach`` and ``Map.forEach`` given no callback, ``null`` or another value that is
not a function raise V8's TypeError, as workerd does (measured with
tools/wrangler/jsapi_differential.py under wrangler dev 4.164.0) -- before any entry is
visited, so an empty map refuses too. Before, ``Map.forEach(5)`` was Python's "'int' object is
not callable" (and nothing on an empty map), ``forEach()`` Python's missing-argument error, and
``Set.forEach(null)`` said ``object`` where V8 says ``object null``."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js
from workers_env.runtime.jsproxy import jsnull

NOT_GIVEN = object()


def _collections():
    yield "Set", js.Set.new(to_js(["x"]))
    yield "Map", js.Map.new(to_js([["k", "v"]]))
    yield "empty Map", js.Map.new()
    yield "empty Set", js.Set.new()


@pytest.mark.parametrize("callback, text", [
    (NOT_GIVEN, "undefined is not a function"),
    (None, "undefined is not a function"),
    (jsnull, "object null is not a function"),
    (5, "number 5 is not a function"),
    ("s", 'string "s" is not a function'),
    (True, "boolean true is not a function"),
    ({}, "object is not a function"),
])
def test_a_callback_that_is_not_a_function_is_v8s_type_error(callback, text):
    for name, collection in _collections():
        with pytest.raises(JsException) as caught:
            if callback is NOT_GIVEN:
                collection.forEach()
            else:
                collection.forEach(to_js(callback) if isinstance(callback, dict) else callback)
        assert (name, str(caught.value)) == (name, f"TypeError: {text}")


def test_a_function_is_still_called_with_value_key_and_map():
    entries = js.Map.new(to_js([["k", "v"], [1, 2]]))
    seen = []
    entries.forEach(lambda value, key, owner: seen.append((value, key, owner is entries)))
    assert seen == [("v", "k", True), (2, 1, True)]
