"""A NotEmulatedError caught by code a request left behind, running once the request is over (a
``loop.call_soon`` callback, which runs as that request's code), is told on stderr once that
callback has run -- before review50 it was kept for the request, whose report had gone, and never
said -- and only once per text per Worker load."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        def later():
            try:
                self.env.BUCKET.get("k")
            except Exception:
                pass
        asyncio.get_running_loop().call_soon(later)
        return Response("ok")
'''

R2 = '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "files"\n'
TOLD = "workers-env: the Worker's code caught BindingNotEmulatedError and went on"


@pytest.mark.asyncio
async def test_a_callback_run_after_its_request_is_told(tmp_path, capsys):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra=R2, pyproject=False))
    capsys.readouterr()
    await worker.fetch("/")
    await asyncio.sleep(0.01)
    assert [line for line in capsys.readouterr().err.splitlines() if line.startswith(TOLD)] != []
    await worker.fetch("/")
    await asyncio.sleep(0.01)
    assert TOLD not in capsys.readouterr().err
