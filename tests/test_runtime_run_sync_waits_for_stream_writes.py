"""``run_sync(writer.write(chunk))`` in Worker code: production's ``run_sync`` suspends the
Python stack with JSPI while the event loop goes on, so a write (or ``close()``, ``ready``)
resolves once a concurrent read takes its chunk, and with nothing reading it is workerd's
hung-request error. The writer's promise is a future of the Worker's own loop, which run_sync
refused with its own RuntimeError ('cannot wait here for a task or future of the event loop
it blocks'); a reader's ``read()`` (a coroutine) ran on a helper thread's loop, where no write
of the Worker's loop could reach it. Here the loop goes on from inside the call, as
production's does."""

from __future__ import annotations

import asyncio

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker

ENTRY = """
import asyncio
from js import FixedLengthStream, IdentityTransformStream, Promise, TransformStream, TextEncoder, setTimeout
from js import Response as JsResponse
from pyodide.ffi import create_once_callable, run_sync
from workers import Response, WorkerEntrypoint

def made(kind):
    return {"fixed": lambda: FixedLengthStream.new(10), "identity": IdentityTransformStream.new,
            "transform": TransformStream.new}[kind]()

def write_all(writer, parts):
    # a synchronous helper, as a sync library over a stream would be
    for part in parts:
        run_sync(writer.ready)
        run_sync(writer.write(TextEncoder.new().encode(part)))
    run_sync(writer.close())

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        how, kind = request.url.rsplit("/", 2)[1:]
        stream = made(kind)
        writer = stream.writable.getWriter()
        if how == "read-meanwhile":
            reading = asyncio.ensure_future(Response(stream.readable).text())
            write_all(writer, ["hello", "world"])
            return Response(await reading)
        if how == "nothing-reads":
            run_sync(writer.write(TextEncoder.new().encode("hello")))
            return JsResponse.new(stream.readable)
        if how == "read-sync":
            async def produce():
                await writer.write(TextEncoder.new().encode("hi"))
                await writer.close()
            producing = asyncio.ensure_future(produce())
            reader = stream.readable.getReader()
            first = run_sync(reader.read())
            end = run_sync(reader.read())
            run_sync(producing)
            return Response.json([bytes(first.value.to_bytes()).decode(), end.done])
        if how == "timer":
            late = Promise.new(lambda resolve, reject: setTimeout(create_once_callable(lambda: resolve("late")), 5))
            task = asyncio.ensure_future(asyncio.sleep(0.001, "task"))
            return Response(run_sync(late) + " " + run_sync(task))
"""

HUNG = "detected that your Worker's code had hung and would never generate a response"


@pytest.fixture
def worker(tmp_path):
    return load_worker(one_file_worker(tmp_path, ENTRY))


@pytest.mark.parametrize("kind", ["fixed", "identity", "transform"])
def test_run_sync_of_a_write_resolves_while_something_reads(worker, kind):
    async def scenario():
        resp = await worker.fetch(f"/read-meanwhile/{kind}")
        return resp.status, await resp.text()

    assert asyncio.run(scenario()) == (200, "helloworld")


@pytest.mark.parametrize("kind", ["fixed", "identity", "transform"])
def test_run_sync_of_a_write_nothing_reads_is_workerds_hung_request(worker, kind):
    async def scenario():
        with pytest.raises(JsException, match=HUNG):
            await asyncio.wait_for(worker.fetch(f"/nothing-reads/{kind}"), 10)

    asyncio.run(scenario())


@pytest.mark.parametrize("kind", ["identity", "transform"])
def test_run_sync_of_a_read_while_a_task_writes(worker, kind):
    async def scenario():
        resp = await worker.fetch(f"/read-sync/{kind}")
        return resp.status, await resp.json()

    assert asyncio.run(scenario()) == (200, ["hi", True])


def test_run_sync_of_a_promise_a_timer_settles_and_of_a_task_of_the_loop(worker):
    async def scenario():
        resp = await worker.fetch("/timer/transform")
        return resp.status, await resp.text()

    assert asyncio.run(asyncio.wait_for(scenario(), 10)) == (200, "late task")
