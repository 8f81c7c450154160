"""The Cache API reads a response's ``Expires`` (and ``Date``, ``Last-Modified``) with
``Date.parse``, as the ``http-cache-semantics`` package Miniflare bundles does: an ISO date or
``Jan 1 2099`` is a lifetime, ``CET`` (no zone V8 knows) none. Expected values measured under
``wrangler dev`` 4.164.0 (``caches.default.put`` then ``match`` of the same response)."""

from __future__ import annotations

import pytest

from workers_env import js, to_js


@pytest.mark.asyncio
@pytest.mark.parametrize(("expires", "status"), [
    ("2099-01-01T00:00:00Z", "HIT"), ("Thu, 01 Jan 2099 00:00:00 GMT", "HIT"), ("Jan 1 2099", "HIT"),
    ("Thu, 01 Jan 2099 00:00:00 EST", "HIT"), ("2099", "HIT"),
    ("Thu, 01 Jan 2099 00:00:00 CET", None), ("0", None),
])
async def test_expires_is_read_as_date_parse_reads_it(expires, status):
    cache = await js.caches.open("expires-date-parse")
    key = "https://c.test/" + expires
    await cache.put(key, js.Response.new("x", headers=to_js([["expires", expires]])))
    hit = await cache.match(key)
    assert (None if hit is None else hit.headers.get("cf-cache-status")) == status
