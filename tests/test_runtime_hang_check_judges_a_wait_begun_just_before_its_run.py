"""A request that hangs on a wait begun just before the hang check's run fails at the run after
that one, 4 ms later -- not a back-off later.

The check (runtime/stalls.py) runs 2 ms after the first wait it is given, not after each: here a
write nobody reads begins the first wait, the Worker's code then keeps the loop busy past those
2 ms and awaits a second write, and the overdue run comes right after that step. It finds the
request stuck. It used to look only at waits at least 2 ms old, so the fresh wait was not found
hung then; the next run came the check's back-off later (20 times its own cost, up to a second),
and the one after that failed the request. Now the first run finds it hung and the next, 4 ms
later, fails it, as the run right after a request's last wait does when that wait is older
(tests/test_runtime_hang_check_stays_prompt_with_many_waits.py). A faster step of Worker code, or
a faster first step of the tasks its calls leave, made that run come sooner after the last wait
(stream68's scope-less first step: the hang failed a back-off later in 4 runs of 5 there).

The check's cost is read on a clock that says each run took 0.1 s (so the back-off is a second),
as in the many-waits test; the loop is this test's own, so no earlier run's back-off delays the first."""

from __future__ import annotations

import pytest
from test_runtime_hang_check_stays_prompt_with_many_waits import _SlowClock, logged_checks
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker
from workers_env.runtime import stalls

ENTRY = """
import time
from js import IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = IdentityTransformStream.new().writable.getWriter()
        chunk = Uint8Array.new(1)
        first = writer.write(chunk)  # not awaited, never read: the check is due 2 ms from now
        busy_until = time.perf_counter() + 0.01
        while time.perf_counter() < busy_until:  # past it: the run is overdue when this step ends
            pass
        await writer.write(chunk)
        return Response("never")
"""


@pytest.mark.asyncio
async def test_a_wait_begun_just_before_the_checks_run_fails_at_the_next_run(tmp_path, monkeypatch):
    check_log = logged_checks(monkeypatch)
    monkeypatch.setattr(stalls, "time", _SlowClock())
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(JsException, match="had hung"):
        await worker.fetch("/")
    adds = [index for index, event in enumerate(check_log) if event.kind == "add"]
    assert len(adds) == 2, check_log
    failing = next(index for index, event in enumerate(check_log) if event.failed)
    assert [event.kind for event in check_log[adds[-1] + 1:failing + 1]] == ["run", "run"], check_log
    assert check_log[failing - 1].delay <= 0.004, check_log  # the second look, 4 ms after the first
