"""A step of Worker code that reloads a module (``importlib.reload`` moves the module's name to
the end of ``sys.modules``) leaves the import scope with a scan of every module, to find those
the step imported (the cheap "names after the newest" reading tells nothing then). That scan
resolved every module's path, ``Path.resolve`` twice a module (its folder and the vendored
one): 60-100 ms a step with the test run's modules, under a load of 6-8 -- long enough to move
the step's promise reactions past a 50 ms timer (the Pyodide differential's ``promise-order``
case ``call_soon`` / ``Promise.resolve(1).then`` / ``sleep(0.05)``, run after module-specs'
reloads: ``['sync', 'soon']`` where Pyodide 314.0.6, 0.28.2 and 0.26.0a4 give ``['sync', 'soon',
'then']``, figures50). Now each folder is resolved once a scan (a file that is a symlink still
on its own), and which modules are the Worker's is judged as before."""

from __future__ import annotations

import pathlib
import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import importlib
    import json

    import helper
    from workers import Response, WorkerEntrypoint


    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            importlib.reload(json)
            import late  # imported in the step that reloads: still the Worker's own
            return Response(helper.NAME + late.NAME)
"""


@pytest.mark.asyncio
async def test_a_step_that_reloads_resolves_each_folder_once(tmp_path, monkeypatch):
    root = one_file_worker(tmp_path, ENTRY, date="2026-05-01")
    (root / "src" / "helper.py").write_text("NAME = 'helper'\n")
    (root / "src" / "late.py").write_text("NAME = '+late'\n")
    worker = load_worker(root)
    assert await (await worker.fetch("/")).text() == "helper+late"  # (the first request imports)
    resolved = []
    real = pathlib.Path.resolve

    def counting(self, *args, **kwargs):
        resolved.append(str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "resolve", counting)
    modules = len(sys.modules)
    assert await (await worker.fetch("/")).text() == "helper+late"
    monkeypatch.undo()
    assert "late" not in sys.modules and "helper" not in sys.modules  # the Worker's own, kept in its scope
    assert len(resolved) < modules / 2, (len(resolved), modules)  # was about 2 x modules
    assert len(resolved) == len(set(resolved)), "a folder resolved twice in one scan"
