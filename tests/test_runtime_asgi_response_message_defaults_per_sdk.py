"""A response message without ``headers`` (``http.response.start``) or ``body``
(``http.response.body``), which ASGI lets an app leave out: workerd's built-in ``asgi.py`` and
workers-runtime-sdk before 1.6.1 read ``got["headers"]`` and ``got["body"]``, so the app's
``send`` raises ``KeyError`` and ``asgi.fetch`` fails with it; from 1.6.1 (1.6.0's and 1.6.1's
``asgi.py`` read in workers-py) the SDK takes ASGI's defaults, no headers and an empty body.
workers-env took the defaults in every era before."""

from __future__ import annotations

import pytest
from worker_helpers import ASGI_SEEN_AFTER, ASGI_SEEN_BEFORE, one_file_worker, sdk_worker

from workers_env import load_worker

ENTRY = ASGI_SEEN_BEFORE + """

async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    start = {"type": "http.response.start", "status": 200}
    body = {"type": "http.response.body"}
    if scope["path"] == "/body":
        start["headers"] = [(b"x-kind", b"no body")]
    try:
        await send(start)
        await send(body)
    except Exception as exc:
        SEEN.append(f"{type(exc).__name__}: {exc}")
        raise
""" + ASGI_SEEN_AFTER


@pytest.mark.asyncio
@pytest.mark.parametrize("where", ["built-in", "1.6.0"])
async def test_a_missing_member_is_a_key_error_in_the_apps_send(tmp_path, where):
    folder = (one_file_worker(tmp_path, ENTRY, date="2025-10-01") if where == "built-in"
              else sdk_worker(tmp_path, ENTRY, where))
    worker = load_worker(folder)
    for path in ("/headers", "/body"):
        with pytest.raises(KeyError):
            await worker.fetch(path)
    assert await (await worker.fetch("/seen")).text() == "KeyError: 'headers' | KeyError: 'body'"


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.1", "1.9.5"])
async def test_from_1_6_1_the_defaults_are_taken(tmp_path, sdk):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    for path, kind in (("/headers", None), ("/body", "no body")):
        response = await worker.fetch(path)
        assert (response.status, response.headers.get("x-kind"), await response.text()) == (200, kind, "")
    assert await (await worker.fetch("/seen")).text() == ""
