"""``workers-env dev``'s stop leaves an ASGI app's lifespan as production leaves it: never resumed.
workerd's built-in bridge starts a lifespan per request and never asks for its shutdown (its
``receive()`` awaits a ``Future()`` nothing settles: workerd's ``asgi.py``), and the isolate goes
away with the lifespan still waiting -- none of the app's code runs again. The dev server's
event loop, closing, cancelled each waiting lifespan (the ``finally`` after an
``asynccontextmanager`` lifespan's ``yield`` ran, Starlette sent ``lifespan.shutdown.failed``)
and closed its async generator. The external SDK (workers-runtime-sdk 1.9.5 read) shuts each
lifespan down after its request, so there the shutdown code runs once per request, as before."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest
from dev_reload_helpers import DevServer
from worker_helpers import FASTAPI_LIFESPAN_WORKER, one_file_worker

pytest.importorskip("fastapi")

def test_the_built_in_bridges_lifespans_are_not_resumed_at_the_stop(tmp_path: Path) -> None:
    server = DevServer(one_file_worker(tmp_path, FASTAPI_LIFESPAN_WORKER, date="2025-11-02", pyproject=False))
    with server:
        assert server.get("/") == (200, '{"ok":true}')
        assert server.get("/") == (200, '{"ok":true}')
        server.wait_for("[wrangler:info] GET / 200 OK", after=server.wait_for("[wrangler:info] GET / 200 OK") + 1)
    assert server.proc.returncode == 143  # (SIGTERM: dev stopped as wrangler dev does)
    assert server.lines.count("lifespan started") == 2
    assert not [line for line in server.lines if "cleaned up" in line or "lifespan.shutdown" in line
                or "Traceback" in line or "Exception" in line]


def test_the_external_sdks_lifespan_is_shut_down_after_each_request(tmp_path: Path) -> None:
    with DevServer(one_file_worker(tmp_path, FASTAPI_LIFESPAN_WORKER, date="2026-05-01")) as server:
        assert server.get("/") == (200, '{"ok":true}')
        server.wait_for("[wrangler:info] GET / 200 OK")
    assert server.lines.count("lifespan started") == server.lines.count("lifespan cleaned up") == 1


UNREAD_STREAM = """
import asgi
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from workers import Request, Response, WorkerEntrypoint

app = FastAPI()


async def chunks():
    for i in range(3):
        yield f"chunk-{i}"


@app.get("/stream")
async def stream():
    return StreamingResponse(chunks())


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        inner = await asgi.fetch(app, Request("http://in/stream"), {})
        return Response(f"inner {inner.status}")
"""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_with_a_lifespan_shutdown_waited_for_ends_at_once(tmp_path: Path, sig: int) -> None:
    """The external SDK's ``asgi.fetch`` of a streamed body nobody reads (cloudflare/workers-py's
    own fastapi-tests read headers only): its ``waitUntil``'d ``finalize_request`` waits on the
    app, and, cancelled as dev stops, then on the lifespan's shutdown -- which the stop had
    abandoned. Dev waited for it for ever (SIGTERM did nothing; a first Ctrl+C neither) and
    printed asyncio's ``_step(): already done`` traceback (the abandoned task woken); wrangler
    dev 4.164.0 exits at once with a JS twin's ``waitUntil`` on an unread write (130/143,
    tools/wrangler/dev_stop_signal_probe.py)."""
    server = DevServer(one_file_worker(tmp_path, UNREAD_STREAM, date="2026-05-01"))
    with server:
        assert server.get("/") == (200, "inner 200")
        server.wait_for("[wrangler:info] GET / 200 OK")
        code, took, after = server.stopped_by(sig)
    assert code == 128 + sig
    assert took < 30  # (the shutdown waited for never ends; 15 s was short at a load of 30-40: flake56)
    assert not [line for line in after if "Traceback" in line or "already done" in line or "ERROR" in line]
