"""The Worker's import scope keeps its caches per request (its folder's module names, its
finders) yet sees files written into the Worker's folder after it loaded: a module added
between two requests imports on the second, and one added under a name another module already
holds in ``sys.modules`` shadows it there, as a fresh deploy would."""

from __future__ import annotations

import os
import sys
import types

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
import importlib
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        name = request.url.rsplit("/", 1)[1]
        try:
            return Response(importlib.import_module(name).WHO)
        except ImportError as exc:
            return Response(f"{type(exc).__name__}")
'''


@pytest.mark.asyncio
async def test_modules_written_after_loading_import(tmp_path, monkeypatch):
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    assert await (await worker.fetch("/late")).text() == "ModuleNotFoundError"
    (tmp_path / "src" / "late.py").write_text('WHO = "late"\n')
    assert await (await worker.fetch("/late")).text() == "late"

    elsewhere = types.ModuleType("shadowed")
    elsewhere.WHO = "elsewhere"
    monkeypatch.setitem(sys.modules, "shadowed", elsewhere)
    assert await (await worker.fetch("/shadowed")).text() == "elsewhere"  # not in the Worker's folder: Python's cache
    (tmp_path / "src" / "shadowed.py").write_text('WHO = "the worker\'s"\n')
    assert await (await worker.fetch("/shadowed")).text() == "the worker's"
    assert sys.modules["shadowed"] is elsewhere  # back for the test afterwards


@pytest.mark.asyncio
async def test_a_module_written_within_the_folders_clock_tick_shadows(tmp_path, monkeypatch):
    """A folder's mtime comes from a coarse clock: a file added in the same tick as the last
    change leaves it as it was. Pinned here by putting the stamp back after the write."""
    worker = load_worker(one_file_worker(tmp_path, ENTRY))
    folder = tmp_path / "src"
    elsewhere = types.ModuleType("ticked")
    elsewhere.WHO = "elsewhere"
    monkeypatch.setitem(sys.modules, "ticked", elsewhere)
    stamp = os.stat(folder).st_mtime_ns
    assert await (await worker.fetch("/ticked")).text() == "elsewhere"
    (folder / "ticked.py").write_text('WHO = "the worker\'s"\n')
    os.utime(folder, ns=(stamp, stamp))  # the same tick: the folder's stamp did not move
    assert await (await worker.fetch("/ticked")).text() == "the worker's"
