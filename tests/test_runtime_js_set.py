"""``js.Set``: distinct items in insertion order, ``size``/``has``/``add``/``delete``; Python
code converting it gets a ``set`` (Pyodide's ``to_py`` of a Set)."""

from __future__ import annotations

from workers_env import js


def test_js_set_keeps_distinct_items_in_order_and_converts_to_a_python_set():
    s = js.Set.new([3, 1, 3, 2])
    assert (list(s), s.size, s.has(1), s.has(9)) == ([3, 1, 2], 3, True, False)
    assert s.add(9) is s and s.delete(3) and not s.delete(42) and list(s) == [1, 2, 9]
    assert js.Set.new().size == 0
    assert js.Array.new(s, 5).to_py() == [{1, 2, 9}, 5]
