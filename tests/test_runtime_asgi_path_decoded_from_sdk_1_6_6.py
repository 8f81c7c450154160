"""The ASGI bridge's ``scope["path"]`` per SDK: workers-runtime-sdk percent-decodes it and adds
``raw_path`` from 1.6.6 (workers-py #169, 2026-08-03: "routes and file names containing encoded
characters (spaces, unicode) otherwise fail to match"); every release before it, and workerd's
built-in ``asgi.py``, hand the app ``URL.pathname`` as sent and no ``raw_path``."""

from __future__ import annotations

import pytest
from worker_helpers import sdk_worker

from workers_env import load_worker

ENTRY = """\
    from workers import WorkerEntrypoint
    import asgi

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                await send({"type": message["type"] + ".complete"})
                if message["type"] == "lifespan.shutdown":
                    return
        body = repr([scope["path"], scope.get("raw_path")]).encode()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return await asgi.fetch(app, request, self.env)
"""


def _worker(folder, date, sdk=None):
    return load_worker(sdk_worker(folder, ENTRY, sdk, date=date))


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "sdk"), [("2025-12-01", None), ("2026-07-01", "1.1.1"), ("2026-08-01", "1.6.5")])
async def test_path_is_the_pathname_as_sent_before_1_6_6(tmp_path, date, sdk):
    resp = await _worker(tmp_path, date, sdk).fetch("/items/a%20b/%C3%BC")
    assert await resp.text() == "['/items/a%20b/%C3%BC', None]"


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.6", None])  # the fix, and the newest release
async def test_path_is_decoded_and_raw_path_added_from_1_6_6(tmp_path, sdk):
    resp = await _worker(tmp_path, "2026-08-01", sdk).fetch("/items/a%20b/%C3%BC")
    assert await resp.text() == "['/items/a b/ü', b'/items/a%20b/%C3%BC']"
