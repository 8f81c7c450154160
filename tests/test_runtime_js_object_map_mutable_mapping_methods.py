"""``obj.as_object_map()`` has Pyodide's JsMutableMap Python methods too, writing the object:
``update`` (its keyword arguments dropped), ``pop`` (``KeyError`` for a missing name),
``setdefault`` and ``popitem``; a Python value stored through them reads back as the object
(real Pyodide 0.26.0a4, 0.26.2 and 0.28.2 under Node)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("o = Object.new()\nm = o.as_object_map()\nm.update({'a': [1]})\n(o.a, type(o.a).__name__)", "([1], 'list') (tuple)"),
    ("o = Object.new()\no.a = 1\nm = o.as_object_map()\n(m.pop('a'), hasattr(o, 'a'))", "(1, False) (tuple)"),
    ("o = Object.new()\nm = o.as_object_map()\n(m.setdefault('a', 2), o.a)", "(2, 2) (tuple)"),
    ("o = Object.new()\no.a = 1\nm = o.as_object_map()\n(m.popitem(), len(m))", "(('a', 1), 0) (tuple)"),
    ("o = Object.new()\nm = o.as_object_map()\nm.update(b=2)\nlen(m)", "0 (int)"),
    ("o = Object.new()\nm = o.as_object_map()\nm.pop('zz')", "KeyError: 'zz'"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_an_object_map_has_pyodides_mutable_mapping_methods(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
