"""``asgi.fetch``/``wsgi.fetch`` handed something that is no request: both SDKs' ``fetch`` first
logs ``req.method`` and ``req.url`` (workers-py ``runtime-sdk/src/workers/asgi.py`` and
``wsgi.py``, workerd's built-in ``asgi.py``, read in the source), so a value without a
``method`` is Python's own ``AttributeError``. One with a ``method`` that is still no request
is refused by name (workers-env's words: the SDKs would fail further on, on what it lacks)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asgi
from workers import Response, WorkerEntrypoint, wsgi


class Duck:
    method = "GET"
    url = "https://example.com/"


async def app(scope, receive, send):
    pass


def wsgi_app(environ, start_response):
    return []


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        fetch, served = (asgi.fetch, app) if "asgi" in request.url else (wsgi.fetch, wsgi_app)
        try:
            await fetch(served, "/" if "str" in request.url else Duck(), self.env)
        except Exception as error:
            return Response(f"{type(error).__name__}: {error}")
'''


@pytest.mark.asyncio
@pytest.mark.parametrize(("path", "text"), [
    ("/asgi/str", "AttributeError: 'str' object has no attribute 'method'"),
    ("/wsgi/str", "AttributeError: 'str' object has no attribute 'method'"),
    ("/asgi/duck", "TypeError: asgi.fetch() needs a workers.Request or a js.Request, got Duck"),
    ("/wsgi/duck", "TypeError: wsgi.fetch() needs a workers.Request or a js.Request, got Duck"),
])
async def test_fetch_of_no_request(tmp_path, path, text):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch(path)).text() == text
