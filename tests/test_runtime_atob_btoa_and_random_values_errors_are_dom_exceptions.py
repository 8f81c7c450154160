"""``atob``/``btoa`` and ``crypto.getRandomValues`` refuse bad input with workerd's DOMExceptions
(global-scope.c++ ``DOMInvalidCharacterError``, crypto.c++ ``DOMTypeMismatchError`` and
``DOMQuotaExceededError``): the name, the message and the legacy ``code`` a JavaScript Worker
read under ``wrangler dev`` 4.164.0 (tools/wrangler/jsapi_differential.py writes a
DOMException's error with its code); before, they were errors with no ``code``. A value that is
no ArrayBufferView at all (a string, an ArrayBuffer, ``null``, an array) is jsg's ``TypeError``,
with no ``code``, before any of them."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import js
from pyodide.ffi import JsException, to_js
from workers import Response, WorkerEntrypoint


def error_of(call):
    try:
        call()
    except JsException as exc:
        return [exc.name, exc.message, getattr(exc, "code", "no code")]
    return "no error"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        random = js.crypto.getRandomValues
        return Response.json({
            "btoa": error_of(lambda: js.btoa("\\u20ac")),
            "atob": error_of(lambda: js.atob("a")),
            "atob bad character": error_of(lambda: js.atob("@@@@")),
            "float view": error_of(lambda: random(js.Float64Array.new(1))),
            "data view": error_of(lambda: random(js.DataView.new(js.ArrayBuffer.new(1)))),
            "too big": error_of(lambda: random(js.Uint32Array.new(16385))),
            "string": error_of(lambda: random("x")),
            "array buffer": error_of(lambda: random(js.ArrayBuffer.new(1))),
            "array": error_of(lambda: random(to_js([1]))),
            "empty view": random(js.BigInt64Array.new(0)).length,
        })
'''

ATOB = ("atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric ASCII, and up "
        "to two terminal '=' signs when the input data length is divisible by 4 are allowed.)")
NOT_INTEGER = "ArrayBufferView argument to getRandomValues() must be an integer-typed view."
NOT_A_VIEW = ["TypeError", "Failed to execute 'getRandomValues' on 'Crypto': parameter 1 is not of type 'ArrayBufferView'.",
              "no code"]


def test_the_refusals_are_workerds_dom_exceptions(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date="2026-09-28"), "/") == {
        "btoa": ["InvalidCharacterError", "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.", 5],
        "atob": ["InvalidCharacterError", ATOB, 5],
        "atob bad character": ["InvalidCharacterError", ATOB, 5],
        "float view": ["TypeMismatchError", NOT_INTEGER, 17],
        "data view": ["TypeMismatchError", NOT_INTEGER, 17],
        "too big": ["QuotaExceededError", "getRandomValues() only accepts buffers of size <= 64K but provided 65540 bytes.",
                    22],
        "string": NOT_A_VIEW, "array buffer": NOT_A_VIEW, "array": NOT_A_VIEW,
        "empty view": 0,
    }
