"""The stand-in ``workers``, ``js`` and ``pyodide.ffi`` modules, checked against the SDK's behaviour."""

from __future__ import annotations

import array
import http
import json

import pytest

from workers_env import JsException
from workers_env.runtime import jsproxy
from workers_env.runtime.envwrap import python_to_rpc
from workers_env.runtime.jsconvert import to_js
from workers_env.runtime.jsproxy import JsArray, JsMap, JsObject, JsTypedArray, jsnull
from workers_env.runtime.jsheaders import JsHeaders
from workers_env.runtime.jsweb import JsRequest, JsResponse
from workers_env.runtime.rpcvalues import python_from_rpc
from workers_env.runtime.standins import standin_modules
from workers_env.runtime.workers_api import HTTPMethod, Request, Response

js = standin_modules()["js"]


@pytest.mark.asyncio
async def test_response_json_static_and_instance():
    resp = Response.json({"a": 1, "b": [1, 2]}, status=201, headers={"X-Id": "7"})
    assert resp.status == 201 and resp.ok
    assert resp.headers["content-type"] == "application/json"
    assert resp.headers.get("x-id") == "7"  # case-insensitive
    assert await resp.text() == '{"a": 1, "b": [1, 2]}'  # json.dumps, not JSON.stringify
    with pytest.raises(OSError, match="Response body is already used"):
        await resp.json()
    again = Response.json([1], headers={"content-type": "application/vnd.api+json"})
    assert again.headers["content-type"] == "application/vnd.api+json"
    assert await again.json() == [1]


@pytest.mark.asyncio
async def test_response_constructor_rules():
    assert (await Response("hi").text()) == "hi"
    assert Response("hi").headers["content-type"] == "text/plain;charset=UTF-8"
    assert Response(b"\x00\x01").status == 200
    assert Response(None, status=204).status == 204
    assert Response("x", status=http.HTTPStatus.CREATED).status == 201
    r = Response("x", headers=[("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")])
    assert r.headers.get_all("set-cookie") == ["a=1", "b=2"]
    with pytest.raises(TypeError) as refused:  # its note (Response.json): test_sdk_response_of_a_dict_says_response_json.py
        Response({"a": 1})
    assert str(refused.value) == "Unsupported type in Response: dict"
    # the SDK's words (workers-py's Response/Request) for options beside a JS object to wrap
    with pytest.raises(ValueError, match="^Expected no options when constructing Response from a js.Response$"):
        Response(JsResponse.new("x"), status=201)
    with pytest.raises(ValueError, match="^Expected no options when constructing Request from a js.Request$"):
        Request(JsRequest.new("https://example.com/"), method="POST")
    with pytest.raises(TypeError, match="unexpected type for headers"):
        Response("x", headers="nope")
    with pytest.raises(JsException, match="range 200 to 599") as info:
        Response("x", status=700)
    assert info.value.name == "RangeError"
    with pytest.raises(JsException) as info:
        Response("x", status=204)
    assert str(info.value) == "TypeError: Response with null body status (101, 204, 205, or 304) cannot have a body."


def test_redirect_and_json_raise_python_errors_as_the_sdks_convert_them():
    """Both SDKs' ``_to_python_exception``: a JS RangeError is a ValueError, a TypeError a TypeError."""
    with pytest.raises(ValueError, match=r"^200 is not a redirect status code\. It must be one of: 301, 302, 303, 307, or 308\.$"):
        Response.redirect("https://example.com/elsewhere", 200)
    with pytest.raises(TypeError, match="^Unable to parse URL: /elsewhere$"):
        Response.redirect("/elsewhere", 301)  # workerd parses the URL: a relative one fails in production too
    with pytest.raises(ValueError, match="range 200 to 599"):
        Response.json({"a": 1}, status=700)
    assert Response.redirect("https://example.com/elsewhere", 301).status == 301


@pytest.mark.parametrize("given, location", [
    ("http://localhost", "http://localhost/"),  # checked against wrangler dev 4.164.0 (workerd)
    ("https://example.com/a/../b?q=1 2", "https://example.com/b?q=1%202"),
    ("HTTPS://Example.COM:443/x", "https://example.com/x"),
])
def test_redirect_location_is_the_parsed_url_as_workerd_serializes_it(given, location):
    for response in (Response.redirect(given), js.Response.redirect(given, 307)):
        assert response.headers.get("location") == location
    assert (Response.redirect(given).status, js.Response.redirect(given, 307).status) == (302, 307)
    with pytest.raises(JsException, match="^TypeError: Unable to parse URL: /login$"):
        js.Response.redirect("/login")
    with pytest.raises(JsException, match="^RangeError: 200 is not a redirect status code"):
        js.Response.redirect(given, 200)


def test_status_text_is_empty_unless_given_as_in_workerd():
    """``Response.statusText`` is "" unless given: what workerd answers under wrangler dev 4.164.0
    (tools/wrangler/jsapi_differential.py), at any compatibility date -- not the phrase table
    an older workerd source suggested."""
    assert (Response("x").status_text, Response("x", status=404).status_text) == ("", "")
    assert js.Response.new("x").statusText == ""
    assert Response("x", status=201, status_text="Made").status_text == "Made"
    assert js.Response.new("x", status=200, statusText="").statusText == ""  # given, even empty


@pytest.mark.asyncio
async def test_an_empty_body_with_a_null_body_status_is_no_body_and_a_warning(caplog):
    """workerd's Workers-beta leniency: a zero-length buffer passes (warned), a stream does not."""
    with caplog.at_level("WARNING", logger="workers_env.runtime"):
        resp = Response("", status=204)
    assert (resp.status, await resp.text()) == (204, "")
    assert caplog.messages == [  # http.c++'s console warning, word for word
        "Constructing a Response with a null body status (204) and a non-null, zero-length body. This is technically "
        "incorrect, and we recommend you update your code to explicitly pass in a `null` body, e.g. "
        "`new Response(null, { status: 204, ... })`. (We continue to allow the zero-length body behavior because it "
        "was previously the only way to construct a Response with a null body status. This behavior may change in "
        "the future.)"]
    assert js.Response.new(to_js(b""), status=304).status == 304  # a zero-length Uint8Array
    from workers_env._jsvalues import ByteStream
    from workers_env.runtime.jsreadable import JsReadableStream

    with pytest.raises(JsException, match="cannot have a body"):  # an (empty) stream is no buffer
        js.Response.new(JsReadableStream(ByteStream([])), status=205)


@pytest.mark.asyncio
async def test_response_wraps_a_js_response_and_redirect_returns_one():
    js_resp = js.Response.new("body", status=404, statusText="Nope")
    resp = Response(js_resp)
    assert (resp.status, resp.status_text, resp.ok) == (404, "Nope", False)
    with pytest.raises(ValueError):
        Response(js_resp, status=200)
    redirect = Response.redirect("https://example.com/", 301)
    assert isinstance(redirect, JsResponse) and redirect.headers.get("Location") == "https://example.com/"
    clone = Response("twice").clone()
    assert await clone.text() == "twice"


@pytest.mark.asyncio
async def test_request_surface():
    req = Request("https://example.com/a?b=1", method="POST", headers={"Content-Type": "application/json"}, body='{"x": 1}')
    assert req.url == "https://example.com/a?b=1"
    assert req.method == "POST" and req.method is HTTPMethod.POST
    assert req.headers["content-type"] == "application/json"
    assert "CONTENT-TYPE" in req.headers
    assert await req.json() == {"x": 1}
    assert req.body_used
    with pytest.raises(OSError):
        await req.text()
    with pytest.raises(JsException, match="GET or HEAD"):
        Request("https://example.com/", body="x")
    raw = JsRequest("http://localhost/", method="PUT", body=b"\x01\x02")
    assert await Request(raw).bytes() == b"\x01\x02"


def test_js_headers_behave_like_the_web_api():
    headers = JsHeaders([("B", "2"), ("a", "1"), ("b", "3")])
    assert headers.get("b") == "2, 3"
    assert headers.get("missing") is jsnull  # null, as the newest Pyodide converts it (outside a Worker)
    assert [list(pair) for pair in headers] == [["a", "1"], ["b", "2, 3"]]
    headers.set("A", "x")
    assert headers.has("a") and headers.get("A") == "x"
    with pytest.raises(JsException):
        headers.append("bad name", "v")


def test_to_js_dicts_become_maps_unless_converted():
    as_map = to_js({"topK": 3})
    assert isinstance(as_map, JsMap) and as_map.get("topK") == 3
    obj = to_js({"topK": 3, "nested": {"a": [1, 2]}}, dict_converter=js.Object.fromEntries)
    assert isinstance(obj, JsObject) and obj.topK == 3
    assert isinstance(obj.nested.a, JsArray) and list(obj.nested.a) == [1, 2]
    assert obj.to_py() == {"topK": 3, "nested": {"a": [1, 2]}}
    assert isinstance(to_js((1, 2)), JsArray)
    floats = to_js(array.array("f", [0.5, 0.25]))
    assert isinstance(floats, JsTypedArray) and floats.constructor.name == "Float32Array"


def test_js_module_helpers():
    parsed = js.JSON.parse('{"a": [1, null, 2.0]}')  # outside a Worker: the newest Pyodide's null
    assert parsed.a[1] is jsnull and parsed.to_py() == {"a": [1, jsnull, 2]}
    assert js.JSON.stringify(js.Object.fromEntries([["a", 1], ["b", jsnull]])) == '{"a":1,"b":null}'
    f32 = js.Float32Array.new([0.1, 0.2])
    assert len(f32) == 2 and f32[0] != 0.1  # stored as float32
    assert isinstance(f32.to_py(), memoryview)
    with pytest.raises(JsException, match="SyntaxError"):
        js.JSON.parse("{")


def test_console_log_prints(capsys):
    js.console.log("hello", js.JSON.parse('{"a":1}'), 3)
    assert capsys.readouterr().out == "hello { a: 1 } 3\n"
    js.console.log(None, jsnull, True, 1.0, 2.5)  # as JavaScript prints undefined, null, true, 1
    assert capsys.readouterr().out == "undefined null true 1 2.5\n"


def test_rpc_conversions():
    assert python_to_rpc(None) is jsnull
    with pytest.raises(TypeError, match=r"<class 'tuple'> cannot be sent over RPC\."):
        python_to_rpc({"values": (1, 2)})
    with pytest.raises(TypeError, match=r"<class 'bytearray'> cannot be sent over RPC\."):
        python_to_rpc([bytearray(b"x")])
    converted = python_to_rpc({"a": None, "b": [1.0, 2.5]})
    assert isinstance(converted, JsObject) and converted.a is jsnull  # null, read back as Pyodide 0.28 does
    back = python_from_rpc(jsproxy.from_plain({"count": 1.0, "matches": [{"id": "x", "score": 0.5}]}))
    assert back == {"count": 1, "matches": [{"id": "x", "score": 0.5}]}
    assert type(back["count"]) is int and back.matches[0].id == "x"


def test_pyodide_modules_are_packages():
    mods = standin_modules()
    assert mods["pyodide"].ffi is mods["pyodide.ffi"]
    assert mods["pyodide.ffi"].JsException is JsException
    assert set(mods["workers"].__all__) >= {"Response", "Request", "WorkerEntrypoint", "fetch", "handler"}
    json.dumps(mods["pyodide"].__version__)


@pytest.mark.asyncio
async def test_form_data_url_search_params_and_blob_bodies_carry_their_content_type():
    """The fetch spec's body extraction: FormData is multipart (read back whole, files
    included), URLSearchParams form-urlencoded, a Blob its type; a given Content-Type wins."""
    form = js.FormData.new()
    form.append("title", "notes")
    form.append("file", js.Blob.new(["hello"], type="text/plain"), "h.txt")
    resp = Response(form)
    assert resp.headers["content-type"].startswith("multipart/form-data; boundary=")
    back = await resp.formData()  # the SDKs keep the JS name beside form_data()
    assert back["title"] == "notes" and back["file"].name == "h.txt" and await back["file"].text() == "hello"
    assert Response(js.URLSearchParams.new("x=1")).headers["content-type"] == (
        "application/x-www-form-urlencoded;charset=UTF-8")
    assert Response(js.Blob.new(["b"], type="image/png")).headers["content-type"] == "image/png"
    assert Response(js.URLSearchParams.new("x=1"), headers={"content-type": "text/x"}).headers["content-type"] == "text/x"
    request = js.Request.new("https://example.com/upload", method="POST", body=form)
    assert (await request.formData()).get("title") == "notes"


@pytest.mark.asyncio
async def test_body_is_a_readable_stream_that_uses_the_body_up():
    """``request.body`` / ``response.body`` are ``ReadableStream``s (JavaScript's ``null`` without a
    body: ``jsnull`` outside Worker code, as the newest Pyodide), as in JavaScript and as the SDKs
    hand them out: reading one marks the body used."""
    request = js.Request.new("https://example.com/upload", method="POST", body="chunked data")
    stream = request.body
    assert stream.constructor.name == "ReadableStream" and request.bodyUsed is False
    assert b"".join([chunk.to_bytes() async for chunk in stream]) == b"chunked data"
    assert request.bodyUsed is True
    with pytest.raises(JsException, match="Body has already been used"):
        await request.text()
    response = Response("via a reader")
    reader = response.body.getReader()
    first = await reader.read()
    assert (first.done, first.value.to_bytes()) == (False, b"via a reader") and (await reader.read()).done
    assert js.Request.new("https://example.com/").body is jsproxy.jsnull


@pytest.mark.asyncio
async def test_a_request_body_read_twice_is_the_sdks_oserror():
    request = Request("https://example.com/", method="POST", body="x")
    assert await request.text() == "x"
    with pytest.raises(OSError, match="^Body already used$"):
        await request.text()
