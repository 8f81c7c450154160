"""A ``Promise.new(...)`` rejection no handler reaches by the end of the loop turn is logged as
workerd reports it, ``Uncaught (in promise) <reason>``, once; a handler attached in the same
turn (``catch``, ``then``, an ``await``) keeps it quiet, and a ``then`` with no rejection
handler passes the report on to the promise it returned."""

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
        caught = Promise.new(lambda resolve, reject: reject("caught"))
        caught.catch(lambda reason: None)
        try:
            await Promise.new(lambda resolve, reject: reject("awaited"))
        except Exception:
            pass
        Promise.new(lambda resolve, reject: reject("chained")).then(lambda value: value)
        Promise.new(lambda resolve, reject: resolve(1))
        for _ in range(5):
            await asyncio.sleep(0)
        return Response.new(json.dumps("done"))
"""


def test_only_the_unhandled_rejections_are_logged_once_each(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    one_file_worker(tmp_path, ENTRY)
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert json_answer(tmp_path, "/") == "done"
    logged = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Uncaught (in promise)")]
    assert logged == ["Uncaught (in promise) nobody listens", "Uncaught (in promise) Error: boom",
                      "Uncaught (in promise) chained"]
