"""A JavaScript function handed to ``js.setTimeout``, ``js.setInterval`` or ``js.queueMicrotask``
-- a global (``js.queueMicrotask``, ``js.Date``, ``js.parseInt``), a static (``Object.keys``), a
value's ``constructor`` -- is that JS function, as Pyodide hands a ``JsProxy`` to JavaScript: the
timer calls it. Only a plain Python callable is a borrowed proxy, destroyed when the call
returns (Pyodide's error when the timer fires). Once the globals became JsProxies (no longer
Python functions), the timers still took every callback that was not a ``create_proxy`` for a
borrowed Python one: ``js.setTimeout(js.queueMicrotask, 0, cb)`` logged Pyodide's ``borrowed
proxy`` error and ``cb`` never ran."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import json

import js
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint

js.setTimeout(js.Date, 0)  # the top level's setTimeout(cb, 0): a microtask once the top level has run


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = []
        js.setTimeout(js.queueMicrotask, 0, create_proxy(lambda: out.append("microtask a timer queued")))
        js.setTimeout(js.setTimeout, 0, create_proxy(lambda: out.append("timer a timer set")), 0)
        js.queueMicrotask(js.Date)
        js.queueMicrotask(js.Object.new().constructor)
        js.setTimeout(js.parseInt, 0, "7")
        js.setTimeout(js.Object.keys, 0, js.Object.new())
        interval = js.setInterval(js.String, 1, 1)
        await asyncio.sleep(0.05)
        js.clearInterval(interval)
        return Response(json.dumps(sorted(out)))
'''


@pytest.mark.parametrize("date", ["2025-08-14", "2025-10-01"])
def test_js_functions_given_to_timers_and_microtasks_are_called(tmp_path: Path, date: str,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        got = json_answer(one_file_worker(tmp_path, ENTRY, date=date), "/")
    assert got == ["microtask a timer queued", "timer a timer set"]
    assert [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR] == []
