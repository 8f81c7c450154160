"""``env.ASSETS.fetch()``'s answers carry the status text ``wrangler dev`` 4.164.0 gives them
(measured 2026-12-04 with a JavaScript Worker reading ``statusText`` for these very requests,
the same list here from a Python Worker's ``js_object``): ``OK`` for an asset and a 200 rewrite
(workers-env had answered ``""``), ``Not Found``, ``Temporary Redirect`` for the asset worker's
own redirects, each ``_redirects`` status's text, ``Internal Server Error`` for a target whose
host URL parsing refuses, ``Method Not Allowed`` and ``Not Modified``."""

from __future__ import annotations

import json

import pytest
from worker_helpers import assets_site

from workers_env import load_worker

ENTRY = '''
import json
from workers import Response, WorkerEntrypoint

PATHS = [("/site.css", {}), ("/missing", {}), ("/docs", {}), ("/docs/index.html", {}), ("/r301", {}), ("/r302", {}),
         ("/r303", {}), ("/r307", {}), ("/r308", {}), ("/p200", {}), ("/bad", {}), ("/site.css", {"method": "POST"}),
         ("/site.css", {"method": "HEAD"})]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        for path, init in PATHS:
            r = await self.env.ASSETS.fetch("https://assets.local" + path, redirect="manual", **init)
            out.append([path, init.get("method", "GET"), r.status, r.js_object.statusText])
        etag = (await self.env.ASSETS.fetch("https://assets.local/site.css")).headers.get("etag")
        r = await self.env.ASSETS.fetch("https://assets.local/site.css", headers={"if-none-match": etag})
        out.append(["/site.css", "GET if-none-match", r.status, r.js_object.statusText])
        return Response(json.dumps(out))
'''

REDIRECTS = "".join(f"/r{status} /site.css {status}\n" for status in (301, 302, 303, 307, 308))
REDIRECTS += "/p200 /site.css 200\n/bad https://a^b/x 301\n"

WRANGLER_DEV = [
    ["/site.css", "GET", 200, "OK"], ["/missing", "GET", 404, "Not Found"], ["/docs", "GET", 307, "Temporary Redirect"],
    ["/docs/index.html", "GET", 307, "Temporary Redirect"], ["/r301", "GET", 301, "Moved Permanently"],
    ["/r302", "GET", 302, "Found"], ["/r303", "GET", 303, "See Other"], ["/r307", "GET", 307, "Temporary Redirect"],
    ["/r308", "GET", 308, "Permanent Redirect"], ["/p200", "GET", 200, "OK"], ["/bad", "GET", 500, "Internal Server Error"],
    ["/site.css", "POST", 405, "Method Not Allowed"], ["/site.css", "HEAD", 200, "OK"],
    ["/site.css", "GET if-none-match", 304, "Not Modified"],
]


@pytest.mark.asyncio
async def test_each_answer_has_wrangler_devs_status_text(tmp_path):
    root = assets_site(tmp_path, {"site.css": "body{}\n", "docs/index.html": "docs\n", "_redirects": REDIRECTS},
                       entry=ENTRY, binding="ASSETS")
    response = await load_worker(root).fetch("/x")
    assert json.loads(await response.text()) == WRANGLER_DEV


NOT_FOUND_PAGE = '''
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        r = await self.env.ASSETS.fetch("https://assets.local/missing")
        return Response(json.dumps([r.status, r.js_object.statusText, await r.text()]))
'''


@pytest.mark.asyncio
async def test_the_404_page_is_answered_not_found(tmp_path):
    """``not_found_handling = "404-page"``: the page with ``404 Not Found``, as ``wrangler dev``
    4.164.0 answers a JavaScript Worker's ``env.ASSETS.fetch`` of a missing path (measured)."""
    root = assets_site(tmp_path, {"404.html": "not here\n"}, entry=NOT_FOUND_PAGE, binding="ASSETS")
    config = json.loads((root / "wrangler.json").read_text())
    config["assets"]["not_found_handling"] = "404-page"
    (root / "wrangler.json").write_text(json.dumps(config))
    response = await load_worker(root).fetch("/x")
    assert json.loads(await response.text()) == [404, "Not Found", "not here\n"]
