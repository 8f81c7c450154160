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
from worker_helpers import one_file_worker

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
        out["new"] = [made.status, isinstance(made, js.Response), isinstance(made, js.Headers)]
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
    assert got["new"] == [200, True, False]
    assert got["static"] == '{"a":1}'
    kind, text, epoch = got["Date()"]
    assert (kind, epoch) == ("str", 0)
    assert re.fullmatch(r"\w{3} \w{3} \d{2} \d{4} \d{2}:\d{2}:\d{2} GMT\+0000 \(Coordinated Universal Time\)", text)
