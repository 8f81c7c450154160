"""``pyodide.ffi.to_js`` of a value it has no conversion for (``object()``, a ``Decimal``, a
function) is the JsProxy of its PyProxy (``typeof`` ``object``, ``function`` for a callable;
``unwrap()`` and ``to_py()`` the object), whose ``String()`` is the object's ``str()`` (a
function's too, as for ``create_proxy``) (real Pyodide 0.26.0a4 and 0.28.2 under Node,
``tools/pyodide/pyodide_cases.py``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

#: (snippet, what every Pyodide version gave)
CASES = [
    ("x = to_js(object())\n(type(x).__name__, isinstance(x, JsProxy), x.typeof, js.String(x)[:8])",
     "('JsProxy', True, 'object', '<object ') (tuple)"),
    ("class C: pass\nx = to_js(C())\n(x.typeof, type(x.unwrap()).__name__, type(x.to_py()).__name__)",
     "('object', 'C', 'C') (tuple)"),
    ("x = to_js(lambda: 1)\n(type(x).__name__, x.typeof, x(), js.String(x)[:9])",
     "('JsProxy', 'function', 1, '<function') (tuple)"),
    ("x = create_proxy(lambda: 1)\njs.String(x)[:9]", "'<function' (str)"),
    ("from decimal import Decimal\nx = to_js(Decimal('1.50'))\n(x.typeof, repr(x), js.String(x))",
     "('object', '1.50', '1.50') (tuple)"),
    ("JSON.stringify(to_js(object()))", "'{}' (str)"),
    ("x = create_proxy([1])\n(x.to_py(), type(x.to_py()).__name__)", "([1], 'JsProxy') (tuple)"),
    ("type(to_js([object()])[0]).__name__", "'object' (str)"),
    ("str(Object.values(js.console)[0])", "'function () { [native code] }' (str)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_to_js_hands_an_unconvertible_value_over_as_its_pyproxy(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
