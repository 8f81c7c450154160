"""A JavaScript array reaches Python as Pyodide's ``JsArray``: a mutable sequence with the JS
``Array.prototype`` methods beside it. Every expected value here is what Pyodide 0.28.2 gave
for the same snippet (``tools/pyodide/pyodide_differential.py``)."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, to_js


def arr():
    return js.JSON.parse("[3,1,2]")


def test_js_methods_read_like_javascript():
    assert arr().join("-") == "3-1-2" and arr().join() == "3,1,2"
    assert js.JSON.parse('[1,"a",null,{"k":[2]}]').join("|") == "1|a||[object Object]"
    assert (arr().includes(2), arr().includes(9), arr().indexOf(2), arr().indexOf(9), arr().lastIndexOf(1)) == \
        (True, False, 2, -1, 1)
    assert arr().slice(1).to_py() == [1, 2] and arr().slice(-2).to_py() == [1, 2] and arr().slice(0, 1).to_py() == [3]
    assert arr().concat(js.JSON.parse("[9]")).to_py() == [3, 1, 2, 9]
    assert arr().concat(to_js([4, 5])).to_py() == [3, 1, 2, 4, 5]
    assert (arr().at(-1), arr().at(0), arr().at(5)) == (2, 3, None)
    assert js.JSON.parse("[1,[2,[3]]]").flat().to_py() == [1, 2, [3]]
    assert js.JSON.parse("[1,[2,[3]]]").flat(2).to_py() == [1, 2, 3]
    assert [e.to_py() for e in arr().entries()] == [[0, 3], [1, 1], [2, 2]] and list(arr().values()) == [3, 1, 2]
    assert arr().fill(0).to_py() == [0, 0, 0] and arr().splice(1, 1).to_py() == [1]
    assert arr().toString() == "3,1,2" and str(arr()) == "3,1,2" and repr(js.JSON.parse("[]")) == ""


def test_callbacks_get_element_index_and_array():
    assert arr().map(lambda x, *rest: x * 2).to_py() == [6, 2, 4]
    assert arr().map(lambda x, i, a: i).to_py() == [0, 1, 2]
    assert arr().filter(lambda x, *rest: x > 1).to_py() == [3, 2]
    seen = []
    assert arr().forEach(lambda x, *rest: seen.append(x)) is None and seen == [3, 1, 2]
    assert (arr().find(lambda x, *rest: x < 3), arr().find(lambda x, *rest: x > 9)) == (1, None)
    assert arr().findIndex(lambda x, *rest: x == 2) == 2
    assert arr().some(lambda x, *rest: x == 1) and arr().every(lambda x, *rest: x > 0)
    assert arr().reduce(lambda acc, x, *rest: acc + x, 0) == 6 and arr().reduce(lambda acc, x, *rest: acc + x) == 6
    with pytest.raises(TypeError, match=r"takes 0 positional arguments but 3 were given"):
        arr().map(lambda: 1)
    with pytest.raises(JsException, match=r"^TypeError: number 5 is not a function$"):
        arr().map(5)
    with pytest.raises(JsException, match=r"^TypeError: Reduce of empty array with no initial value$"):
        js.JSON.parse("[]").reduce(lambda acc, x, *rest: acc + x)


def test_sort_is_javascripts_and_in_place():
    a = js.JSON.parse("[10,9,1]")
    assert a.sort().to_py() == [1, 10, 9] and a.to_py() == [1, 10, 9]  # by strings, as JS sorts
    assert js.JSON.parse("[10,9,1]").sort(lambda x, y: x - y).to_py() == [1, 9, 10]
    assert js.JSON.parse('["b","é","a"]').sort().to_py() == ["a", "b", "é"]


def test_the_python_sequence_api():
    a = arr()
    assert (a[0], a[-1], list(a[1:]), list(a[::-1])) == (3, 2, [1, 2], [2, 1, 3])
    with pytest.raises(IndexError, match="^5$"):
        a[5]
    with pytest.raises(TypeError, match="^list indices must be integers or slices, not str$"):
        a["0"]
    assert (a.index(2), a.count(1)) == (2, 1)
    with pytest.raises(ValueError, match="^9 is not in list$"):
        a.index(9)
    a.append(4)
    a.extend([5, 6])
    a.insert(1, 9)
    a.remove(1)
    assert a.to_py() == [3, 9, 2, 4, 5, 6]
    assert (a.pop(), a.pop(0), a.to_py()) == (6, 3, [9, 2, 4, 5])
    assert a.reverse() is None and a.to_py() == [5, 4, 2, 9]  # Python's reverse wins, as in Pyodide
    del a[0]
    a[5] = 8  # past the end: the array grows with holes
    assert a.to_py() == [4, 2, 9, None, None, 8]
    with pytest.raises(IndexError, match="^pop from empty list$"):
        js.JSON.parse("[]").pop()
    with pytest.raises(IndexError, match="^pop index out of range$"):  # Pyodide's (real 0.26.0a4, 0.28.2, 314.0.6)
        js.JSON.parse("[1, 2]").pop(10)
    assert list(arr() + [1]) == [3, 1, 2, 1] and str(arr() * 2) == "3,1,2,3,1,2"
    assert (a.push(7), a.unshift(0), a.shift()) == (7, 8, 0)


def test_array_globals_and_attribute_errors():
    assert js.Array.isArray(arr()) and not js.Array.isArray(js.JSON.parse("{}")) and not js.Array.isArray()
    assert js.Array.of(1, 2).to_py() == [1, 2]
    assert js.Object.keys(arr()).to_py() == ["0", "1", "2"]
    with pytest.raises(JsException, match="Cannot convert undefined or null to object"):
        js.Object.keys(None)
    assert hasattr(arr(), "map") and not hasattr(arr(), "keys")  # Pyodide's JsArray has no keys()
    with pytest.raises(AttributeError, match="^host$"):
        js.JSON.parse("[1]").host


def test_parsed_numbers_and_objects_read_as_pyodide_hands_them_over():
    """A whole number is an ``int`` whatever its JSON spelling (``1.0``, ``1e3``); an object has
    ``hasOwnProperty``/``toString``, and ``del`` of a missing property is no error (JavaScript's
    ``delete``) -- Pyodide 0.28.2's answers."""
    assert (js.JSON.parse("1.0"), js.JSON.parse("1e3"), js.JSON.parse("1.5")) == (1, 1000, 1.5)
    assert type(js.JSON.parse("1.0")) is int
    obj = js.JSON.parse('{"a": 1}')
    assert obj.hasOwnProperty("a") and not obj.hasOwnProperty("b") and obj.toString() == "[object Object]"
    del obj.missing
    del obj.a
    assert not obj.hasOwnProperty("a")


def test_to_py_depth_zero_is_the_proxy_itself():
    obj, array = js.JSON.parse('{"a": {"b": 1}}'), arr()
    assert obj.to_py(depth=0) is obj and array.to_py(depth=0) is array
    assert type(obj.to_py(depth=1)["a"]) is type(obj)  # one level converted, the rest proxies


def test_a_set_converts_as_pyodide_converts_it():
    converted = to_js({1, 2})
    assert converted.to_py() == {1, 2} and js.JSON.stringify(converted) == "{}"  # a Set: no own properties
