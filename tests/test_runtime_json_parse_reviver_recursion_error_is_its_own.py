"""A ``JSON.parse`` reviver's own ``RecursionError`` propagates as itself, the reviver called once
for each key, as Pyodide 0.26.0a4 and 0.28.2 raise it (measured under Node by tools/pyodide,
group ``revjsleft2-review``): before, ``JSON.parse`` took it for JSON too deep for its walk, ran
the whole walk (every reviver call) a second time and raised ``NotEmulatedError``. JSON nested
past about 1,000 levels is still ``NotEmulatedError`` with or without a reviver -- never a bare
``RecursionError`` (10,000 levels are V8's ``RangeError: Maximum call stack size exceeded`` with
a reviver in Pyodide, a value without one) -- and a reviver walk of 900 levels works from a
caller 400 frames deep."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import snippet_answers

DEEP_JSON = ("NotEmulatedError: JSON.parse of JSON nested deeper than Python's recursion limit (about 1,000 levels) "
             "is not emulated by workers-env")

SNIPPETS = {
    "def rec(n):\n    return rec(n + 1)\nJSON.parse('[1]', lambda k, v, *r: rec(0))":
        "RecursionError: maximum recursion depth exceeded",
    "out = []\ndef rec(n):\n    return rec(n + 1)\ndef reviver(k, v, *r):\n    out.append(k)\n"
    "    return rec(0) if k == '' else v\ntry:\n    JSON.parse('[1,2]', reviver)\nexcept RecursionError:\n"
    "    out.append('RecursionError')\nout": "['0', '1', '', 'RecursionError'] (list)",
    "type(JSON.parse('[' * 10000 + ']' * 10000, lambda k, v, *r: v)).__name__": DEEP_JSON,
    "type(JSON.parse('{\"a\":' * 10000 + '1' + '}' * 10000, lambda k, v, *r: v)).__name__": DEEP_JSON,
    "type(JSON.parse('[' * 900 + ']' * 900, lambda k, v, *r: v)).__name__": "'JsProxy' (str)",
    "def at(n):\n    if n:\n        return at(n - 1)\n    out = []\n"
    "    JSON.parse('[' * 900 + ']' * 900, lambda k, v, *r: out.append(k) or v)\n    return len(out)\nat(400)":
        "900 (int)",
}


def test_a_revivers_recursion_error_is_its_own(tmp_path: Path) -> None:
    assert snippet_answers(tmp_path, list(SNIPPETS), "2026-05-01") == list(SNIPPETS.values())
