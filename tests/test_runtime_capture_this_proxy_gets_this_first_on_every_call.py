"""A ``create_proxy(f, capture_this=True)`` hands ``f`` JavaScript's ``this`` first on every call,
not only through ``call``/``apply``/``bind``: called from Python, or by a JS caller that gives no
``this`` (``arr.map(p)``, ``Array.from``'s map function, ``setTimeout``), ``f`` gets ``None``
(JavaScript's undefined) before the arguments -- real Pyodide 0.26.0a4 and 314.0.6 (0.28.2 hands
its internal ``Symbol(error marker)`` there), group ``pyproxy-call-apply-bind``. Before, only
``call``/``apply``/``bind`` passed it, so ``def handler(this, event)`` called directly lacked an
argument and ``arr.map(p)`` saw three where Pyodide passes four."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CAPTURED = "p = create_proxy(lambda *a: a, capture_this=True)\n"

CASES = {
    CAPTURED + "p(1)": "(None, 1) (tuple)",
    "p = create_proxy(lambda *a: [str(x) for x in a], capture_this=True)\no = Object.new()\no.f = p\no.f(1)":
        "['None', '1'] (list)",
    "p = create_proxy(lambda *a: len(a), capture_this=True)\nlist(arr().map(p))": "[4, 4, 4] (list)",
    "p = create_proxy(lambda this, x, i: (this, x * 2, i), capture_this=True)\nlist(js.Array.from_(to_js([1, 2]), p))":
        "[(None, 2, 0), (None, 4, 1)] (list)",
    CAPTURED + "b = p.bind(None, 1)\nb(2)": "(None, 1, 2) (tuple)",
    CAPTURED + "o = Object.new()\no.x = 1\nr = p.bind(o, 2)(3)\n(r[0].x, r[1:])": "(1, (2, 3)) (tuple)",
    CAPTURED + "o = Object.new()\no.x = 1\nr = p.call(o, 2)\n(r[0].x, r[1:])": "(1, (2,)) (tuple)",
    CAPTURED + "p.apply(None, to_js([1]))": "(None, 1) (tuple)",
    CAPTURED + "p.destroy()\np(1)": "JsException: Error: Object has already been destroyed",
    "p = create_proxy(lambda *a: a)\np(1)": "(1,) (tuple)",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_a_capture_this_proxy_gets_this_first_on_every_call(tmp_path, date) -> None:
    answers = snippet_answers(tmp_path, list(CASES), date)
    assert dict(zip(CASES, answers)) == CASES
