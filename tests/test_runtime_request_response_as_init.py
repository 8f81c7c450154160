"""``new Request(input, otherRequest)`` and ``new Response(body, otherResponse)``: workerd's
``Initializer`` is a dictionary or another Request/Response, read as its fields (http.h;
checked under wrangler dev 4.164.0). The other request's body is shared, not copied: reading
the new one uses both."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import js, load_worker, to_js


def obj(d: dict) -> object:
    return to_js(d, dict_converter=js.Object.fromEntries)


@pytest.mark.asyncio
async def test_a_request_as_init_gives_its_method_headers_and_body():
    original = js.Request.new("https://a.test/p", obj({"method": "POST", "body": "hi", "headers": {"x-a": "1"}}))
    url = js.URL.new(original.url)
    url.pathname = "/other"
    moved = js.Request.new(url, original)
    assert (moved.method, moved.url, moved.headers.get("x-a")) == ("POST", "https://a.test/other", "1")
    assert moved.headers.get("content-type") == "text/plain;charset=UTF-8"
    assert original.bodyUsed is False
    assert await moved.text() == "hi"
    assert original.bodyUsed is True  # one body between the two, as workerd has it
    # a Request input with a bodiless Request as init: the init's (empty) body wins
    again = js.Request.new(js.Request.new("https://a.test/q", obj({"method": "PUT", "body": "x"})),
                           js.Request.new("https://a.test/g"))
    assert (again.method, again.url, await again.text()) == ("GET", "https://a.test/q", "")


@pytest.mark.asyncio
async def test_a_response_as_init_gives_its_status_text_and_headers():
    made = js.Response.new("x", obj({"status": 201, "statusText": "Made", "headers": {"x-b": "2"}}))
    copy = js.Response.new("y", made)
    assert (copy.status, copy.statusText, copy.headers.get("x-b"), await copy.text()) == (201, "Made", "2", "y")
    plain = js.Response.new("z", js.Response.new("w"))
    assert (plain.status, plain.statusText) == (200, "")


ENTRY = '''
from js import Request, Response, URL


async def on_fetch(request, env):
    url = URL.new(request.url)
    url.pathname = "/other"
    clone = Request.new(url, request)
    return Response.new(f"{clone.method} {clone.url} {clone.headers.get('x-a')} {await clone.text()}")
'''


@pytest.mark.asyncio
async def test_a_worker_rewrites_the_incoming_request_url(tmp_path):
    """A public Worker's proxy route (OWASP-BLT/BLT-Sizzle): the incoming request as the init."""
    one_file_worker(tmp_path, ENTRY, date="2024-04-03")
    reply = await (await load_worker(tmp_path).fetch("/p", method="POST", body="hi", headers={"x-a": "1"})).text()
    assert reply == "POST http://localhost/other 1 hi"
