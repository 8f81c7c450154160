"""``js.Object.assign(target, *sources)`` copies each source's own enumerable properties onto
``target`` as JavaScript reads them: a JS object's (a Python value stored there stays its PyProxy,
read back as the object itself), an array's or a string's indices, a LiteralMap's string keys, a
Python dict's keys from Pyodide 0.28 on (those named like a dict method and ``None`` values aside
in JSON) and none on 0.26, nothing from ``None`` or a number; the answer is a new JsProxy of the
target; ``undefined``/``null`` as target is V8's ``TypeError``. Real Pyodide 0.26.0a4, 0.26.2 and
0.28.2 under Node answered so (``tools/pyodide/pyodide_cases.py``, group ``objects``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

from workers_env import PyProxyWarning

POBJ = "to_js({'a': 1, 'b': 'x'}, dict_converter=Object.fromEntries)"

#: (snippet, what every Pyodide version gave)
EVERY_ERA = [
    (f"o = Object.new()\nObject.assign(o, {POBJ})\no.to_py()", "{'a': 1, 'b': 'x'} (dict)"),
    (f"o = Object.new()\nr = Object.assign(o, {POBJ})\nr.c = [1]\n(r is o, o.c, o.a)", "(False, [1], 1) (tuple)"),
    (f"o = Object.new()\nObject.assign(o, {POBJ}, to_js({{'c': 3}}, dict_converter=Object.fromEntries))\no.to_py()",
     "{'a': 1, 'b': 'x', 'c': 3} (dict)"),
    ("o = Object.new()\np = Object.new()\np.y = [1, 2]\nObject.assign(o, p)\n(o.y, type(o.y).__name__)",
     "([1, 2], 'list') (tuple)"),
    ("o = Object.new()\nObject.assign(o, arr())\no.to_py()", "{'0': 3, '1': 1, '2': 2} (dict)"),
    ("o = Object.new()\nObject.assign(o, 'ab')\no.to_py()", "{'0': 'a', '1': 'b'} (dict)"),
    ("o = Object.new()\nObject.assign(o, [7, 8])\nObject.keys(o).to_py()", "[] (list)"),
    ("Object.assign(Object.new(), 5).to_py()", "{} (dict)"),
    ("Object.assign(Object.new(), None).to_py()", "{} (dict)"),
    (f"Object.assign(None, {POBJ})", "JsException: TypeError: Cannot convert undefined or null to object"),
    ("Object.assign()", "JsException: TypeError: Cannot convert undefined or null to object"),
]

#: a Python dict as the source: its keys from Pyodide 0.28, none on 0.26; a Map's on neither
#: (0.26.0a4: ``to_js(dict)`` is a plain Map), a LiteralMap's (0.28) its string keys
BY_ERA = [
    "o = Object.new()\nObject.assign(o, {'x': 1, 'y': [1]})\nObject.keys(o).to_py()",
    "o = Object.new()\nObject.assign(o, {'x': 1, 'get': 2, 'n': None})\nJSON.stringify(o)",
    "o = Object.new()\nd = {'x': [1]}\nObject.assign(o, d)\no.x is d['x']",
    "o = Object.new()\nObject.assign(o, to_js({'q': 1}))\no.to_py()",
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_object_assign_copies_each_sources_own_properties(tmp_path, date):
    answers = snippet_answers(tmp_path, [code for code, _ in EVERY_ERA], date)
    assert answers == [expected for _, expected in EVERY_ERA]


def test_pyodide_028_copies_a_python_dicts_keys(tmp_path):
    with pytest.warns(PyProxyWarning, match=r"as the source of Object.assign\(\)"):
        answers = snippet_answers(tmp_path, BY_ERA, "2025-10-01")
    assert answers == [
        "['x', 'y'] (list)", "'{\"x\":1}' (str)", "True (bool)", "{'q': 1} (dict)"]


def test_pyodide_026_copies_none_of_a_python_dicts_keys(tmp_path):
    assert snippet_answers(tmp_path, BY_ERA, "2025-09-01") == [
        "[] (list)", "'{}' (str)", "AttributeError: x", "{} (dict)"]


def test_assigning_onto_an_array_is_not_emulated(tmp_path):
    answers = snippet_answers(tmp_path, ["Object.assign(arr(), Object.new())"], "2025-10-01")
    assert answers == ["NotEmulatedError: Object.assign() onto a JS Array is not emulated by workers-env: assign onto "
                       "a plain object (js.Object.new() or to_js(d, dict_converter=Object.fromEntries)) instead"]
