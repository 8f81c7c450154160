"""A module written into a Worker's package folder imports at the next request even when the
folder's modification time did not move (written within its mtime granularity: CPython's finder
of a folder keeps its listing while the stamp is the same): a request's first step invalidates
the finders of the Worker's own folders. Pinned as well after the process loaded other Workers
and ``importlib.invalidate_caches()`` took entries out of ``sys.path_importer_cache`` in
between: the Worker's finders are looked up in an index of that cache kept up with what changed
(runtime/importercache.py), not by a scan of the whole cache."""

from __future__ import annotations

import asyncio
import importlib
import os
from pathlib import Path

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """
import importlib
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        name = request.url.rsplit("/", 1)[-1]
        return Response(importlib.import_module(f"pkg.{name}").VALUE)
"""


def _write_keeping_the_stamp(folder: Path, name: str, text: str) -> None:
    """``folder / name`` written, the folder's modification time put back as it was."""
    before = os.stat(folder)
    (folder / name).write_text(text)
    os.utime(folder, ns=(before.st_atime_ns, before.st_mtime_ns))


def _answer(worker, path: str) -> str:
    async def fetch() -> str:
        return await (await worker.fetch(path)).text()
    return asyncio.run(fetch())


def test_a_module_written_without_moving_the_folders_stamp_imports(tmp_path: Path) -> None:
    one_file_worker(tmp_path / "w", ENTRY)
    package = tmp_path / "w" / "src" / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first.py").write_text("VALUE = 'first'\n")
    worker = load_worker(tmp_path / "w")
    assert _answer(worker, "/first") == "first"  # the package folder's finder holds its listing now

    _write_keeping_the_stamp(package, "second.py", "VALUE = 'second'\n")
    assert _answer(worker, "/second") == "second"

    # other Workers loaded meanwhile (their folders' entries added), entries taken out, more added
    others = [load_worker(one_file_worker(tmp_path / f"other{i}", ENTRY)) for i in range(2)]
    importlib.invalidate_caches()
    others.append(load_worker(one_file_worker(tmp_path / "other2", ENTRY)))
    _write_keeping_the_stamp(package, "third.py", "VALUE = 'third'\n")
    assert _answer(worker, "/third") == "third"
    assert len(others) == 3
