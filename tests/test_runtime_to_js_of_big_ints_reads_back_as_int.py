"""``to_js`` of an int outside JavaScript's safe range (2**53 and beyond, negative too) makes a
BigInt: Python reads it back as an ``int`` (at top level, from an Array or a Map), JavaScript sees
no Number (``Number.isInteger`` is false) and ``JSON.stringify`` refuses it -- as Pyodide 0.26.0a4
and 0.28.2 do under Node (tools/pyodide/pyodide_cases.py, group ``big-ints-and-keys``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import snippet_answers

SNIPPETS = {
    "to_js(2**70)": "1180591620717411303424 (int)",
    "to_js(-2**70)": "-1180591620717411303424 (int)",
    "to_js(2**53 + 1)": "9007199254740993 (int)",
    "to_js(-(2**53 + 1))": "-9007199254740993 (int)",
    "to_js(2**63)": "9223372036854775808 (int)",
    "to_js([2**70])[0]": "1180591620717411303424 (int)",
    "to_js({'a': 2**70}).get('a')": "1180591620717411303424 (int)",
    "js.Array.of(to_js(2**70))[0]": "1180591620717411303424 (int)",
    "js.Number.isInteger(to_js(2**53))": "False (bool)",
    "js.Number.isInteger(2**40)": "True (bool)",
    "JSON.stringify(to_js(2**70))": "JsException: TypeError: Do not know how to serialize a BigInt",
    "JSON.stringify(to_js([2**53]))": "JsException: TypeError: Do not know how to serialize a BigInt",
    "JSON.stringify(to_js({'a': 2**64}, dict_converter=js.Object.fromEntries))":
        "JsException: TypeError: Do not know how to serialize a BigInt",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
def test_big_ints_read_back_as_int_and_json_refuses_them(tmp_path: Path, date: str) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), date) == list(SNIPPETS.values())
