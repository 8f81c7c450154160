"""A ``_redirects`` rule's status is read as JavaScript's ``Number(text)`` reads it
(workers-sdk ``parseRedirects.ts``): ``0x12d``, ``3.01e2`` and ``+301`` are 301, and an exponent
without a dot (``3e2``, 300) is a number that is not a permitted status -- the line skipped with
wrangler's message, not an exception out of ``load_worker``."""

from __future__ import annotations

import pytest
from worker_helpers import assets_site

from workers_env import load_worker


@pytest.mark.asyncio
async def test_js_number_spellings(tmp_path, capsys):
    assets_site(tmp_path, {"about.html": "about", "_redirects": (
        "/hex /about 0x12d\n/exp /about 3.01e2\n/plus /about +301\n/e1 /about 3e2\n/e2 /about 1E2\n")})
    worker = load_worker(tmp_path)
    err = capsys.readouterr().err
    assert "Parsed 3 valid redirect rules." in err
    assert "Got 3e2." in err and "Got 1E2." in err
    for path in ("/hex", "/exp", "/plus"):
        resp = await worker.fetch(path)
        assert (resp.status, resp.headers.get("location")) == (301, "/about")
    assert (await worker.fetch("/e1")).status == 200  # no rule: the Worker
