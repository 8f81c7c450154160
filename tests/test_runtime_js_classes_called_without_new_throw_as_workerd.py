"""A workerd class called as a function from Python -- ``from js import Response``, then
``Response("")`` -- is workerd's ``TypeError: Failed to construct 'Response': Please use the 'new'
operator, this object constructor cannot be called as a function.`` (jsg
``throwIfConstructorCalledAsFunction``): Pyodide calls a JS function without ``new``
(``jsproxy_call.c``'s default signature does not construct), so only ``Response.new("")``
constructs. V8's ``ArrayBuffer`` and ``DataView`` answer ``Constructor ArrayBuffer requires 'new'``.
``Date()`` as a function is the current date's string, as in JavaScript. The class's static
members and ``isinstance`` are unchanged. Found running CakeVoid/bar-software,
whose CORS preflights call ``Response("")``."""

from __future__ import annotations

import json
import re

import pytest
from worker_helpers import REPR_OUTCOME, one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

import js
from js import Response
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name in ("Response", "Headers", "Request", "URL", "URLSearchParams", "TextEncoder", "Blob",
                     "FormData", "AbortController", "ReadableStream", "TransformStream", "ArrayBuffer"):
            try:
                getattr(js, name)("http://example.com/" if name in ("Request", "URL") else 8 if name == "ArrayBuffer" else None)
                out[name] = "constructed"
            except Exception as error:
                out[name] = f"{type(error).__name__}: {error}"
        out["Date()"] = [type(js.Date(0)).__name__, js.Date(0), js.Date.new(0).getTime()]  # the current date's string
        made = Response.new("made")
        try:
            isinstance(made, js.Response)
            out["new"] = [made.status, "isinstance answered"]
        except TypeError as error:  # a JS class is no Python type (Pyodide 0.26.0a4 and 0.28.2)
            out["new"] = [made.status, str(error)]
        out["static"] = (await Response.json(js.JSON.parse('{"a": 1}')).text())
        return Response.new(json.dumps(out))

    on_fetch = fetch  # before 2025-08-14 workerd calls Default.on_fetch
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-07-25", "2025-10-01"])
async def test_js_classes_called_as_functions_throw_workerds_type_error(tmp_path, date):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date=date)).fetch("/")).text())
    for name in ("Response", "Headers", "Request", "URL", "URLSearchParams", "TextEncoder", "Blob", "FormData",
                 "AbortController", "ReadableStream", "TransformStream"):
        assert got[name] == (f"JsException: TypeError: Failed to construct '{name}': Please use the 'new' operator, "
                             "this object constructor cannot be called as a function.")
    assert got["ArrayBuffer"] == "JsException: TypeError: Constructor ArrayBuffer requires 'new'"
    assert got["new"] == [200, "isinstance() arg 2 must be a type, a tuple of types, or a union"]
    assert got["static"] == '{"a":1}'
    kind, text, epoch = got["Date()"]
    assert (kind, epoch) == ("str", 0)
    assert re.fullmatch(r"\w{3} \w{3} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT\+0000 \(Coordinated Universal Time\)", text)


V8_BUILTINS = '''
import json

import js
from js import Array, Map, Object, Promise, Set, Uint8Array
from workers import WorkerEntrypoint
''' + REPR_OUTCOME + '''

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = Object.new()
        out = {
            "Map": outcome(lambda: Map()), "Set": outcome(lambda: Set()), "Uint8Array": outcome(lambda: Uint8Array(2)),
            "Promise": outcome(lambda: Promise(lambda *a: None)),
            # Object() and Array() are callable in JavaScript: a new object / array
            "Object()": [Object(made) is made, len(Object.keys(Object()))],
            "Array()": [Array().length, Array(1, 2).to_py(), Array.isArray(Array())],
            "static": [Map.new().size, Object.keys(js.JSON.parse('{"a": 1}')).to_py(), Array.of(3).to_py()],
        }
        return js.Response.new(json.dumps(out))

    on_fetch = fetch
'''


@pytest.mark.asyncio
async def test_v8s_builtins_called_as_functions_answer_as_v8(tmp_path):
    # Pyodide 0.28.2 under Node (tools/pyodide/pyodide_differential.py, group called-without-new)
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, V8_BUILTINS, date="2025-10-01")).fetch("/")).text())
    for name in ("Map", "Set", "Uint8Array"):
        assert got[name] == f"JsException: TypeError: Constructor {name} requires 'new'"
    assert got["Promise"] == "JsException: TypeError: Promise constructor cannot be invoked without 'new'"
    assert got["Object()"] == [True, 0]
    assert got["Array()"] == [0, [1, 2], True]
    assert got["static"] == [0, ["a"], [3]]
