"""A JS function on ``js`` has V8's (or jsg's) ``length``, the parameters it declares, as Pyodide
reads it off the function: V8's built-ins the ECMAScript one (``js.Math.max.length`` 2,
``js.JSON.stringify.length`` 3, ``js.Date.length`` 7 -- real Pyodide 0.26.0a4, 0.28.2 and 314.0.6
under Node agree), workerd's own functions and classes 0 (``fetch``, ``Response``,
``Response.json``, ``atob``) but for the timers (``setTimeout`` 2) -- every value measured under
``wrangler dev`` 4.164.0. ``bind`` leaves the length less the bound arguments (V8's
``BoundFunctionCreate``); ``create_proxy`` of a Python function has none (Pyodide's
``AttributeError: length``). Before, every one was ``AttributeError: length``."""

from __future__ import annotations

import pytest
from worker_helpers import snippet_answers

CASES = {
    "js.Math.max.length": "2 (int)",
    "js.Math.abs.length": "1 (int)",
    "js.Math.random.length": "0 (int)",
    "js.JSON.parse.length": "2 (int)",
    "js.JSON.stringify.length": "3 (int)",
    "js.Object.length": "1 (int)",
    "js.Object.assign.length": "2 (int)",
    "js.Array.length": "1 (int)",
    "js.Promise.length": "1 (int)",
    "js.Date.length": "7 (int)",
    "js.Uint8Array.length": "3 (int)",
    "js.Uint8Array.from_.length": "1 (int)",
    "js.parseInt.length": "2 (int)",
    "js.setTimeout.length": "2 (int)",
    "js.clearTimeout.length": "1 (int)",
    "js.fetch.length": "0 (int)",
    "js.Response.length": "0 (int)",
    "js.Response.json.length": "0 (int)",
    "js.atob.length": "0 (int)",
    "js.console.log.length": "0 (int)",
    "js.crypto.getRandomValues.length": "0 (int)",
    "js.Math.max.call.length": "1 (int)",
    "js.Math.max.apply.length": "2 (int)",
    "js.Math.max.bind(None, 1).length": "1 (int)",
    "js.Math.max.bind(None, 1, 2, 3).length": "0 (int)",
    "js.JSON.stringify.bind(None).length": "3 (int)",
    "create_proxy(lambda a, b: a).length": "AttributeError: length",
}


@pytest.mark.parametrize("date", ["2025-09-01", "2026-05-01"])
def test_js_functions_have_their_length(tmp_path, date) -> None:
    answers = snippet_answers(tmp_path, list(CASES), date)
    assert dict(zip(CASES, answers)) == CASES
