"""``worker.scheduled(scheduled_time=...)`` takes a ``datetime`` or milliseconds since the epoch:
``controller.scheduledTime`` is its milliseconds, exact, over the whole range the event's
``kj::Date`` holds (1677-09-21 to 2262-04-11 UTC; jsg/value.h ``toKjDate``), a part of a
millisecond truncated toward zero (``wrangler dev`` 4.164.0: ``?time=9223372036854`` reached the
handler as ``9223372036854``). A time outside it is refused:
test_worker_scheduled_time_workerd_cannot_hold_is_refused.py."""

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
    (datetime(1677, 9, 21, 0, 12, 43, 146000, tzinfo=timezone.utc), -9223372036854),  # the first whole ms kj holds
    (datetime(2262, 4, 11, 23, 47, 16, 854000, tzinfo=timezone.utc), 9223372036854),  # the last
    (datetime(2026, 5, 1, 12, 0, 0, 123000, tzinfo=timezone(timedelta(hours=2))), 1777629600123),
    (datetime(2026, 5, 1, 12, 0, 0, 123999, tzinfo=timezone.utc), 1777636800123),  # a part of a ms dropped
])
async def test_an_aware_datetime_is_its_exact_milliseconds(worker: Any, when: datetime, ms: int) -> None:
    await worker.scheduled("* * * * *", scheduled_time=when)
    assert worker.module.SEEN == [ms]


@pytest.mark.asyncio
@pytest.mark.parametrize(("given", "ms"), [(9223372036854, 9223372036854), (-9223372036854, -9223372036854),
                                           (1.9, 1), (-1.9, -1), (0, 0)])
async def test_milliseconds_are_taken_truncated_toward_zero(worker: Any, given: float, ms: int) -> None:
    await worker.scheduled("* * * * *", scheduled_time=given)
    assert worker.module.SEEN == [ms] and type(worker.module.SEEN[0]) is int


@pytest.mark.asyncio
async def test_a_naive_datetime_is_local_time(worker: Any) -> None:
    when = datetime(1970, 1, 2)
    await worker.scheduled("* * * * *", scheduled_time=when)
    (seen,) = worker.module.SEEN
    assert isinstance(seen, int) and seen == when.astimezone(timezone.utc).timestamp() * 1000
