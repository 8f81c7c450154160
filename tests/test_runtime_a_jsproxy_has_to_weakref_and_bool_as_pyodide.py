"""Every JsProxy has Pyodide's ``__bool__``, and from Pyodide 0.28 (compatibility dates from
2025-09-29) ``to_weakref()``, both in its ``dir()``: ``to_weakref`` was missing (docsnip50), and
the differential's group ``dir-kinds`` (which of Pyodide's JsProxy names each kind of value lists,
on 0.26.0a4, 0.28.2 and 314.0.6) found ``__bool__`` missing from every kind. An object's and an
array's lists are now Pyodide's at all three versions; ``to_weakref()``'s ``deref()`` gives the
proxy back while it is held."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

NAMES = ("('__bool__', 'to_weakref', 'to_py', 'js_id', 'typeof', 'as_object_map', 'as_py_json', 'object_keys', "
         "'object_values', 'object_entries', 'bind_sig', 'bind_class', 'extend', 'append', 'pop', 'index', "
         "'count', 'values', 'constructor', 'valueOf', 'length')")
SNIPPETS = [f"[n for n in {NAMES} if n in dir(Object.new())]",
            f"[n for n in {NAMES} if n in dir(Array.new())]",
            "o = Object.new()\nw = o.to_weakref()\n(w.deref() == o, str(w), bool(o), bool(Array.new()), bool(arr_of_one))"]

PRELUDE = "arr_of_one = Array.new()\narr_of_one.push(1)\n"

#: what real Pyodide gave (the lists: group dir-kinds; all three snippets run in npm 0.26.0a4, 0.28.2, 314.0.6)
SINCE_028 = [
    "['__bool__', 'to_weakref', 'to_py', 'js_id', 'typeof', 'as_object_map', 'as_py_json', 'object_keys', "
    "'object_values', 'object_entries', 'bind_sig', 'bind_class', 'constructor', 'valueOf'] (list)",
    "['__bool__', 'to_weakref', 'to_py', 'js_id', 'typeof', 'as_py_json', 'object_keys', 'object_values', "
    "'object_entries', 'bind_sig', 'bind_class', 'extend', 'append', 'pop', 'index', 'count', 'values', "
    "'constructor', 'valueOf', 'length'] (list)",
    "(True, '[object WeakRef]', True, False, True) (tuple)",
]
BEFORE_028 = [
    "['__bool__', 'to_py', 'js_id', 'typeof', 'as_object_map', 'object_keys', 'object_values', 'object_entries', "
    "'constructor', 'valueOf'] (list)",
    "['__bool__', 'to_py', 'js_id', 'typeof', 'object_keys', 'object_values', 'object_entries', 'extend', "
    "'append', 'pop', 'index', 'count', 'values', 'constructor', 'valueOf', 'length'] (list)",
    "AttributeError: to_weakref",
]


@pytest.mark.parametrize(("date", "expected"), [("2025-09-01", BEFORE_028), ("2025-10-01", SINCE_028),
                                                ("2026-10-01", SINCE_028)])
def test_dir_lists_bool_and_to_weakref_as_pyodide(tmp_path, date, expected):
    assert snippet_answers(tmp_path, [PRELUDE + code for code in SNIPPETS], date) == expected
