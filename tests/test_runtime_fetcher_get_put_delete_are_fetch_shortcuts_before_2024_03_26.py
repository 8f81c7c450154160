"""Before compatibility date 2024-03-26 a Fetcher's ``get``, ``put`` and ``delete`` are workerd's
shortcuts for ``fetch()`` with that method (``Fetcher::get``/``put``/``delete_``,
src/workerd/api/http.c++), answered as workerd answers them -- each figure here measured with a
JavaScript twin under wrangler dev 4.164.0 at 2024-03-25
(tools/wrangler/fetcher_get_put_delete_differential.py, 36 of 37 cases the same): ``get`` is
``None`` (``null``) for a 404 or 410, an ``Error`` naming the status and its phrase for another
status that is not ok, else the body by ``type`` (``text`` by default, ``json``, ``arrayBuffer``,
``stream``); ``put`` sends its body, its options' ``expiration``/``expirationTtl`` appended to the
query (jsg ``int``s: 1.5 is 1, past int32 refused before any request); ``put``/``delete`` give
``None`` (``undefined``) for a 2xx. nel53: each was a ``NotEmulatedError``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import service_pair

from workers_env import PyProxyWarning

CALLEE = '''
import js
from urllib.parse import parse_qs, urlsplit
from pyodide.ffi import to_js
from workers import Response

SEEN = []


async def on_fetch(request, env):
    parts = urlsplit(request.url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    if parts.path == "/seen":
        out = list(SEEN)
        SEEN.clear()
        return Response(" | ".join(out))
    SEEN.append(f"{request.method} {request.url} {await request.text()}")
    status = int(parts.path[3:])
    body = None if status == 204 else query.get("body", "")
    if "text" in query:
        return js.Response.new(body, to_js({"status": status, "statusText": query["text"]},
                                           dict_converter=js.Object.fromEntries))
    return Response(body, status=status)
'''

CALLER = '''
import json
import js
from pyodide.ffi import to_js
from workers import Response


def shown(value):
    name = getattr(getattr(value, "constructor", None), "name", None)
    if name == "ArrayBuffer":
        return f"ArrayBuffer {value.byteLength}"
    if name == "ReadableStream":
        return "ReadableStream"
    if name == "Object":
        return "object " + js.JSON.stringify(value)
    return repr(value)


async def on_fetch(request, env):
    out = []
    for method, args in json.loads(await request.text()):
        if len(args) == 3:
            args[2] = to_js(args[2], dict_converter=js.Object.fromEntries)
        try:
            got = shown(await getattr(env.SEARCH, method)(*args))
        except Exception as error:
            got = str(error)
        seen = await (await env.SEARCH.fetch("http://s/seen")).text()
        out.append([got, seen])
    return Response(json.dumps(out))
'''

CASES = [
    (["get", ["http://s/s/200?body=hi"]], ["'hi'", "GET http://s/s/200?body=hi "]),
    (["get", ["http://s/s/200?body=%7B%22a%22%3A1%7D", "json"]], ['object {"a":1}', 'GET http://s/s/200?body=%7B%22a%22%3A1%7D ']),
    (["get", ["http://s/s/200?body=hi", "arrayBuffer"]], ["ArrayBuffer 2", "GET http://s/s/200?body=hi "]),
    (["get", ["http://s/s/200?body=hi", "stream"]], ["ReadableStream", "GET http://s/s/200?body=hi "]),
    (["get", ["http://s/s/204", "stream"]], ["ReadableStream", "GET http://s/s/204 "]),
    (["get", ["http://s/s/404?body=gone"]], ["None", "GET http://s/s/404?body=gone "]),
    (["get", ["http://s/s/410", "xml"]], ["None", "GET http://s/s/410 "]),
    (["get", ["http://s/s/500?body=x"]], ["Error: HTTP GET request failed: 500 Internal Server Error",
                                         "GET http://s/s/500?body=x "]),
    (["get", ["http://s/s/503?text=Busy"]], ["Error: HTTP GET request failed: 503 Busy", "GET http://s/s/503?text=Busy "]),
    (["get", ["http://s/s/200?body=hi", "xml"]], [
        'TypeError: Unknown response type. Possible types are "text", "arrayBuffer", "json", and "stream".',
        "GET http://s/s/200?body=hi "]),
    (["get", ["/relative"]], ["TypeError: Fetch API cannot load: /relative", ""]),
    (["put", ["http://s/s/201", "a body", {"expiration": 1700000000, "expirationTtl": 60}]], [
        "None", "PUT http://s/s/201?expiration=1700000000&expiration_ttl=60 a body"]),
    (["put", ["http://s/s/200?q=1", "x", {"expiration": 1.5}]], ["None", "PUT http://s/s/200?q=1&expiration=1 x"]),
    (["put", ["http://s/s/200", "x", {"expirationTtl": 3000000000}]], [
        "TypeError: Value out of range. Must be between -2147483648 and 2147483647 (inclusive).", ""]),
    (["put", ["http://s/s/200"]], [
        "TypeError: Failed to execute 'put' on 'Fetcher': parameter 2 is not of type 'JsReadableStream or string or "
        "BufferSource or Blob or FormData or URLSearchParams or URLSearchParams or JsUrlSearchParams or "
        "AsyncGenerator'.", ""]),
    (["put", ["http://s/s/404", "x"]], ["Error: HTTP PUT request failed: 404 Not Found", "PUT http://s/s/404 x"]),
    (["delete", ["http://s/s/204"]], ["None", "DELETE http://s/s/204 "]),
    (["delete", ["http://s/s/500?text=Nope"]], ["Error: HTTP DELETE request failed: 500 Nope",
                                               "DELETE http://s/s/500?text=Nope "]),
]


@pytest.mark.asyncio
async def test_each_shortcut_answers_as_workerds(tmp_path):
    gateway = service_pair(tmp_path, CALLEE, CALLER, "2024-03-25")
    answer = await gateway.fetch("/", method="POST", body=json.dumps([case for case, _ in CASES]))
    assert json.loads(await answer.text()) == [wanted for _, wanted in CASES]


BODIES_CALLER = '''
import js
from pyodide.ffi import to_js
from workers import Response


def stream():
    start = lambda c: (c.enqueue(js.Uint8Array.new([97, 98])), c.close())
    return js.ReadableStream.new(to_js({"start": start}, dict_converter=js.Object.fromEntries))


async def on_fetch(request, env):
    for body in (js.Uint8Array.new([97, 98]), stream(), js.Blob.new(to_js(["ab"]))):
        await env.SEARCH.put("http://s/s/200", body)
    return Response(await (await env.SEARCH.fetch("http://s/seen")).text())
'''


@pytest.mark.asyncio
async def test_put_sends_its_body_as_fetch_would(tmp_path):
    """A stream or a Blob reaches the callee as its bytes (not the object's repr, as an RPC argument)."""
    gateway = service_pair(tmp_path, CALLEE, BODIES_CALLER, "2024-03-25")
    assert await (await gateway.fetch("/")).text() == " | ".join(["PUT http://s/s/200 ab"] * 3)


EDGES_CALLER = '''
import js
from workers import Response


async def on_fetch(request, env):
    out = []
    for make in (lambda: env.SEARCH.put("http://s/s/200", "x", {"expirationTtl": 60}),
                 lambda: env.SEARCH.get.call(js.Object.new(), "http://s/s/200")):
        try:
            out.append(repr(await make()))
        except Exception as error:
            out.append(str(error))
    out.append(await (await env.SEARCH.fetch("http://s/seen")).text())
    return Response(" || ".join(out))
'''


@pytest.mark.asyncio
async def test_a_python_dict_as_puts_options_and_another_this(tmp_path):
    """``put``'s options a Python dict (the built-in SDK era: a PyProxy, whose keys jsg reads none of):
    the defaults, no query, and the PyProxy warning naming the options of that ``put``; a shortcut
    called with another ``this`` is jsg's ``Illegal invocation`` (a ``JSG_METHOD`` of ``Fetcher``,
    as its ``fetch``), no request made. audit31."""
    gateway = service_pair(tmp_path, CALLEE, EDGES_CALLER, "2024-03-25")
    with pytest.warns(PyProxyWarning) as warned:
        answer = await (await gateway.fetch("/")).text()
    assert answer == "None || TypeError: Illegal invocation || PUT http://s/s/200 x"
    assert any("a Python dict reached JavaScript as a PyProxy as the options of SEARCH.put(): production reads none "
               "of its keys (expirationTtl), so the defaults apply" in str(w.message) for w in warned)
