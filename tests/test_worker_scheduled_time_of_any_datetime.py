"""``worker.scheduled(scheduled_time=...)`` takes any ``datetime``, as a JavaScript ``Date`` holds
every instant from year 1 to 9999: ``controller.scheduledTime`` is its milliseconds since the
epoch, exact. ``datetime(1, 1, 1)`` was a bare ``ValueError: year 0 is out of range`` (from
``astimezone()`` of a naive one) and a ``float`` timestamp lost the milliseconds of far dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from workers_env import load_worker

WRANGLER = 'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
ENTRY = '''from workers import WorkerEntrypoint, Response
SEEN = []
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("x")
    async def scheduled(self, controller, env, ctx):
        SEEN.append(controller.scheduledTime)
'''


@pytest.fixture
def worker(project: Any) -> Any:
    return load_worker(project(WRANGLER, src__entry_DOT_py=ENTRY))


@pytest.mark.asyncio
@pytest.mark.parametrize(("when", "ms"), [
    (datetime(1, 1, 1, tzinfo=timezone.utc), -62135596800000),  # new Date("0001-01-01T00:00:00Z").getTime()
    (datetime.max.replace(tzinfo=timezone.utc), 253402300799999),  # ...("9999-12-31T23:59:59.999Z")
    (datetime(2026, 5, 1, 12, 0, 0, 123000, tzinfo=timezone(timedelta(hours=2))), 1777629600123),
])
async def test_an_aware_datetime_is_its_exact_milliseconds(worker: Any, when: datetime, ms: int) -> None:
    await worker.scheduled("* * * * *", scheduled_time=when)
    assert worker.module.SEEN == [ms]


@pytest.mark.asyncio
@pytest.mark.parametrize("when", [datetime.min, datetime.max, datetime(1970, 1, 1)])
async def test_a_naive_datetime_at_the_ends_of_the_range_is_taken(worker: Any, when: datetime) -> None:
    await worker.scheduled("* * * * *", scheduled_time=when)
    (seen,) = worker.module.SEEN
    assert isinstance(seen, int) and abs(seen - (when.replace(tzinfo=timezone.utc) - datetime(1970, 1, 1, tzinfo=timezone.utc))
                                        // timedelta(milliseconds=1)) <= 14 * 3_600_000  # local time: within a day's offsets
