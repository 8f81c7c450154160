"""``js.performance`` is workerd's ``Performance`` object: ``[object Performance]``, ``typeof``
object; ``now()`` is ``Date.now()`` (whole milliseconds, a Python int; 0 at the Worker's top
level, as both are there); ``timeOrigin`` 0; ``toJSON()`` (``{"timeOrigin":0}``) only with the
global performance classes (``nodejs_compat`` from 2026-03-17: on by date from 2026-08-04).
Measured under wrangler dev 4.164.0."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import js
from js import Date, performance
from workers import Response, WorkerEntrypoint

AT_TOP = (performance.now(), Date.now(), Date.new().getTime())


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        # performance.now() is Date.now(): read between two of its reads, on a loaded host too
        before, now, after = Date.now(), performance.now(), Date.now()
        try:
            to_json = js.JSON.stringify(performance.toJSON())
        except AttributeError as exc:
            to_json = f"AttributeError: {exc}"
        return Response.json({
            "repr": repr(performance), "typeof": performance.typeof, "ctor": performance.constructor.name,
            "type": type(now).__name__, "close": before <= now <= after, "positive": now > 1e12,
            "timeOrigin": performance.timeOrigin, "top": list(AT_TOP), "toJSON": to_json,
            "stringify": js.JSON.stringify(performance),
        })
'''

COMMON = {"repr": "[object Performance]", "typeof": "object", "ctor": "Performance", "type": "int", "close": True,
          "positive": True, "timeOrigin": 0, "top": [0, 0, 0]}


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "expected"), [
    ("2026-09-28", {"toJSON": '{"timeOrigin":0}', "stringify": '{"timeOrigin":0}'}),
    ("2025-09-01", {"toJSON": "AttributeError: toJSON", "stringify": "{}"}),
])
async def test_performance_is_workerds(tmp_path, date, expected):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date=date))
    assert await (await worker.fetch("/")).json() == {**COMMON, **expected}


@pytest.mark.asyncio
async def test_the_global_performance_classes_flag_adds_to_json_on_an_older_date(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01", flags=("enable_global_performance_classes",)))
    assert (await (await worker.fetch("/")).json())["toJSON"] == '{"timeOrigin":0}'


CLOCK = '''
import asyncio
import time
from js import Date, performance
from workers import Response, WorkerEntrypoint


def reading():
    return [performance.now(), Date.now(), performance.now()]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        readings = [reading()]
        start = time.monotonic()
        while time.monotonic() - start < 0.03:  # computing 30 ms
            pass
        readings.append(reading())
        await asyncio.sleep(0.025)
        readings.append(reading())
        return Response.json(readings)
'''


@pytest.mark.asyncio
async def test_performance_now_moves_with_date_now_while_computing_and_across_a_timer(tmp_path):
    # wrangler dev 4.164.0 (a JS Worker): performance.now() === Date.now() at each reading; 36 ms
    # later after a CPU-bound loop, 27 after a 25 ms setTimeout (local workerd's clock is the host's).
    # Each Date.now() is read between two performance.now(): on one clock it lies between them
    # (not "within 1 ms": a loaded machine may stop the Worker for longer between two readings)
    worker = load_worker(one_file_worker(tmp_path, CLOCK))
    (p0, d0, q0), (p1, d1, q1), (p2, d2, q2) = await (await worker.fetch("/")).json()
    assert p0 <= d0 <= q0 <= p1 <= d1 <= q1 <= p2 <= d2 <= q2
    assert p1 - q0 >= 30 and p2 - q1 >= 24


@pytest.mark.asyncio
async def test_precise_timers_reads_the_clock_in_steps_of_3_ms(tmp_path):
    # workerd's IoContext::now with precise_timers (experimental): wrangler dev 4.164.0's readings
    # were all multiples of 3 (1796314228395, ... 557, 557, 560, 560)
    worker = load_worker(one_file_worker(tmp_path, CLOCK, flags=("experimental", "precise_timers")))
    readings = [value for pair in await (await worker.fetch("/")).json() for value in pair]
    assert all(value % 3 == 0 for value in readings)
    plain = load_worker(one_file_worker(tmp_path / "plain", CLOCK))
    values = [value for _ in range(4) for pair in await (await plain.fetch("/")).json() for value in pair]
    assert any(value % 3 for value in values)  # without the flag, whole milliseconds
