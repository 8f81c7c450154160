"""``obj.as_object_map()`` looked up by a JS object, array or function finds no property, not
even one named by its string: ``get`` gives the default, ``in`` is ``False``, ``[]`` and ``del``
raise ``KeyError`` -- as Pyodide 0.26.0a4 and 0.28.2 answer (tools/pyodide group
``hash-identity``). Once JS values became unhashable these raised ``TypeError: unhashable type``."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

SNIPPETS = {
    "o = Object.new()\nm = JSON.parse('{\"a\": 1}').as_object_map()\n(m.get(o), o in m, m.get(o, 'none'))":
        "(None, False, 'none') (tuple)",
    "m = JSON.parse('{\"[object Object]\": 7}').as_object_map()\n(m.get(Object.new()), m[Object.new()])":
        "KeyError: [object Object]",
    "m = JSON.parse('{\"1,2\": 3}').as_object_map()\ndel m[JSON.parse('[1, 2]')]\nlen(m)": "KeyError: 1,2",
}


def test_an_object_map_finds_no_property_by_a_js_value(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2025-10-01") == list(SNIPPETS.values())
