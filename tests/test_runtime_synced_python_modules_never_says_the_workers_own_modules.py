"""The Worker's own modules (its uploaded files beside its main module) are never said to be
missing from a synced ``python_modules/``: ``pywrangler deploy`` uploads them beside the folder.
That holds when the Worker's folder is on ``sys.path`` too -- a test run from the project, whose
main module sits at its root (``python -m pytest`` puts the current folder first), where Python's
own finder answers the import as well. audit30: a mutant that dropped this check passed every test."""

from __future__ import annotations

import asyncio

from test_runtime_synced_python_modules_lacking_an_import_is_said import _project

from workers_env import load_worker

ENTRY = """\
import audit30_own_helper
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(audit30_own_helper.VALUE)
"""


def test_the_workers_own_module_is_not_said(tmp_path, monkeypatch, capsys):
    folder = _project(tmp_path, monkeypatch, "audit30_unsynced_unused")
    source = folder / "src"
    (source / "entry.py").write_text(ENTRY)
    (source / "audit30_own_helper.py").write_text("VALUE = 'own'\n")
    monkeypatch.syspath_prepend(str(source))
    worker = load_worker(folder)

    async def answer() -> str:
        return await (await worker.fetch("/")).text()

    assert asyncio.run(answer()) == "own"
    assert "audit30_own_helper" not in capsys.readouterr().err
