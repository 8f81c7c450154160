"""The same Python object stored in one JS container both by Python (``append``, ``m[k] = l``:
a live PyProxy) and through a JS call (``push``, ``map.set``: a proxy Pyodide destroys at the
call's return) reads back as the object, not the borrowed-proxy error: Pyodide reads each slot's
own proxy, and ``a.append(l); a.push(l); a[0] is l`` is ``True`` there (real Pyodide 0.26.0a4,
0.26.2 and 0.28.2 under Node, ``tools/pyodide/pyodide_cases.py``'s ``stored-edge-cases``);
workers-env keeps one mark per object, so the live one wins (README: Where we had to choose)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("a = Array.new()\nl = [1]\na.append(l)\na.push(l)\na[0] is l", "True (bool)"),
    ("a = Array.new()\nl = [1]\na.push(l)\na.append(l)\na[1] is l", "True (bool)"),
    ("m = js.Map.new()\nl = [1]\nm['a'] = l\nm.set('b', l)\nm['a'] is l", "True (bool)"),
    ("a = Array.new()\nl = [1]\na.append(l)\na.append(l)\n(a[0] is l, a[1] is l)", "(True, True) (tuple)"),
    ("a = Array.new()\na.push([1])\na[0]",
     "JsException: Error: This borrowed proxy was automatically destroyed at the end of a function call. "
     "Try using create_proxy or create_once_callable."),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_python_value_stored_live_and_borrowed_in_one_container_reads_back(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
