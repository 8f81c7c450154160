"""A NotEmulatedError that leaves a timer callback, a queueMicrotask callback, a task the Worker
started, an abort listener or a WebSocket listener is logged as uncaught (each its own line; a task's
as Pyodide prints it, on stderr: tests/test_runtime_unhandled_task_failures_print_as_pyodide.py), so
it is shown already: the request's end does not tell it again as one "the Worker's code caught
and went on" (it did, before review50: five false reports of runtime/swallowed.py)."""

from __future__ import annotations

import gc
import logging

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import asyncio
import js
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        def boom(*args):
            self.env.BUCKET.get("k")
        if path == "timer":
            js.setTimeout(create_proxy(boom), 0)
        elif path == "microtask":
            js.queueMicrotask(create_proxy(boom))
        elif path == "task":
            async def job():
                boom()
            asyncio.ensure_future(job())
        elif path == "abort":
            controller = js.AbortController.new()
            controller.signal.addEventListener("abort", create_proxy(boom))
            controller.abort()
        elif path == "websocket":
            client, server = js.Object.values(js.WebSocketPair.new())
            server.accept()
            server.addEventListener("message", create_proxy(boom))
            client.accept()
            client.send("x")
        await asyncio.sleep(0.01)
        return Response("ok")
'''

R2 = '[[r2_buckets]]\nbinding = "BUCKET"\nbucket_name = "files"\n'


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["timer", "microtask", "task", "abort", "websocket"])
async def test_an_error_logged_as_uncaught_is_not_told_as_caught(tmp_path, capsys, caplog, path):
    # with spec_compliant_dispatch_exceptions an abort listener's exception is logged, not thrown by abort()
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", extra=R2, pyproject=False,
                                         flags=("spec_compliant_dispatch_exceptions",)))
    capsys.readouterr()
    with caplog.at_level(logging.ERROR):
        assert await (await worker.fetch(f"/{path}")).text() == "ok"
    gc.collect()  # (a task's failure nobody awaits: Pyodide 0.26's report when it is collected, on stderr)
    err = capsys.readouterr().err
    assert any("BindingNotEmulatedError" in (r.getMessage() + str(r.exc_info)) for r in caplog.records) \
        or (path == "task" and "exception=BindingNotEmulatedError(" in err)
    assert "the Worker's code caught" not in err
