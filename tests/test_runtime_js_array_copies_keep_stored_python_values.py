"""A JS array's copies hold the same PyProxies: a Python container stored in a JS array reads
back as the object itself from ``a + b``, ``a * n``, ``toReversed``/``toSorted``, ``flat`` (where a
stored Python list is no Array, so it is not spread), ``Array.from``, ``new Map(entries)`` and
``Object.fromEntries``, as from slice assignment and a Python callback's ``map`` results (each a
live PyProxy; ``flatMap`` spreads none of them). Real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under
Node answered so (``tools/pyodide/pyodide_cases.py``'s ``stored-edge-cases``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("a = Array.new()\na[0:0] = [[1]]\n(a[0], type(a[0]).__name__)", "([1], 'list') (tuple)"),
    ("a = Array.new()\na.append([1])\n(a * 2)[1]", "[1] (list)"),
    ("a = Array.new()\na.append([1])\n(a + [2])[0]", "[1] (list)"),
    ("a = Array.new()\na.append([1])\n(a.toReversed()[0], type(a.toSorted()[0]).__name__)", "([1], 'list') (tuple)"),
    ("a = Array.new()\na.append([1, [2]])\nb = a.flat()\n(b[0], type(b[0]).__name__)", "([1, [2]], 'list') (tuple)"),
    ("JSON.parse('[1,[2,[3]]]').flat().to_py()", "[1, 2, [3]] (list)"),
    ("r = arr().map(lambda x, *r: [x])\n(r[0], type(r[0]).__name__)", "([3], 'list') (tuple)"),
    ("arr().flatMap(lambda x, *r: [x, x]).to_py()", "[[3, 3], [1, 1], [2, 2]] (list)"),
    ("a = Array.new()\na.append([1])\nb = js.Array.from_(a)\n(b[0], type(b[0]).__name__)", "([1], 'list') (tuple)"),
    ("o = Object.new()\no.x = [1]\nm = js.Map.new(Object.entries(o))\n(m.get('x'), type(m.get('x')).__name__)",
     "([1], 'list') (tuple)"),
    ("m = js.Map.new()\nm['k'] = [1]\nm2 = js.Map.new(m)\n(m2.get('k'), type(m2.get('k')).__name__)",
     "([1], 'list') (tuple)"),
    ("o = Object.new()\no.x = [1]\np = Object.fromEntries(Object.entries(o))\n(p.x, type(p.x).__name__)",
     "([1], 'list') (tuple)"),
    ("m = js.Map.new()\nm['k'] = [1]\no = Object.fromEntries(m)\n(o.k, type(o.k).__name__)", "([1], 'list') (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_copies_of_a_js_array_hold_the_same_pyproxies(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
