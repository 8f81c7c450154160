"""``env.ASSETS.fetch(url, headers=...)`` with the headers as Python pairs -- a list of tuples, a list
of lists, a generator of pairs -- sends them, as ``fetch`` and a service binding's ``fetch`` do: the
init's ``headers`` is a PyProxy JavaScript iterates, and workerd's Request constructor, in the
calling Worker, reads it as a sequence of pairs (the README's advice for ``js.fetch``: "pass
``headers.items()``, a list of pairs or ``to_js(...)``"). ``env.ASSETS`` refused them as a PyProxy
argument (``a Python list reached JavaScript as a PyProxy in this call to ASSETS.fetch()``; a
generator since left57 read it into a list first) -- review88; ``headers.items()`` of a dict, the
README's own advice for ``js.fetch``, and a set of pairs were still refused so (review90). Seen here by ``If-None-Match``: the
asset's ETag given back is a 304."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from pyodide.ffi import to_js
from workers import Response


async def on_fetch(request, env):
    etag = (await env.ASSETS.fetch("http://a/a.txt")).headers.get("etag")
    pairs = [("if-none-match", etag)]
    out = []
    for headers in (pairs, [list(p) for p in pairs], (p for p in pairs), tuple(pairs), dict(pairs).items(),
                    set(pairs)):
        out.append((await env.ASSETS.fetch("http://a/a.txt", headers=headers)).status)
    init = js.Object.fromEntries(to_js([["headers", (p for p in pairs)]]))
    out.append((await env.ASSETS.fetch("http://a/a.txt", init)).status)
    return Response.json(out)
'''


@pytest.mark.parametrize("date", ["2024-09-01", "2025-11-01"])  # the built-in SDK: Pyodide 0.26, 0.28
def test_python_pairs_reach_the_asset_worker(tmp_path: Path, date: str) -> None:
    folder = one_file_worker(tmp_path, ENTRY, date=date, flags=["disable_python_no_global_handlers"],
                             extra='[assets]\ndirectory = "public"\nbinding = "ASSETS"\n')
    (folder / "public").mkdir()
    (folder / "public" / "a.txt").write_text("a")
    worker = load_worker(folder)

    async def scenario() -> Any:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    assert asyncio.run(scenario()) == [304] * 7
