"""Worker code's ``JsException(name, message)`` is Pyodide's constructor (0.26.0a4, 0.28.2 and
314.0.6 under Node, tools/pyodide group ``dom-exception-codes``): a JS ``Error`` of that name
and message -- no DOMException, so no ``code`` -- which an ``AbortController`` takes as its
reason (Pyodide 0.28's ``pyodide.http`` makes its abort reasons so). Before, the second
argument was a ``TypeError``."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import js
from pyodide.ffi import JsException
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = JsException("AbortError", "why")
        controller = js.AbortController.new()
        controller.abort(made)
        reason = controller.signal.reason
        try:
            controller.signal.throwIfAborted()
        except JsException as exc:
            thrown = [exc is made, str(exc)]
        return Response.json({
            "made": [type(made).__name__, str(made), made.name, made.message, hasattr(made, "code")],
            "reason": [reason is made, str(reason)], "thrown": thrown,
        })
'''


def test_a_js_exception_of_a_name_and_a_message(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date="2026-09-28"), "/") == {
        "made": ["JsException", "AbortError: why", "AbortError", "why", False],
        "reason": [True, "AbortError: why"], "thrown": [True, "AbortError: why"],
    }
