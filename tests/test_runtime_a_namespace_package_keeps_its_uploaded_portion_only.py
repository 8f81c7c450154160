"""A namespace package split between the upload and a folder of the project wrangler does not
upload (``src/shared/`` and ``lib/shared/``, neither with an ``__init__.py``, ``lib`` put on
``sys.path`` by the Worker) has only its uploaded portion in the Worker, as deployed: a module only
``lib/shared/`` holds is ``ModuleNotFoundError`` -- also after ``sys.path`` changed between two
requests, when the package's ``__path__`` searches it again. (The other portion was part of
the package.)"""

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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "lib"))

import shared_ns_split.uploaded
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        await asyncio.sleep(0)
        try:
            import shared_ns_split.left_out as left_out
        except ImportError as exc:
            return Response(f"{shared_ns_split.uploaded.X} {type(exc).__name__}: {exc}")
        return Response(f"{shared_ns_split.uploaded.X} {left_out.X}")
"""


def test_only_the_uploaded_portion_of_a_namespace_package_imports(tmp_path: Path) -> None:
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "src" / "shared_ns_split").mkdir()
    (tmp_path / "src" / "shared_ns_split" / "uploaded.py").write_text('X = "uploaded"\n')
    (tmp_path / "lib" / "shared_ns_split").mkdir(parents=True)
    (tmp_path / "lib" / "shared_ns_split" / "left_out.py").write_text('X = "not uploaded"\n')
    worker = load_worker(tmp_path)

    async def ask() -> str:
        return await (await worker.fetch("/")).text()

    missing = "uploaded ModuleNotFoundError: No module named 'shared_ns_split.left_out'"
    assert asyncio.run(ask()) == missing
    sys.path.append(str(tmp_path / "elsewhere"))  # the package's __path__ is worked out again
    try:
        assert asyncio.run(ask()) == missing
    finally:
        sys.path.remove(str(tmp_path / "elsewhere"))
