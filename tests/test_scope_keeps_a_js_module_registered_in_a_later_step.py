"""A JavaScript object the Worker registers with ``pyodide.ffi.register_js_module`` and imports in
a later step (after an ``await``) is in ``sys.modules`` at each of its steps after, the same module
object, and never between them, where test code runs -- as the one interpreter of an isolate keeps
it. The later steps replay an entry made before that import (runtime/scope.py: one dict of the
stand-ins' names and the Worker's own, made again when the Worker's own modules change); this pins
that a registered JS module is one of them (audit35: a dict not made again lost it)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import sys

from js import JSON
from pyodide.ffi import register_js_module
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        for _ in range(3):  # steps with nothing imported: replayed entries
            await asyncio.sleep(0)
        register_js_module("audit35_things", JSON.parse('{"x": 5}'))
        import audit35_things  # first imported here

        seen = []
        for _ in range(3):  # replayed again: the module must come back each time
            await asyncio.sleep(0)
            seen.append(sys.modules.get("audit35_things") is audit35_things)
        return Response(" ".join(map(str, seen)) + " " + str(audit35_things.x))
"""


def test_a_js_module_registered_and_imported_later_is_there_at_each_later_step(tmp_path: Path) -> None:
    one_file_worker(tmp_path, ENTRY)
    worker = load_worker(tmp_path)
    outside: list[bool] = []

    async def scenario() -> str:
        request = asyncio.ensure_future(worker.fetch("/"))
        while not request.done():
            outside.append("audit35_things" in sys.modules)  # between the handler's steps
            await asyncio.sleep(0)
        return await (await request).text()

    assert asyncio.run(scenario()) == "True True True 5"
    assert len(outside) >= 6 and not any(outside) and "audit35_things" not in sys.modules
