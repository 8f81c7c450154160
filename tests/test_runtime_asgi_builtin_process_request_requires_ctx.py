"""workerd's built-in ``asgi.process_request(app, req, env, ctx)`` has no default for ``ctx``:
a Worker calling it with three arguments gets Python's ``TypeError`` naming ``ctx`` in
production, and so here; passing ``ctx`` (even ``None``) serves the request."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from asgi import process_request
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"served"})


class Default(WorkerEntrypoint):
    async def on_fetch(self, request):
        if request.url.endswith("/with-ctx"):
            return await process_request(app, request, self.env, self.ctx)
        return await process_request(app, request, self.env)
'''


@pytest.mark.asyncio
async def test_process_request_without_ctx_is_a_type_error_naming_ctx(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2024-12-30"))
    with pytest.raises(TypeError, match=r"process_request\(\) missing 1 required positional argument: 'ctx'"):
        await worker.fetch("/")
    assert await (await worker.fetch("/with-ctx")).text() == "served"
