"""An Array method given a callback that is not a function -- or none -- is V8's ``TypeError``
with the value described as workerd's V8 describes it (``undefined``, ``object null``,
``object``, ``number 5``), and ``sort`` has its own text; measured with
``tools/wrangler/jsapi_differential.py`` under ``wrangler dev`` 4.164.0. Before, a missing
callback was Python's missing-argument error and ``null`` read ``null is not a function``."""

from __future__ import annotations

import re

import pytest

from workers_env import JsException, js, to_js
from workers_env._jsvalues import BigInt
from workers_env.runtime.jsproxy import jsnull


def arr():
    return js.JSON.parse("[3,1,2]")


@pytest.mark.parametrize("method", ["forEach", "map", "filter", "find", "findIndex", "some", "every", "reduce"])
@pytest.mark.parametrize(("callback", "described"), [
    ((), "undefined"), ((None,), "undefined"), ((jsnull,), "object null"), ((to_js({}),), "object"),
    ((5,), "number 5"), (("f",), 'string "f"'), ((True,), "boolean true"),
])
def test_a_callback_that_is_not_a_function_is_v8s_type_error(method, callback, described):
    with pytest.raises(JsException, match=f"^TypeError: {re.escape(described)} is not a function$"):
        getattr(arr(), method)(*callback)


@pytest.mark.parametrize(("compare", "shown"), [(5, "5"), (jsnull, "null"), ("x", "x")])
def test_sort_refuses_a_comparison_that_is_not_a_function_in_its_own_words(compare, shown):
    a = arr()
    with pytest.raises(JsException, match="^TypeError: The comparison function must be either a function or "
                                          f"undefined: {shown}$"):
        a.sort(compare)
    assert a.to_py() == [3, 1, 2]  # not sorted


def test_no_comparison_sorts_as_strings():
    assert arr().sort().to_py() == [1, 2, 3] and arr().sort(None).to_py() == [1, 2, 3]


@pytest.mark.parametrize(("callback", "described"), [
    ("x" * 100, 'string "' + "x" * 100 + '"'),
    ("x" * 101, 'string "' + "x" * 100 + '<...>"'),  # V8 cuts a string after 100 UTF-16 units
    ("x" * 99 + "\U0001f600yy", 'string "' + "x" * 99 + '\ud83d<...>"'),  # half a surrogate pair kept
    (BigInt(5), "bigint"), (2**60, "bigint"), (10**400, "bigint"),  # what Pyodide makes of an int past 2**53
])
def test_long_strings_and_bigints_are_described_as_v8_does(callback, described):
    with pytest.raises(JsException) as caught:
        arr().forEach(callback)
    assert str(caught.value) == f"TypeError: {described} is not a function"


def o(d):
    return to_js(d, dict_converter=js.Object.fromEntries)


@pytest.mark.parametrize(("compare", "shown"), [
    (lambda: o({}), "#<Object>"), (lambda: o({"toString": 1}), "[object Object]"),
    (lambda: to_js([1, 2]), "[object Array]"), (lambda: js.Map.new(), "#<Map>"), (lambda: js.Set.new(), "#<Set>"),
    (lambda: js.Headers.new(), "#<Headers>"), (lambda: js.URL.new("http://a/"), "[object URL]"),
    (lambda: js.Uint8Array.new(2), "[object Uint8Array]"), (lambda: js.Date.new(0), "[object Date]"),
    (lambda: 2**60, "1152921504606846976"), (lambda: "x" * 300, "x" * 300),
])
def test_sort_shows_an_object_as_v8_writes_it_into_a_message(compare, shown):
    """V8's side-effect-free text: ``#<Ctor>`` when toString is Object.prototype's, ``[object X]``
    where the class has its own; a long string is not cut here (measured against workerd)."""
    with pytest.raises(JsException) as caught:
        arr().sort(compare())
    assert str(caught.value) == f"TypeError: The comparison function must be either a function or undefined: {shown}"


@pytest.mark.parametrize("method", ["forEach", "map", "filter", "find", "findIndex", "some", "every"])
def test_a_this_argument_is_taken_as_javascript_takes_it(method):
    """``arr.map(f, thisArg)``: JavaScript's second argument, which a Python callback has no use for."""
    seen = []
    getattr(arr(), method)(lambda x, *_: seen.append(x), None)
    assert seen[:1] == [3]


def test_sort_orders_a_lone_surrogate_by_its_utf16_unit():
    assert js.JSON.parse('["\\ud800", "b", "a"]').sort().to_py() == ["a", "b", "\ud800"]


def test_the_newer_array_methods_are_there():
    """``flatMap``, ``findLast``, ``findLastIndex``, ``reduceRight``, ``toSorted`` and
    ``toReversed`` (workerd's V8 has them; they were an AttributeError), with the same
    refusals as their older siblings (jsapi_differential, wrangler dev 4.164.0)."""
    a = arr()
    assert a.reduceRight(lambda acc, x, *rest: acc + str(x), "") == "213"
    assert (a.findLast(lambda x, *rest: x < 3), a.findLastIndex(lambda x, *rest: x > 5)) == (2, -1)
    assert a.flatMap(lambda x, *rest: js.JSON.parse(f"[{x},{x}]")).to_py() == [3, 3, 1, 1, 2, 2]
    assert (a.toSorted().to_py(), a.toReversed().to_py(), a.to_py()) == ([1, 2, 3], [2, 1, 3], [3, 1, 2])
    for method in ("flatMap", "findLast", "findLastIndex", "reduceRight"):
        with pytest.raises(JsException, match="^TypeError: number 5 is not a function$"):
            getattr(a, method)(5)
    with pytest.raises(JsException, match="^TypeError: The comparison function must be either a function or undefined: 5$"):
        a.toSorted(5)
    with pytest.raises(JsException, match="^TypeError: Reduce of empty array with no initial value$"):
        js.JSON.parse("[]").reduceRight(lambda *args: 0)
