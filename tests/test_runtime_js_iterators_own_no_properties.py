"""A JS iterator (``array.values()``, ``array.entries()``, ``map.entries()``) owns no enumerable
properties: ``Object.keys``, ``Object.values`` and ``Object.entries`` of it are empty arrays and
``Object.assign`` copies nothing from it (real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node
answered ``('object', [])`` for ``(it.typeof, Object.keys(it).to_py())``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("it = arr().values()\n(it.typeof, js.Object.keys(it).to_py())", "('object', []) (tuple)"),
    ("m = js.Map.new()\nm['a'] = 1\nit = m.entries()\n(Object.values(it).to_py(), Object.entries(it).to_py())",
     "([], []) (tuple)"),
    ("JSON.stringify(Object.assign(Object.new(), arr().entries()))", "'{}' (str)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_js_iterator_owns_no_properties(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
