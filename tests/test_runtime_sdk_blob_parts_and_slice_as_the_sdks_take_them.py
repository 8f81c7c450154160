"""``workers.Blob``/``workers.File`` take their parts as both SDKs do (``_is_iterable`` and
``_make_blob_entry``, in workerd's ``_workers.py`` and workers-runtime-sdk's ``blob.py``): a ``str``,
a ``workers.Blob``, a JS ``Blob``/``File`` or an object with Python's buffer protocol; anything else
(a number, ``None``, a dict, a JS typed array, whose proxy has no buffer protocol) is
``TypeError: Don't know how to handle <class ...> for Blob()``, and a lone ``bytearray`` is a
sequence of ints, so it fails on its first. ``slice`` wraps the JS slice in a Blob of no type, so
its ``content_type`` is ``""`` (workerd's own SDK test asserts the same of ``Blob([blob])``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

WORKER = """
import js
from pyodide.ffi import to_js
from workers import Blob, File, Response, WorkerEntrypoint

def attempt(make):
    try:
        return (make()).size
    except TypeError as exc:
        return str(exc)

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        typed = Blob(["hello world"], content_type="text/plain")
        part = typed.slice(0, 5, "text/html")
        return Response.json({
            "slice": [part.content_type, await part.text(), part.js_object.type],
            "wrapped": [Blob(typed).content_type, Blob([typed]).content_type],
            "good": [attempt(lambda: Blob("abc")), attempt(lambda: Blob(b"ab")),
                     attempt(lambda: Blob([bytearray(b"ab"), memoryview(b"c"), js.Blob.new(["d"]), typed]))],
            "bad": [attempt(lambda: Blob([1])), attempt(lambda: Blob([None])), attempt(lambda: Blob(bytearray(b"ab"))),
                    attempt(lambda: Blob([to_js(b"ab")])), attempt(lambda: File([{"a": 1}], "f.txt")),
                    attempt(lambda: Blob(memoryview(b"ab"))), attempt(lambda: Blob(js.Uint8Array.new(2))),
                    attempt(lambda: Blob([js.ArrayBuffer.new(2)]))],
            "lone dict": attempt(lambda: Blob({"ab": 1, "c": 2})),
        })

    on_fetch = fetch  # the method's name before python_no_global_handlers (2025-08-14)
"""


@pytest.mark.parametrize("date", ["2025-08-13", "2025-10-01", "2026-05-01"])  # the built-in SDK on Pyodide 0.26, 0.28, the external one
def test_blob_parts_and_slices_follow_the_sdks(tmp_path: Path, date: str) -> None:
    answer = json_answer(one_file_worker(tmp_path, WORKER, date=date), "/")
    assert answer == {
        "slice": ["", "hello", ""],
        "wrapped": ["text/plain", ""],
        "good": [3, 2, 15],
        "bad": ["Don't know how to handle <class 'int'> for Blob()",
                "Don't know how to handle <class 'NoneType'> for Blob()",
                "Don't know how to handle <class 'int'> for Blob()",
                "Don't know how to handle <class 'pyodide.ffi.JsProxy'> for Blob()",
                "Don't know how to handle <class 'dict'> for Blob()",
                "Don't know how to handle <class 'int'> for Blob()",
                "Don't know how to handle <class 'int'> for Blob()",
                "Don't know how to handle <class 'pyodide.ffi.JsProxy'> for Blob()"],
        "lone dict": 3,
    }
