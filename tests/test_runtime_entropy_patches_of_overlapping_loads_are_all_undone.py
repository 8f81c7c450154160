"""While a Worker's top level runs, ``os.urandom``, ``random``'s ``_urandom`` and
``random.Random.seed`` refuse that Worker's own draws of entropy (production's
``entropy_patches.py``). They are the process's functions, so two Workers loading at once in two
threads -- of different eras, the second finishing last -- each refuse only their own draws, the
test's thread draws meanwhile, and once both loads are over the process has its own functions
back, whichever load finished first. Since scope60 two Workers' code takes turns (their modules
share ``sys.modules``), so the second load waits for the first's top level to end -- these tests
waited 60 s for a second top level that never started beside the first, and one failed (review93a);
they now wait for the second load to be waiting its turn instead."""

from __future__ import annotations

import os
import random
import sys
import threading
import time
import types

from worker_helpers import one_file_worker

from workers_env import load_worker
from workers_env.runtime import scope

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


def _waiting_its_turn() -> bool:
    """Whether a load waits for its turn (a bound on the wait, not a measure: it comes at once)."""
    deadline = time.monotonic() + 60
    while not scope._WAITING[0] and time.monotonic() < deadline:
        time.sleep(0.001)
    return bool(scope._WAITING[0])


def _load_both(tmp_path, draw=None) -> dict[str, object]:
    """Load "a" on a thread, then "b" on another while a's top level runs (it waits its turn);
    ``draw`` runs on the test's thread meanwhile. Returns the two Workers."""
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
        assert _waiting_its_turn()
        assert not probe.b_started.is_set()  # type: ignore[attr-defined]  # b's top level has not begun
        if draw is not None:
            draw()
        probe.a_go.set()  # type: ignore[attr-defined]
        threads["a"].join(60)
        assert probe.b_started.wait(60)  # type: ignore[attr-defined]  # its turn now
        probe.b_go.set()  # type: ignore[attr-defined]
        threads["b"].join(60)
    finally:
        for name in ("a_go", "b_go"):
            getattr(probe, name).set()
        del sys.modules[probe.__name__]
    return workers


def test_two_loads_on_two_threads_leave_the_processs_functions_in_place(tmp_path):
    originals = (os.urandom, random._urandom, random.Random.seed)  # type: ignore[attr-defined]
    drawn = []
    workers = _load_both(tmp_path, lambda: drawn.append(len(os.urandom(3))))  # the test's thread, a's top level running
    assert drawn == [3]
    assert sorted(workers) == ["a", "b"]
    assert (os.urandom, random._urandom, random.Random.seed) == originals  # type: ignore[attr-defined]


def test_each_load_refuses_its_own_draw(tmp_path):
    import asyncio

    workers = _load_both(tmp_path)

    async def answers() -> list[str]:
        return [await (await workers[name].fetch("/")).text() for name in ("a", "b")]  # type: ignore[attr-defined]

    assert asyncio.run(answers()) == ["OSError 29", "OSError 29"]
