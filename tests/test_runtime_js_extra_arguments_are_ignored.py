"""JavaScript ignores arguments past those a function reads, workerd's constructors and methods
too: ``WebSocketPair.new(request)`` is ``new WebSocketPair()`` (a public Worker, hunt39, built its
pair so and answered 500 here with ``JsWebSocketPair.new() takes 1 positional argument``), and
``new Map(request)`` is V8's TypeError, not Python's. Production's answer, measured with a
JavaScript twin of this Worker under wrangler dev 4.164.0 (compatibility date 2024-12-30)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json

from js import (AbortController, ArrayBuffer, File, FormData, Headers, JSON, Map, Object, Request, Response, Set,
                TextDecoder, TypeError, URLSearchParams, Uint8Array, WebSocketPair)
from pyodide.ffi import JsException
from workers import WorkerEntrypoint


def obj(text):
    return JSON.parse(text)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        request = getattr(request, "js_object", request)  # the JS Request, as the twin's
        out = {}
        out["pair"] = len(Object.values(WebSocketPair.new(request, 1)))
        out["headers"] = len(list(Headers.new(JSON.parse('[["a", "1"]]'), request, 2)))
        out["abort"] = AbortController.new(request).signal.aborted
        out["form"] = len(list(FormData.new(request, 1)))
        req = Request.new("https://a/x", obj('{"method": "PUT"}'), request, 1)
        out["request"] = [req.method, req.url]
        res = Response.new("body", obj('{"status": 201}'), request)
        out["response"] = [res.status, await res.text()]
        out["file"] = File.new(JSON.parse('["ab"]'), "f.txt", obj('{"type": "text/plain"}'), request, 1).name
        err = TypeError.new("m", obj('{"cause": 5}'), request, 1)
        out["error"] = [err.name, err.message, err.cause]
        out["decoder"] = TextDecoder.new("utf-8", obj('{"fatal": true}'), request).fatal
        out["params"] = URLSearchParams.new("a=1", request).get("a", "z")
        out["clone"] = Response.new("c").clone(request).status
        out["has"] = Headers.new(obj('{"a": "1"}')).has("a", request)
        controller = AbortController.new()
        controller.abort("why", request)
        out["abortReason"] = controller.signal.reason
        out["u8"] = Uint8Array.new(JSON.parse("[1, 2]"), request).length
        out["buf"] = ArrayBuffer.new(4, None, request).byteLength
        for name, cls in (("map", Map), ("set", Set)):
            try:
                cls.new(request, 1)
                out[name] = "no error"
            except JsException as e:
                out[name] = f"{e.name}: {e.message}"
        return Response.new(json.dumps(out))

    on_fetch = fetch  # the name workerd calls before 2025-08-14
'''

#: the JavaScript twin's answer under wrangler dev 4.164.0 (``new X(...args, request, 1)``)
PRODUCTION = {
    "pair": 2, "headers": 1, "abort": False, "form": 0, "request": ["PUT", "https://a/x"],
    "response": [201, "body"], "file": "f.txt", "error": ["TypeError", "m", 5], "decoder": True,
    "params": "1", "clone": 200, "has": True, "abortReason": "why", "u8": 2, "buf": 4,
    "map": "TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
    "set": "TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))",
}


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2024-12-30", "2025-10-01"])
async def test_extra_arguments_to_js_constructors_and_methods_are_ignored(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    response = await worker.fetch("/")
    assert response.status == 200, await response.text()
    assert json.loads(await response.text()) == PRODUCTION
