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
        now, date = performance.now(), Date.now()
        try:
            to_json = js.JSON.stringify(performance.toJSON())
        except AttributeError as exc:
            to_json = f"AttributeError: {exc}"
        return Response.json({
            "repr": repr(performance), "typeof": performance.typeof, "ctor": performance.constructor.name,
            "type": type(now).__name__, "close": 0 <= date - now <= 5 or 0 <= now - date <= 5, "positive": now > 1e12,
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
