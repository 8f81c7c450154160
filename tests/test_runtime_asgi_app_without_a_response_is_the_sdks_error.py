"""An ASGI application that returns without sending a response: each SDK's bridge raises its
``RuntimeError("The application did not generate a response")`` (the built-in ``asgi.py`` of
workerd's ``workers-api``, the external SDK's), which reaches the test as the Worker's error."""

from __future__ import annotations

import json

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = '''
from workers import WorkerEntrypoint


async def silent(scope, receive, send):
    if scope["type"] == "lifespan":
        await receive()
        await send({"type": "lifespan.startup.complete"})
        await receive()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(silent, request, self.env)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2026-03-24", "2026-05-01"])  # the built-in SDK's bridge, the external SDK's
async def test_no_response_is_the_sdks_runtime_error(tmp_path, date):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "worker.py").write_text(ENTRY)
    (tmp_path / "wrangler.json").write_text(json.dumps({"name": "silent", "main": "src/worker.py",
                                                        "compatibility_date": date,
                                                        "compatibility_flags": ["python_workers"]}))
    worker = load_worker(typical_pyproject(tmp_path))
    with pytest.raises(RuntimeError) as info:
        await worker.fetch("/")
    assert str(info.value) == "The application did not generate a response"
