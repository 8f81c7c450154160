"""Keyword arguments to a JS function -- a ``create_proxy`` or ``create_once_callable`` of a
Python function too, which Pyodide calls as the JS function it is -- arrive as one JS object
after the positional ones (``f(1, a=2)`` is ``f(1, {a: 2})``): the Python function gets that
object, not keywords; ``js.Math.max(1, a=2)`` is NaN and ``js.Array.of(1, a=2)`` has two items
(npm pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node). Before, the keywords were passed on as
Python keywords (``max() got an unexpected keyword argument 'a'``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = {
    "p = create_proxy(lambda *a, **k: (a, k))\np(1, a=2)": "((1, [object Object]), {}) (tuple)",
    "p = create_proxy(lambda *a: (len(a), a[-1].a, a[-1].b))\np(a=2, b='x')": "(1, 2, 'x') (tuple)",
    "from pyodide.ffi import create_once_callable\nc = create_once_callable(lambda *a, **k: (a, k))\nc(1, a=2)":
        "((1, [object Object]), {}) (tuple)",
    "p = create_proxy(lambda *a, **k: (a, k))\np.bind(None, 0)(1, a=2)": "((0, 1, [object Object]), {}) (tuple)",
    "js.Math.max(1, a=2)": "nan (float)",
    "r = js.Array.of(1, a=2)\n(r.length, r[1].a)": "(2, 2) (tuple)",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_keywords_are_one_trailing_js_object(tmp_path, date) -> None:
    answers = snippet_answers(tmp_path, list(CASES), date)
    assert dict(zip(CASES, answers)) == CASES
