"""A JS ``Map``'s or an ``as_object_map()``'s Python ``update`` drops its keyword arguments on
Pyodide 0.26 and 0.28 (``m.update(b=2)`` adds nothing) and stores them from Pyodide 0.29, whose
314.0.x bundles workerd runs from compatibility date 2026-09-08 (``python_workers_314``) -- each
answer below is real Pyodide 0.28.2's and 314.0.6's."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

SNIPPETS = [
    "m = js.Map.new()\nm.update(b=2)\nm.size",
    "o = Object.new()\nm = o.as_object_map()\nm.update({'a': 1}, b=2)\nsorted(m)",
    "m = to_js({'a': 1}, dict_converter=js.Map.new)\nm.update([('c', 3)], d=4)\nsorted(m.keys())",
]


@pytest.mark.filterwarnings("ignore:JsProxy.as_object_map:RuntimeWarning")  # 314's own deprecation
@pytest.mark.parametrize(("date", "expected"), [
    ("2025-10-01", ["0 (int)", "['a'] (list)", "['a', 'c'] (list)"]),
    ("2026-09-08", ["1 (int)", "['a', 'b'] (list)", "['a', 'c', 'd'] (list)"]),
])
def test_update_keywords_are_dropped_before_pyodide_029_and_stored_from_it(tmp_path, date, expected):
    assert snippet_answers(tmp_path, SNIPPETS, date) == expected
