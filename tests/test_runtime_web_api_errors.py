"""The errors workerd's Web APIs raise for bad input, word for word (found by
``tools/wrangler/jsapi_differential.py`` against ``wrangler dev``), and the values they coerce."""

from __future__ import annotations

import pytest

from workers_env import js, to_js
from workers_env._errors import JsException
from workers_env.runtime.jsproxy import jsnull


def _raises(call, name: str, message: str) -> None:
    with pytest.raises(JsException) as caught:
        call()
    assert (caught.value.name, caught.value.message) == (name, message)


def test_btoa_and_atob_texts():
    _raises(lambda: js.btoa("€"), "InvalidCharacterError",
            "btoa() can only operate on characters in the Latin1 (ISO/IEC 8859-1) range.")
    _raises(lambda: js.atob("a"), "InvalidCharacterError",
            "atob() called with invalid base64-encoded data. (Only whitespace, '+', '/', alphanumeric ASCII, "
            "and up to two terminal '=' signs when the input data length is divisible by 4 are allowed.)")
    _raises(lambda: js.btoa(), "TypeError",
            "Failed to execute 'btoa' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'String'.")
    _raises(lambda: js.atob(), "TypeError",
            "Failed to execute 'atob' on 'ServiceWorkerGlobalScope': parameter 1 is not of type 'String'.")
    # String(value): undefined, null, numbers as JavaScript writes them
    assert [js.atob(js.btoa(v)) for v in (None, jsnull, 1.0, True)] == ["undefined", "null", "1", "true"]
    assert js.atob(" aG k= ") == "hi"  # whitespace is skipped


def test_url_search_params_refuse_a_pair_that_is_no_pair():
    for pairs in ([["a"]], [["a", "1", "2"]]):
        _raises(lambda: js.URLSearchParams.new(to_js(pairs)), "TypeError", "Invalid URL search params sequence.")


def test_url_search_params_serialize_as_forms_do():
    params = js.URLSearchParams.new()
    params.append("a b", "x~y*z-._!")
    params.append(None, jsnull, "extra arguments are ignored")
    params.set("é", "€")
    assert params.toString() == "a+b=x%7Ey*z-._%21&undefined=null&%C3%A9=%E2%82%AC"


def test_header_names_and_values_are_checked_as_workerd_checks_them():
    headers = js.Headers.new()
    _raises(lambda: headers.set("bad name", "1"), "TypeError", "Invalid header name.")
    _raises(lambda: headers.append("x:y", "1"), "TypeError", "Invalid header name.")
    for bad in ("a\r\nb", "a\nb", "a\x00b"):
        _raises(lambda bad=bad: headers.set("x-v", bad), "TypeError", "Invalid header value.")
    assert list(headers.keys()) == []  # a refused header changes nothing
    headers.set("x-pad", " \t padded \t ")
    headers.set("", "empty name is allowed")
    assert (headers.get("x-pad"), headers.get("")) == ("padded", "empty name is allowed")


def test_request_checks_its_method_redirect_and_url():
    request = js.Request.new("https://example.com/", method="patch")
    assert request.method == "PATCH"
    _raises(lambda: js.Request.new("https://example.com/", method="FETCH"), "TypeError",
            "Invalid HTTP method string: FETCH")
    _raises(lambda: js.Request.new("https://example.com/", method="CONNECT"), "TypeError",
            "Invalid HTTP method string: CONNECT")
    _raises(lambda: js.Request.new("https://example.com/", redirect="error"), "TypeError",  # workerd 1.20261201.1's
            'Invalid redirect value. Use "follow" or "manual". To use "error", enable the fetch_redirect_error '
            "compatibility flag.")  # outside a Worker the flag is off (on from 2026-12-22)
    assert js.Request.new("https://example.com/", redirect="manual").redirect == "manual"
    _raises(lambda: js.Request.new("/relative"), "TypeError", "Invalid URL: /relative")
    # the redirect mode is kept by the copy constructor and clone()
    copied = js.Request.new(js.Request.new("https://example.com/", redirect="manual"))
    assert (copied.redirect, copied.clone().redirect) == ("manual", "manual")


@pytest.mark.asyncio
async def test_outgoing_fetch_follows_redirects_unless_told_manual():
    import http.server
    import threading

    class Hop(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            if self.path == "/from":
                self.send_response(302)
                self.send_header("Location", "/to")
                self.end_headers()
                return
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"landed")

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Hop)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        followed = await js.fetch(f"{base}/from")
        assert (followed.status, followed.redirected, followed.url, await followed.text()) == (
            200, True, f"{base}/to", "landed")
        manual = await js.fetch(f"{base}/from", redirect="manual")
        assert (manual.status, manual.redirected, manual.headers.get("location")) == (302, False, "/to")
        direct = await js.fetch(f"{base}/to")
        assert (direct.status, direct.redirected) == (200, False)
    finally:
        server.shutdown()
        server.server_close()


def test_headers_init_and_iteration():
    _raises(lambda: js.Headers.new([["a", "1"], ["b"]]), "TypeError",
            "To initialize a Headers object from a sequence, each inner sequence must have exactly two elements.")
    _raises(lambda: js.Headers.new("x"), "TypeError",
            "Failed to construct 'Headers': constructor parameter 1 is not of type 'Headers or Sequence or object'.")
    _raises(lambda: js.Headers.new([["ok", "1"], ["bad name", "2"]]), "TypeError", "Invalid header name.")
    headers = js.Headers.new(to_js({"b": "2", "a": "1", "C": "3"}, dict_converter=js.Object.fromEntries))
    assert (list(headers.keys()), list(headers.values())) == (["a", "b", "c"], ["1", "2", "3"])
    seen = []
    headers.forEach(lambda value, name, owner: seen.append((name, value, owner is headers)))
    assert seen == [("a", "1", True), ("b", "2", True), ("c", "3", True)]


def test_response_init_is_converted_as_webidl_converts_it():
    assert js.Response.new("x", status="201").status == 201  # unsigned short: "201" is 201
    assert js.Response.new("x", status=200.5).status == 200
    _raises(lambda: js.Response.new("x", status=jsnull), "RangeError",
            "Responses may only be constructed with status codes in the range 200 to 599, inclusive.")
    _raises(lambda: js.Response.new("x", statusText="bad\ntext"), "TypeError", "Invalid statusText")
    numeric = js.Response.new(12)  # String(12), a text body
    assert (numeric.headers.get("content-type"), numeric.raw_body()) == ("text/plain;charset=UTF-8", b"12")
    assert js.Response.new(1.0).raw_body() == b"1"
    error = js.Response.error()
    assert (error.status, error.type, error.ok, error.raw_body()) == (0, "error", False, b"")
    assert js.Response.json(None).raw_body() == b"undefined"  # JSON.stringify(undefined), as workerd writes it
    assert js.Response.json(jsnull).raw_body() == b"null"


@pytest.mark.asyncio
async def test_an_init_that_is_no_object_is_jsgs_type_error_naming_the_call():
    _raises(lambda: js.Response.new("x", 5), "TypeError",
            "Failed to construct 'Response': constructor parameter 2 is not of type 'InitializerDict or Response'.")
    _raises(lambda: js.Response.new("x", "init"), "TypeError",
            "Failed to construct 'Response': constructor parameter 2 is not of type 'InitializerDict or Response'.")
    _raises(lambda: js.Request.new("https://e.com", 5), "TypeError",
            "Failed to construct 'Request': constructor parameter 2 is not of type "
            "'RequestInitializerDict or Request'.")
    _raises(lambda: js.Response.json(1, 5), "TypeError",
            "Failed to execute 'json' on 'Response': parameter 2 is not of type 'InitializerDict or Response'.")
    with pytest.raises(JsException) as caught:
        await js.fetch("https://e.com", 5)
    assert (caught.value.name, caught.value.message) == (
        "TypeError", "Failed to execute 'fetch' on 'ServiceWorkerGlobalScope': parameter 2 is not of type "
        "'RequestInitializerDict or Request'.")


def test_text_codecs_take_usv_strings_and_decoder_options():
    assert list(js.TextEncoder.new().encode("\ud800x")) == [239, 191, 189, 120]  # lone surrogate: U+FFFD
    assert list(js.TextEncoder.new().encode()) == []
    bom = to_js(bytes.fromhex("efbbbf6869"))
    plain = js.TextDecoder.new()
    assert (plain.decode(bom), plain.ignoreBOM, plain.fatal, plain.encoding) == ("hi", False, False, "utf-8")
    keep = js.TextDecoder.new("utf-8", to_js({"ignoreBOM": True}, dict_converter=js.Object.fromEntries))
    assert (keep.decode(bom), keep.ignoreBOM) == ("\ufeffhi", True)
    fatal = js.TextDecoder.new("utf-8", to_js({"fatal": True}, dict_converter=js.Object.fromEntries))
    _raises(lambda: fatal.decode(to_js(bytes.fromhex("ff61"))), "TypeError", "Failed to decode input.")
    assert fatal.decode(to_js(b"ok")) == "ok"  # a failed decode leaves the decoder usable
    _raises(lambda: js.TextDecoder.new("bogus"), "RangeError", '"bogus" is not a valid encoding.')


def test_typed_array_offsets_and_lengths_are_refused_with_v8_texts():
    _raises(lambda: js.Uint8Array.new(float("inf")), "RangeError", "Invalid typed array length: Infinity")
    _raises(lambda: js.Uint8Array.new(js.ArrayBuffer.new(4), -1), "RangeError",
            "Start offset -1 is outside the bounds of the buffer")


def test_a_body_that_is_no_body_kind_is_its_string():
    """A Python container handed to ``js.Response.new`` is a PyProxy, whose ``String()`` is
    Python's ``str()`` (production's transcript in ryu22e's README shows ``{'message': 'ok'}``);
    a JavaScript object or array is ``String()`` of it; both are text bodies."""
    cases = [({"message": "ok"}, b"{'message': 'ok'}"), ([1, 2], b"[1, 2]"),
             (to_js({"a": 1}, dict_converter=js.Object.fromEntries), b"[object Object]"), (to_js([1, 2]), b"1,2"),
             (js.Headers.new(), b"[object Headers]"), (True, b"true")]
    for body, text in cases:
        response = js.Response.new(body)
        assert (response.raw_body(), response.headers.get("content-type")) == (text, "text/plain;charset=UTF-8")
    form = js.Response.new(js.URLSearchParams.new("a=1"))
    assert form.headers.get("content-type") == "application/x-www-form-urlencoded;charset=UTF-8"


@pytest.mark.asyncio
async def test_fetch_of_an_unreachable_origin_rejects_as_workerd_does(monkeypatch, caplog):
    """wrangler dev 4.164.0 and 4.168.0: a refused connection is ``Error: Network connection lost.``;
    a host that does not resolve is (4.168.0, workerd 1.20261123.1) ``Error: Network connection
    failed: failed to lookup address information: Name or service not known`` (4.164.0: ``internal
    error; reference = <24 characters>``, a reference tests/test_d1_* check); no Python cause is
    chained (production has none), the local reason is logged."""
    import re
    import socket

    with caplog.at_level("WARNING", logger="workers_env.fetch"), pytest.raises(JsException) as refused:
        await js.fetch("http://127.0.0.1:1/")  # nothing listens on port 1
    assert (refused.value.name, refused.value.message) == ("Error", "Network connection lost.")
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
    assert "fetch GET http://127.0.0.1:1/ failed here" in caplog.text

    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    for _ in range(8):
        with pytest.raises(JsException) as unresolved:
            await js.fetch("http://name-that-does-not-exist.invalid/")
        assert unresolved.value.name == "Error"
        assert re.fullmatch(r"Network connection failed: failed to lookup address information: Name or service not known",
                            unresolved.value.message)
