"""``repr()``/``str()`` of a JS ``Set`` or ``Map`` is JavaScript's ``String()`` of it, whatever it
holds: ``[object Set]``, ``[object Map]``, as Pyodide shows every JsProxy (real Pyodide 0.26.0a4,
0.28.2 and 314.0.6: tools/pyodide, group ``set-map-reprs-and-property-calls``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("(repr(js.Set.new()), str(js.Set.new()))", "('[object Set]', '[object Set]') (tuple)"),
    ("s = js.Set.new()\ns.add(1)\ns.add('a')\n(repr(s), str(s), s.size)", "('[object Set]', '[object Set]', 2) (tuple)"),
    ("repr(js.Set.new(to_js([1, 2])))", "'[object Set]' (str)"),
    ("m = js.Map.new()\nm.set('a', 1)\n(repr(m), str(m), repr(js.Map.new()))", "('[object Map]', '[object Map]', '[object Map]') (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])  # Pyodide 0.26, 0.28, 314
def test_a_set_and_a_map_show_as_javascript_strings_them(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
