"""``performance``'s members workerd has with the global performance classes (or Node's
``perf_hooks`` flag) but workers-env does not emulate are refused by name, saying what is
emulated (a text of workers-env's: workerd has the member)."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import NotEmulatedError, load_worker

ENTRY = '''
from js import performance
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        try:
            performance.mark
        except Exception as exc:
            return Response(f"{type(exc).__name__}: {exc}")
        return Response("read")
'''


@pytest.mark.asyncio
async def test_a_class_member_is_refused_by_name_under_the_global_performance_classes(tmp_path) -> None:
    worker = load_worker(one_file_worker(tmp_path, ENTRY, date="2025-09-01",
                                         flags=("enable_global_performance_classes",)))
    answer = await (await worker.fetch("/")).text()
    assert answer == (f"{NotEmulatedError.__name__}: performance.mark is not emulated by workers-env: workerd has "
                      "it (with the global performance classes), but only performance.now(), "
                      "performance.timeOrigin and performance.toJSON() are emulated")
