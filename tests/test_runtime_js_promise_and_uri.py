"""``js.Promise`` (awaitable, as Pyodide makes a JavaScript promise), the URI functions and
``navigator``, as workerd has them (cases checked against ``wrangler dev`` 4.164.0 by
``tools/wrangler/jsapi_differential.py``)."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import JsException, js
from workers_env.runtime.runsync import run_sync


@pytest.mark.asyncio
async def test_promises_await_chain_and_combine():
    loop = asyncio.get_running_loop()
    later = js.Promise.new(lambda resolve, reject: loop.call_later(0.01, resolve, "late"))
    assert await later == "late"
    assert await js.Promise.resolve(1).then(lambda v: v + 1).then(lambda v: v * 10) == 20
    with pytest.raises(JsException, match="^Error: boom$"):
        await js.Promise.reject(js.Error.new("boom"))
    assert await js.Promise.reject(js.Error.new("x")).catch(lambda e: "caught") == "caught"
    assert list(await js.Promise.all([js.Promise.resolve(1), 2, later])) == [1, 2, "late"]
    assert await js.Promise.race([js.Promise.resolve("a"), js.Promise.resolve("b")]) == "a"
    settled = await js.Promise.allSettled([js.Promise.resolve(1), js.Promise.reject("no")])
    assert [s.status for s in settled] == ["fulfilled", "rejected"]
    with pytest.raises(JsException, match="Promise resolver undefined is not a function"):
        js.Promise.new()
    assert run_sync(js.Promise.resolve(5)) == 5  # the JSPI check libraries make


@pytest.mark.parametrize(("function", "given", "expected"), [
    ("encodeURIComponent", "a b&c=d/é?#[]!'()*~-_.", "a%20b%26c%3Dd%2F%C3%A9%3F%23%5B%5D!'()*~-_."),
    ("encodeURI", "a b&c=d/é?#[]!'()*~-_.", "a%20b&c=d/%C3%A9?#%5B%5D!'()*~-_."),
    ("encodeURIComponent", "😀", "%F0%9F%98%80"), ("encodeURIComponent", 12, "12"),
    ("decodeURIComponent", "a%20b%26c%3Dd%2F%C3%A9%3F%23", "a b&c=d/é?#"),
    ("decodeURI", "a%20b%26c%3Dd%2F%C3%A9%3F%23", "a b%26c%3Dd%2Fé%3F%23"),
    ("decodeURI", "%2f%3B", "%2f%3B"),
])
def test_uri_functions(function, given, expected):
    assert getattr(js, function)(given) == expected


@pytest.mark.parametrize(("function", "given"), [
    ("encodeURIComponent", "\ud800"), ("decodeURIComponent", "%"), ("decodeURIComponent", "%zz"),
    ("decodeURIComponent", "%C3"), ("decodeURIComponent", "%80"), ("decodeURI", "%E2%82"),
])
def test_malformed_uris_are_uri_errors(function, given):
    with pytest.raises(JsException) as caught:
        getattr(js, function)(given)
    assert (caught.value.name, caught.value.message) == ("URIError", "URI malformed")


def test_navigator():
    assert (js.navigator.userAgent, js.navigator.hardwareConcurrency) == ("Cloudflare-Workers", 1)
