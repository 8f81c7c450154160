"""``_thread.start_new_thread`` (its alias ``start_new``, and ``start_joinable_thread`` where
Python has it, 3.13 on) called by the Worker's own code fails as in Pyodide 0.26 and 0.28
(measured under Node): ``RuntimeError: can't start new thread`` once the arguments pass the
function's own checks, which keep their ``TypeError``; no thread starts. Test code's calls
still start threads."""

from __future__ import annotations

import _thread
import json
import threading

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import _thread

from workers import Response, WorkerEntrypoint

RAN = []


def outcome(call):
    try:
        call()
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return "started"


def cases():
    run = lambda *args: RAN.append(args)
    found = {
        "new_thread": outcome(lambda: _thread.start_new_thread(run, ())),
        "new_thread_kwargs": outcome(lambda: _thread.start_new_thread(run, (), {})),
        "alias": outcome(lambda: _thread.start_new(run, ("x",))),
        "not_callable": outcome(lambda: _thread.start_new_thread(1, ())),
        "not_a_tuple": outcome(lambda: _thread.start_new_thread(run, "x")),
        "not_a_dict": outcome(lambda: _thread.start_new_thread(run, (), 3)),
        "one_argument": outcome(lambda: _thread.start_new_thread(run)),
    }
    if hasattr(_thread, "start_joinable_thread"):
        found["joinable"] = outcome(lambda: _thread.start_joinable_thread(run))
        found["joinable_not_callable"] = outcome(lambda: _thread.start_joinable_thread(1))
    return found


AT_TOP = cases()


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json({"top": AT_TOP, "handler": cases(), "ran": len(RAN)})
'''

REFUSED = "RuntimeError: can't start new thread"
EXPECTED = {
    "new_thread": REFUSED, "new_thread_kwargs": REFUSED, "alias": REFUSED,
    "not_callable": "TypeError: first arg must be callable",
    "not_a_tuple": "TypeError: 2nd arg must be a tuple",
    "not_a_dict": "TypeError: optional 3rd arg must be a dictionary",
    "one_argument": "TypeError: start_new_thread expected at least 2 arguments, got 1",
}
if hasattr(_thread, "start_joinable_thread"):
    EXPECTED |= {"joinable": REFUSED, "joinable_not_callable": "TypeError: thread function must be callable"}


@pytest.mark.asyncio
async def test_the_workers_own_low_level_thread_start_fails_as_in_pyodide(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    body = json.loads(await (await worker.fetch("/")).text())
    assert body == {"top": EXPECTED, "handler": EXPECTED, "ran": 0}


@pytest.mark.asyncio
async def test_test_code_still_starts_a_low_level_thread(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    await worker.fetch("/")
    done = threading.Event()
    _thread.start_new_thread(done.set, ())
    assert done.wait(30)
