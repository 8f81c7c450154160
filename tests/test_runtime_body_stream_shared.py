"""A Request or Response made over another's ``body`` stream shares that stream, as workerd does:
``new Response(other.body, other)`` -- the docs' "modify a response" idiom -- leaves ``other``
unread until one of the two is read, then both are used (``a.body === b.body``; reading the
other one is "Body has already been used"). Checked under wrangler dev 4.164.0 (workerd
1.20261117.1) with a JavaScript Worker doing the same steps: the same flags and texts."""

from __future__ import annotations

import re

import pytest

from workers_env import JsException, js

USED = re.escape("Body has already been used. It can only be used once. Use tee() first if you need to read it twice.")


@pytest.mark.asyncio
@pytest.mark.parametrize("read_new_first", [True, False])
async def test_a_response_over_anothers_body_shares_it(read_new_first):
    original = js.Response.new("hello", status=201)
    made = js.Response.new(original.body, original)
    assert (made.status, original.bodyUsed, made.bodyUsed) == (201, False, False)  # handing over reads nothing
    assert made.body is original.body
    first, second = (made, original) if read_new_first else (original, made)
    assert await first.text() == "hello"
    assert (original.bodyUsed, made.bodyUsed) == (True, True)
    with pytest.raises(JsException, match=USED):
        await second.text()


@pytest.mark.asyncio
@pytest.mark.parametrize("read_new_first", [True, False])
async def test_a_request_as_init_shares_its_body_both_ways(read_new_first):
    original = js.Request.new("https://a.test/", method="POST", body="hi")
    made = js.Request.new("https://b.test/", original)
    assert made.body is original.body
    first, second = (made, original) if read_new_first else (original, made)
    assert await first.text() == "hi"
    assert (original.bodyUsed, made.bodyUsed) == (True, True)
    with pytest.raises(JsException, match=USED):
        await second.text()


@pytest.mark.asyncio
async def test_a_request_body_proxied_into_a_response():
    request = js.Request.new("https://a.test/", method="PUT", body="payload")
    echoed = js.Response.new(request.body)
    assert request.bodyUsed is False
    assert echoed.headers.has("content-type") is False  # a stream implies no type
    assert await echoed.text() == "payload"
    assert request.bodyUsed is True


@pytest.mark.asyncio
async def test_a_read_stream_cannot_become_a_body():
    original = js.Response.new("hello")
    await original.text()
    with pytest.raises(JsException, match="This ReadableStream is disturbed"):
        js.Response.new(original.body)
    spare = js.Response.new("x")
    first, second = js.Response.new(spare.body), js.Response.new(spare.body)  # workerd lets both take it
    assert await second.text() == "x" and first.bodyUsed is True
