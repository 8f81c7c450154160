"""A handler that returns a coroutine instead of awaiting it (``return fetch(request)`` in an
``async def``): a module-level ``on_fetch``'s promise follows it, as JavaScript follows a
thenable (real Pyodide 0.26.2 / 0.28.2 under Node), so the answer is the inner result --
Cloudflare's auth-with-headers, A/B-testing and bulk-redirects examples (batch 23); a
``Default`` method goes through the entrypoint's ``wrapper_func``, which awaits once and refuses
the leftover awaitable: ``TypeError: Awaitable <class 'coroutine'> cannot be sent over RPC.``"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

MODULE = '''
from js import Response


async def inner():
    return Response.new("from the inner coroutine")


async def on_fetch(request, env):
    return inner()
'''

CLASS = '''
from workers import Response, WorkerEntrypoint


async def inner():
    return Response("from the inner coroutine")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return inner()
'''


@pytest.mark.asyncio
async def test_a_module_level_handler_answers_with_what_its_returned_coroutine_gives(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, MODULE, date="2025-08-01"))
    assert await (await worker.fetch("/")).text() == "from the inner coroutine"


@pytest.mark.asyncio
@pytest.mark.parametrize("date", ["2025-11-01", "2026-05-01"])
async def test_a_default_method_returning_a_coroutine_is_refused_as_wrapper_func_does(tmp_path, date):
    worker = load_worker(one_file_worker(tmp_path, CLASS, date=date))
    with pytest.raises(TypeError, match=r"^Awaitable <class 'coroutine'> cannot be sent over RPC\.$"):
        await worker.fetch("/")
