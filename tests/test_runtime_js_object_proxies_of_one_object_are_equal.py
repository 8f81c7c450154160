"""Two JsProxies of one JS object compare equal (Pyodide's ``==`` is JavaScript's ``===``) though
they are two Python objects: ``Object.assign(t, s)`` returns a new proxy of ``t`` -- ``is`` tells
them apart, ``==`` does not (real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node); two objects
with the same properties stay unequal."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("t = Object.new()\nr = Object.assign(t, Object.new())\n(r is t, r == t, r != t)", "(False, True, False) (tuple)"),
    ("t = Object.new()\nr = Object.assign(t, Object.new())\nr.js_id == t.js_id", "True (bool)"),
    ("t = Object.new()\nr = Object.assign(t, Object.new())\nr.x = 1\nt.x", "1 (int)"),
    ("(JSON.parse('{}') == JSON.parse('{}'), Object.new() == Object.new())", "(False, False) (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_two_proxies_of_one_js_object_are_equal(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
