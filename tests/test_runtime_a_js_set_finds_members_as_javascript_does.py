"""A JS ``Set`` finds its members as JavaScript does (SameValueZero) on the values as Pyodide hands
them over: a Python list, tuple or object is a new PyProxy each time it crosses, so ``s.add(k)``
twice adds it twice and ``s.has(k)`` is false; ``True`` is not ``1``; ``NaN`` is itself; a JS object
is found by identity -- and a ``Map`` finds a ``NaN`` key again. Measured on Pyodide 314.0.6, 0.28.2
and 0.26.0a4 under Node (``tools/pyodide/pyodide_cases.py`` group ``sets``: 10/10 each). Before
(review75), a ``Set`` compared with Python's ``==`` (``s.add(1); s.has(True)`` true, a list added
once) and a ``Map`` missed ``NaN``."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

EQUALS_ALL = "class K:\n    def __eq__(self, other):\n        return True\n    __hash__ = object.__hash__\n"

#: (snippet, what every Pyodide version gave)
CASES = [
    ('s = js.Set.new()\ns.add(1)\ns.add(True)\n(s.size, s.has(True), True in s, s.delete(True), s.size)',
     '(2, True, True, True, 1) (tuple)'),
    ('s = js.Set.new()\ns.add(1)\ns.add(1.0)\ns.add(0)\ns.add(-0.0)\ns.size',
     '2 (int)'),
    ("s = js.Set.new()\ns.add(float('nan'))\n(s.has(float('nan')), s.add(float('nan')).size)",
     '(True, 1) (tuple)'),
    ('s = js.Set.new()\nl = [1]\ns.add(l)\ns.add(l)\n(s.size, s.has(l), l in s, s.delete(l))',
     '(2, False, False, False) (tuple)'),
    ('s = js.Set.new()\nt = (1, 2)\ns.add(t)\ns.add(t)\n(s.size, s.has(t))',
     '(2, False) (tuple)'),
    ('class K: pass\nk = K()\ns = js.Set.new()\ns.add(k)\ns.add(k)\n(s.size, s.has(k), s.delete(k))',
     '(2, False, False) (tuple)'),
    ("s = js.Set.new()\ns.add(None)\ns.add(None)\ns.add('a')\ns.add('a')\n(s.size, s.has(None), s.has('a'))",
     '(2, True, True) (tuple)'),
    ('o = Object.new()\ns = js.Set.new()\ns.add(o)\ns.add(o)\n(s.size, s.has(o), s.has(Object.new()))',
     '(1, True, False) (tuple)'),
    ('(js.Set.new([[1], [1]]).size, js.Set.new([1, True, 1.0]).size)',
     '(2, 2) (tuple)'),
    ("m = js.Map.new()\nm.set(float('nan'), 1)\nm[float('nan')] = 2\n(m.get(float('nan')), m.size, float('nan') in m)",
     '(2, 1, True) (tuple)'),
    # a Python object whose __eq__ says yes to anything is still a new PyProxy: JavaScript never asks
    # it (audit26, measured on the three Pyodides)
    (EQUALS_ALL + "s = js.Set.new()\ns.add(1)\ns.add('a')\n(s.has(K()), K() in s, s.add(K()).size, s.delete(K()), s.size)",
     '(False, False, 3, False, 3) (tuple)'),
    (EQUALS_ALL + "m = js.Map.new()\nm.set(1, 'one')\n(m.has(K()), m.get(K()), m.size)",
     '(False, None, 1) (tuple)'),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-10-01"])  # Pyodide 0.26, 0.28, 314
def test_a_set_finds_its_members_as_pyodide_hands_them_over(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
