"""An app whose ASGI lifespan startup fails meets each SDK's bridge: the external SDK (from
1.6.1, workers-py's ``start_application``) raises the app's ``lifespan.startup.failed``
message as a ``RuntimeError`` (``"ASGI lifespan startup failed"`` without one); workerd's
built-in ``asgi.py`` raises ``Unexpected lifespan event lifespan.startup.failed`` into the
app's ``send``, logs what the app then raises as an unhandled background-task exception, and
the request waits for a startup that never comes (workerd's hung-request error)."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from worker_helpers import ASGI_LIFESPAN_FAILS as RAW
from worker_helpers import ASGI_SHUTDOWN_FAILS as SHUTDOWN_FAILS
from worker_helpers import typical_pyproject

from workers_env import JsException, load_worker

BUILT_IN, EXTERNAL = "2026-03-24", "2026-05-01"
HUNG = "had hung and would never generate a response"

STARLETTE = '''
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.responses import Response
from starlette.routing import Route
from workers import WorkerEntrypoint


@asynccontextmanager
async def lifespan(app):
    raise ValueError("no database")
    yield


async def home(request):
    return Response("home")


app = Starlette(routes=[Route("/", home)], lifespan=lifespan)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request, self.env)
'''

NO_LIFESPAN = '''
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    if scope["type"] != "http":
        raise RuntimeError("only http here")
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"served"})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        return await asgi.fetch(app, request, self.env)
'''


def worker_of(root: Path, date: str, source: str):
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "src" / "worker.py").write_text(source)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "asgi-lifespan", "main": "src/worker.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers"],
    }))
    typical_pyproject(root)
    return load_worker(root)


@pytest.mark.asyncio
async def test_external_sdk_raises_starlettes_startup_failure(tmp_path):
    worker = worker_of(tmp_path, EXTERNAL, STARLETTE)
    with pytest.raises(RuntimeError) as caught:
        await worker.fetch("/")
    assert "ValueError: no database" in str(caught.value)  # Starlette's message: the traceback's text


async def _hung_with_one_background_error(worker, caplog) -> BaseException:
    """The request hangs and the built-in bridge logs one background task's error: that error."""
    with caplog.at_level(logging.ERROR, logger="asgi"):
        with pytest.raises(JsException, match=HUNG):
            await worker.fetch("/")
    logged = [r for r in caplog.records if r.name == "asgi"]
    assert [r.getMessage() for r in logged] == ["Unhandled exception in background task"]
    return logged[0].exc_info[1]


@pytest.mark.asyncio
async def test_built_in_bridge_raises_into_the_app_logs_and_hangs(tmp_path, caplog):
    worker = worker_of(tmp_path, BUILT_IN, STARLETTE)
    error = await _hung_with_one_background_error(worker, caplog)
    assert (type(error), str(error)) == (RuntimeError, "Unexpected lifespan event lifespan.startup.failed")
    assert "no database" in str(error.__context__)  # what Starlette was reporting when send raised


@pytest.mark.asyncio
@pytest.mark.parametrize(("app", "failed", "text"), [
    (RAW, {"type": "lifespan.startup.failed"}, "ASGI lifespan startup failed"),
    (RAW, {"type": "lifespan.startup.failed", "message": "bad config"}, "bad config"),
    # 1.9.5 (the SDK here): `got.get("message") or ...` from 1.8.4, so an empty message is the default too
    (RAW, {"type": "lifespan.startup.failed", "message": ""}, "ASGI lifespan startup failed"),
    # workers-py's shutdown() awaits a failed shutdown after the response: its RuntimeError
    (SHUTDOWN_FAILS, {"type": "lifespan.shutdown.failed"}, "ASGI lifespan shutdown failed"),
    (SHUTDOWN_FAILS, {"type": "lifespan.shutdown.failed", "message": "pool left open"}, "pool left open"),
], ids=["startup", "startup message", "startup empty message", "shutdown", "shutdown message"])
async def test_external_sdk_words_a_raw_apps_lifespan_failure(tmp_path, app, failed, text):
    worker = worker_of(tmp_path, EXTERNAL, app % (failed,))
    with pytest.raises(RuntimeError) as caught:
        await worker.fetch("/")
    assert str(caught.value) == text


@pytest.mark.asyncio
async def test_built_in_bridge_hangs_a_raw_app_that_swallows_nothing(tmp_path, caplog):
    """The raw app's ``send`` raises and the app does not catch it: logged, then the request hangs."""
    worker = worker_of(tmp_path, BUILT_IN, RAW % ({"type": "lifespan.startup.failed", "message": "bad"},))
    with caplog.at_level(logging.ERROR, logger="asgi"):
        with pytest.raises(JsException, match=HUNG):
            await worker.fetch("/")
    assert "Unexpected lifespan event lifespan.startup.failed" in caplog.text


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "logged"), [(BUILT_IN, True), (EXTERNAL, False)])
async def test_an_app_raising_at_lifespan_is_logged_only_by_the_built_in_bridge(tmp_path, caplog, date, logged):
    """The external SDK takes an exception before the startup as "no lifespan support" and
    serves; the built-in bridge's ``run_in_background`` logs it and the request hangs."""
    worker = worker_of(tmp_path, date, NO_LIFESPAN)
    with caplog.at_level(logging.ERROR, logger="asgi"):
        if logged:
            with pytest.raises(JsException, match=HUNG):
                await worker.fetch("/")
        else:
            assert await (await worker.fetch("/")).text() == "served"
    assert ("Unhandled exception in background task" in caplog.text) is logged
    assert ("only http here" in caplog.text) is logged


@pytest.mark.asyncio
async def test_built_in_bridge_words_an_event_it_does_not_know(tmp_path, caplog):
    """workerd's ``asgi.py`` raises ``Unexpected lifespan event ...`` into the app's ``send`` for
    any event but the startup's; the app's error is logged as a background task's."""
    worker = worker_of(tmp_path, BUILT_IN, RAW % ({"type": "lifespan.started"},))
    error = await _hung_with_one_background_error(worker, caplog)
    assert (type(error), str(error)) == (RuntimeError, "Unexpected lifespan event lifespan.started")


@pytest.mark.asyncio
async def test_external_sdk_logs_an_app_raising_at_shutdown_and_serves(tmp_path, caplog):
    """After a completed startup the SDK logs what the app raises at shutdown, and the request
    it served stands (workers-py's ``run_lifespan``)."""
    source = SHUTDOWN_FAILS.replace("        await receive()\n        await send(FAILED)\n",
                                    "        await receive()\n        raise ValueError('pool left open')\n")
    worker = worker_of(tmp_path, EXTERNAL, source % (None,))
    with caplog.at_level(logging.ERROR, logger="asgi"):
        assert await (await worker.fetch("/")).text() == "served"
    logged = [r for r in caplog.records if r.name == "asgi"]
    assert [r.getMessage() for r in logged] == ["Exception in ASGI lifespan application"]
    assert str(logged[0].exc_info[1]) == "pool left open"
