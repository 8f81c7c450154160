"""With a thousand stream waits on the loop the hang check (runtime/stalls.py) stays prompt, and
the writes a finished request left pending (no one's any more, as workerd drops a request's
promises with its IoContext) leave the check: a request hung behind 1,000 un-awaited writes
nobody reads fails at the check's second run after its last wait came (the first finds it hung,
the next one, 4 ms later, fails it), the check never leaves more than a second between two runs
however long a run took (it backs off 20 times its own cost), each run's work grows with the
waits it holds, not with their square, and so for the next request, whose runs hold only its
own waits. The back-off had no bound (20 times the check's cost: a few seconds at 10,000
waits), and a finished request's waits stayed in every later check, so the second request
waited longer still.

Measured in what the check does, not in wall-clock time (which a loaded machine stretches
tenfold): each run of the check is logged with the waits it holds, the lines of Python it runs
(``sys.settrace``) and the delay it sets before its next run; the clock it measures its own
cost with says every run took 0.1 s, as on a slow machine, so the back-off's bound is always
what sets the delay."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest
from worker_helpers import one_file_worker

from workers_env import JsException, load_worker
from workers_env.runtime import stalls

WAITS = 1_000
ENTRY = f"""
from js import IdentityTransformStream, Uint8Array
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        writer = IdentityTransformStream.new().writable.getWriter()
        chunk = Uint8Array.new(1)
        pending = [writer.write(chunk) for _ in range({WAITS})]  # not awaited, never read
        await writer.write(chunk)
        return Response("never")
"""
#: lines of Python a run may take for each wait it holds (about 40-75 here: a walk from each
#: task to what it waits on); a check looking at every task for each wait takes ~WAITS times more
LINES_PER_WAIT = 150


@dataclass
class _Event:
    """An ``add`` of a wait or a ``run`` of the check: the waits the check holds (before a
    run), the lines of Python the run took, the waits it failed, and the delay its next run is
    due after (``None``: none is scheduled)."""

    kind: str
    held: int
    delay: float | None
    lines: int = 0
    failed: int = 0


class _SlowClock:
    """``time`` for the check: ``perf_counter`` goes on 0.1 s at each reading."""

    def __init__(self) -> None:
        self.readings = 0

    def perf_counter(self) -> float:
        self.readings += 1
        return self.readings * 0.1


def _next_run(watch: stalls._Watch) -> float | None:
    """The delay (from now) of the check's next run, at most what the check asked for."""
    return None if watch.handle is None else watch.handle.when() - watch.loop.time()


def _lines_run(call, budget: int) -> int:
    """The lines of Python ``call()`` runs (counted up to just past ``budget``, then no more:
    the rest runs untraced, so that a quadratic run is cheap enough to fail in)."""
    lines = 0

    def trace(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
            if lines > budget:
                sys.settrace(None)
                return None
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(previous)
    return lines


@pytest.fixture
def check_log(monkeypatch) -> list[_Event]:
    return logged_checks(monkeypatch)


def logged_checks(monkeypatch) -> list[_Event]:
    """The check's adds and runs from now on (until ``monkeypatch`` is undone), in order."""
    log: list[_Event] = []
    add, check = stalls._Watch.add, stalls._Watch.check

    def logged_add(watch, future, ctx):
        add(watch, future, ctx)
        log.append(_Event("add", len(watch.waits), _next_run(watch)))

    def logged_check(watch):
        held = len(watch.waits)
        done = sum(future.done() for future in watch.waits)
        lines = _lines_run(lambda: check(watch), LINES_PER_WAIT * held)
        delay = _next_run(watch)
        log.append(_Event("run", held, delay, lines, sum(future.done() for future in watch.waits) - done))

    monkeypatch.setattr(stalls._Watch, "add", logged_add)
    monkeypatch.setattr(stalls._Watch, "check", logged_check)  # is_hang_check knows it by this name
    return log


@pytest.mark.asyncio
async def test_a_write_hung_behind_a_thousand_waits_fails_at_the_checks_second_run_each_time(
        tmp_path, monkeypatch, check_log):
    clock = _SlowClock()
    monkeypatch.setattr(stalls, "time", clock)
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    for request in range(2):
        check_log.clear()
        with pytest.raises(JsException, match="had hung"):
            await worker.fetch("/")
        runs = [event for event in check_log if event.kind == "run"]
        failing = next(index for index, event in enumerate(check_log) if event.failed)
        last_add = max(index for index, event in enumerate(check_log[:failing]) if event.kind == "add")
        assert [event.kind for event in check_log[last_add + 1:failing + 1]] == ["run", "run"], check_log
        assert check_log[failing].failed == 1
        assert check_log[failing - 1].delay <= 0.004  # the second look, 4 ms after the first
        delays = [event.delay for event in check_log if event.delay is not None]
        # 20 times a run's 0.1 s, but at most a second (a wait's add keeps a run due within 1 ms of that)
        assert max(delays) <= 1.001, check_log
        for run in runs:
            assert run.lines <= LINES_PER_WAIT * run.held, run
        # the first request's writes left the check at the second's first run
        assert check_log[failing].held <= WAITS + 1
    assert clock.readings  # the check measured its cost on the clock above
