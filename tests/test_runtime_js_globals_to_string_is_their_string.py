"""``toString()`` of a JS function or object Worker code reads off ``js`` is JavaScript's, what
``String()`` and ``repr`` of it give: ``js.fetch.toString()`` is ``function fetch() { [native
code] }``, ``Object.keys.toString()`` ``function keys() { [native code] }``, ``ctx.constructor``'s
``function ExecutionContext() { [native code] }``, ``js.console.toString()`` ``[object
console]``, ``js.crypto.toString()`` ``[object Crypto]`` (real Pyodide 0.26.0a4 and 0.28.2 for V8's
own; workerd's measured under wrangler dev 4.164.0). Once the globals became JsProxies each was
``AttributeError: 'function' object has no attribute 'toString'`` (or ``toString``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import js
from js import Object
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        values = [js.fetch, js.parseInt, js.Object, js.Response, Object.keys, js.Response.json, js.console.log,
                  self.ctx.constructor, js.console, js.crypto]
        return Response.json([[v.toString(), js.String(v)] for v in values])
"""


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_to_string_of_js_globals_is_javascripts(tmp_path: Path, date: str) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    texts = [f"function {name}() {{ [native code] }}" for name in ("fetch", "parseInt", "Object", "Response", "keys",
                                                                   "json", "", "ExecutionContext")]
    texts[6] = "function () { [native code] }"  # console.log's, as V8 writes it
    assert got == [[text, text] for text in [*texts, "[object console]", "[object Crypto]"]]
