"""A null-body status (204, 304) whose first body message has ``more_body`` true, as each SDK's
bridge makes it (read in workerd's ``src/pyodide/internal/workers-api/src/asgi.py`` and in
workers-runtime-sdk 1.1.1 to 1.9.5's ``workers/asgi.py``). The built-in bridge makes the first
body message the whole ``Response``: an empty one is workerd's zero-length leniency (the 204
answered, its console warning), the next message finds the response set (``InvalidStateError``
in the app's ``send``, logged after the response); a non-empty one is workerd's ``TypeError``.
The external SDK switches to streaming at the first ``more_body`` before it looks at the status
(its null-body drop is for a body sent whole only): ``Response(readable, status=204)`` is the
``TypeError`` whatever the chunk, raised in the app's ``send`` and out of ``asgi.fetch``."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import ASGI_SEEN_AFTER, ASGI_SEEN_BEFORE, one_file_worker, sdk_worker

from workers_env import JsException, load_worker

ENTRY = ASGI_SEEN_BEFORE + """

async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        return await lifespan(receive, send)
    status, first = (204, b"") if scope["path"] == "/empty" else (304, b"x")
    await send({"type": "http.response.start", "status": status, "headers": []})
    try:
        await send({"type": "http.response.body", "body": first, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    except Exception as exc:
        SEEN.append(f"{type(exc).__name__}: {exc}")
        raise
""" + ASGI_SEEN_AFTER
REFUSED = "TypeError: Response with null body status (101, 204, 205, or 304) cannot have a body."


@pytest.mark.asyncio
async def test_built_in_bridge_answers_the_first_message(tmp_path, caplog):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-10-01"))
    with caplog.at_level(logging.WARNING):
        empty = await worker.fetch("/empty")
    assert (empty.status, await empty.text()) == (204, "")
    assert "Constructing a Response with a null body status (204) and a non-null, zero-length body." in caplog.text
    assert "Exception in ASGI application after response started" in caplog.text
    with pytest.raises(JsException) as refused:
        await worker.fetch("/bytes")
    assert str(refused.value) == REFUSED
    assert await (await worker.fetch("/seen")).text() == f"InvalidStateError: invalid state | JsException: {REFUSED}"


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.15", "1.9.5"])
async def test_external_sdk_refuses_the_stream_it_switches_to(tmp_path, caplog, sdk):
    worker = load_worker(sdk_worker(tmp_path, ENTRY, sdk))
    for path in ("/empty", "/bytes"):
        with caplog.at_level(logging.ERROR, logger="asgi"), pytest.raises(JsException) as refused:
            await worker.fetch(path)
        assert str(refused.value) == REFUSED
    assert "ASGI request failed" in caplog.text
    assert await (await worker.fetch("/seen")).text() == f"JsException: {REFUSED} | JsException: {REFUSED}"
