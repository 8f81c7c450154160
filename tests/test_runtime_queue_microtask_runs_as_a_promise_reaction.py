"""``js.queueMicrotask(callback)``, a global of workerd, runs ``callback()`` (no argument) as a
microtask: after the code running now, in order with promise reactions, before a timer -- under
wrangler dev 4.164.0 a JavaScript Worker's ``queueMicrotask``, ``Promise.resolve().then``,
``setTimeout(0)`` and the code after them give ``sync, micro, then, timeout``. A callback that is
not a function is workerd's ``TypeError`` at the call (the text measured there); one that throws
is an uncaught error, logged, and the request goes on, the next microtask too (workerd logs
``Uncaught Error: ...`` and answers 200). A plain Python function is a borrowed proxy destroyed
when the call returns, as Pyodide 0.26.0a4 and 0.28.2 hand it over: the microtask fails with
Pyodide's error and the callback never runs. Once, ``js.queueMicrotask`` was not emulated
(``NotEmulatedError`` at the call)."""

from __future__ import annotations

import logging

import pytest
from worker_helpers import json_answer, one_file_worker

ENTRY = '''
import asyncio
import json
from urllib.parse import urlparse

import js
from pyodide.ffi import create_proxy
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        path = urlparse(request.url).path
        out = []
        if path == "/order":
            js.setTimeout(create_proxy(lambda: out.append("timeout")), 0)
            js.queueMicrotask(create_proxy(lambda *args: out.append(f"micro {len(args)}")))
            js.Promise.new(lambda resolve, reject: resolve(1)).then(lambda v: out.append("then"))
            out.append("sync")
            await asyncio.sleep(0.05)
        elif path == "/not-a-function":
            for value in (1, None, "x", {"a": 1}):
                try:
                    js.queueMicrotask(value)
                    out.append("accepted")
                except Exception as e:
                    out.append(str(e))
        elif path == "/throws":
            def bad():
                out.append("a")
                raise ValueError("from microtask")
            js.queueMicrotask(create_proxy(bad))
            js.queueMicrotask(create_proxy(lambda: out.append("b")))
            await asyncio.sleep(0.01)
            out.append("after")
        elif path == "/borrowed":
            js.queueMicrotask(lambda: out.append("ran"))
            await asyncio.sleep(0.01)
            out.append("after")
        return Response(json.dumps(out))
'''

NOT_A_FUNCTION = ("TypeError: Failed to execute 'queueMicrotask' on 'ServiceWorkerGlobalScope': parameter 1 is not "
                  "of type 'function'.")


@pytest.mark.parametrize("date", ["2025-09-01", "2025-10-01"])
def test_a_microtask_runs_after_the_code_before_promise_reactions_queued_later_and_timers(tmp_path, date):
    one_file_worker(tmp_path, ENTRY, date=date)
    assert json_answer(tmp_path, "/order") == ["sync", "micro 0", "then", "timeout"]


def test_a_callback_that_is_not_a_function_is_workerds_type_error(tmp_path):
    one_file_worker(tmp_path, ENTRY)
    assert json_answer(tmp_path, "/not-a-function") == [NOT_A_FUNCTION] * 4


def test_a_throwing_callback_is_logged_as_uncaught_and_the_request_goes_on(tmp_path, caplog):
    one_file_worker(tmp_path, ENTRY)
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert json_answer(tmp_path, "/throws") == ["a", "b", "after"]
    uncaught = [r for r in caplog.records if "queueMicrotask" in r.getMessage()]
    assert len(uncaught) == 1 and uncaught[0].exc_info is not None
    assert uncaught[0].getMessage() == "Uncaught exception in a queueMicrotask callback"
    assert str(uncaught[0].exc_info[1]) == "from microtask"


def test_a_plain_python_function_is_a_borrowed_proxy_gone_when_the_microtask_runs(tmp_path, caplog):
    one_file_worker(tmp_path, ENTRY)
    with caplog.at_level(logging.ERROR, logger="workers_env.runtime"):
        assert json_answer(tmp_path, "/borrowed") == ["after"]
    uncaught = [r for r in caplog.records if "queueMicrotask" in r.getMessage()]
    assert len(uncaught) == 1
    assert "This borrowed proxy was automatically destroyed" in str(uncaught[0].exc_info[1])
