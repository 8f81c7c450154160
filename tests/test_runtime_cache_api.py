"""``from js import caches``: the Cache API as ``wrangler dev`` keeps it -- workerd's checks,
Miniflare's HTTP caching rules (a shared cache), ``CF-Cache-Status: HIT``, ranges and
conditional 304s, expiry on the env's clock, and one set of caches per Worker (cases checked
against ``wrangler dev`` 4.164.0 by ``tools/wrangler/jsapi_differential.py``)."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, ManualClock, NotEmulatedError, js, load_env, load_worker, to_js

ENTRY = """
from js import caches, Response as JsResponse
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        hit = await caches.default.match(request.url)
        if hit is not None:
            return hit
        fresh = JsResponse.new("computed " + request.url, headers=[["cache-control", "max-age=60"]])
        await caches.default.put(request.url, fresh.clone())
        return fresh
"""


def headers(**values: str):
    return to_js([[k.replace("_", "-"), v] for k, v in values.items()])


def project(tmp_path):
    return one_file_worker(tmp_path, ENTRY)


@pytest.mark.asyncio
async def test_a_worker_caches_until_max_age_passes_on_the_envs_clock(tmp_path):
    clock = ManualClock(start=1_800_000_000)
    worker = load_worker(env=load_env(project(tmp_path), clock=clock))
    first = await worker.fetch("/page")
    assert (first.headers.get("cf-cache-status"), await first.text()) == (None, "computed http://localhost/page")
    second = await worker.fetch("/page")
    assert (second.headers.get("cf-cache-status"), second.headers.get("age"), second.status) == ("HIT", "0", 200)
    assert second.headers.get("date") == "Fri, 15 Jan 2027 08:00:00 GMT"  # put time, on the env's clock
    clock.advance(61)
    assert (await worker.fetch("/page")).headers.get("cf-cache-status") is None  # expired: computed again
    other = load_worker(env=load_env(tmp_path, clock=clock))  # another Worker: caches of its own
    assert (await other.fetch("/page")).headers.get("cf-cache-status") is None


@pytest.mark.asyncio
async def test_put_match_and_delete():
    cache = await js.caches.open("test-put-match-delete")
    assert await cache.match("https://c.test/a") is None
    await cache.put("https://c.test/a", js.Response.new("body-a", headers=headers(cache_control="max-age=60", x_k="1")))
    hit = await cache.match(js.Request.new("https://c.test/a#fragment"))  # the fragment is not part of the key
    assert (hit.status, hit.statusText, await hit.text()) == (200, "OK", "body-a")
    assert [k for k, _ in hit.headers.items()] == ["age", "cache-control", "cf-cache-status", "content-length",
                                                   "content-type", "date", "x-k"]
    assert await (await cache.match("https://c.test/a")).text() == "body-a"  # each match a fresh response
    assert await cache.match("https://c.test/a?q") is None
    assert await js.caches.default.match("https://c.test/a") is None  # named caches are apart
    assert (await cache.delete("https://c.test/a"), await cache.delete("https://c.test/a")) == (True, False)


@pytest.mark.asyncio
@pytest.mark.parametrize("cache_headers", [
    {"cache_control": "no-store"}, {"cache_control": "private"}, {"cache_control": "no-cache"},
    {"cache_control": "max-age=0"}, {"set_cookie": "a=1", "cache_control": "max-age=60"}, {},
])
async def test_what_a_shared_cache_may_not_keep_is_not_kept(cache_headers):
    cache = await js.caches.open("test-not-kept")
    response = js.Response.new("x", headers=headers(**cache_headers))
    assert await cache.put("https://c.test/nk", response) is None  # put() resolves all the same
    assert response.bodyUsed and await cache.match("https://c.test/nk") is None


@pytest.mark.asyncio
async def test_conditional_requests_and_ranges():
    cache = await js.caches.open("test-conditional")
    await cache.put("https://c.test/e", js.Response.new("tagged", headers=headers(
        etag='"v1"', cache_control="max-age=60", last_modified="Tue, 01 Dec 2026 10:00:00 GMT")))

    async def match(**request_headers):
        return await cache.match(js.Request.new("https://c.test/e", headers=headers(**request_headers)))

    assert (await match(if_none_match='"v1"')).status == 304
    assert (await match(if_none_match='"v2"')).status == 200
    assert (await match(if_modified_since="Wed, 02 Dec 2026 10:00:00 GMT")).status == 304
    part = await match(range="bytes=1-3")
    assert (part.status, part.headers.get("content-range"), await part.text()) == (206, "bytes 1-3/6", "agg")
    assert (await match(range="bytes=-2")).headers.get("content-range") == "bytes 4-5/6"
    beyond = await match(range="bytes=10-20")
    assert (beyond.status, beyond.headers.get("content-range")) == (416, "bytes */6")
    assert [(await match(**h)).statusText for h in ({"if_none_match": '"v1"'}, {"range": "bytes=1-3"},
                                                    {"range": "bytes=10-20"})] == [
        "Not Modified", "Partial Content", "Range Not Satisfiable"]
    with pytest.raises(NotEmulatedError) as caught:
        await match(range="bytes=0-1,3-4")
    assert str(caught.value) == ("a Range with several ranges (a multipart/byteranges answer) is not emulated by "
                                 "workers-env's Cache API; ask for one range")
    head = js.Request.new("https://c.test/e", method="HEAD")
    assert await cache.match(head) is None and (await cache.match(head, ignoreMethod=True)).status == 200


@pytest.mark.asyncio
async def test_workerds_refusals_word_for_word(caplog):
    cache = js.caches.default

    async def refused(call, name: str, message: str) -> None:
        with pytest.raises(JsException) as caught:
            await call()
        assert (caught.value.name, caught.value.message) == (name, message)

    await refused(lambda: cache.put(js.Request.new("https://c.test/p", method="POST", body="x"), js.Response.new("r")),
                  "TypeError", "Cannot cache response to non-GET request.")
    await refused(lambda: cache.put("https://c.test/r", js.Response.new("r", status=206)),
                  "TypeError", "Cannot cache response to a range request (206 Partial Content).")
    await refused(lambda: cache.put("https://c.test/v", js.Response.new("r", headers=headers(vary="*"))),
                  "TypeError", "Cannot cache response with 'Vary: *' header.")
    await refused(lambda: cache.put("https://c.test/np", 5),
                  "TypeError", "Failed to execute 'put' on 'Cache': parameter 2 is not of type 'Response'.")
    await refused(lambda: cache.put("https://c.test/x", js.Response.error()),
                  "TypeError", "Cache is unable to store an error response")
    await refused(lambda: cache.match("/relative"), "TypeError", "Invalid URL: /relative")
    await refused(lambda: js.caches.open("x" * 1024), "TypeError", "Cache name is too long.")
    with caplog.at_level(logging.WARNING, logger="workers_env.runtime"):
        assert await cache.put("https://c.test/304", js.Response.new(None, status=304)) is None  # ignored
    assert caplog.messages == [  # cache.c++'s console warning, word for word
        "Ignoring attempt to Cache.put() a 304 status response. 304 responses are not meaningful to cache, and a "
        "potential source of bugs. Consider validating that the response status is meaningful to cache before "
        "calling Cache.put()."]
    for call, text in [(lambda: cache.keys(), "'keys' on 'Cache'"), (lambda: js.caches.has("x"), "'has' on 'CacheStorage'")]:
        with pytest.raises(JsException, match=f"Failed to execute {text}: the method is not implemented."):
            call()


#: the reason phrase workerd gives each status it answers from the cache (a cached response's own
#: ``statusText`` is not kept)
REASONS = {200: "OK", 203: "Non-Authoritative Information", 300: "Multiple Choices",
           301: "Moved Permanently", 302: "Found", 303: "See Other", 307: "Temporary Redirect",
           308: "Permanent Redirect", 404: "Not Found", 405: "Method Not Allowed", 410: "Gone", 414: "URI Too Long",
           501: "Not Implemented"}


@pytest.mark.asyncio
async def test_a_cached_response_carries_workerds_reason_phrase_for_its_status():
    cache = await js.caches.open("test-reasons")
    for status in REASONS:
        await cache.put(f"https://c.test/{status}", js.Response.new("x", status=status, statusText="mine",
                                                                      headers=headers(cache_control="max-age=60")))
    answers = {status: await cache.match(f"https://c.test/{status}") for status in REASONS}
    assert {status: (a.status, a.statusText) for status, a in answers.items()} == {
        status: (status, reason) for status, reason in REASONS.items()}
    await cache.put("https://c.test/204", js.Response.new(None, status=204, headers=headers(cache_control="max-age=60")))
    assert await cache.match("https://c.test/204") is None  # Miniflare's cache never stores a 204 (it has no body)


@pytest.mark.asyncio
async def test_a_heuristically_fresh_response_older_than_a_day_gets_warning_113():
    cache = await js.caches.open("test-heuristic-warning")
    await cache.put("https://c.test/old", js.Response.new("x", headers=headers(
        date="Tue, 01 Dec 2026 10:00:00 GMT", last_modified="Tue, 01 Dec 2020 10:00:00 GMT", age="100000")))
    hit = await cache.match("https://c.test/old")
    assert hit.headers.get("warning") == '113 - "rfc7234 5.5.4"'  # http-cache-semantics' heuristic-expiration warning
