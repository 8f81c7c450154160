"""Messages waiting in the broker when ``workers-env dev`` reloads the Worker -- a batch waiting
for its timeout, a message for its delay -- are lost, as under ``wrangler dev`` 4.164.0, whose
Miniflare starts a new runtime on the edit (measured: ``tools/wrangler/queue_probe.py reload``,
nothing delivered after ``Local server updated and ready``); the reloaded Worker's env has a
broker of its own, which delivers what it is sent."""

from __future__ import annotations

import time
import urllib.request

from dev_reload_helpers import DevServer, python_project
from worker_helpers import consumed_queue

ENTRY = """\
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.method == "POST":
            await self.env.JOBS.send("delayed", delaySeconds=1)
            await self.env.JOBS.send("waiting")
            return Response("sent")
        return Response("VERSION")

    async def queue(self, batch, env, ctx):
        print("VERSION got", [m.body for m in batch.messages])
"""


def post(url: str) -> str:
    with urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=10) as resp:
        return resp.read().decode()


def test_waiting_messages_are_lost_and_the_new_worker_gets_what_it_is_sent(tmp_path):
    project = python_project(tmp_path, ENTRY.replace("VERSION", "first"),
                             config_extra=consumed_queue(max_batch_timeout=1))
    with DevServer(project) as dev:
        assert post(dev.url + "/") == "sent"
        mark = dev.edit(project / "src" / "entry.py", ENTRY.replace("VERSION", "second"))
        dev.wait_for("Local server updated and ready", after=mark)
        time.sleep(1.5)  # past the delay and the batch timeout
        assert "got" not in dev.output and "QUEUE jobs" not in dev.output
        assert dev.get("/") == (200, "second")
        assert post(dev.url + "/") == "sent"
        dev.wait_for("second got ['waiting'")  # with 'delayed', or that in a batch of its own
        assert "first got" not in dev.output


def test_a_batch_in_a_handler_at_the_reload_settles_nothing(tmp_path):
    from workers_env import ManualClock, load_env

    broker = load_env(python_project(tmp_path, ENTRY, config_extra=consumed_queue(max_batch_timeout=0)),
                      clock=ManualClock(100)).JOBS.broker
    broker.enqueue("jobs", [("a", "json", None, 3)], 100)
    batch = broker.take_batch(100)
    broker.clear()  # the reload, while the handler runs
    broker.enqueue("jobs", [("b", "json", None, 3)], 101)
    assert broker.settle(batch, "ok", False, {"retry": True}, [], 102) == []  # no retry kept, no line
    again = broker.take_batch(101)  # the new runtime's queue is not held by the old batch
    assert again is not None and [m.body for m in again.messages] == ["b"] and broker.pending() == 0


SLOW = """\
import asyncio
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await self.env.JOBS.send("VERSION")
        return Response("sent")

    async def queue(self, batch, env, ctx):
        print("VERSION began", flush=True)
        if "VERSION" == "first":
            await asyncio.sleep(4)
        print("VERSION ended", flush=True)
"""


def test_the_new_worker_gets_its_batches_while_the_old_one_is_still_in_queue(tmp_path):
    """The old Worker's batch, cut off by the reload, holds no batch of the new Worker's:
    before review52 the dev server waited for it to finish before it delivered again."""
    project = python_project(tmp_path, SLOW.replace("VERSION", "first"),
                             config_extra=consumed_queue(max_batch_timeout=0))
    with DevServer(project) as dev:
        assert post(dev.url + "/") == "sent"
        dev.wait_for("first began")
        mark = dev.edit(project / "src" / "entry.py", SLOW.replace("VERSION", "second"))
        dev.wait_for("Local server updated and ready", after=mark)
        assert post(dev.url + "/") == "sent"
        dev.wait_for("second ended")
        assert "first ended" not in dev.output
