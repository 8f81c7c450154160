"""``str()``, ``repr()`` and ``String()`` of JavaScript's namespace objects are V8's
``Object.prototype.toString``: ``[object JSON]``, ``[object console]``, and for the namespaces the
stand-in does not emulate (``Intl``, ``WebAssembly``) too, their members
still refused, and ``Math`` and ``Reflect``, which it emulates; ``js.JSON`` is a JsProxy whose constructor is ``Object``. Real Pyodide 0.26.0a4,
0.26.2 and 0.28.2 under Node answered so (``tools/pyodide/pyodide_cases.py``, group
``conversion-functions``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

#: (snippet, what every Pyodide version gave)
CASES = [
    ("js.String(js.JSON)", "'[object JSON]' (str)"),
    ("str(js.JSON)", "'[object JSON]' (str)"),
    ("repr(js.JSON)", "'[object JSON]' (str)"),
    ("(type(js.JSON).__name__, js.JSON.typeof, js.JSON.constructor.name)", "('JsProxy', 'object', 'Object') (tuple)"),
    ("js.JSON.nothing", "AttributeError: nothing"),
    ("Object.keys(js.JSON).to_py()", "[] (list)"),
    ("from js.JSON import parse\nparse('[1]').to_py()", "[1] (list)"),
    ("str(js.console)", "'[object console]' (str)"),
    ("js.String(js.console)", "'[object console]' (str)"),
    ("str(js.Math)", "'[object Math]' (str)"),
    ("js.String(js.Math)", "'[object Math]' (str)"),
    ("(js.Math.typeof, js.Math.constructor.name)", "('object', 'Object') (tuple)"),
    ("js.String(js.Intl)", "'[object Intl]' (str)"),
    ("js.String(js.Reflect)", "'[object Reflect]' (str)"),
    ("js.String(js.WebAssembly)", "'[object WebAssembly]' (str)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_namespace_objects_string_as_v8_writes_them(tmp_path, date):
    answers = snippet_answers(tmp_path, [code for code, _ in CASES], date)
    assert answers == [expected for _, expected in CASES]


def test_a_namespace_the_stand_in_lacks_still_refuses_its_members(tmp_path):
    answers = snippet_answers(tmp_path, ["js.WebAssembly.validate(js.Object.new())"], "2025-10-01")
    assert answers == ["NotEmulatedError: js.WebAssembly is not emulated by workers-env: importing it works, as in "
                       "production, but js.WebAssembly.validate needs the real runtime (see \"Not covered\" in "
                       "docs/runtime-stand-ins.md). Keep that path out of local runs or open an issue."]
