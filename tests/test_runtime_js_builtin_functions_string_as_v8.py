"""``JSON.parse``, ``JSON.stringify`` and ``console``'s methods are JS built-in functions as
Pyodide hands them over: JsProxies (``JsCallable``, not ``JsDoubleProxy``) whose ``String()`` is
V8's ``function parse() { [native code] }``, with V8's ``name``, and no ``destroy`` -- so no
Worker can end the built-in every Worker of the process shares (real Pyodide 0.26.0a4, 0.26.2
and 0.28.2 under Node)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("js.String(js.JSON.parse)", "'function parse() { [native code] }' (str)"),
    ("(str(js.JSON.stringify), js.JSON.parse.name, js.JSON.parse.typeof, isinstance(js.JSON.parse, JsProxy))",
     "('function stringify() { [native code] }', 'parse', 'function', True) (tuple)"),
    ("import pyodide.ffi as f\n[n for n in ('JsCallable', 'JsDoubleProxy') if isinstance(js.JSON.stringify, getattr(f, n))]",
     "['JsCallable'] (list)"),
    ("import pyodide.ffi as f\n[n for n in ('JsCallable', 'JsDoubleProxy') if isinstance(Object.values(js.console)[0], "
     "getattr(f, n))]", "['JsCallable'] (list)"),
    ("js.JSON.parse.destroy()", "AttributeError: destroy"),
    ("JSON.parse('[1]').to_py()", "[1] (list)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_builtin_functions_are_callable_jsproxies_shown_as_v8(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
