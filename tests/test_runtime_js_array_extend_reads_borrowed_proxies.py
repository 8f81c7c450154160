"""``b.extend(a)`` from Python iterates the JS array ``a``, so a Python container handed to
``a.push`` (a borrowed PyProxy, destroyed at the call's return) raises Pyodide's borrowed-proxy
error there, not later when ``b`` is read (real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node,
``tools/pyodide/pyodide_cases.py``'s ``stored-edge-cases``); a live one extends ``b`` as the object."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("a = Array.new()\na.push([1])\nb = Array.new()\nb.extend(a)",
     "JsException: Error: This borrowed proxy was automatically destroyed at the end of a function call. "
     "Try using create_proxy or create_once_callable."),
    ("a = Array.new()\nl = [1]\na.append(l)\nb = arr()\nb.extend(a)\n(b[3] is l, len(b))", "(True, 4) (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_extend_from_a_js_array_reads_its_proxies(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
