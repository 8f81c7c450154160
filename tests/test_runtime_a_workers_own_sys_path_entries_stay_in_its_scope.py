"""A folder a Worker puts on ``sys.path`` itself (``sys.path.insert(0, ...)`` at its top level)
is on ``sys.path`` while the Worker's code runs -- its top-level imports and its lazy ones in a
handler find modules there -- and off it otherwise: tests and other Workers of the process
never search it. (It stayed on ``sys.path`` for the rest of the process.)"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import asyncio
import os
import sys

MINE = [os.path.join(os.path.dirname(__file__), name) for name in ("libs", "more")]
sys.path.insert(0, MINE[0])
sys.path.append(MINE[1])

import eager_lib_own_path
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await asyncio.sleep(0)
        import lazy_lib_own_path

        libs = [os.path.basename(p) for p in sys.path if p in MINE]  # exactly its own: any other may end so too
        return Response(f"{eager_lib_own_path.WORD} {lazy_lib_own_path.WORD} {libs}")
"""


def make(folder: Path) -> Path:
    one_file_worker(folder, ENTRY)
    (folder / "src" / "libs").mkdir()
    (folder / "src" / "libs" / "eager_lib_own_path.py").write_text('WORD = "eager"\n')
    (folder / "src" / "more").mkdir()
    (folder / "src" / "more" / "lazy_lib_own_path.py").write_text('WORD = "lazy"\n')
    return folder


def test_the_workers_sys_path_entries_serve_its_imports_and_leave_with_it(tmp_path: Path) -> None:
    before = list(sys.path)
    worker = load_worker(make(tmp_path))
    assert sys.path == before  # off sys.path once loaded

    async def twice() -> list[str]:
        return [await (await worker.fetch("/")).text() for _ in range(2)]

    assert asyncio.run(twice()) == ["eager lazy ['libs', 'more']"] * 2  # in its places, once each
    assert sys.path == before
    assert "lazy_lib_own_path" not in sys.modules and "eager_lib_own_path" not in sys.modules


def test_another_worker_does_not_search_the_first_ones_entries(tmp_path: Path) -> None:
    load_worker(make(tmp_path / "first"))
    other = load_worker(one_file_worker(tmp_path / "other", """
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                try:
                    import lazy_lib_own_path
                except ModuleNotFoundError as exc:
                    return Response(str(exc))
                return Response("imported the other Worker's module")
        """))

    async def ask() -> str:
        return await (await other.fetch("/")).text()

    assert asyncio.run(ask()) == "No module named 'lazy_lib_own_path'"
