"""A flag given as JavaScript's ``null`` (``pyodide.ffi.jsnull``) is false and one given as an
object -- an empty array too -- is true, as JavaScript's ``ToBoolean`` and jsg's ``bool`` read
them: an array callback answering ``null`` (``filter``, ``some``, ``every``, ``find``, ...), a
stream iterator's ``preventCancel``, ``TextDecoder``'s ``stream`` and ``fatal``, the Cache API's
``ignoreMethod``, D1's ``raw({columnNames})``, Workers AI's ``returnRawResponse``. Measured: the
same calls in a JavaScript twin under wrangler dev 4.164.0 (``null`` was read as true where
workers-env's ``js_truthy`` decided, and ``[]`` as false where Python's ``bool`` did)."""

from __future__ import annotations

import pytest
from worker_helpers import KV_D1_AI, RECORD_AND_TRIED, json_answer, one_file_worker

WORKER = """
import json
from js import JSON, Object, ReadableStream, Request, Response as JsResponse, TextDecoder, Uint8Array, caches
from pyodide.ffi import create_proxy, jsnull, to_js
from workers import Response, WorkerEntrypoint
""" + RECORD_AND_TRIED + """

def null(*_):
    return jsnull


async def answers(env):
    arr = JSON.parse("[1,2]")
    out = {"array": [arr.filter(null).length, arr.some(null), arr.every(null), arr.find(null) is None,
                     arr.findIndex(null), arr.findLast(null) is None, arr.findLastIndex(null)]}
    stream = ReadableStream.new(record(start=create_proxy(lambda c: [c.enqueue("a"), c.enqueue("b")])))
    values = stream.values(record(preventCancel=jsnull))
    await values.next()
    await getattr(values, "return")()
    out["preventCancel"] = (await stream.getReader().read()).done  # cancelled: nothing left
    kinds = (jsnull, JSON.parse("[]"), Object.new(), "", 0)
    out["stream"] = [TextDecoder.new().decode(Uint8Array.new([0xe2]), record(stream=v)) for v in kinds]
    out["fatal"] = [TextDecoder.new("utf-8", record(fatal=v)).fatal for v in kinds]
    await caches.default.put("https://x.example/a", JsResponse.new("hi", record(headers=record(**{"cache-control": "max-age=60"}))))
    post = Request.new("https://x.example/a", record(method="POST"))
    out["ignoreMethod"] = [(await caches.default.match(post, record(ignoreMethod=v))) is not None
                           for v in (jsnull, JSON.parse("[]"), 0)]
    await env.DB.exec("CREATE TABLE t (a)")
    await env.DB.exec("INSERT INTO t VALUES (1)")
    out["columnNames"] = len(await env.DB.prepare("SELECT a FROM t").raw(record(columnNames=jsnull)))
    answer = await env.AI.run("@cf/baai/bge-small-en-v1.5", record(text="hi"), record(returnRawResponse=jsnull))
    out["returnRawResponse"] = hasattr(answer, "status")
    return out


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(json.dumps(await answers(self.env)))
"""


#: what the JavaScript twin answered under wrangler dev 4.164.0 (no AI there: a null option is no option)
EXPECTED = {
    "array": [0, False, False, True, -1, True, -1],
    "preventCancel": True,
    "stream": ["\ufffd", "", "", "\ufffd", "\ufffd"],  # null, [], {}, "", 0
    "fatal": [False, True, True, False, False],
    "ignoreMethod": [False, True, False],  # null, [], 0
    "columnNames": 1,
    "returnRawResponse": False,
}


@pytest.fixture(scope="module")
def answered(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return json_answer(one_file_worker(tmp_path_factory.mktemp("flags"), WORKER, extra=KV_D1_AI), "/")


@pytest.mark.parametrize("area", list(EXPECTED))
def test_a_null_flag_is_false_and_an_object_true(answered: dict, area: str):
    assert answered[area] == EXPECTED[area]
