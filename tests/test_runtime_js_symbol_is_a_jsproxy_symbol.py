"""``js.Symbol(description)`` called from Python makes a symbol, which Pyodide hands back as a
JsProxy: ``toString()`` ``Symbol(desc)``, ``description``, compared by identity; ``Symbol.for_``
the registry's, ``keyFor``; a property it lacks (``description`` of one made without) is
Pyodide's ``in``-operator TypeError; ``Symbol.new`` is V8's TypeError. As Pyodide 0.26.0a4,
0.26.2 and 0.28.2 give it under Node (tools/pyodide/pyodide_cases.py ``conversion-functions``)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js


def test_a_symbol_is_a_jsproxy_compared_by_identity():
    s = js.Symbol("s")
    assert (type(s).__name__, s.toString(), str(s), s.description) == ("JsProxy", "Symbol(s)", "Symbol(s)", "s")
    assert js.Symbol().toString() == "Symbol()" and js.Symbol(3).description == "3"
    assert s == s and js.Symbol("a") != js.Symbol("a")
    assert js.Symbol.for_("k") == js.Symbol.for_("k")
    assert js.Symbol.keyFor(js.Symbol.for_("k")) == "k" and js.Symbol.keyFor(js.Symbol("k")) is None


def test_a_missing_property_and_new_are_errors():
    with pytest.raises(JsException) as caught:
        js.Symbol().description  # noqa: B018 - read for its error
    assert str(caught.value) == "TypeError: Cannot use 'in' operator to search for 'description' in Symbol()"
    with pytest.raises(JsException) as caught:
        js.Symbol.new("s")
    assert str(caught.value) == "TypeError: Symbol is not a constructor"


def test_json_number_and_object_keys_of_a_symbol():
    """``JSON.stringify`` writes a symbol as ``undefined`` (``null`` in an array, left out of an
    object); ``Number(symbol)`` is V8's TypeError; a symbol owns no keys (Node and Pyodide)."""
    s = js.Symbol("s")
    assert js.JSON.stringify(s) is None
    assert js.JSON.stringify(to_js([s, 1])) == "[null,1]"
    assert js.JSON.stringify(to_js({"a": s, "b": 1}, dict_converter=js.Object.fromEntries)) == '{"b":1}'
    assert js.Object.keys(s).to_py() == []
    with pytest.raises(JsException) as caught:
        js.Number(s)
    assert str(caught.value) == "TypeError: Cannot convert a Symbol value to a number"
