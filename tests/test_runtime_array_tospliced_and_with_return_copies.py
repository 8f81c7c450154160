"""A JS array's ``toSpliced`` and ``with`` (``with_`` from Python, as Pyodide names it) return
changed copies and leave the array as it was; ``with_`` out of range is V8's ``RangeError: Invalid
index : <index>`` -- as Pyodide 0.26.0a4 and 0.28.2 give them under Node
(tools/pyodide/pyodide_cases.py, group ``array-extras``)."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    "arr().toSpliced(1, 1).to_py()": "[3, 2] (list)",
    "arr().toSpliced(1, 0, 7, 8).to_py()": "[3, 7, 8, 1, 2] (list)",
    "arr().toSpliced().to_py()": "[3, 1, 2] (list)",
    "arr().toSpliced(-1).to_py()": "[3, 1] (list)",
    "a = arr()\na.toSpliced(0, 2)\na.to_py()": "[3, 1, 2] (list)",
    "arr().with_(0, 9).to_py()": "[9, 1, 2] (list)",
    "arr().with_(-1, 9).to_py()": "[3, 1, 9] (list)",
    "arr().with_(1.5, 9).to_py()": "[3, 9, 2] (list)",
    "arr().with_(5, 9)": "JsException: RangeError: Invalid index : 5",
    "arr().with_(-4, 9)": "JsException: RangeError: Invalid index : -4",
    "a = arr()\na.with_(0, 9)\na.to_py()": "[3, 1, 2] (list)",
}


def test_tospliced_and_with_copy_and_refuse_out_of_range(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2025-10-01") == list(SNIPPETS.values())


def test_a_values_constructor_has_its_classs_static_members(tmp_path: Path) -> None:
    snippets = ["Object.new().constructor.fromEntries([['a', 1]]).to_py()",
                "Object.new().constructor.keys(JSON.parse('{\"a\": 1}')).to_py()",
                "arr().constructor.isArray(arr())", "arr().constructor.name"]
    assert snippet_answers(tmp_path, snippets, "2025-10-01") == [
        "{'a': 1} (dict)", "['a'] (list)", "True (bool)", "'Array' (str)"]


def test_array_from_a_python_list_destroys_its_container_items(tmp_path: Path) -> None:
    exhausted = "JsException: Error: This borrowed proxy was automatically destroyed when an iterator was exhausted."
    snippets = ["getattr(Array, 'from')([[1]]).to_py()", "getattr(Array, 'from')([[1]])[0]",
                "getattr(Array, 'from')([[1]]).length", "JSON.stringify(getattr(Array, 'from')([{'a': 1}]))",
                "getattr(Array, 'from')([1, 2]).to_py()", "getattr(Array, 'from')([[1]], lambda x, i: 5).to_py()"]
    assert snippet_answers(tmp_path, snippets, "2025-09-01") == [
        exhausted, exhausted, "1 (int)", exhausted, "[1, 2] (list)", "[5] (list)"]
