"""``String(o)`` and ``Number(o)`` of a plain object with its own ``valueOf`` or ``toString`` read
it as JavaScript's ``ToPrimitive`` does: ``String`` asks ``toString`` first, which an object with
only its own ``valueOf`` inherits (``[object Object]``), ``Number`` asks ``valueOf`` first, and a
``valueOf`` answering an object falls through to ``toString``. Each answer is what real Pyodide
0.26.0a4, 0.28.2 and 314.0.6 gave for the same snippet."""

from __future__ import annotations

from worker_helpers import snippet_answers

CASES = {
    "o = Object.new()\no.valueOf = create_proxy(lambda: 5)\n(js.String(o), js.Number(o))":
        "('[object Object]', 5) (tuple)",
    "o = Object.new()\no.toString = create_proxy(lambda: '7')\n(js.String(o), js.Number(o))": "('7', 7) (tuple)",
    "o = JSON.parse('{\"valueOf\": 1}')\njs.String(o)": "'[object Object]' (str)",
    "o = Object.new()\no.valueOf = create_proxy(lambda: Object.new())\n(js.String(o), js.Number(o))":
        "('[object Object]', nan) (tuple)",
}


def test_string_and_number_of_an_object_with_its_own_methods(tmp_path) -> None:
    assert dict(zip(CASES, snippet_answers(tmp_path, list(CASES), "2026-08-01"))) == CASES
