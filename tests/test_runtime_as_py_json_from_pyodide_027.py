"""``JsProxy.as_py_json()`` (pyodide#5010, Pyodide 0.27 on) reads a JavaScript object or array as
a live Python mapping or sequence whose nested plain objects and arrays read so too
(``o.as_py_json()["x"]["y"]``, writes going to the JavaScript value). Production's 0.28.2
(compatibility dates from 2025-09-29) and 314.0.6 (from 2026-09-08) have it; 0.26.0a2 (before
2025-09-29) has none, so ``hasattr`` is false there and a call ``AttributeError: as_py_json``.
From Pyodide 0.29 ``as_object_map()`` warns that it is deprecated (``RuntimeWarning``). Every
answer below is what real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 give."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

SNIPPETS = [
    """JSON.parse('{"x": {"y": [1, {"z": 2}]}}').as_py_json()["x"]["y"][1]["z"]""",
    """[e["x"] for e in JSON.parse('[{"x": 2}, {"x": 7}]').as_py_json()]""",
    """hasattr(JSON.parse('{"a": 1}'), "as_py_json")""",
    """dict(JSON.parse('{"a": 1}').as_py_json())""",
    """JSON.parse('{"a": 1}').as_py_json().get('a')""",
    """type(JSON.parse('{"a": 1}').as_py_json()).__name__""",
    """o = JSON.parse('{"a": {"b": 1}}')\nj = o.as_py_json()\nj["a"]["b"] = 5\no.a.b""",
    """len(JSON.parse('[1, [2, 3]]').as_py_json()[1])""",
    "import warnings\nwith warnings.catch_warnings(record=True) as w:\n    warnings.simplefilter('always')\n"
    """    JSON.parse('{"a": 1}').as_object_map()\n[str(x.message) for x in w]""",
]

PRESENT = ["2 (int)", "[2, 7] (list)", "True (bool)", "{'a': 1} (dict)", "1 (int)", "'JsProxy' (str)", "5 (int)",
           "2 (int)"]


@pytest.mark.parametrize(("date", "warned"), [
    ("2025-10-01", []), ("2026-09-08", ["JsProxy.as_object_map() is deprecated. Use as_py_json() instead."])])
def test_as_py_json_reads_nested_json_from_pyodide_028(tmp_path, date, warned):
    assert snippet_answers(tmp_path, SNIPPETS, date) == [*PRESENT, f"{warned!r} (list)"]


def test_pyodide_026_has_no_as_py_json(tmp_path):
    answers = snippet_answers(tmp_path, SNIPPETS, "2025-09-01")
    assert answers[2] == "False (bool)"
    assert [a for i, a in enumerate(answers) if i not in (2, 8)] == ["AttributeError: as_py_json"] * 7
    assert answers[8] == "[] (list)"


#: a view handed back to JavaScript is the object or array itself (real 0.28.2 and 314.0.6)
HANDED_BACK = {
    """JSON.stringify(JSON.parse('{"a": 1}').as_py_json())""": """'{"a":1}' (str)""",
    """JSON.stringify(JSON.parse('[1, {"a": 2}]').as_py_json())""": """'[1,{"a":2}]' (str)""",
    """JSON.stringify(JSON.parse('{"a": 1}').as_object_map())""": """'{"a":1}' (str)""",
}


@pytest.mark.filterwarnings("ignore:JsProxy.as_object_map:RuntimeWarning")  # 0.29's, as production gives it
@pytest.mark.parametrize("date", ["2025-10-01", "2026-09-08"])
def test_json_stringify_of_a_view_writes_the_object(tmp_path, date):
    assert snippet_answers(tmp_path, list(HANDED_BACK), date) == list(HANDED_BACK.values())
