"""``array.entries()`` and ``map.entries()`` are live JS iterators: each step reads the array or
Map as it is then -- an item or value set after the iterator was made is the one seen, an item
appended or an entry added is visited, an entry deleted before the iteration reaches it is not
(real Pyodide 0.26.0a4 and 0.28.2 under Node answered the first four)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("m = js.Map.new()\nm['a'] = 1\nit = m.entries()\nm['b'] = 2\n[list(e) for e in it]", "[['a', 1], ['b', 2]] (list)"),
    ("a = arr()\nit = a.entries()\na.append(9)\n[list(e) for e in it]", "[[0, 3], [1, 1], [2, 2], [3, 9]] (list)"),
    ("a = arr()\nit = a.entries()\na[0] = 7\nlist(next(it))", "[0, 7] (list)"),
    ("m = js.Map.new()\nm['a'] = 1\nit = m.entries()\nm['a'] = 5\nlist(next(it))", "['a', 5] (list)"),
    ("m = js.Map.new()\nm['a'] = 1\nm['b'] = 2\nm['c'] = 3\nit = m.entries()\nfirst = list(next(it))\n"
     "m.delete('b')\nm['d'] = 4\n[first] + [list(e) for e in it]", "[['a', 1], ['c', 3], ['d', 4]] (list)"),
    ("m = js.Map.new()\nm['a'] = 1\nit = m.entries()\n(it.next().value.to_py(), it.next().done)", "(['a', 1], True) (tuple)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_entries_iterators_read_the_container_as_it_is_at_each_step(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
