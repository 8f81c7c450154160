"""An asset's ETag is Miniflare's local one: the first 16 bytes of SHA-256 over the file's
absolute path and Node's ``stat().mtimeMs.toString()``. Node adds seconds * 1e3 and
nanoseconds / 1e6 in doubles and prints a whole millisecond without ``.0``, so the hash matches
``wrangler dev`` 4.164.0's only when workers-env writes the time the same way (measured: a
file modified at a whole second, and one whose nanoseconds round differently, had other ETags
than wrangler dev's before)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from worker_helpers import assets_site

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        found = await self.env.ASSETS.fetch("http://localhost/site.css")
        return Response(found.headers.get("etag"))
'''

# (st_mtime_ns, Node's fs.statSync(path).mtimeMs.toString() for it, measured with wrangler's node)
TIMES = [
    (1767225600000000000, "1767225600000"),  # a whole second: no ".0"
    (1767225600500000000, "1767225600500"),
    (1796324187448633707, "1796324187448.6338"),  # st_mtime_ns / 1e6 would print ...448.6335
    (1796324187446691042, "1796324187446.6912"),
]


def project(root: Path) -> Path:
    return assets_site(root, {"site.css": "body{}"}, entry=ENTRY, binding="ASSETS")


def miniflare_etag(path: Path, mtime_text: str) -> str:
    return '"' + hashlib.sha256(f"{path}{mtime_text}".encode()).digest()[:16].hex() + '"'


@pytest.mark.asyncio
@pytest.mark.parametrize(("mtime_ns", "node_text"), TIMES)
async def test_the_etag_hashes_the_path_and_nodes_mtime_text(tmp_path, mtime_ns, node_text):
    root = project(tmp_path)
    css = root / "public" / "site.css"
    os.utime(css, ns=(mtime_ns, mtime_ns))
    worker = load_worker(root)
    expected = miniflare_etag(css.resolve(), node_text)
    served = await worker.fetch("/site.css")  # the asset, served before the Worker
    assert served.headers.get("etag") == expected
    via_binding = await worker.fetch("/through-the-worker")  # env.ASSETS.fetch in the Worker
    assert await via_binding.text() == expected
    assert (await worker.fetch("/site.css", headers={"If-None-Match": expected})).status == 304
