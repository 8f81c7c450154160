"""A ``_headers`` that cannot be read -- a symlink loop (an ``OSError`` of its own), a folder of
that name -- adds no headers and raises nothing, at load or at a request, as a missing one; a
symlink loop raised ``OSError`` out of ``load_worker`` and of every assets request."""

from __future__ import annotations

import json
import os
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
async def test_a_symlink_loop_and_a_folder(tmp_path):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "about.html").write_text("about")
    os.symlink("_headers", tmp_path / "public" / "_headers")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "entry.py").write_text(textwrap.dedent(ENTRY))
    (tmp_path / "wrangler.json").write_text(json.dumps({
        "name": "site", "main": "src/entry.py", "compatibility_date": "2026-09-01",
        "compatibility_flags": ["python_workers"], "assets": {"directory": "public"}}))
    worker = load_worker(tmp_path)
    assert (await worker.fetch("/about")).status == 200
    (tmp_path / "public" / "_headers").unlink()
    (tmp_path / "public" / "_headers").mkdir()
    assert (await worker.fetch("/about")).status == 200
