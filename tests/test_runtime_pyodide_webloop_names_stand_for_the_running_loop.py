"""``pyodide.webloop`` has Pyodide's four names (0.26's and 0.28's ``__all__``: ``WebLoop``,
``WebLoopPolicy``, ``PyodideFuture``, ``PyodideTask``). In production Worker code runs on a
``WebLoop`` under a ``WebLoopPolicy`` and ``asyncio.create_task`` makes a ``PyodideTask``
(``then``/``catch``/``finally_``). Here Worker code runs on asyncio's own loop: while it runs
that loop and the event loop policy are instances of ``WebLoop``/``WebLoopPolicy``, the tasks
it starts are ``PyodideTask``s, and constructing a ``WebLoop`` or ``WebLoopPolicy`` is
``NotEmulatedError``. Outside Worker code neither isinstance check holds."""

from __future__ import annotations

import asyncio
import json

import pytest
from worker_helpers import one_file_worker

from workers_env import NotEmulatedError, load_worker

# Python 3.14 deprecates the policy API these tests read (Pyodide 314's Python warns alike); the
# warning is Python's, not workers-env's, and would only clutter the 3.14 run's summary.
pytestmark = pytest.mark.filterwarnings("ignore:'asyncio.get_event_loop_policy' is deprecated:DeprecationWarning")

ENTRY = '''
import asyncio
import json

import pyodide.webloop
from pyodide.webloop import PyodideFuture, PyodideTask, WebLoop, WebLoopPolicy
from workers import Response, WorkerEntrypoint


async def three():
    await asyncio.sleep(0)
    return 3


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        task = asyncio.create_task(three())
        doubled = await task.then(lambda value: value * 2)
        try:
            WebLoop()
            made = "made"
        except Exception as error:
            made = type(error).__name__
        return Response(json.dumps([
            sorted(pyodide.webloop.__all__), isinstance(asyncio.get_running_loop(), WebLoop),
            isinstance(asyncio.get_event_loop(), WebLoop), isinstance(asyncio.get_event_loop_policy(), WebLoopPolicy),
            isinstance(task, PyodideTask), isinstance(task, PyodideFuture), isinstance(task, asyncio.Task),
            doubled, made, isinstance(object(), WebLoop),
        ]))
'''


@pytest.mark.asyncio
async def test_worker_code_runs_on_a_web_loop_and_starts_pyodide_tasks(tmp_path):
    got = json.loads(await (await load_worker(one_file_worker(tmp_path, ENTRY)).fetch("/")).text())
    assert got == [["PyodideFuture", "PyodideTask", "WebLoop", "WebLoopPolicy"], True, True, True,
                   True, True, True, 6, "NotEmulatedError", False]


@pytest.mark.asyncio
async def test_outside_worker_code_the_loop_is_no_web_loop(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    WebLoop, WebLoopPolicy = worker.module.WebLoop, worker.module.WebLoopPolicy  # what the Worker imported
    assert not isinstance(asyncio.get_running_loop(), WebLoop)
    assert not isinstance(asyncio.get_event_loop_policy(), WebLoopPolicy)
    with pytest.raises(NotEmulatedError) as info:
        WebLoopPolicy()
    assert str(info.value) == (
        "pyodide.webloop.WebLoopPolicy() is not emulated by workers-env: Worker code runs on asyncio's own event "
        "loop here (while it runs, isinstance(asyncio.get_running_loop(), WebLoop) is true, as in production); "
        "use asyncio.get_running_loop() / asyncio.get_event_loop_policy() instead of making one")
