"""A ``Promise.new(...)`` rejection no handler reaches is not logged, as neither workerd nor
``wrangler dev`` logs one: workerd only dispatches an ``unhandledrejection`` event (to
listeners, or for an attached inspector; jsg/promise.c++ ``UnhandledRejectionHandler``,
api/global-scope.c++ ``emitPromiseRejection``), and ``wrangler dev`` 4.164.0 prints nothing for
``new Promise((res, rej) => rej("x"))`` or ``rej(new Error("boom"))`` left unhandled in a JS
Worker's ``fetch`` (measured). A handled one is not logged either, and the request answers."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = """
import asyncio
import json
from js import Error, Promise, Response
from workers import WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        Promise.new(lambda resolve, reject: reject("nobody listens"))
        Promise.new(lambda resolve, reject: reject(Error.new("boom")))
        Promise.new(lambda resolve, reject: reject("chained")).then(lambda value: value)
        Promise.new(lambda resolve, reject: reject("caught")).catch(lambda reason: None)
        for _ in range(5):
            await asyncio.sleep(0)
        return Response.new(json.dumps("done"))
"""


def test_an_unhandled_rejection_logs_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    one_file_worker(tmp_path, ENTRY)
    with caplog.at_level(logging.DEBUG):
        assert json_answer(tmp_path, "/") == "done"
    out, err = capsys.readouterr()
    texts = [r.getMessage() for r in caplog.records] + [out, err]
    assert not [t for t in texts if "nobody listens" in t or "boom" in t or "chained" in t or "Uncaught" in t]
