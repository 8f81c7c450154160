"""A ``create_proxy`` of a Python function has the PyProxy's own ``call``, ``apply`` and ``bind``
(pyproxy.ts; real Pyodide 0.26.0a4, 0.28.2 and 314.0.6, group ``pyproxy-call-apply-bind``, every
case the same): ``this`` is dropped unless the proxy was made with ``capture_this=True``, where
the function gets it first; ``apply`` takes an array-like (V8's ``CreateListFromArrayLike`` error
for a number); ``bind`` answers a proxy of the same object -- destroying either destroys both --
that keeps its first ``this``. Before, every one was ``AttributeError: call``."""

from __future__ import annotations

from worker_helpers import snippet_answers

DESTROYED = "JsException: Error: Object has already been destroyed"

CASES = {
    "p = create_proxy(lambda *a: a)\n(p.call(None, 1, 2), p.apply(None, to_js([3, 4])), p.bind(None, 5)(6), p.call())":
        "((1, 2), (3, 4), (5, 6), ()) (tuple)",
    "p = create_proxy(lambda *a: a)\np.call(Object.new(), 2)": "(2,) (tuple)",
    "p = create_proxy(lambda *a: a)\np.apply(None, 3)":
        "JsException: TypeError: CreateListFromArrayLike called on non-object",
    "p = create_proxy(lambda *a: a)\np.bind(None, 1).bind(None, 2)(3)": "(1, 2, 3) (tuple)",
    "p = create_proxy(lambda *a: a)\nb = p.bind(None, 5)\nb.destroy()\np(1)": DESTROYED,
    "p = create_proxy(lambda *a: a)\nb = p.bind(None, 5)\np.destroy()\nb(1)": DESTROYED,
    "p = create_proxy(lambda *a: a)\np.destroy()\np.call(None, 1)": DESTROYED,
    "p = create_proxy(lambda *a: a, capture_this=True)\no = Object.new()\no.x = 1\nr = p.call(o, 2)\n(r[0].x, r[1:])":
        "(1, (2,)) (tuple)",
    "p = create_proxy(lambda *a: a, capture_this=True)\no = Object.new()\no.x = 1\nr = p.bind(o, 2).call(None, 3)\n"
    "(r[0].x, r[1:])": "(1, (2, 3)) (tuple)",
    "p = create_proxy(lambda *a: a)\n(p.call.name, p.apply.name, p.bind.name)": "('call', 'apply', 'bind') (tuple)",
}


def test_create_proxy_function_call_apply_bind(tmp_path) -> None:
    answers = snippet_answers(tmp_path, list(CASES), "2025-10-01")
    assert dict(zip(CASES, answers)) == CASES
