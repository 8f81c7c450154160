"""The two ASGI bridges behave as each SDK's does: the runtime's built-in ``asgi.py``
(compatibility dates before 2026-04-21) makes the first body message the whole ``Response``
-- a null-body status with a body is the runtime's ``TypeError``, a streamed body is cut to
its first chunk (workers-py issue #67), an event stream needs ``ctx`` -- while the external
SDK drops a null-body status's body and keeps every chunk."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest
from worker_helpers import reported, typical_pyproject

from workers_env import JsException, load_worker

BUILT_IN, EXTERNAL = "2026-03-24", "2026-05-01"

ENTRY = '''
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from workers import WorkerEntrypoint

EVENTS = []


async def preflight(request):
    return JSONResponse(content="", status_code=204)  # Starlette renders b'""': a body


async def empty(request):
    return Response(status_code=204)


async def cookies(request):
    response = Response("two cookies")
    response.set_cookie("a", "1")
    response.set_cookie("b", "2")
    return response


async def stream(request):
    async def parts():
        for part in (b"one ", b"two ", b"three"):
            yield part

    return StreamingResponse(parts(), media_type=request.query_params.get("type", "text/plain"))


@asynccontextmanager
async def lifespan(app):
    EVENTS.append("startup")
    yield
    EVENTS.append("shutdown")


app = Starlette(routes=[Route("/preflight", preflight, methods=["OPTIONS"]), Route("/empty", empty),
                        Route("/stream", stream), Route("/cookies", cookies)], lifespan=lifespan)


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import asgi

        if "ctx" in request.url:
            return await asgi.fetch(app, request, self.env, self.ctx)
        return await asgi.fetch(app, request, self.env)
'''


def worker_at(root: Path, date: str):
    (root / "src").mkdir(parents=True, exist_ok=True)
    (root / "src" / "worker.py").write_text(ENTRY)
    (root / "wrangler.json").write_text(json.dumps({
        "name": "asgi-bridge", "main": "src/worker.py", "compatibility_date": date,
        "compatibility_flags": ["python_workers"],
    }))
    typical_pyproject(root)
    return load_worker(root)


@pytest.mark.asyncio
async def test_built_in_bridge_refuses_a_body_on_a_null_body_status(tmp_path, caplog):
    worker = worker_at(tmp_path, BUILT_IN)
    with caplog.at_level(logging.ERROR, logger="asgi"):
        with pytest.raises(JsException, match=r"^TypeError: Response with null body status \(101, 204, 205, or 304\) "
                                              r"cannot have a body\.$"):
            await worker.fetch("/preflight", method="OPTIONS")
    assert "ASGI request failed" in caplog.text
    empty = await worker.fetch("/empty")  # a zero-length body is allowed, as workerd allows it
    assert (empty.status, await empty.text()) == (204, "")


@pytest.mark.asyncio
async def test_external_sdk_drops_a_null_body_status_body(tmp_path):
    worker = worker_at(tmp_path, EXTERNAL)
    preflight = await worker.fetch("/preflight", method="OPTIONS")
    assert (preflight.status, await preflight.text()) == (204, "")


@pytest.mark.asyncio
async def test_built_in_bridge_cuts_a_streamed_body_to_its_first_chunk(tmp_path, caplog):
    worker = worker_at(tmp_path, BUILT_IN)
    with caplog.at_level(logging.ERROR, logger="asgi"):
        streamed = await worker.fetch("/stream")
    assert (streamed.status, await streamed.text()) == (200, "one ")
    assert "Exception in ASGI application after response started" in caplog.text
    assert "InvalidStateError" in caplog.text  # the second body message finds the response set


@pytest.mark.asyncio
async def test_external_sdk_keeps_every_chunk(tmp_path):
    worker = worker_at(tmp_path, EXTERNAL)
    assert await (await worker.fetch("/stream")).text() == "one two three"
    assert await (await worker.fetch("/stream?type=text/event-stream")).text() == "one two three"


@pytest.mark.asyncio
async def test_built_in_bridge_needs_ctx_for_an_event_stream(tmp_path):
    worker = worker_at(tmp_path, BUILT_IN)
    with pytest.raises(RuntimeError, match="^Server-Side-Events require ctx to be passed to asgi.fetch$"):
        await worker.fetch("/stream?type=text/event-stream")
    with_ctx = await worker.fetch("/stream?type=text/event-stream&ctx=1")
    assert (with_ctx.status, await with_ctx.text()) == (200, "one two three")


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "events"), [
    (BUILT_IN, ["startup", "startup"]),  # its lifespan receive() waits on a future nothing resolves
    (EXTERNAL, ["startup", "shutdown", "startup", "shutdown"]),
])
async def test_lifespan_shutdown_only_in_the_external_sdk(tmp_path, date, events):
    worker = worker_at(tmp_path, date)
    try:
        await worker.fetch("/preflight", method="OPTIONS")
    except JsException:
        pass
    await worker.fetch("/empty")
    assert worker.module.EVENTS == events


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "cookies"), [
    (BUILT_IN, ["b=2; Path=/; SameSite=lax"]),  # Object.fromEntries(headers): the last one wins
    (EXTERNAL, ["a=1; Path=/; SameSite=lax", "b=2; Path=/; SameSite=lax"]),  # pairs kept
])
async def test_repeated_response_headers_by_bridge(tmp_path, date, cookies):
    response = await worker_at(tmp_path, date).fetch("/cookies")
    assert response.headers.get_all("set-cookie") == cookies


RAW = """
import asgi
from workers import WorkerEntrypoint


async def app(scope, receive, send):
    if scope["type"] != "http":
        return  # no lifespan support
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"raw"})


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(app, request, self.env)
"""


@pytest.mark.asyncio
@pytest.mark.parametrize("date", [BUILT_IN, EXTERNAL])
async def test_an_app_without_lifespan_hangs_only_the_built_in_bridge(tmp_path, date):
    """workerd's asgi.py waits for lifespan.startup.complete before serving: an app that never
    sends it leaves the request waiting, which workerd cancels with its hung-request error."""
    root = tmp_path
    worker_at(root, date)
    (root / "src" / "worker.py").write_text(RAW)
    worker = load_worker(root)
    if date == BUILT_IN:
        with pytest.raises(JsException, match="had hung and would never generate a response"):
            await worker.fetch("/")
    else:
        assert await (await worker.fetch("/")).text() == "raw"


@pytest.mark.asyncio
async def test_the_lifespans_left_running_stay_referenced(tmp_path, caplog, capsys):
    """The built-in bridge never ends an app's lifespan; its task stays referenced (as the SDKs'
    ``run_in_background`` keeps tasks), so the collector never destroys it pending."""
    import gc

    worker = worker_at(tmp_path, BUILT_IN)
    capsys.readouterr()
    with caplog.at_level(logging.ERROR, logger="asyncio"):
        for _ in range(3):
            await worker.fetch("/empty")
        gc.collect()
        await asyncio.sleep(0)
    assert reported(caplog, capsys, "Task was destroyed but it is pending") == []
