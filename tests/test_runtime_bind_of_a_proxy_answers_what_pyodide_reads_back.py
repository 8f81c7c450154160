"""``bind`` of the JS function handed for a Python function answers what Pyodide reads back
(real Pyodide 0.26.0a4, 0.28.2 and 314.0.6, group ``pyproxy-call-apply-bind``): of a destroyed
``create_proxy`` it throws ``Object has already been destroyed`` (the PyProxy's ``bind`` reads
its state), where it made a bound proxy that only failed when called; of a proxy that does not
round-trip (``to_js(f)``, ``create_proxy(f, roundtrip=False)``) the new PyProxy reads back as
the Python function itself, so the bound arguments are left behind (``f(3)``, not ``f(2, 3)``);
of ``create_once_callable`` -- a JS function, not a PyProxy -- V8's bound function: ``bound
wrapper``, length 0, ``function () { [native code] }``, no ``destroy``."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

DESTROYED = "JsException: Error: Object has already been destroyed"
ONCE = "from pyodide.ffi import create_once_callable\no = create_once_callable(lambda *a: a)\n"

CASES = {
    "p = create_proxy(lambda *a: a)\np.destroy()\np.bind(None, 1)": DESTROYED,
    "p = create_proxy(lambda *a: a)\nb = p.bind(None, 1)\np.destroy()\nb.bind(None, 2)": DESTROYED,
    "p = create_proxy(lambda *a: a)\np.destroy()\nb = p.bind\n'made'": "'made' (str)",
    "p = create_proxy(lambda *a: a, roundtrip=False)\np.bind(None, 2)(3)": "(3,) (tuple)",
    "def f(*a):\n    return a\np = to_js(f)\np.bind(None, 2) is f": "True (bool)",
    "p = create_proxy(lambda *a: a)\np.bind(None, 2)(3)": "(2, 3) (tuple)",
    ONCE + "b = o.bind(None, 1)\n(str(b), b.name, b.length, b(2), hasattr(b, 'destroy'))":
        "('function () { [native code] }', 'bound wrapper', 0, (1, 2), False) (tuple)",
    ONCE + "b = o.bind(None, 1)\nb(2)\nb(3)": "JsException: Error: OnceProxy can only be called once",
    ONCE + "(o.call(None, 1), o.name, o.call.name, o.bind.length)": "((1,), 'wrapper', 'call', 1) (tuple)",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_bind_answers_what_pyodide_reads_back(tmp_path, date) -> None:
    answers = snippet_answers(tmp_path, list(CASES), date)
    assert dict(zip(CASES, answers)) == CASES
