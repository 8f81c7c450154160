"""A module of the Worker's folder named ``pyodide`` (a ``pyodide.py`` beside the entry) does not
take the place of Pyodide's own package: production imports ``pyodide`` (``pyodide.ffi``,
``pyodide.webloop``, ...) before any Worker code runs, so ``import pyodide`` finds it in
``sys.modules`` (npm Pyodide 0.26.0a4, 0.28.2 and 314.0.6: in ``sys.modules`` at start; a
``pyodide.py`` put first on ``sys.path`` is never imported). workers-env stepped its stand-in aside
for the Worker's file, so ``from pyodide.ffi import to_js`` failed (review90)."""

from __future__ import annotations

import asyncio
import sys

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import pyodide
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response.json([getattr(pyodide, "MINE", None), type(to_js([1])).__name__])
'''


def test_pyodide_is_pyodides_package(tmp_path):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "pyodide.py").write_text("MINE = 'own'\n")
    worker = load_worker(folder)

    async def answer():
        return await (await worker.fetch("/")).json()

    assert asyncio.run(answer()) == [None, "JsProxy"]
    assert getattr(sys.modules.get("pyodide"), "MINE", None) is None
