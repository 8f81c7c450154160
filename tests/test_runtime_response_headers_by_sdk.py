"""``workers.Response`` / ``workers.fetch(...)``'s ``headers`` as each SDK hands them out: the
built-in SDK's is Pyodide's ``FetchResponse.headers`` -- a plain ``dict`` of the lower-cased
names (``h[k] = v`` replaces, a missing name is a ``KeyError``; Pyodide 0.26.2 / 0.28.2 under
Node) -- the external SDK's (1.5.1 on) an ``http.client.HTTPMessage`` (workers-py e627c11;
case-insensitive, ``h[k] = v`` adds a value), from 1.8.1 its ``Mapping`` subclass ``HTTPMessageMapping``. Cloudflare's alter-headers example (batch 23) replaces a header this way."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import json
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        h = Response("x", headers={"X-Header-To-Change": "old", "Content-Type": "text/plain"}).headers
        out = [type(h).__name__, sorted(h.keys())]
        h["x-header-to-change"] = "NewValue"
        out.append(h.get("x-header-to-change"))
        try:
            out.append(h["Content-Type"])
        except KeyError as exc:
            out.append(f"KeyError: {exc}")
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "want"), [
    ("2025-10-01", ["dict", ["content-type", "x-header-to-change"], "NewValue", "KeyError: 'Content-Type'"]),
    ("2026-05-01", ["HTTPMessageMapping", ["content-type", "x-header-to-change"], "old", "text/plain"]),
])
async def test_response_headers_are_each_sdks(tmp_path, date, want):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY, date=date)).fetch("/")).text())
    got[1] = sorted(k.lower() for k in got[1])
    assert got == want
