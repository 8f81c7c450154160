"""``structuredClone`` of a ``Request`` or ``Response`` without a body, as workerd clones one
(http.c++ ``serialize``/``deserialize``: the init dictionary written and given to the constructor
again) and as wrangler dev 4.164.0 answers a JavaScript Worker doing the same
(tools/wrangler/jsapi_differential.py, group structuredClone: 65/66, the one left a Python
function's source): a Request keeps its URL, method, headers (a new, mutable ``Headers``), redirect
mode, ``cf`` (a JSON copy), cache mode; its ``fetcher`` is ``null``; one given a signal is
refused (``AbortSignal serialization is not enabled.``), none or an incoming request's is left
out. A Response keeps its status, status text, headers and ``cf``, not its ``url``, ``redirected``
or ``type`` -- but status 0 is ``Response.error()`` again; a WebSocket's is refused."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, js, load_worker, to_js


def init(**members):
    return to_js(members, dict_converter=js.Object.fromEntries)


def clone_error(value) -> str:
    with pytest.raises(JsException) as caught:
        js.structuredClone(value)
    return f"{caught.value.name}: {caught.value.message} {caught.value.code}"


def test_a_request_is_made_again_from_its_init():
    original = js.Request.new("https://e.com/p", init(
        method="delete", headers={"a": "1", "B": "2"}, redirect="manual", cf={"cacheTtl": 5, "x": [1, {"y": 2}]},
        cache="no-store", encodeResponseBody="manual"))
    made = js.structuredClone(original)
    assert made is not original and made.headers is not original.headers
    assert (made.method, made.url, made.redirect, made.cache, made.bodyUsed, made.signal.aborted) == (
        "DELETE", "https://e.com/p", "manual", "no-store", False, False)
    assert not made.body and not made.fetcher  # both null
    assert made.cf.to_py() == {"cacheTtl": 5, "x": [1, {"y": 2}]} and made.cf is not original.cf
    made.headers.set("c", "3")
    assert [list(p) for p in made.headers.entries()] == [["a", "1"], ["b", "2"], ["c", "3"]]
    assert not original.headers.has("c")


def test_a_request_given_a_signal_is_refused_one_without_is_not():
    signal = js.AbortController.new().signal
    assert clone_error(js.Request.new("https://e.com/", signal=signal)) == (
        "DataCloneError: AbortSignal serialization is not enabled. 25")
    assert clone_error(js.Request.new(js.Request.new("https://e.com/", signal=signal))) == (
        "DataCloneError: AbortSignal serialization is not enabled. 25")
    unsigned = js.Request.new("https://e.com/a")
    assert js.structuredClone(js.Request.new("https://e.com/b", signal=unsigned.signal)).url == "https://e.com/b"
    pair = js.structuredClone(to_js([unsigned, unsigned]))
    assert pair[0] is pair[1] and pair[0].url == "https://e.com/a"  # shared stays shared


def test_a_response_keeps_status_text_headers_and_cf():
    made = js.structuredClone(js.Response.new(None, init(status=204, statusText="Nothing", headers={"a": "1"},
                                                         cf={"k": [1, 2]})))
    assert (made.status, made.statusText, made.ok, made.type, made.url, made.redirected, bool(made.body)) == (
        204, "Nothing", True, "default", "", False, False)
    assert made.cf.to_py() == {"k": [1, 2]} and [list(p) for p in made.headers.entries()] == [["a", "1"]]
    assert js.structuredClone(js.Response.new(None, status=404)).cf is None  # none given: undefined


def test_an_error_stays_one_a_redirect_becomes_mutable():
    error = js.structuredClone(js.Response.error())
    assert (error.status, error.type) == (0, "error")
    redirect = js.structuredClone(js.Response.redirect("https://e.com/x", 301))
    redirect.headers.set("x", "1")  # the original's headers are immutable, the clone's are not
    assert (redirect.status, redirect.headers.get("location"), redirect.headers.get("x")) == (
        301, "https://e.com/x", "1")


def test_a_websockets_response_and_a_body_are_refused():
    client, _server = js.Object.values(js.WebSocketPair.new())
    assert clone_error(js.Response.new(None, status=101, webSocket=client)) == (
        'DataCloneError: Could not serialize object of type "WebSocket". This type does not support serialization. 25')
    used = js.Response.new("")
    asyncio.run(used.text())
    assert clone_error(used) == "DataCloneError: ReadableStream can only be serialized for RPC. 25"


WORKER = """
import json
from js import structuredClone
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            made = structuredClone(request.js_object)
        except Exception as error:
            return Response(str(error))
        made.headers.set("x-added", "1")  # the incoming request's are immutable, the clone's are not
        return Response(json.dumps([made.method, made.url, made.headers.get("x-added"), made.cf is not None]))
"""


@pytest.mark.parametrize(("flags", "answer"), [
    ((), ["GET", "https://w.test/p", "1", True]),
    (("enable_request_signal",), ["GET", "https://w.test/p", "1", True]),  # its signal: ignored by subrequests
    (("enable_request_signal", "request_signal_passthrough"), "DataCloneError: AbortSignal serialization is not enabled."),
])
def test_an_incoming_request_clones_but_for_a_passed_through_signal(tmp_path: Path, flags, answer):
    worker = load_worker(one_file_worker(tmp_path, WORKER, date="2025-10-01", flags=flags))

    async def scenario() -> str:
        return await (await worker.fetch("https://w.test/p")).text()
    text = asyncio.run(scenario())
    assert (json.loads(text) if text.startswith("[") else text) == answer
