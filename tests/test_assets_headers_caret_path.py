"""A ``_headers`` path with ``^`` is percent-encoded as Node's URL parser encodes it
(``extractPathname``: ``%5E``), as the request's URL is: under ``wrangler dev`` 4.164.0 a rule
``/a^b`` applies to a request for ``/a^b`` and ``/a%5Eb``; it applied to neither (the rule kept
``^``, the request's path had ``%5E``)."""

from __future__ import annotations

import json
import textwrap

import pytest

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("worker")
'''


@pytest.mark.asyncio
async def test_a_caret_in_a_rules_path(tmp_path):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "a^b.html").write_text("a")
    (tmp_path / "public" / "_headers").write_text("/a^b\n  X-A: 1\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "assets": {"directory": "public"}}))
    worker = load_worker(tmp_path)
    for path in ("/a^b", "/a%5Eb"):
        resp = await worker.fetch(path)
        assert (resp.status, resp.headers.get("x-a")) == (200, "1")
