"""While a Worker's top level runs, ``os.urandom``, ``random``'s ``_urandom`` and
``random.Random.seed`` refuse that Worker's own draws of entropy (production's
``entropy_patches.py``). They are the process's functions, so two Workers loading at once in two
threads -- of different eras, the second finishing last -- each refuse only their own draws, the
test's thread draws meanwhile, and once both loads are over the process has its own functions
back, whichever load finished first."""

from __future__ import annotations

import os
import random
import sys
import threading
import types

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import os, sys
from workers import Response, WorkerEntrypoint

probe = sys.modules["_revhunt15_overlap_probe"]
getattr(probe, NAME + "_started").set()
getattr(probe, NAME + "_go").wait(60)

try:
    os.urandom(2)
    AT_TOP = "ran"
except OSError as e:
    AT_TOP = f"OSError {e.errno}"

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(AT_TOP)
"""


def _folders(tmp_path) -> dict[str, object]:
    """Worker "a" (a 0.28-era one) and "b" (a 3.14-era one), each main module named after it: one
    name for both would have the second import wait for the first (the import lock of a name)."""
    folders = {}
    for name, date in (("a", "2025-09-01"), ("b", "2026-09-08")):
        folder = one_file_worker(tmp_path / name, f"NAME = {name!r}\n" + ENTRY, date=date)
        (folder / "src" / "entry.py").rename(folder / "src" / f"entry_{name}.py")
        toml = folder / "wrangler.toml"
        toml.write_text(toml.read_text().replace("src/entry.py", f"src/entry_{name}.py"))
        folders[name] = folder
    return folders


def test_two_overlapping_loads_leave_the_processs_functions_in_place(tmp_path):
    originals = (os.urandom, random._urandom, random.Random.seed)  # type: ignore[attr-defined]
    probe = types.ModuleType("_revhunt15_overlap_probe")
    for name in ("a_started", "a_go", "b_started", "b_go"):
        setattr(probe, name, threading.Event())
    sys.modules[probe.__name__] = probe
    folders = _folders(tmp_path)
    workers: dict[str, object] = {}

    def load(name: str) -> None:
        workers[name] = load_worker(folders[name])

    first, second = threading.Thread(target=load, args=("a",)), threading.Thread(target=load, args=("b",))
    try:
        first.start()
        assert probe.a_started.wait(60)  # type: ignore[attr-defined]
        second.start()
        assert probe.b_started.wait(60)  # type: ignore[attr-defined]
        drawn = len(os.urandom(3))  # the test's thread, while both top levels run
        probe.a_go.set()  # type: ignore[attr-defined]  # the first load finishes first
        first.join(60)
        probe.b_go.set()  # type: ignore[attr-defined]
        second.join(60)
    finally:
        for name in ("a_go", "b_go"):
            getattr(probe, name).set()
        del sys.modules[probe.__name__]
    assert drawn == 3
    assert sorted(workers) == ["a", "b"]
    assert (os.urandom, random._urandom, random.Random.seed) == originals  # type: ignore[attr-defined]


def test_each_overlapping_load_refuses_its_own_draw(tmp_path):
    import asyncio

    probe = types.ModuleType("_revhunt15_overlap_probe")
    for name in ("a_started", "a_go", "b_started", "b_go"):
        setattr(probe, name, threading.Event())
    sys.modules[probe.__name__] = probe
    folders = _folders(tmp_path)
    workers: dict[str, object] = {}
    threads = {name: threading.Thread(target=lambda n=name: workers.update({n: load_worker(folders[n])}))
               for name in folders}
    try:
        threads["a"].start()
        assert probe.a_started.wait(60)  # type: ignore[attr-defined]
        threads["b"].start()
        assert probe.b_started.wait(60)  # type: ignore[attr-defined]
        probe.b_go.set()  # type: ignore[attr-defined]  # the second draws while the first still loads
        threads["b"].join(60)
        probe.a_go.set()  # type: ignore[attr-defined]
        threads["a"].join(60)
    finally:
        for name in ("a_go", "b_go"):
            getattr(probe, name).set()
        del sys.modules[probe.__name__]

    async def answers() -> list[str]:
        return [await (await workers[name].fetch("/")).text() for name in ("a", "b")]  # type: ignore[attr-defined]

    assert asyncio.run(answers()) == ["OSError 29", "OSError 29"]
