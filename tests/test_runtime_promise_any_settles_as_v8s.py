"""``js.Promise.any``: the first input to fulfil; when every input rejects -- or there is none --
V8's ``AggregateError: All promises were rejected`` with the reasons in ``errors``, as Pyodide
0.26.0a4 and 0.28.2 give it (measured under Node by tools/pyodide, group
``pipe-to-and-promises``) and as a JavaScript Worker gets it under wrangler dev 4.164.0; a
``PyodideFuture``, as the other combinators' promises. It was missing (``AttributeError``)."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker


ENTRY = """
import json
from js import JSON, Promise
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


async def failure(awaitable):
    try:
        await awaitable
    except Exception as exc:
        return [type(exc).__name__, str(exc), exc.errors.length]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        first = await Promise.any(JSON.parse("[4, 5]"))
        later = await Promise.any(to_js([Promise.new(lambda r, j: j(1)), Promise.new(lambda r, j: r(3))]))
        return Response(json.dumps({
            "type": type(Promise.any(JSON.parse("[1]"))).__name__, "first": first, "later": later,
            "empty": await failure(Promise.any([])),
            "all_rejected": await failure(Promise.any(to_js([Promise.new(lambda r, j: j(1)),
                                                             Promise.new(lambda r, j: j(2))]))),
        }))
"""


def test_promise_any(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    assert answer == {"type": "PyodideFuture", "first": 4, "later": 3,
                      "empty": ["JsException", "AggregateError: All promises were rejected", 0],
                      "all_rejected": ["JsException", "AggregateError: All promises were rejected", 2]}
