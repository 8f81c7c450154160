"""``js.Symbol(description)`` called from Python makes a symbol, which Pyodide hands back as a
JsProxy: ``toString()`` ``Symbol(desc)``, ``description``, compared by identity; ``Symbol.for_``
the registry's, ``keyFor``; a property it lacks (``description`` of one made without) is
Pyodide's ``in``-operator TypeError; ``Symbol.new`` is V8's TypeError. As Pyodide 0.26.0a4,
0.26.2 and 0.28.2 give it under Node (tools/pyodide/pyodide_cases.py ``conversion-functions``)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js


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
