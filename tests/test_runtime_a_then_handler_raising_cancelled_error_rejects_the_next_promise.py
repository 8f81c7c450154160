"""A ``then`` handler of a ``Promise.new(...)`` proxy that raises ``CancelledError`` (a
``task.result()`` of a cancelled task) rejects the promise ``then`` returned, as any throw in a
JavaScript reaction does -- with its ``PythonError``, as any Python error there --, and the
other reactions queued with it still run. Since handlers run
as microtasks (one drain of a queue), the ``BaseException`` escaped the drain: the next promise
stayed pending and every reaction queued after it was dropped."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import json

import js
from workers import Response, WorkerEntrypoint


def cancelled(value):
    raise asyncio.CancelledError()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        resolvers = []
        p = js.Promise.new(lambda resolve, reject: resolvers.append(resolve))
        p.then(cancelled).then(lambda v: out.append("fulfilled"), lambda e: out.append([type(e).__name__, e.name, e.type]))
        p.then(lambda v: out.append(f"second {v}"))
        resolvers[0](1)
        for _ in range(5):
            await asyncio.sleep(0)
        return Response(json.dumps(out))
'''


def test_a_handler_raising_cancelled_error_rejects_and_the_others_run(tmp_path: Path) -> None:
    one_file_worker(tmp_path, ENTRY, date="2025-10-01")
    assert json_answer(tmp_path, "/") == ["second 1", ["JsException", "PythonError", "CancelledError"]]
