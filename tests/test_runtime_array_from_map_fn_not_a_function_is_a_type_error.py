"""``Array.from(items, mapFn)`` with a ``mapFn`` that is not a function (nor ``undefined``) is
V8's ``TypeError: <value> is not a function``, thrown before ``items`` is read (an empty array
too), as Pyodide 0.26.0a4 and 0.28.2 raise it (measured under Node by tools/pyodide, group
``array-from-map-fn``): before, Python's ``'int' object is not callable`` came, and an empty
``items`` gave an empty array."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    "getattr(Array, 'from')([1, 2], 5)": "JsException: TypeError: number 5 is not a function",
    "getattr(Array, 'from')(arr(), 'x')": 'JsException: TypeError: string "x" is not a function',
    "Array.from_(arr(), 1.5)": "JsException: TypeError: number 1.5 is not a function",
    "getattr(Array, 'from')(arr(), True)": "JsException: TypeError: boolean true is not a function",
    "getattr(Array, 'from')(arr(), JSON.parse('{}'))": "JsException: TypeError: object is not a function",
    "getattr(Array, 'from')(arr(), [1])": "JsException: TypeError: object is not a function",
    "getattr(Array, 'from')(arr(), js.Symbol.iterator)": "JsException: TypeError: symbol is not a function",
    "getattr(Array, 'from')(arr(), 2**60)": "JsException: TypeError: bigint is not a function",
    "getattr(Array, 'from')(JSON.parse('[]'), 5)": "JsException: TypeError: number 5 is not a function",
    "getattr(Array, 'from')(arr(), None).to_py()": "[3, 1, 2] (list)",
    "getattr(Array, 'from')(arr(), lambda x, i: x + i).to_py()": "[3, 2, 4] (list)",
}


def test_a_map_fn_that_is_not_a_function_is_v8s_type_error(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2026-05-01") == list(SNIPPETS.values())


def test_jsnull_as_map_fn_is_object_null(tmp_path: Path) -> None:
    snippet = "from pyodide.ffi import jsnull\ngetattr(Array, 'from')(arr(), jsnull)"
    assert snippet_answers(tmp_path, [snippet], "2025-10-01") == ["JsException: TypeError: object null is not a function"]
