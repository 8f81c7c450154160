"""A JS object, array, Map, function or buffer held from Python is unhashable, as Pyodide's
JsProxy is (0.26.0a4 and 0.28.2 under Node: ``TypeError: unhashable type: 'pyodide.ffi.JsProxy'``,
tools/pyodide/pyodide_cases.py, group ``hash-identity``), so code that keys a dict or fills a set
with them fails here as in production; two proxies of one JS object stay equal."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

UNHASHABLE = "TypeError: unhashable type: 'pyodide.ffi.JsProxy'"

SNIPPETS = {
    "hash(JSON.parse('{\"a\": 1}'))": UNHASHABLE,
    "hash(arr())": UNHASHABLE,
    "hash(JSON.parse('{\"d\": {\"e\": 1}}').d)": UNHASHABLE,
    "hash(JSON.parse)": UNHASHABLE,
    "hash(js.Map.new())": UNHASHABLE,
    "hash(Object.new())": UNHASHABLE,
    "hash(js.Uint8Array.new(2))": UNHASHABLE,
    "hash(to_js({'a': 1}))": UNHASHABLE,
    "o = Object.new()\n{o: 1}": UNHASHABLE,
    "o = JSON.parse('{\"d\": {\"e\": 1}}')\n{o.d, o.d}": UNHASHABLE,
    "o = JSON.parse('{\"d\": {\"e\": 1}}')\n(o.d == o.d, o.d in [o.d])": "(True, True) (tuple)",
}


def test_js_values_are_unhashable_but_equal(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2025-10-01") == list(SNIPPETS.values())
