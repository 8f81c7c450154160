"""``Function.prototype.apply`` takes any object with a ``length`` as its arguments, as V8's
``CreateListFromArrayLike`` does: as many as ToLength of ``length`` says, each the property of
that index (``undefined`` where missing). ``to_js`` of a dict is a LiteralMap from Pyodide 0.27,
whose entries are properties, so ``js.Math.max.apply(None, to_js({'length': 2}))`` is NaN on
0.28.2 and 314.0.6 -- on 0.26.0a4 a plain ``Map``, no ``length``: -inf (npm pyodide under Node).
Past what V8 spreads, its RangeError (past 2**27, ``Invalid array length``). Before, 314's era raised ``'pyodide.ffi.JsProxy' object is
not iterable`` and 0.28's counted the map's keys."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

COMMON = {
    "js.Array.of.apply(None, JSON.parse('{\"length\": 2, \"0\": 5}')).length": "2 (int)",
    "js.Array.of.apply(None, JSON.parse('{\"length\": \"2\", \"1\": 5}'))[1]": "5 (int)",
    "js.Array.of.apply(None, JSON.parse('{\"length\": -1}')).length": "0 (int)",
    "js.Math.max.apply(None, JSON.parse('{\"length\": 1000000}'))": "JsException: RangeError: Maximum call stack size exceeded",
    # V8's list of arguments holds at most 2**27 (FixedArray's most): one more is another RangeError
    "js.Math.max.apply(None, JSON.parse('{\"length\": 134217728}'))": "JsException: RangeError: Maximum call stack size exceeded",
    "js.Math.max.apply(None, JSON.parse('{\"length\": 134217729}'))": "JsException: RangeError: Invalid array length",
    "p = create_proxy(lambda *a: a)\np.apply(None, JSON.parse('{\"length\": 2, \"1\": 7}'))": "(None, 7) (tuple)",
}


@pytest.mark.parametrize(("date", "literal_map"), [("2025-09-01", "-inf (float)"), ("2025-10-01", "nan (float)"),
                                                   ("2026-09-08", "nan (float)")])
def test_apply_reads_array_likes(tmp_path, date, literal_map) -> None:
    cases = {**COMMON, "js.Math.max.apply(None, to_js({'length': 2}))": literal_map}
    answers = snippet_answers(tmp_path, list(cases), date)
    assert dict(zip(cases, answers)) == cases
