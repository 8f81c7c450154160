"""The asset worker reads a request's path from ``new URL(request.url)``: dot segments resolved
(``.``, ``..``, ``%2e``, ``%2E%2e``) and, in an http(s) URL, a backslash read as a slash. So
``env.ASSETS.fetch("https://assets.local/./site.css")`` is the file, as under ``wrangler dev``
4.164.0 (measured side by side with a JavaScript Worker, 18 paths; workers-env had looked the
raw path up and answered 404)."""

from __future__ import annotations

from pathlib import Path

import pytest
from worker_helpers import assets_site

from workers_env import load_env, load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.split("?p=", 1)[1]
        found = await self.env.ASSETS.fetch("https://assets.local" + path)
        return Response(f"{found.status} {found.url} {await found.text()}")
'''

# (path given to ASSETS.fetch, status, the answer's url, body) as wrangler dev answers them
CASES = [
    ("/./site.css", 200, "https://assets.local/site.css", "body{}"),
    ("/x/../site.css", 200, "https://assets.local/site.css", "body{}"),
    ("/%2e%2e/site.css", 200, "https://assets.local/site.css", "body{}"),
    ("/docs/%2E/", 200, "https://assets.local/docs/", "docs"),
    ("/\\site.css", 200, "https://assets.local/site.css", "body{}"),  # "//site.css", redirected to /site.css
    ("/SITE.css", 404, "https://assets.local/SITE.css", ""),
]


def project(root: Path) -> Path:
    return assets_site(root, {"site.css": "body{}", "docs/index.html": "docs"}, entry=ENTRY, binding="ASSETS")


@pytest.mark.asyncio
async def test_a_workers_assets_fetch_resolves_the_path(tmp_path):
    worker = load_worker(project(tmp_path))
    for path, status, url, body in CASES:
        answer = await worker.fetch(f"/probe?p={path}")
        assert await answer.text() == f"{status} {url} {body}", path


@pytest.mark.asyncio
async def test_load_envs_assets_binding_resolves_the_path(tmp_path):
    env = load_env(project(tmp_path))
    found = await env.ASSETS.fetch("https://assets.local/a/../site.css")
    assert (found.status, await found.text()) == (200, "body{}")
