"""A handler makes a loop (``asyncio.new_event_loop()``) and waits for a task with the new loop's
``run_until_complete``, measured in real Pyodide under Node with JSPI (a fresh Pyodide each, as
tools/pyodide/new_loop_probe.mjs runs its scenarios).

A task started on the handler's first loop (loops54): 0.26.0a4 hands the task back unawaited,
0.28.2 never settles (the task's next step is CPython's ``RuntimeError: Cannot enter into task ...
while another task ... is being executed``: the waiting task still holds the first loop) and 314.0.6
returns its value. workers-env: the task on 0.26, that error raised at the call on 0.28 (a wait that
never ends would hang the test; README: Where we had to choose), the value on 314. Before, 5 on 0.28
too.

A task started on the new loop itself (``new.create_task``; audit31): 0.28.2 and 314.0.6 return its
value (5), 0.26.0a4 hands the task back unawaited (a ``PyodideTask``); the task is the new loop's in
all three. Only a task of *another* loop, still pending, is 0.28's ``Cannot enter into task``: a
loop's own task, or one already done, is not."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import asyncio

    from workers import Response, WorkerEntrypoint


    async def co():
        await asyncio.sleep(0.01)
        return 5


    async def first_loops_task():
        old = asyncio.get_running_loop()
        t = asyncio.ensure_future(co())
        new = asyncio.new_event_loop()
        try:
            x = new.run_until_complete(t)
            got = [type(x).__name__, x is t or x]
        except RuntimeError as error:
            got = ["RuntimeError", str(error)]
        asyncio._set_running_loop(old)
        got.append(await t)  # the task itself runs on once its loop runs again
        return got


    async def own_task():
        old = asyncio.get_running_loop()
        new = asyncio.new_event_loop()
        t = new.create_task(co())
        try:
            x = new.run_until_complete(t)
        except RuntimeError as error:
            x = f"RuntimeError: {error}"
        asyncio._set_running_loop(old)
        got = [type(x).__name__, x if isinstance(x, (int, str)) else x is t, t.get_loop() is new]
        await asyncio.sleep(0.05)  # (0.26: the task runs on; awaiting it here is asyncio's "different loop")
        return got


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response.json(await (own_task() if request.url.endswith("/own") else first_loops_task()))
"""


@pytest.mark.asyncio
async def test_a_first_loops_task_waited_on_a_new_loop_is_the_eras(tmp_path):
    got = {}
    for date in ("2025-09-01", "2025-10-01", "2026-09-08"):
        worker = load_worker(one_file_worker(tmp_path / date, ENTRY, date=date))
        got[date] = await (await worker.fetch("/")).json()
    assert got["2025-09-01"] == ["PyodideTask", True, 5]
    kind, message, value = got["2025-10-01"]
    assert kind == "RuntimeError" and value == 5
    assert message.startswith("Cannot enter into task <PyodideTask pending name=") and message.endswith(
        " is being executed."), message
    assert got["2026-09-08"] == ["int", 5, 5]


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "wanted"), [("2025-09-01", ["PyodideTask", True, True]),
                                              ("2025-10-01", ["int", 5, True]), ("2026-09-08", ["int", 5, True])])
async def test_a_new_loops_own_task_waited_on_it_settles(tmp_path, date, wanted):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/own")).json() == wanted
