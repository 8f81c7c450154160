"""A body message after the last one (``more_body`` false), with the external SDK's ASGI bridge
(workers-runtime-sdk 1.1.1 on): a whole body set the response's future, so the next ``send``
sets it again -- ``asyncio.InvalidStateError: invalid state`` raised in the app's ``send``; a
streamed body closed its writer, so the next ``send`` writes to a closed stream -- ``TypeError:
This WritableStream has been closed.`` (the text a JavaScript twin of the bridge meets under
``wrangler dev`` 4.164.0). The client gets the body as it was at its last message. workers-env
collected every message before, so a body sent after the last one reached the client."""

from __future__ import annotations

import pytest
from worker_helpers import ASGI_SEEN_AFTER, ASGI_SEEN_BEFORE, sdk_worker

from workers_env import load_worker

ENTRY = ASGI_SEEN_BEFORE + """

async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    streamed = scope["path"] == "/streamed"
    if streamed:
        await send({"type": "http.response.body", "body": b"a", "more_body": True})
    await send({"type": "http.response.body", "body": b"b"})
    try:
        await send({"type": "http.response.body", "body": b"late"})
    except Exception as exc:
        SEEN.append(f"{type(exc).__name__}: {exc}")
""" + ASGI_SEEN_AFTER


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.1.1", "1.9.5"])
async def test_after_a_whole_body_the_send_is_invalid_state(tmp_path, sdk):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    assert await (await worker.fetch("/whole")).text() == "b"
    assert await (await worker.fetch("/seen")).text() == "InvalidStateError: invalid state"


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.1.1", "1.9.5"])
async def test_after_a_streamed_body_the_send_writes_to_a_closed_stream(tmp_path, sdk):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    assert await (await worker.fetch("/streamed")).text() == "ab"
    assert await (await worker.fetch("/seen")).text() == "JsException: TypeError: This WritableStream has been closed."
