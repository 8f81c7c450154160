"""A module the process imported before its first ``load_worker`` that took ``time.sleep`` or
``asyncio.run`` as its own name (``from time import sleep``, ``from asyncio import run``) calls
Pyodide's ones from Worker code too: Pyodide 0.28 patches them before any module imports, so a
Worker's dependency never holds the originals there, where a test file that imported that
dependency first left it with CPython's blocking ``sleep`` (the loop's other task ran after it)
and its ``run`` refusing the running loop. Run in a fresh interpreter: in this one a Worker was
loaded already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_runtime_time_sleep_in_worker_code_lets_the_loop_go_on_from_pyodide_028 import ENTRY as SLEEPS
from worker_helpers import one_file_worker

LIBRARY = """\
from asyncio import run
from time import sleep


async def _answer():
    return 42


def nap(t):
    sleep(t)


def answer():
    return run(_answer())
"""

#: the loop test's Worker with the library's ``nap`` for ``time.sleep``, and its ``answer`` after
ENTRY = (SLEEPS.replace("    import time\n", "    import time\n\n    import takenearly\n")
         .replace("time.sleep(0.05)", "takenearly.nap(0.05)")
         .replace("            await task\n", "            await task\n            log.append(takenearly.answer())\n"))

SCRIPT = """\
import asyncio, json, sys
import takenearly  # before any load_worker, as a test file importing the Worker's dependency
from workers_env import load_worker

worker = load_worker(sys.argv[1])


async def main():
    return await (await worker.fetch("/")).json()

print(json.dumps(asyncio.run(main())))
"""


#: the process holds, before its first ``load_worker``, a module ``importlib.util.LazyLoader``
#: holds back and an entry of ``sys.modules`` whose ``__dict__`` raises: the walk loads the first
#: no sooner than its first attribute (then its ``sleep`` is the patched one) and passes the second
ODD_MODULES = """\
import importlib.util, json, pathlib, sys, time
folder = sys.argv[2]
pathlib.Path(folder, "lazyone.py").write_text("from time import sleep\\n")
sys.path.insert(0, folder)
spec = importlib.util.find_spec("lazyone")
spec.loader = importlib.util.LazyLoader(spec.loader)
lazy = sys.modules["lazyone"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lazy)


class NoDict:
    @property
    def __dict__(self):
        raise RuntimeError("no __dict__")


sys.modules["nodict"] = NoDict()
from workers_env import load_worker

load_worker(sys.argv[1])
held_back = type(lazy).__name__
print(json.dumps([held_back, lazy.sleep is time.sleep, hasattr(time.sleep, "workers_env_original")]))
"""


def _run(tmp_path: Path, script: str) -> str:
    """``script``'s last line of output, run on a Worker of :data:`ENTRY` in a fresh interpreter
    that finds the library ``takenearly``."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "takenearly.py").write_text(LIBRARY)
    folder = one_file_worker(tmp_path / "app", ENTRY, date="2026-05-01")
    repository = str(Path(__file__).resolve().parents[1])
    path = os.pathsep.join([str(tmp_path / "lib"), repository, os.environ.get("PYTHONPATH", "")])
    done = subprocess.run([sys.executable, "-c", script, str(folder), str(tmp_path / "lib")], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": path}, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()[-1]


def test_a_name_taken_before_the_first_load_worker_is_pyodides_from_028(tmp_path: Path) -> None:
    assert "takenearly.nap(0.05)" in ENTRY and "takenearly.answer()" in ENTRY
    assert json.loads(_run(tmp_path, SCRIPT)) == {"log": ["other ran", "slept", 42], "waited": True}


def test_the_walk_loads_no_lazy_module_and_passes_an_odd_one(tmp_path: Path) -> None:
    assert json.loads(_run(tmp_path, ODD_MODULES)) == ["_LazyModule", True, True]
