"""A Queue's ``send``/``sendBatch`` refusals (``Message body cannot be undefined``, ``sendBatch()
requires at least one message``) are the rejections of the promise the call returns, not throws at
the call: they are ``JSG_REQUIRE``s inside workerd's promise-returning ``WorkerQueue`` methods, and
jsg turns such a throw into a rejected promise from compatibility date 2022-10-31
(``capture_async_api_throws``, "Don't throw from async functions" in Cloudflare's compatibility
dates). So the call hands back a promise, and awaiting it suspends the task before raising, as any
rejected binding call (``a1 c0 E a2``); workers-env raised at the call (``a1 E a2 c0``, review87).
``sendBatch`` given no sequence -- ``None`` (``undefined``), nothing, a string, a number -- likewise
rejects, with jsg's ``TypeError: Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not of
type 'Sequence'.`` (workerd queue.h: ``jsg::Sequence<MessageSendRequest> batch``; jsg iterator.h
``SequenceWrapper``: the name ``Sequence``, a string not taken; util.c++'s method-argument text); it was
Python's ``missing 1 required positional argument`` at the call (left57)."""

from __future__ import annotations

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
from pyodide.ffi import to_js
from js import Object
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        calls = {
            "undefined body": lambda: self.env.Q.send(None),
            "empty batch": lambda: self.env.Q.sendBatch(to_js([])),
            "message without body": lambda: self.env.Q.sendBatch(
                to_js([{"delaySeconds": 1}], dict_converter=Object.fromEntries)),
            "batch of None": lambda: self.env.Q.sendBatch(None),
            "batch of nothing": lambda: self.env.Q.sendBatch(),
            "batch of a string": lambda: self.env.Q.sendBatch("ab"),
            "batch of a number": lambda: self.env.Q.sendBatch(5),
        }
        answers = {}
        for name, call in calls.items():
            log = []

            async def task():
                log.append("a1")
                try:
                    promise = call()
                    log.append("called")  # a promise: the refusal is its rejection
                    await promise
                except Exception as exc:
                    log.append(str(exc))
                log.append("a2")

            async def counter():
                for i in range(2):
                    log.append(f"c{i}")
                    await asyncio.sleep(0)

            await asyncio.gather(task(), counter())
            answers[name] = log
        return Response.json(answers)
'''


@pytest.mark.parametrize("date", ["2025-08-20", "2025-11-01"])  # the built-in SDK's raw bindings (Pyodide 0.26, 0.28)
def test_queue_send_refusals_reject_the_promise_the_call_returns(tmp_path, date):
    entry = ENTRY + "\n    on_fetch = fetch\n" if date < "2025-08-14" else ENTRY
    folder = one_file_worker(tmp_path, entry, date=date, extra='[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n')

    def rejected(text):
        return ["a1", "called", "c0", f"TypeError: {text}", "a2", "c1"]  # thrown at the call: a1 E a2 c0 c1

    assert json_answer(folder, "/") == {
        "undefined body": rejected("Message body cannot be undefined"),
        "empty batch": rejected("sendBatch() requires at least one message"),
        "message without body": rejected("Message body cannot be undefined"),
        **dict.fromkeys(("batch of None", "batch of nothing", "batch of a string", "batch of a number"), rejected(
            "Failed to execute 'sendBatch' on 'WorkerQueue': parameter 1 is not of type 'Sequence'.")),
    }
