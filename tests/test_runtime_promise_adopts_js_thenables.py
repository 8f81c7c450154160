"""A JS object whose ``then`` is a function is a thenable: ``Promise.resolve(obj)``, a promise
resolved with it and a combinator given it in a JS array adopt its outcome by calling
``obj.then(resolve, reject)`` in a microtask, as ECMAScript's NewPromiseResolveThenableJob does
and as Pyodide 0.26.0a4 and 0.28.2 under Node show it (``await Promise.resolve(o)`` is ``7`` for
``o.then = create_proxy(lambda res, rej: res(7))``; tools/pyodide group ``revjsleft2-review``).
Before, the object itself was the value. A ``then`` that calls ``reject`` rejects the promise
with that reason."""

from __future__ import annotations

import asyncio

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import json
from js import Object, Promise, Error
from pyodide.ffi import create_proxy, to_js
from workers import Response, WorkerEntrypoint


def thenable(then):
    o = Object.new()
    o.then = create_proxy(then)
    return o


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        seven = thenable(lambda res, rej: res(7))
        try:
            await Promise.resolve(thenable(lambda res, rej: rej(Error.new("refused"))))
        except Exception as exc:
            refused = str(exc)
        return Response(json.dumps({
            "resolve": await Promise.resolve(seven),
            "all": (await Promise.all(to_js([seven, 1]))).to_py(),
            "new": await Promise.new(lambda res, rej: res(seven)),
            "then": await Promise.new(lambda res, rej: res(1)).then(lambda v: seven),
            "refused": refused,
        }))
"""


def test_js_thenables_are_adopted(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))

    async def scenario():
        resp = await asyncio.wait_for(worker.fetch("/"), 10)
        return resp.status, await resp.json()

    status, answer = asyncio.run(scenario())
    assert status == 200, answer
    assert answer == {"resolve": 7, "all": [7, 1], "new": 7, "then": 7, "refused": "Error: refused"}
