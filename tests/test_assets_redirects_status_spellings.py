"""A ``_redirects`` rule's status is read as JavaScript's ``Number(text)`` reads it
(workers-sdk ``parseRedirects.ts``): ``0x12d``, ``3.01e2`` and ``+301`` are 301, and an exponent
without a dot (``3e2``, 300) is a number that is not a permitted status -- the line skipped with
wrangler's message, not an exception out of ``load_worker``."""

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
async def test_js_number_spellings(tmp_path, capsys):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "about.html").write_text("about")
    (tmp_path / "public" / "_redirects").write_text(
        "/hex /about 0x12d\n/exp /about 3.01e2\n/plus /about +301\n/e1 /about 3e2\n/e2 /about 1E2\n")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "assets": {"directory": "public"}}))
    worker = load_worker(tmp_path)
    err = capsys.readouterr().err
    assert "Parsed 3 valid redirect rules." in err
    assert "Got 3e2." in err and "Got 1E2." in err
    for path in ("/hex", "/exp", "/plus"):
        resp = await worker.fetch(path)
        assert (resp.status, resp.headers.get("location")) == (301, "/about")
    assert (await worker.fetch("/e1")).status == 200  # no rule: the Worker
