"""``value.constructor.<static>`` is the running Worker's ``js`` class member: with two Workers
of different eras in one process (Pyodide 0.26 reads no dict keys, 0.28 does) each gets its own
answer even when their requests interleave, and outside Worker code the stand-in answers too
(it used to read ``sys.modules["js"]``, absent there)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime import js

ENTRY = """
import asyncio
import json
from js import Object, Response
from workers import WorkerEntrypoint

KEYS = Object.new().constructor.keys  # read at import time, called while handling


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        made = Object.new()
        await asyncio.sleep(0)  # the other Worker's request runs between the steps
        first = made.constructor.keys({"a": 1}).to_py()
        await asyncio.sleep(0)
        entries = made.constructor.fromEntries([["b", 2]]).to_py()
        return Response.new(json.dumps([first, KEYS({"c": 3}).to_py(), entries]))
"""


def test_two_workers_of_different_eras_each_get_their_own_statics(tmp_path: Path) -> None:
    old = load_worker(one_file_worker(tmp_path / "old", ENTRY, date="2025-09-01"))
    new = load_worker(one_file_worker(tmp_path / "new", ENTRY, date="2026-05-01"))

    async def scenario() -> list[object]:
        answers = await asyncio.gather(*(w.fetch("/") for w in (old, new, old, new)))
        return [await answer.json() for answer in answers]

    assert asyncio.run(scenario()) == [[[], [], {"b": 2}], [["a"], ["c"], {"b": 2}]] * 2


def test_outside_worker_code_the_statics_are_the_stand_ins(tmp_path: Path) -> None:
    made = js.Object.new()
    assert made.constructor.fromEntries([["a", 1]]).to_py() == {"a": 1}
    assert js.JSON.parse("[1]").constructor.isArray(js.JSON.parse("[]")) is True
    assert not hasattr(made.constructor, "noSuchStatic")
