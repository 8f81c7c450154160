"""``to_py()`` of a ``Map`` with a key that is a JS object or array fails as Pyodide's does
(0.26.0a4 and 0.28.2: ``JsException: Error: Cannot use key of type Object as a key to a Python
dict``, ``Array`` for an array), rather than with Python's ``TypeError: unhashable type``; a
``Map`` of other keys converts as before."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    "m = js.Map.new()\nm.set(Object.new(), 1)\nm.to_py()":
        "JsException: Error: Cannot use key of type Object as a key to a Python dict",
    "m = js.Map.new()\nm.set(JSON.parse('[1]'), 1)\nm.to_py()":
        "JsException: Error: Cannot use key of type Array as a key to a Python dict",
    "m = js.Map.new()\nm.set('a', 1).set(2, JSON.parse('[3]'))\nm.to_py()": "{'a': 1, 2: [3]} (dict)",
}


def test_a_map_with_a_js_object_key_does_not_convert(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2025-10-01") == list(SNIPPETS.values())
