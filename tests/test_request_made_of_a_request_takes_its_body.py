"""``new Request(request)`` takes the input Request's body: the input is left ``bodyUsed`` and its
reads fail (``Body has already been used. ...``), the new Request reads the body -- unless the init
gives a body of its own (``null`` too), which leaves the input as it was. A Request made over a
ReadableStream does not lock that stream. Measured with wrangler dev 4.164.0 at 2025-10-01
(leftovers58); workers-env left the input unused, its body readable twice."""

from __future__ import annotations

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
from js import JSON, Object, ReadableStream, Request, TextEncoder
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


def init(**kw):
    if kw.get("body", 1) is None:
        return JSON.parse('{"method": "GET", "body": null}')
    return to_js(kw, dict_converter=Object.fromEntries)


async def text(r):
    try:
        return await r.text()
    except Exception as e:
        return str(e)


def posted():
    return Request.new("http://x/", init(method="POST", body="x"))


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        r = posted()
        r2 = Request.new(r)
        out["copy"] = [r.bodyUsed, r2.bodyUsed, await text(r), await text(r2)]
        r = posted()
        r2 = Request.new(r, init(headers={"a": "1"}))
        out["copy with an init"] = [r.bodyUsed, r2.bodyUsed, await text(r2)]
        r = posted()
        r2 = Request.new(r, init(body="y"))
        out["init's body"] = [r.bodyUsed, r2.bodyUsed, await text(r), await text(r2)]
        r = posted()
        Request.new(r, init(body=None))
        out["init's null"] = [r.bodyUsed, await text(r)]
        r = Request.new("http://x/")
        out["no body"] = [r.bodyUsed, Request.new(r).bodyUsed]

        def start(controller):
            controller.enqueue(TextEncoder.new().encode("hi"))
            controller.close()

        stream = ReadableStream.new(to_js({"start": start}, dict_converter=Object.fromEntries))
        r = Request.new("http://x/", init(method="POST", body=stream))
        out["stream"] = [stream.locked, r.bodyUsed, await text(r)]
        return Response.json(out)
'''

USED = "TypeError: Body has already been used. It can only be used once. Use tee() first if you need to read it twice."


def test_a_request_made_of_a_request_takes_its_body(tmp_path):
    assert json_answer(one_file_worker(tmp_path, ENTRY, date="2025-10-01"), "/") == {
        "copy": [True, False, USED, "x"],
        "copy with an init": [True, False, "x"],
        "init's body": [False, False, "x", "y"],
        "init's null": [False, "x"],
        "no body": [False, False],
        "stream": [False, False, "hi"],
    }
