"""A ``_redirects`` rule's paths are percent-encoded as Node's URL parser encodes them
(``extractPathname``) and its ``Location`` as the asset worker's ``new URL(to, request.url)``
writes it: ``^`` in a path is ``%5E`` (WHATWG's path set; the request's URL encodes it too, so
``/caret^x`` matched no request), and ``'`` in the target's query is ``%27`` (a special URL's
query set). Each compared with ``wrangler dev`` 4.164.0 (``redirects_differential.py``)."""

from __future__ import annotations

import pytest
from worker_helpers import assets_site

from workers_env import load_worker


@pytest.mark.asyncio
async def test_caret_in_a_path_and_quote_in_a_query(tmp_path):
    assets_site(tmp_path, {"about.html": "about", "_redirects": (
        "/caret^x /to^y|z 301\n/squote /about?x='q'&y=\"r\"#'f' 301\n/sq/* /about?x=':splat' 302\n")})
    worker = load_worker(tmp_path)
    for path in ("/caret^x", "/caret%5Ex"):
        resp = await worker.fetch(path)
        assert (resp.status, resp.headers.get("location")) == (301, "/to%5Ey|z")
    resp = await worker.fetch("/squote")
    assert resp.headers.get("location") == "/about?x=%27q%27&y=%22r%22#'f'"
    resp = await worker.fetch("/sq/a'b")
    assert resp.headers.get("location") == "/about?x=%27a%27b%27"
