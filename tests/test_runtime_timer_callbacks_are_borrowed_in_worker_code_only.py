"""A plain Python function Worker code hands ``setTimeout``, ``setInterval`` or
``queueMicrotask`` is Pyodide's borrowed proxy, destroyed when the call returns: when it comes
due it fails with Pyodide's whole text, second line included (``Error: This borrowed proxy was
automatically destroyed at the end of a function call. Try using create_proxy or
create_once_callable.`` / ``For more information about the cause of this error, use
`pyodide.setDebug(true)```, real Pyodide 0.26.0a4, 0.28.2 and 314.0.6 under Node with a JS stub
calling it from ``setTimeout`` and ``queueMicrotask``), logged as an uncaught error with a note
saying how to keep it. A JS value's method (``controller.abort``) is a JS function there, and runs.
Outside Worker code -- a test calling ``workers_env.js`` itself -- no Pyodide lends the function:
it is kept and runs, as an ``addEventListener`` listener is (see README's "Where we had to
choose"). Before, a timer's text had one line, and outside Worker code the function failed."""

from __future__ import annotations

import asyncio
import logging

from worker_helpers import json_answer, one_file_worker

from workers_env import js

ENTRY = '''
import asyncio
import json
import js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        ran = []
        controller = js.AbortController.new()
        js.setTimeout(lambda: ran.append("timeout"), 0)
        interval = js.setInterval(lambda: ran.append("interval"), 1)
        js.queueMicrotask(lambda: ran.append("microtask"))
        js.setTimeout(controller.abort, 0)
        await asyncio.sleep(0.02)
        js.clearInterval(interval)
        return Response(json.dumps([ran, controller.signal.aborted]))
'''

BORROWED = ("This borrowed proxy was automatically destroyed at the end of a function call. Try using "
            "create_proxy or create_once_callable.\nFor more information about the cause of this error, use "
            "`pyodide.setDebug(true)`")


def test_in_worker_code_a_plain_function_is_a_destroyed_borrowed_proxy(tmp_path, caplog):
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert json_answer(one_file_worker(tmp_path, ENTRY, date="2026-09-01"), "/") == [[], True]
    errors = [r.exc_info[1] for r in caplog.records if r.exc_info]
    assert len(errors) >= 3  # the timeout, the microtask, the interval's first run at least
    assert {str(e) for e in errors} == {f"Error: {BORROWED}"}
    notes = {n for e in errors for n in getattr(e, "__notes__", [])}
    assert notes == {NOTE.format(call="setTimeout", when="when the timer fires"),
                     NOTE.format(call="setInterval", when="when the timer fires"),
                     NOTE.format(call="queueMicrotask", when="when the microtask runs")}


NOTE = ("workers-env: the function given to {call} was a plain Python function, which Pyodide hands JavaScript as a "
        "borrowed proxy destroyed when {call} returns, so it fails {when} (in production too): pass "
        "create_proxy(fn) or create_once_callable(fn) (from pyodide.ffi) to keep it")

TOP_LEVEL = '''
import js
from workers import Response, WorkerEntrypoint

js.setTimeout(lambda: print("top-level timeout ran"), 0)  # Python Workers run it as a microtask

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("[]")
'''


def test_a_top_level_zero_timeout_fails_when_its_microtask_runs(tmp_path, caplog):
    # (audit19: the note's "when the microtask runs" of a top-level setTimeout(cb, 0) was unpinned)
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert json_answer(one_file_worker(tmp_path, TOP_LEVEL, date="2026-09-01"), "/") == []
    errors = [r.exc_info[1] for r in caplog.records if r.exc_info]
    assert {str(e) for e in errors} == {f"Error: {BORROWED}"}
    assert {n for e in errors for n in getattr(e, "__notes__", [])} == {
        NOTE.format(call="setTimeout", when="when the microtask runs")}


def test_outside_worker_code_a_plain_function_is_kept():
    ran = []

    async def scenario():
        js.setTimeout(lambda tag: ran.append(tag), 0, "timeout")
        js.queueMicrotask(lambda: ran.append("microtask"))
        interval = js.setInterval(lambda: ran.append("interval"), 1)
        await asyncio.sleep(0.02)
        js.clearInterval(interval)

    asyncio.run(scenario())
    assert ran[:2] == ["microtask", "timeout"] and "interval" in ran
