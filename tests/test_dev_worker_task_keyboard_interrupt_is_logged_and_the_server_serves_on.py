"""A ``KeyboardInterrupt`` or ``SystemExit`` raised in a task the Worker itself started
(``asyncio.create_task`` in a handler) is, as in production, the task's exception and an
uncaught error in the log -- Pyodide's ``Task.__step`` settles the task with it and re-raises it
into the JavaScript callback that ran the step -- and `workers-env dev` keeps serving. A
handler awaiting such a task fails with it (a 500). Once, it escaped to the event loop and
stopped the dev server."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

import pytest
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker
from workers_env.runtime.server import BackgroundServer

ENTRY = """\
    import asyncio
    from urllib.parse import urlparse
    from workers import Response, WorkerEntrypoint

    RUNNING = []

    async def boom(kind):
        await asyncio.sleep(0)
        raise {"interrupt": KeyboardInterrupt, "exit": SystemExit}[kind]("from the worker's task")

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            path = urlparse(request.url).path.strip("/")
            if path.startswith("awaited-"):
                await asyncio.create_task(boom(path.removeprefix("awaited-")))
            if path in ("interrupt", "exit"):
                RUNNING.append(asyncio.create_task(boom(path)))
                await asyncio.sleep(0.01)
                return Response(repr(RUNNING[-1].exception()))
            return Response("still serving")
"""


@pytest.mark.parametrize(("kind", "name"), [("interrupt", "KeyboardInterrupt"), ("exit", "SystemExit")])
def test_a_worker_tasks_base_exception_is_logged_and_the_server_serves_on(tmp_path, caplog, kind, name):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with caplog.at_level(logging.ERROR), BackgroundServer(worker) as server:
        answer = urllib.request.urlopen(server.url + "/" + kind, timeout=10).read().decode()
        assert answer == f'{name}("from the worker\'s task")'
        assert urllib.request.urlopen(server.url + "/", timeout=10).read() == b"still serving"
        with pytest.raises(urllib.error.HTTPError) as failed:
            urllib.request.urlopen(server.url + "/awaited-" + kind, timeout=10).read()
        assert failed.value.code == 500 and f"{name}: from the worker's task" in failed.value.read().decode()
        failed.value.close()  # its response, read (3.14 warns of one left to the collector)
        assert urllib.request.urlopen(server.url + "/", timeout=10).read() == b"still serving"
    logged = [r for r in caplog.records if r.getMessage() == "Uncaught exception in a task the Worker started"]
    assert logged and logged[0].exc_info[0].__name__ == name
