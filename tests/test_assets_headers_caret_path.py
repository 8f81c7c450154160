"""A ``_headers`` path with ``^`` is percent-encoded as Node's URL parser encodes it
(``extractPathname``: ``%5E``), as the request's URL is: under ``wrangler dev`` 4.164.0 a rule
``/a^b`` applies to a request for ``/a^b`` and ``/a%5Eb``; it applied to neither (the rule kept
``^``, the request's path had ``%5E``)."""

from __future__ import annotations

import pytest
from worker_helpers import assets_site

from workers_env import load_worker


@pytest.mark.asyncio
async def test_a_caret_in_a_rules_path(tmp_path):
    assets_site(tmp_path, {"a^b.html": "a", "_headers": "/a^b\n  X-A: 1\n"})
    worker = load_worker(tmp_path)
    for path in ("/a^b", "/a%5Eb"):
        resp = await worker.fetch(path)
        assert (resp.status, resp.headers.get("x-a")) == (200, "1")
