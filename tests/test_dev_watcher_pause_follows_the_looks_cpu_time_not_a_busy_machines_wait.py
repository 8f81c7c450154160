"""The dev server's watcher looks at a big tree less often (its pause after a look is 50 times
the look's cost: 2% of a CPU at most), and that cost is the CPU time the look took, not the
wall time around it. On a busy machine the look's thread waits for a core: 0.4 s of waiting
once made the next look 20 s away, and an edit went unseen that long (a config fixed after a
broken one never reloaded within the reload test's 20 s)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from dev_reload_helpers import python_project

from workers_env.cli import devreload
from workers_env.cli.devreload import Reloader
from workers_env.config import load_config

ENTRY = """
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("hi")
"""


def _unused(*args: object) -> None:
    raise AssertionError("no change was made: nothing should be reloaded")


@pytest.mark.asyncio
async def test_a_look_that_waited_for_a_core_does_not_space_out_the_next(tmp_path: Path, monkeypatch):
    project = python_project(tmp_path / "app", ENTRY)
    config = load_config(project / "wrangler.toml")
    reloader = Reloader(config=config, env=None, persist_to=project / ".wrangler" / "state", environment=None,
                        build=_unused, load_failed=_unused, announce=_unused, make_env=_unused, interval=0.05)
    looks: list[float] = []
    real_look = devreload._look

    def waiting_look(targets):  # the thread off the CPU, as on a machine with every core busy
        looks.append(time.monotonic())
        time.sleep(0.2)
        return real_look(targets)

    monkeypatch.setattr(devreload, "_look", waiting_look)
    watching = asyncio.ensure_future(reloader.run(SimpleNamespace(worker=None)))
    await asyncio.sleep(2.0)
    watching.cancel()
    await asyncio.gather(watching, return_exceptions=True)
    # each look waits 0.2 s and the pause after it stays at the interval: about eight looks;
    # scaled by the wall time, the pause after the first would have been 10 s (one look)
    assert len(looks) >= 3, looks
