"""``repr()``/``str()`` of a typed array is JavaScript's ``String()`` of it, its numbers joined
with commas, as Pyodide shows every JsProxy: ``to_js(b'ab')`` is ``97,98`` (real Pyodide 0.26.0a4,
0.26.2 and 0.28.2 under Node, for ``bytes``, ``bytearray`` and ``memoryview``)."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = [
    ("to_js(b'ab')", "97,98 (JsProxy)"),
    ("to_js(bytearray(b'ab'))", "97,98 (JsProxy)"),
    ("to_js(memoryview(b'ab'))", "97,98 (JsProxy)"),
    ("str(js.Uint8Array.new(2))", "'0,0' (str)"),
]


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])  # Pyodide 0.26, 0.28
def test_a_typed_array_shows_as_javascript_strings_it(tmp_path, date):
    assert snippet_answers(tmp_path, [code for code, _ in CASES], date) == [expected for _, expected in CASES]
