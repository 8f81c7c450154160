"""The dev log's traceback of an uncaught error leaves out workers-env's frames and the library
frames its own code called, but not those of what the Worker's code handed it to run: the
``asyncio.sleep`` coroutine of a task the Worker started (stepped by workers-env's task
wrapper), the function it gave ``asyncio.to_thread``/``run_in_executor`` (run by workers-env's
stand-in for Pyodide's ``WebLoop.run_in_executor``), or one it gave a promise's ``then`` through
``create_proxy``. Production shows those frames (Pyodide 0.28.2 under Node: ``sleep`` under
the Worker's ``await`` of a task it cancelled). Before, ``sleep`` was dropped as a library frame
"workers-env called", and a ``json.loads`` failing in ``to_thread`` or a ``then`` was logged with
every workers-env frame, as if it were a workers-env bug."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

import pytest
from worker_helpers import OWN_CANCEL, one_file_worker

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """
import asyncio
import json

import js
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint
""" + OWN_CANCEL + """

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/own-cancel"):
            await own_cancel()
        if request.url.endswith("/to-thread"):
            await asyncio.to_thread(json.loads, "{")
        if request.url.endswith("/executor"):
            await asyncio.get_running_loop().run_in_executor(None, json.loads, "{")
        if request.url.endswith("/then"):
            await js.Promise.resolve("{").then(create_proxy(json.loads))
        return Response("unreachable")
"""


def _logged(tmp_path, caplog, path: str) -> list[str]:
    """The dev log's traceback of ``path``'s uncaught error: its frames' ``file:function``, and its error line."""
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01"))
    with caplog.at_level(logging.ERROR, logger="workers_env.dev"), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + path, timeout=10).read()
    answer.value.close()
    assert answer.value.code == 500
    record = next(r for r in caplog.records if r.name == "workers_env.dev" and r.exc_info)
    text = logging.Formatter().formatException(record.exc_info)
    lines = text.splitlines()
    frames = [line.split('"')[1].rsplit("/", 2)[-2] + "/" + line.split('"')[1].rsplit("/", 1)[-1] + ":" + line.rsplit(" in ", 1)[1]
              for line in lines if line.startswith('  File "')]
    assert "/workers_env/" not in text, text
    return frames + [lines[-1].split(":")[0]]


def test_a_library_coroutine_of_a_task_the_worker_started_stays(tmp_path, caplog):
    assert _logged(tmp_path, caplog, "/own-cancel") == [
        "src/entry.py:fetch", "src/entry.py:own_cancel", "asyncio/tasks.py:sleep", "asyncio.exceptions.CancelledError"]


@pytest.mark.parametrize("path", ["/to-thread", "/executor", "/then"])
def test_the_workers_function_run_for_it_is_the_workers_error(tmp_path, caplog, path):
    frames = _logged(tmp_path, caplog, path)
    assert frames[0] == "src/entry.py:fetch" and frames[-1] == "json.decoder.JSONDecodeError", frames
    assert "json/__init__.py:loads" in frames and "json/decoder.py:raw_decode" in frames, frames


FASTAPI_ENTRY = """
import json

import asgi
from fastapi import FastAPI
from workers import WorkerEntrypoint

app = FastAPI()

@app.get("/boom")
async def boom():
    return json.loads("{")

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return await asgi.fetch(app, request.js_object, self.env)
"""


def test_the_asgi_applications_frames_stay(tmp_path, caplog):
    # the SDK's asgi.py calls the application in production: FastAPI's and Starlette's frames
    # show there, between it and the endpoint (the merge of hunt16 left them out)
    worker = load_worker(one_file_worker(tmp_path, FASTAPI_ENTRY, date="2025-09-01"))
    with caplog.at_level(logging.ERROR), BackgroundServer(worker) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.url + "/boom", timeout=10).read()
    answer.value.close()
    assert answer.value.code == 500
    record = next(r for r in caplog.records if r.exc_info and "ASGI application" in r.getMessage())
    text = logging.Formatter().formatException(record.exc_info)
    files = [line.split('"')[1] for line in text.splitlines() if line.startswith('  File "')]
    assert "/workers_env/" not in text, text
    assert any("/starlette/routing.py" in name for name in files), text
    assert any("/fastapi/routing.py" in name for name in files), text
    assert files[-4].endswith("src/entry.py") and files[-1].endswith("json/decoder.py"), text
