"""An ASGI application's own ``asyncio.CancelledError`` (its route awaited a task it had
cancelled) is not an ``Exception`` to either bridge: both SDKs' ``asgi.py`` run the app in a
task of its own (``run_app``, ``except Exception`` only) and ``await result``, a future only
``send`` or that ``except`` settles. So before the response exists the app's task ends cancelled
and the request waits on ``result`` forever, which workerd cancels with its hung-request error;
once the response exists it is the answer (the external SDK's ``wait_until(app_task)`` is what
sees the cancelled task and its ``CancelledError`` is logged; workerd's awaits ``app_task`` after the
response, so its ``CancelledError`` is the handler's own). A caller that gives the request up still sees a cancellation. Once,
both reached the caller as the handler's ``HandlerCancelledError``, and a response already sent
was lost."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest
from worker_helpers import OWN_CANCEL, typical_pyproject

from workers_env import HandlerCancelledError, JsException, load_worker

BUILT_IN, EXTERNAL = "2026-03-24", "2026-05-01"

ENTRY = """
import asyncio

import asgi
from workers import WorkerEntrypoint


""" + OWN_CANCEL + """


async def app(scope, receive, send):
    if scope["type"] != "http":  # a lifespan the app supports
        message = await receive()
        await send({"type": message["type"] + ".complete"})
        message = await receive()
        await send({"type": message["type"] + ".complete"})
        return
    if scope["path"] == "/before":
        await own_cancel()
    if scope["path"] == "/slow":
        await asyncio.sleep(30)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"answered"})
    if scope["path"] == "/after":
        await own_cancel()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(app, request, self.env)
"""


def _worker(root: Path, date: str):
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "src" / "worker.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "asgi-cancel", "main": "src/worker.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers"],
    }))
    typical_pyproject(root)
    return load_worker(root)


@pytest.mark.parametrize("date", [BUILT_IN, EXTERNAL])
def test_before_the_response_the_request_hangs(tmp_path, date):
    worker = _worker(tmp_path, date)

    async def scenario() -> str:
        with pytest.raises(JsException, match="had hung and would never generate a response") as caught:
            await worker.fetch("/before")
        assert not isinstance(caught.value, HandlerCancelledError)
        return await (await worker.fetch("/")).text()

    assert asyncio.run(scenario()) == "answered"


def test_after_the_response_the_external_sdk_answers_and_logs_it(tmp_path, caplog):
    worker = _worker(tmp_path, EXTERNAL)

    async def scenario() -> tuple[int, str]:
        response = await worker.fetch("/after")
        return response.status, await response.text()

    with caplog.at_level(logging.ERROR, logger="workers_env.worker"):
        assert asyncio.run(scenario()) == (200, "answered")
    [record] = [r for r in caplog.records if r.getMessage() == "Uncaught exception in waitUntil()"]
    assert record.exc_info is not None and isinstance(record.exc_info[1], asyncio.CancelledError)
    shown = logging.Formatter().formatException(record.exc_info)
    assert "in own_cancel" in shown and "workers_env" not in shown


def test_after_the_response_the_built_in_bridge_fails_the_handler(tmp_path):
    """workerd's ``asgi.py`` awaits ``app_task`` once the response exists: its ``CancelledError``
    is the handler's own."""
    worker = _worker(tmp_path, BUILT_IN)

    async def scenario() -> None:
        with pytest.raises(HandlerCancelledError) as caught:
            await worker.fetch("/after")
        assert isinstance(caught.value.__cause__, asyncio.CancelledError)

    asyncio.run(scenario())


@pytest.mark.parametrize("date", [BUILT_IN, EXTERNAL])
def test_a_caller_that_gives_up_still_sees_a_cancellation(tmp_path, date):
    worker = _worker(tmp_path, date)

    async def scenario() -> None:
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(worker.fetch("/slow"), 0.2)

    asyncio.run(scenario())
