"""A signal stopping ``workers-env dev`` cuts off the Worker's code only (review73's
``worker_code_blocks``): code compiled by ``exec``/``eval`` in a namespace of no module -- a
``namedtuple``'s ``__new__``, which the standard library makes so -- is judged by the code that
called it, not taken for the Worker's. Before, such a frame counted as the Worker's whoever
called it, so a signal landing in a ``namedtuple`` that workers-env's own code or a test's (a
binding it supplies) was making, while a request ran, raised ``CancelledError`` there (review74).
The Worker's own ``exec`` in such a namespace is still its own code (its caller is)."""

from __future__ import annotations

import asyncio
from collections import namedtuple
from pathlib import Path
from types import FrameType
from typing import Any

from worker_helpers import answered_under, one_file_worker

from workers_env import load_worker
from workers_env.runtime.threadpool import worker_code_blocks

ENTRY = """
from collections import namedtuple

from workers import Response, WorkerEntrypoint

Pair = namedtuple("Pair", "a b")


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        Pair(1, 2)
        exec("Pair(3, 4)", {"Pair": Pair})
        self.env.PROBE.make()
        return Response("ok")
"""

Made = namedtuple("Made", "a b")


class Probe:
    """A binding the test supplies: its namedtuple is the test's code, not the Worker's."""

    def make(self) -> Made:
        return Made(5, 6)


def test_a_namedtuple_is_judged_by_its_caller(tmp_path: Path) -> None:
    one_file_worker(tmp_path, ENTRY, date="2025-11-02", pyproject=False)
    worker = load_worker(tmp_path / "wrangler.toml", bindings={"PROBE": Probe()})
    verdicts: list[tuple[str, bool]] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call" and frame.f_globals.get("__name__") in ("namedtuple_Pair", "namedtuple_Made"):
            verdicts.append((frame.f_globals["__name__"], worker_code_blocks(frame)))

    assert asyncio.run(answered_under(worker, profile)) == "ok"
    assert verdicts == [("namedtuple_Pair", True), ("namedtuple_Pair", True), ("namedtuple_Made", False)]
