"""A ``Map``'s and an object map's ``keys()``, ``values()`` and ``items()`` are live
``KeysView``/``ValuesView``/``ItemsView``s, as Pyodide's ``collections.abc`` Mapping mixin gives
them, not lists (real Pyodide 0.26.0a4 and 0.28.2 under Node, ``tools/pyodide/pyodide_cases.py``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

#: (snippet, what every Pyodide version gave)
CASES = [
    ("m = to_js({'a': 1})\n(type(m.keys()).__name__, type(m.values()).__name__, type(m.items()).__name__)",
     "('KeysView', 'ValuesView', 'ItemsView') (tuple)"),
    ("m = to_js({'a': 1})\n(list(m.keys()), list(m.values()), list(m.items()))", "(['a'], [1], [('a', 1)]) (tuple)"),
    ("m = JSON.parse('{\"a\": 1}').as_object_map()\n(type(m.keys()).__name__, list(m.items()))",
     "('KeysView', [('a', 1)]) (tuple)"),
    ("m = js.Map.new()\nm.set('a', 1)\nk = m.keys()\nm.set('b', 2)\nlist(k)", "['a', 'b'] (list)"),
    ("m = js.Map.new()\nm.set('a', 1)\nm.keys()[0]", "TypeError: 'KeysView' object is not subscriptable"),
    ("m = js.Map.new()\nm.set('a', 1)\n(m.keys() == {'a'}, 'a' in m.keys(), len(m.values()))", "(True, True, 1) (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_mapping_views_are_live(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
