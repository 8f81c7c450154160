"""``sendBatch`` of a Python iterable that raises while jsg pulls it (a generator failing midway,
an item whose ``body`` property raises) answers a promise, rejected with the error's
``PythonError`` -- a ``JsException`` once awaited -- and sends nothing: a promise-returning jsg
method's throw is its rejection (wrangler dev 4.164.0, a JS Worker's throwing generator and getter:
rejected, nothing sent), and Pyodide 0.26.0a4, 0.28.2 and 314.0.6 read a PythonError rejection as
``JsException: PythonError: Traceback ...`` (review90). workers-env raised the ``ValueError`` at the
call, before any promise."""

from __future__ import annotations

import pytest
from worker_helpers import consumed_queue, one_file_worker

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint


def failing():
    yield {"body": "first"}
    raise ValueError("midway")


class Item:
    @property
    def body(self):
        raise KeyError("body")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {}
        for name, make in {"generator": failing, "property": lambda: [{"body": "x"}, Item()]}.items():
            try:
                promise = self.env.JOBS.sendBatch(make())
            except BaseException as exc:
                out[name] = ["at the call", type(exc).__name__]
                continue
            try:
                await promise
                out[name] = ["sent"]
            except BaseException as exc:
                lines = str(exc).splitlines()
                out[name] = ["rejected", type(exc).__name__, lines[0], lines[-1]]
        return Response.json(out)
'''


@pytest.mark.asyncio
async def test_the_iterables_error_rejects_the_call_and_nothing_is_sent(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2026-01-01", extra=consumed_queue()))
    assert await (await worker.fetch("/")).json() == {
        "generator": ["rejected", "JsException", "PythonError: Traceback (most recent call last):",
                      "ValueError: midway"],
        "property": ["rejected", "JsException", "PythonError: Traceback (most recent call last):", "KeyError: 'body'"]}
    assert worker.env.unwrapped("JOBS").sent == []
