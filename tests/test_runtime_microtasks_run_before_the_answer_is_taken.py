"""The microtasks a handler queues run before its answer is taken, as JavaScript runs them before
the reaction to the handler's settled promise: a ``queueMicrotask`` callback that sets a header on
the ``Response`` the handler returns is seen in the answer, and under ``workers-env dev`` a
microtask's error block is printed before the request's ``[wrangler:info]`` line -- as ``wrangler
dev`` 4.164.0 does for a JavaScript twin (tools/wrangler/dev_uncaught_kinds_probe.py, cases
``micro`` and ``microhead``). workers-env took the answer, and logged the request, first."""

from __future__ import annotations

from pathlib import Path

import pytest

from dev_reload_helpers import DevServer, printed_before_request_line, python_project
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
from js import Response as JsResponse, queueMicrotask
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


def boom():
    raise ValueError("boom-micro")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/head"):
            answer = JsResponse.new("ok")
            queueMicrotask(create_proxy(lambda: answer.headers.set("x-micro", "1")))
            return answer
        queueMicrotask(create_proxy(boom))
        return Response("ok")
"""


@pytest.mark.asyncio
async def test_a_header_a_microtask_sets_on_the_returned_response_is_in_the_answer(tmp_path: Path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-11-02"))
    response = await worker.fetch("http://example.com/head")
    assert (response.status, response.headers.get("x-micro")) == (200, "1")


def test_dev_prints_a_microtasks_error_before_the_request_line(tmp_path: Path) -> None:
    with DevServer(python_project(tmp_path / "app", ENTRY)) as server:
        assert server.get("/micro") == (200, "ok")
        block = printed_before_request_line(server, "/micro", "Uncaught PythonError: Traceback")
        assert "ValueError: boom-micro" in "\n".join(block)


EVENTS_ENTRY = """
from js import queueMicrotask
from pyodide.ffi import create_proxy
from workers import WorkerEntrypoint

SEEN = []


class Default(WorkerEntrypoint):
    async def scheduled(self, controller, env, ctx):
        queueMicrotask(create_proxy(lambda: SEEN.append("scheduled")))

    async def queue(self, batch, env, ctx):
        queueMicrotask(create_proxy(lambda: SEEN.append("queue")))
"""


@pytest.mark.asyncio
async def test_the_microtasks_a_scheduled_or_queue_handler_queues_ran_when_its_outcome_is_taken(tmp_path: Path) -> None:
    # (as JavaScript runs them: queued before the handler's promise settled, so before the reaction
    # that takes its outcome; audit25: only fetch's were held to it)
    worker = load_worker(one_file_worker(tmp_path, EVENTS_ENTRY, date="2025-11-02"))
    assert (await worker.scheduled("* * * * *")).outcome == "ok"
    assert worker.module.SEEN == ["scheduled"]
    await worker.queue(["m"], queue="q")
    assert worker.module.SEEN == ["scheduled", "queue"]
