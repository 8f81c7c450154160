"""``pyodide.ffi.jsnull`` where a Web API reads a dictionary or a number, as workerd reads
JavaScript's ``null`` there: a Blob's or File's options ``null`` are the defaults (no
``PyProxyWarning``, no type ``"jsnull"``); a File's ``lastModified`` is ``Number()`` of its init's,
NaN 0 (``null``, ``{}``, ``"abc"`` 0, ``"5"`` 5, 1.7 kept -- a Python ``TypeError`` before);
``TextDecoder``'s options, whose members are required, refuse ``null`` in jsg's words, and a
string in its ``parameter 2`` TypeErrors (the label checked after); a function as a Request's ``cf`` is V8's
``SyntaxError`` of its JSON copy. Measured: the same calls in a JavaScript Worker under wrangler
dev 4.164.0 beside a Python twin under workers-env (65 cases of ``null`` and the like in Web APIs:
62 the same, 44 before; the others a Date as ``cf`` (workerd's internal error), ``js.Event`` (not
emulated) and a float printed differently)."""

from __future__ import annotations

import asyncio
import json
import warnings
from pathlib import Path

from worker_helpers import RECORD_AND_TRIED, one_file_worker

from workers_env import load_worker

WORKER = """
import json
from js import Blob, File, Object, Request, TextDecoder, Uint8Array
from pyodide.ffi import create_proxy, jsnull, to_js
from workers import Response, WorkerEntrypoint
""" + RECORD_AND_TRIED + """
CALLS = [
    lambda: [Blob.new(["a"], jsnull).type, File.new(["a"], "f", jsnull).type],
    lambda: [File.new(["a"], "f", record(lastModified=v)).lastModified for v in (jsnull, "abc", Object.new(), "5", 1.7, True)],
    lambda: TextDecoder.new("utf-8", jsnull),
    lambda: TextDecoder.new("bogus", jsnull),
    lambda: TextDecoder.new("utf-8", "x"),
    lambda: TextDecoder.new().decode(Uint8Array.new([97]), jsnull),
    lambda: TextDecoder.new().decode(Uint8Array.new([97]), "x"),
    lambda: [TextDecoder.new("utf-8", record(fatal=jsnull)).fatal, TextDecoder.new("utf-8").decode(Uint8Array.new([97]), None)],
    lambda: Request.new("https://a/", record(cf=create_proxy(lambda: 1))),
    lambda: Request.new("https://a/", record(cf=len)),
]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps([tried(make) for make in CALLS]))
"""


def test_jsnull_options_and_numbers(tmp_path: Path):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2026-05-01"))

    async def scenario() -> list:
        return json.loads(await (await worker.fetch("/")).text())

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no PyProxyWarning: null reaches JavaScript as null
        got = asyncio.run(scenario())
    assert got == [
        ["", ""],
        [0, 0, 0, 5, 1.7, 1],
        "TypeError: Cannot initialize ConstructorOptions with required members from "
        "an undefined or null value.",
        "TypeError: Cannot initialize ConstructorOptions with required members from "
        "an undefined or null value.",
        "TypeError: Failed to construct 'TextDecoder': constructor parameter 2 is not of type 'ConstructorOptions'.",
        "TypeError: Cannot initialize DecodeOptions with required members from an "
        "undefined or null value.",
        "TypeError: Failed to execute 'decode' on 'TextDecoder': parameter 2 is not of type 'DecodeOptions'.",
        [False, "a"],
        'SyntaxError: "undefined" is not valid JSON',
        'SyntaxError: "undefined" is not valid JSON',
    ]
