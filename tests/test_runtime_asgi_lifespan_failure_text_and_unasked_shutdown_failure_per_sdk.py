"""A ``lifespan.*.failed`` message with an empty ``message``, and a ``lifespan.shutdown.failed``
the app sends before anyone asked for the shutdown, as each bridge treats them (read in
workerd's ``src/pyodide/internal/workers-api/src/asgi.py`` and the workers-runtime-sdk wheels):
the external SDK's ``RuntimeError`` is the empty text before 1.8.4 (``got.get("message",
default)``) and the default from 1.8.4 (``got.get("message") or default``; 1.8.2 and 1.8.4 read);
an unasked shutdown failure settles its ``shutdown_complete`` future at once, so the shutdown
after the request raises it out of ``asgi.fetch``. workerd's built-in bridge raises ``Unexpected
lifespan event lifespan.shutdown.failed`` into the app's ``send`` (logged as an unhandled
background-task exception) and serves; it never shuts the lifespan down. workers-env took a
shutdown failure nobody asked for as the loop's own closing before, and served."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import ASGI_LIFESPAN_FAILS, ASGI_SHUTDOWN_FAILS, one_file_worker, sdk_worker

from workers_env import load_worker

#: the app sends ``FAILED`` at its first lifespan message; a shutdown failure after the startup's
#: completion, before anyone asked for the shutdown
UNASKED = ASGI_SHUTDOWN_FAILS.replace("        await receive()\n        await send(FAILED)\n",
                                      "        await send(FAILED)\n")
EMPTY_STARTUP = {"type": "lifespan.startup.failed", "message": ""}
EMPTY_SHUTDOWN = {"type": "lifespan.shutdown.failed", "message": ""}


@pytest.mark.asyncio
@pytest.mark.parametrize(("sdk", "startup", "shutdown"), [
    ("1.8.2", "", ""),
    ("1.8.4", "ASGI lifespan startup failed", "ASGI lifespan shutdown failed"),
    ("1.9.5", "ASGI lifespan startup failed", "ASGI lifespan shutdown failed"),
])
async def test_an_empty_failure_message_per_release(tmp_path, sdk, startup, shutdown):
    for source, failed, text in ((ASGI_LIFESPAN_FAILS, EMPTY_STARTUP, startup),
                                 (ASGI_SHUTDOWN_FAILS, EMPTY_SHUTDOWN, shutdown)):
        folder = tmp_path / failed["type"]
        worker = load_worker(sdk_worker(folder, source % (failed,), sdk))
        with pytest.raises(RuntimeError) as caught:
            await worker.fetch("/")
        assert str(caught.value) == text


@pytest.mark.asyncio
@pytest.mark.parametrize("sdk", ["1.6.15", "1.9.5"])
async def test_external_sdk_raises_an_unasked_shutdown_failure_after_the_request(tmp_path, sdk):
    failed = {"type": "lifespan.shutdown.failed", "message": "pool gone"}
    worker = load_worker(sdk_worker(tmp_path, UNASKED % (failed,), sdk))
    with pytest.raises(RuntimeError) as caught:
        await worker.fetch("/")
    assert str(caught.value) == "pool gone"


@pytest.mark.asyncio
async def test_built_in_bridge_raises_a_shutdown_failure_into_the_app_and_serves(tmp_path, caplog):
    failed = {"type": "lifespan.shutdown.failed", "message": "pool gone"}
    worker = load_worker(one_file_worker(tmp_path, UNASKED % (failed,), date="2025-10-01"))
    with caplog.at_level(logging.ERROR, logger="asgi"):
        assert await (await worker.fetch("/")).text() == "served"
    logged = [r for r in caplog.records if r.name == "asgi"]
    assert [r.getMessage() for r in logged] == ["Unhandled exception in background task"]
    error = logged[0].exc_info[1]
    assert (type(error), str(error)) == (RuntimeError, "Unexpected lifespan event lifespan.shutdown.failed")
