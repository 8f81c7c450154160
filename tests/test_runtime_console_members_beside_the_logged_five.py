"""``js.console`` has V8's members beside the five workerd logs: workerd replaces only ``log``,
``info``, ``debug``, ``warn`` and ``error`` (worker.c++ ``setupContext``), so ``console.table``,
``time``/``timeEnd``, ``count``, ``assert``, ``group``, ``trace`` ... are V8's own, which write
to an attached inspector only: callable, and nothing printed -- where workers-env's console
lacked them (``AttributeError: 'types.SimpleNamespace' object has no attribute 'table'``). A
member V8's console lacks is Pyodide's ``AttributeError`` (the name alone)."""

from __future__ import annotations

import json

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import json
from js import console
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        console.table([1, 2])
        console.time("t")
        console.timeLog("t")
        console.timeEnd("t")
        console.count()
        console.countReset()
        getattr(console, "assert")(False, "not shown")
        console.group("g")
        console.groupEnd()
        console.trace("here")
        console.dir({"a": 1})
        console.log("logged")
        try:
            console.bogus("x")
        except AttributeError as error:
            missing = str(error)
        return Response(json.dumps({"missing": missing}))
"""


@pytest.mark.asyncio
async def test_v8_console_members_are_callable_and_print_nothing(tmp_path, capsys):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    out = json.loads(await (await worker.fetch("/")).text())
    assert out == {"missing": "bogus"}
    printed = capsys.readouterr()
    assert printed.out.splitlines() == ["logged"]
    assert "not shown" not in printed.err and "here" not in printed.err
