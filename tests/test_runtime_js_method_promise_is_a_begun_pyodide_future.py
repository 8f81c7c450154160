"""A promise-returning method of a JS web object -- a ``Request``/``Response`` body read, a
``Blob``'s, ``caches.default``'s, ``crypto.subtle``'s, ``fetch`` itself -- hands Worker code the ``PyodideFuture``
Pyodide makes of the promise (measured on 0.26.0a4, 0.28.2 and 314.0.6 under Node by
tools/pyodide, group ``promise-returning-methods``): its work begun at the call (``bodyUsed`` at
once, a body still being written locked too), pending until the calling step is done (awaiting it there waits one loop turn, after a
``call_soon`` made before), awaitable twice, ``then``/``catch``/``finally_``, no "never awaited"
warning when dropped. Before, each was a Python coroutine. The SDK's own ``async def`` methods
(``workers.Response.text()``) stay coroutines; test code keeps plain coroutines."""

from __future__ import annotations

import asyncio
import warnings

from worker_helpers import json_answer, one_file_worker

from workers_env import js

ENTRY = """
import asyncio
import gc
import inspect
import warnings

import js
from workers import Response, WorkerEntrypoint


def form():
    return js.Response.new("a=1", headers=js.Object.fromEntries([["content-type", "application/x-www-form-urlencoded"]]))


CALLS = {
    "text": lambda: js.Response.new("x").text(),
    "json": lambda: js.Response.new("[1]").json(),
    "arrayBuffer": lambda: js.Response.new("x").arrayBuffer(),
    "bytes": lambda: js.Response.new("x").bytes(),
    "blob": lambda: js.Response.new("x").blob(),
    "formData": lambda: form().formData(),
    "request.text": lambda: js.Request.new("https://e.com/", method="POST", body="x").text(),
    "Blob.text": lambda: js.Blob.new(["x"]).text(),
    "Blob.arrayBuffer": lambda: js.Blob.new(["x"]).arrayBuffer(),
    "caches.match": lambda: js.caches.default.match("https://c.test/none"),
    "subtle.digest": lambda: js.crypto.subtle.digest("SHA-256", js.Uint8Array.new(1)),
    "fetch": lambda: js.fetch("data:,x"),
}


async def shape(call):
    p = call()
    kind = [type(p).__module__, type(p).__name__, inspect.iscoroutine(p), isinstance(p, asyncio.Future),
            p.done(), asyncio.ensure_future(p) is p]
    first = await p
    return kind + [first is await p, type(await p.then(lambda v: v)).__name__ == type(first).__name__]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"shapes": {name: await shape(call) for name, call in CALLS.items()}}
        r = js.Response.new("x")
        p = r.text()
        out["used at the call"] = r.bodyUsed
        try:
            await r.text()
        except Exception as e:
            out["second read"] = [type(e).__name__, e.name]
        out["first read"] = await p
        ts = js.TransformStream.new()
        live = js.Response.new(ts.readable)
        pending = live.text()  # a body still being written: used and locked from the call too
        out["live"] = [live.bodyUsed, live.body.locked]
        try:
            live.body.getReader()
        except Exception as e:
            out["live"].append(e.name)
        writer = ts.writable.getWriter()
        await writer.write(js.Uint8Array.new([65]))
        await writer.close()
        out["live"].append(await pending)
        order = []
        asyncio.get_running_loop().call_soon(lambda: order.append("soon"))
        q = js.Response.new("x").text()
        q.then(lambda v: order.append(("then", v)))
        order.append(q.done())
        await q
        order.append("awaited")
        await asyncio.sleep(0.01)
        out["order"] = order
        out["catch"] = await js.Response.new("x").json().catch(lambda e: e.name)
        seen = []
        out["finally"] = [await js.Response.new("x").text().finally_(lambda: seen.append("f")), seen]
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            js.Response.new("x").text()
            js.Blob.new(["x"]).text()
            await asyncio.sleep(0)
            gc.collect()
        out["warnings"] = [str(w.message) for w in caught]
        sdk = Response("x").text()
        out["sdk"] = [inspect.iscoroutine(sdk), await sdk]
        return Response.json(out)
"""


def test_a_js_methods_promise_is_a_begun_pyodide_future(tmp_path):
    answer = json_answer(one_file_worker(tmp_path, ENTRY), "/")
    shapes = answer.pop("shapes")
    assert shapes == {name: ["pyodide.webloop", "PyodideFuture", False, True, False, True, True, True] for name in (
        "text", "json", "arrayBuffer", "bytes", "blob", "formData", "request.text", "Blob.text", "Blob.arrayBuffer",
        "caches.match", "subtle.digest", "fetch")}
    assert answer == {
        "used at the call": True, "second read": ["JsException", "TypeError"], "first read": "x",
        "live": [True, True, "TypeError", "A"],
        "order": [False, "soon", "awaited", ["then", "x"]], "catch": "SyntaxError", "finally": ["x", ["f"]],
        "warnings": [], "sdk": [True, "x"]}


def test_test_code_keeps_the_plain_coroutine():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        body = js.Response.new("x").text()
        assert asyncio.iscoroutine(body)
        assert asyncio.run(body) == "x"
