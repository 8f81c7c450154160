"""``asgi.process_request(app, req, env, ctx)`` has no default for ``ctx`` in the external SDK
either (workers-runtime-sdk 1.5.4 to 1.9.5, ``workers/asgi.py``: ``ctx: Context | None`` with no
default, "added for waitUntil, but not used anymore"): a Worker calling it with three arguments
gets Python's ``TypeError`` naming ``ctx``, through the top-level ``asgi`` and ``workers.asgi``
alike; with ``ctx`` (even ``None``) the request is served."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from asgi import process_request
from workers import WorkerEntrypoint
from workers.asgi import process_request as sdk_process_request


async def app(scope, receive, send):
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"served"})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/with-ctx"):
            response, _ = await process_request(app, request, self.env, None)
            return response
        if request.url.endswith("/sdk"):
            return await sdk_process_request(app, request, self.env)
        return await process_request(app, request, self.env)
'''


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/", "/sdk"])
async def test_external_sdk_process_request_without_ctx_is_a_type_error_naming_ctx(tmp_path, path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-05-01"))
    with pytest.raises(TypeError, match=r"process_request\(\) missing 1 required positional argument: 'ctx'"):
        await worker.fetch(path)
    assert await (await worker.fetch("/with-ctx")).text() == "served"
