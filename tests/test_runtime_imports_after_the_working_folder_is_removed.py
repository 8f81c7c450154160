"""A Worker whose current folder was removed (it changed into a temporary folder and deleted
it) still imports, on that request and the next: Python's own search skips the relative
``sys.path`` entries it can no longer resolve, and so does the search that keeps the project's
folders outside the upload out."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import importlib
    import os
    import tempfile

    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            gone = tempfile.mkdtemp()
            os.chdir(gone)
            os.rmdir(gone)
            name = request.url.rsplit("/", 1)[1]
            return Response(importlib.import_module(name).X)
"""


@pytest.mark.asyncio
async def test_a_module_imports_after_the_current_folder_is_removed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # back afterwards
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "first_late.py").write_text('X = "first"\n')
    (folder / "src" / "second_late.py").write_text('X = "second"\n')
    worker = load_worker(folder)
    assert await (await worker.fetch("/first_late")).text() == "first"
    assert await (await worker.fetch("/second_late")).text() == "second"
