"""A Queue's ``send``/``sendBatch`` are checked as workerd checks them (``queue.c++``) before a
supplied queue sees anything: a body JavaScript reads as ``undefined`` -- ``send(None)``, or a
``sendBatch`` message whose ``body`` it cannot read, as ``to_js(dict)`` (a plain ``Map``) on
Pyodide 0.26, the queues docs' ``sendBatch(to_js(batch))`` before 2025-09-29 -- is
``TypeError: Message body cannot be undefined``, an empty batch ``sendBatch() requires at least
one message``; nothing is sent."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker
from workers_env.queues.producer import QueueProducer

ENTRY = '''
from pyodide.ffi import to_js
from js import Object
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = request.url.rsplit("/", 1)[1]
        batch = [{"body": value} for value in ["a", "b"]]
        calls = {
            "maps": lambda: self.env.Q.sendBatch(to_js(batch)),
            "objects": lambda: self.env.Q.sendBatch(to_js(batch, dict_converter=Object.fromEntries)),
            "empty": lambda: self.env.Q.sendBatch(to_js([])),
            "none": lambda: self.env.Q.send(None),
            "text": lambda: self.env.Q.send("hello"),
            "no-body": lambda: self.env.Q.sendBatch(to_js([{"delaySeconds": 1}], dict_converter=Object.fromEntries)),
        }
        try:
            await calls[path]()
        except Exception as exc:
            return Response(f"{type(exc).__name__}: {exc}")
        return Response("sent")
'''


UNDEFINED_BODY = "JsException: TypeError: Message body cannot be undefined"


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "maps"), [("2025-08-20", UNDEFINED_BODY), ("2025-11-01", "sent")])
async def test_queue_messages_are_checked_as_workerd_checks_them(tmp_path, date, maps):
    queue = QueueProducer()
    folder = one_file_worker(tmp_path, ENTRY, date=date, extra='[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n')
    worker = load_worker(folder, env=load_env(folder, bindings={"Q": queue}))

    async def call(path):
        return await (await worker.fetch(f"/{path}")).text()

    assert await call("maps") == maps  # a plain Map on 0.26; Pyodide 0.28's LiteralMap reads as an object
    assert await call("objects") == "sent"
    assert await call("empty") == "JsException: TypeError: sendBatch() requires at least one message"
    assert await call("none") == UNDEFINED_BODY  # None crosses as undefined
    assert await call("no-body") == UNDEFINED_BODY
    assert await call("text") == "sent"
    assert queue.bodies == (["a", "b"] if maps == "sent" else []) + ["a", "b", "hello"]  # refused calls sent nothing
