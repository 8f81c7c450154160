"""``Math.random()`` at a Worker's top level answers (a number in [0, 1)), unlike
``crypto.getRandomValues``: workerd refuses only what reaches ``IoContext::current()``
(io-context.c++'s "Disallowed operation called within global scope"), and V8's own
``Math.random`` never does; no entropy source of workerd's io/jsg code is attached to it."""

from __future__ import annotations

from pathlib import Path

from worker_helpers import json_answer, one_file_worker

ENTRY = """
from js import Math
from workers import Response, WorkerEntrypoint

AT_TOP = [Math.random() for _ in range(20)]


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        drawn = AT_TOP + [Math.random() for _ in range(20)]
        return Response.json({"in_range": all(0 <= x < 1 for x in drawn), "distinct": len(set(drawn)),
                              "types": sorted({type(x).__name__ for x in drawn if x != 0})})
"""


def test_math_random_is_allowed_at_top_level(tmp_path: Path) -> None:
    got = json_answer(one_file_worker(tmp_path, ENTRY, date="2025-10-01"), "/")
    assert got == {"in_range": True, "distinct": 40, "types": ["float"]}
