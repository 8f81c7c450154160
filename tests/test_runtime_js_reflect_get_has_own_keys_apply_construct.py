"""``js.Reflect``'s ``get``, ``has``, ``ownKeys``, ``apply`` and ``construct`` answer as ECMAScript's do
from Python in real Pyodide (0.26.0a4, 0.28.2 and 314.0.6 under Node): a missing property is
``None`` (``undefined``), ``ownKeys`` a JS array (an array's indices and ``length``), ``apply`` and
``construct`` taking a JS array or a Python list; a primitive target is V8's TypeError; a Python
dict's keys are read from Pyodide 0.28 on. Its other members need the real runtime and say so."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import snippet_answers

OBJ = "o = JSON.parse('{\"a\":1,\"b\":\"x\",\"c\":null}')\n"

CASES = [
    (OBJ + "js.Reflect.ownKeys(o)", "a,b,c (JsProxy)"),
    (OBJ + "(js.Reflect.get(o, 'a'), js.Reflect.has(o, 'b'), js.Reflect.has(o, 'z'), js.Reflect.get(o, 'z'))",
     "(1, True, False, None) (tuple)"),
    ("js.Reflect.ownKeys(arr())", "0,1,2,length (JsProxy)"),
    ("(js.Reflect.has(arr(), 'length'), js.Reflect.get(arr(), 1), js.Reflect.get(arr(), 7))",
     "(True, 1, None) (tuple)"),
    ("(js.Reflect.has(arr(), '7'), js.Reflect.has(arr(), 2), js.Reflect.has(arr(), '2'), js.Reflect.has(arr(), 3))",
     "(False, True, True, False) (tuple)"),  # an index past the end is no property
    ("js.Reflect.ownKeys(js.Event.new('x')).length", "0 (int)"),
    ("class C:\n    x = 1\n(js.Reflect.has(C(), 'x'), js.Reflect.get(C(), 'x'))", "(True, 1) (tuple)"),
    ("(js.Reflect.apply(js.Math.max, None, to_js([1, 5, 3])), js.Reflect.apply(js.Math.max, None, [1, 5, 3]), "
     "js.Reflect.apply(lambda a, b: a + b, None, to_js([1, 2])))", "(5, 5, 3) (tuple)"),
    ("(js.Reflect.construct(js.Date, to_js([0])).getTime(), js.Reflect.construct(js.Date, [0]).getTime())",
     "(0, 0) (tuple)"),
    ("js.Reflect.get(5, 'a')", "JsException: TypeError: Reflect.get called on non-object"),
    ("js.Reflect.get()", "JsException: TypeError: Reflect.get called on non-object"),
    ("js.Reflect.has(None, 'a')", "JsException: TypeError: Reflect.has called on non-object"),
    ("js.Reflect.ownKeys('ab')", "JsException: TypeError: Reflect.ownKeys called on non-object"),
    ("js.Reflect.apply(5, None, [])",
     "JsException: TypeError: Function.prototype.apply was called on 5, which is a number and not a function"),
    ("js.Reflect.apply(None, None, [])", "JsException: TypeError: Function.prototype.apply was called on undefined, "
                                         "which is a undefined and not a function"),
    ("js.Reflect.apply(js.Math.max, None, 5)", "JsException: TypeError: CreateListFromArrayLike called on non-object"),
    ("js.Reflect.construct(js.Date)", "JsException: TypeError: CreateListFromArrayLike called on non-object"),
    ("js.Reflect.construct(5, [])", "JsException: TypeError: 5 is not a constructor"),
    ("js.Reflect.construct(js.Math.max, [])",
     "JsException: TypeError: function max() { [native code] } is not a constructor"),
    ("str(js.Reflect)", "'[object Reflect]' (str)"),
    ("js.Reflect.getPrototypeOf(arr())", "NotEmulatedError: js.Reflect.getPrototypeOf() is not emulated by "
                                         "workers-env: it needs the real runtime. Read the value's attributes from "
                                         "Python instead, or open an issue."),
    ("js.Reflect.nope", "AttributeError: nope"),
]


def test_reflect_answers_as_ecmascript_through_pyodide(tmp_path: Path) -> None:
    answers = snippet_answers(tmp_path, [code for code, _ in CASES], "2026-11-17")
    assert dict(zip([code for code, _ in CASES], answers)) == dict(CASES)


@pytest.mark.parametrize(("date", "expected"), [("2025-09-01", "None (NoneType)"), ("2025-10-01", "1 (int)")])
def test_a_python_dicts_keys_are_read_from_pyodide_028(tmp_path: Path, date: str, expected: str) -> None:
    answers = snippet_answers(tmp_path, ["js.Reflect.get({'a': 1}, 'a')",
                                         "(js.Reflect.has({'a': 1}, 'a'), js.Reflect.has({'a': 1}, 'keys'))"], date)
    assert answers == [expected, f"({expected != 'None (NoneType)'}, True) (tuple)"]  # a method is there in each
