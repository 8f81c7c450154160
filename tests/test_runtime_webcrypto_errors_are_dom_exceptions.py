"""``crypto.subtle`` refuses with workerd's DOMExceptions (``DOMNotSupportedError``,
``DOMSyntaxError``, ``DOMInvalidAccessError``, ``DOMOperationError``, ``DOMDataError`` in
api/crypto/): each carries its legacy ``code`` -- 9, 12, 15, and 0 for the two names the DOM
standard gave none -- as a JavaScript Worker read them under ``wrangler dev`` 4.164.0
(tools/wrangler/webcrypto_differential.py and jsapi_differential.py write a DOMException's error
with its code); before, they were errors with no ``code``. A bad argument's jsg ``TypeError`` stays
one, with none."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import js
from pyodide.ffi import JsException, to_js
from workers import Response, WorkerEntrypoint


def obj(**fields):
    return to_js(fields, dict_converter=js.Object.fromEntries)


async def error_of(promise):
    try:
        await promise
    except JsException as exc:
        return [exc.name, getattr(exc, "code", "no code")]
    return "no error"


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        subtle = js.crypto.subtle
        raw = js.Uint8Array.new(16)
        aes = await subtle.importKey("raw", raw, "AES-GCM", False, to_js(["encrypt"]))
        return Response.json({
            "digest": await error_of(subtle.digest("SHA-0", raw)),
            "usage": await error_of(subtle.importKey("raw", raw, "AES-GCM", False, to_js(["sign"]))),
            "export": await error_of(subtle.exportKey("raw", aes)),
            "empty iv": await error_of(subtle.encrypt(obj(name="AES-GCM", iv=js.Uint8Array.new(0)), aes, raw)),
            "key length": await error_of(subtle.importKey("raw", js.Uint8Array.new(5), "AES-GCM", False,
                                                          to_js(["encrypt"]))),
            "no iv": await error_of(subtle.encrypt(obj(name="AES-GCM"), aes, raw)),
        })
'''


def test_subtle_refusals_carry_their_dom_exception_code(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date="2026-09-28"), "/") == {
        "digest": ["NotSupportedError", 9], "usage": ["SyntaxError", 12], "export": ["InvalidAccessError", 15],
        "empty iv": ["OperationError", 0], "key length": ["DataError", 0], "no iv": ["TypeError", "no code"],
    }
