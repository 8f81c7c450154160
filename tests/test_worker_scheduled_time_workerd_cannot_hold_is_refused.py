"""``worker.scheduled(scheduled_time=...)`` takes a ``datetime`` or milliseconds since the epoch:
``controller.scheduledTime`` is its milliseconds, exact, over the whole range the event's
``kj::Date`` holds (1677-09-21 to 2262-04-11 UTC; jsg/value.h ``toKjDate``), a part of a
millisecond truncated toward zero (``wrangler dev`` 4.164.0: ``?time=9223372036854`` reached the
handler as ``9223372036854``).

A scheduled event's time workerd cannot hold is refused, as workerd refuses it: the event's
time is a ``kj::Date`` (int64 nanoseconds), and jsg's ``toKjDate`` (jsg/value.h) throws
``TypeError: The value cannot be converted because it is not a valid Date.`` for NaN -- an invalid
``Date``, ``new Date(1e20)`` too -- and ``This API doesn't support dates after 2189.`` / ``...before
1687.`` past int64's nanoseconds (2262-04-11 / 1677-09-21 UTC). Measured under ``wrangler dev``
4.164.0 through Miniflare's ``/cdn-cgi/handler/scheduled?time=`` (``new Date(parseInt(time))``):
``time=abc``, ``NaN`` and ``100000000000000000000`` answered 500 with the first text,
``9223372036855`` and ``253402300799999`` the second, ``-9223372036855`` the third;
``time=1e20`` ran the handler at ``1`` (parseInt), ``0x10`` at ``16``.

``worker.scheduled(scheduled_time=...)`` raises a ``ValueError`` quoting workerd's text and
saying the range; ``workers-env dev`` answers the trigger path's 500 with the ``TypeError`` (the
stack's Miniflare frames left out) and runs no handler."""

from __future__ import annotations

import http.client
import math
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from workers_env import load_worker
from workers_env.runtime.server import BackgroundServer

WRANGLER = 'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
ENTRY = '''from workers import WorkerEntrypoint, Response
SEEN = []
class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("x")
    async def scheduled(self, controller, env, ctx):
        SEEN.append(controller.scheduledTime)
'''

NOT_A_DATE = "TypeError: The value cannot be converted because it is not a valid Date."
AFTER = "TypeError: This API doesn't support dates after 2189."
BEFORE = "TypeError: This API doesn't support dates before 1687."


@pytest.fixture
def worker(project: Any) -> Any:
    return load_worker(project(WRANGLER, src__entry_DOT_py=ENTRY))


@pytest.mark.asyncio
@pytest.mark.parametrize(("when", "text"), [
    (math.nan, NOT_A_DATE), (math.inf, NOT_A_DATE), (-math.inf, NOT_A_DATE), (10**20, NOT_A_DATE),
    (9223372036855, AFTER), (8.64e15, AFTER), (-9223372036855, BEFORE),
    (datetime(9999, 12, 31, tzinfo=timezone.utc), AFTER), (datetime(1, 1, 1, tzinfo=timezone.utc), BEFORE),
    (datetime.max, AFTER), (datetime.min, BEFORE),
])
async def test_a_time_workerd_cannot_hold_is_a_clear_error_and_runs_nothing(worker: Any, when: Any, text: str) -> None:
    with pytest.raises(ValueError) as caught:
        await worker.scheduled("* * * * *", scheduled_time=when)
    message = str(caught.value)
    assert message.startswith("worker.scheduled(scheduled_time=")
    assert text in message and "1677-09-21 to 2262-04-11 UTC" in message
    assert worker.module.SEEN == []


def _get(server: Any, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


@pytest.mark.parametrize(("time", "answer"), [
    ("abc", (500, NOT_A_DATE)), ("NaN", (500, NOT_A_DATE)), ("Infinity", (500, NOT_A_DATE)),
    ("100000000000000000000", (500, NOT_A_DATE)), ("8640000000000001", (500, NOT_A_DATE)),
    ("1" * 400, (500, NOT_A_DATE)),  # parseInt's Infinity
    ("9223372036855", (500, AFTER)), ("253402300799999", (500, AFTER)),
    ("-9223372036855", (500, BEFORE)), ("-62135596800000", (500, BEFORE)),
])
def test_the_trigger_paths_time_workerd_refuses_answers_its_type_error(project: Any, time: str,
                                                                       answer: tuple[int, str]) -> None:
    worker = load_worker(project(WRANGLER, src__entry_DOT_py=ENTRY))
    with BackgroundServer(worker) as server:
        assert _get(server, f"/cdn-cgi/handler/scheduled?time={time}") == answer
    assert worker.module.SEEN == []


def test_the_trigger_paths_time_is_read_as_parse_int(project: Any) -> None:
    worker = load_worker(project(WRANGLER, src__entry_DOT_py=ENTRY))
    with BackgroundServer(worker) as server:
        for time in ("1e20", "1.5", "0x10", "-1", "9223372036854", "%20%2042abc"):
            assert _get(server, f"/cdn-cgi/local/scheduled?time={time}") == (200, "ok")
    assert worker.module.SEEN == [1, 1, 16, -1, 9223372036854, 42]


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
