"""``Object.entries``/``values``/``keys`` of a JavaScript array read its indices as string keys
and its items as values, as Pyodide 0.26.0a4 and 0.28.2 give them (measured under Node by
tools/pyodide, group ``object-of-arrays``); a Python list, tuple or set (a PyProxy to
JavaScript, ``create_proxy``'s too) owns no properties, so each is empty. ``Object.values`` and
``Object.entries`` of a JS array raised ``AttributeError`` before."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    "Object.entries(arr()).to_py()": "[['0', 3], ['1', 1], ['2', 2]] (list)",
    "Object.values(arr()).to_py()": "[3, 1, 2] (list)",
    "Object.keys(arr()).to_py()": "['0', '1', '2'] (list)",
    "Object.entries(JSON.parse('[]')).to_py()": "[] (list)",
    "Object.entries(JSON.parse('[1, {\"k\": [2]}]'))[1][1].k.to_py()": "[2] (list)",
    "e = Object.entries(JSON.parse('[\"b\"]'))\n[type(x[0]).__name__ for x in e]": "['str'] (list)",
    "a = Array.new()\nl = [1]\na.append(l)\nObject.values(a)[0] is l": "True (bool)",
    "Object.keys([1, 2]).to_py()": "[] (list)",
    "Object.values((1, 2)).to_py()": "[] (list)",
    "Object.entries({1, 2}).to_py()": "[] (list)",
    "Object.keys(create_proxy([1, 2])).to_py()": "[] (list)",
}


def test_object_entries_values_and_keys_of_arrays_as_pyodide(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2026-05-01") == list(SNIPPETS.values())


def test_null_items_read_as_the_eras_null(tmp_path: Path) -> None:
    snippet = "Object.values(JSON.parse('[1, null]')).to_py()"
    assert snippet_answers(tmp_path / "a", [snippet], "2025-09-01") == ["[1, None] (list)"]
    assert snippet_answers(tmp_path / "b", [snippet], "2025-10-01") == ["[1, jsnull] (list)"]
