"""A JS array's methods carry V8's ``length`` and ``name``, as Pyodide reads them off the JS
function (``arr.push.length`` 1, ``arr.slice.length`` 2, ``arr.with_.name`` ``'with'``; npm
pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node), while still working as methods. Before, each
was ``AttributeError: 'function' object has no attribute 'length'``."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = {
    "arr().push.length": "1 (int)",
    "arr().join.length": "1 (int)",
    "arr().map.length": "1 (int)",
    "arr().slice.length": "2 (int)",
    "arr().splice.length": "2 (int)",
    "arr().flat.length": "0 (int)",
    "js.Array.new().toSpliced.length": "2 (int)",
    "js.Array.new().with_.length": "2 (int)",
    "(arr().push.name, arr().join.name, arr().with_.name)": "('push', 'join', 'with') (tuple)",
    "a = arr()\n(a.join('-'), a.push(4), a.length)": "('3-1-2', 4, 4) (tuple)",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01", "2026-09-08"])
def test_array_methods_have_length_and_name(tmp_path, date) -> None:
    answers = snippet_answers(tmp_path, list(CASES), date)
    assert dict(zip(CASES, answers)) == CASES
