"""Searching a JS array for a Python container (``includes``, ``indexOf``, ``lastIndexOf``, ``in``)
hands JavaScript a new PyProxy of it, which is ``===`` to nothing the array holds -- not even the
proxy of that very object stored there -- so nothing is found; Python's own ``index`` compares
the objects and finds it (real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node answered
``(False, -1, False, 0)``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("a = Array.new()\nl = [1]\na.append(l)\n(a.includes(l), a.indexOf(l), l in a, a.index(l))",
     "(False, -1, False, 0) (tuple)"),
    ("a = Array.new()\nd = {'k': 1}\na.append(d)\n(a.lastIndexOf(d), d in a, a.count(d))", "(-1, False, 1) (tuple)"),
    ("a = JSON.parse('[1, \"x\", [2]]')\n(a.includes(1), 'x' in a, a.indexOf('x'), a.includes([2]))",
     "(True, True, 1, False) (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_python_container_is_found_in_no_js_array(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
