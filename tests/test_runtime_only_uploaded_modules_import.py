"""Only ``main``'s folder is uploaded, so only its modules import -- not one beside ``wrangler.toml``.

wrangler collects a Python Worker's modules from the folder of ``main``; a ``helper.py`` in the
project's root never reaches production, where ``import helper`` fails. Locally that root is
often on ``sys.path`` (``python -m workers_env dev`` run from it, pytest's rootdir), so the
runtime steps it aside while Worker code runs and puts it back afterwards.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from worker_helpers import one_file_worker, typical_pyproject

from workers_env import load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                import helper
            except ImportError as exc:
                return Response(f"{type(exc).__name__}: {exc}", status=500)
            return Response(helper.X)
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "helper.py").write_text('X = "root helper"\n')
    monkeypatch.syspath_prepend(str(folder))  # the project root on sys.path, as from its folder
    yield folder
    sys.modules.pop("helper", None)


@pytest.mark.asyncio
async def test_a_module_beside_the_config_does_not_import(project):
    worker = load_worker(project)
    response = await worker.fetch("/")
    assert response.status == 500
    assert await response.text() == "ModuleNotFoundError: No module named 'helper'"
    assert str(project) in sys.path  # put back once the Worker's code is done
    import helper  # the test's own import still works

    assert helper.X == "root helper"


@pytest.mark.asyncio
async def test_already_imported_from_the_root_it_still_does_not(project):
    import helper  # cached in sys.modules before the Worker runs

    worker = load_worker(project)
    assert await (await worker.fetch("/")).text() == "ModuleNotFoundError: No module named 'helper'"
    assert sys.modules["helper"] is helper  # and back for the test afterwards


@pytest.mark.asyncio
async def test_imported_between_requests_while_another_module_left(project, monkeypatch):
    """A Worker kept across requests: the test imports the root's module while another leaves
    ``sys.modules`` (``monkeypatch`` undoing a ``setitem``), so the count of modules is the same."""
    worker = load_worker(project)
    monkeypatch.setitem(sys.modules, "workers_env_probe_module", sys)
    assert await (await worker.fetch("/")).text() == "ModuleNotFoundError: No module named 'helper'"
    count = len(sys.modules)
    import helper  # the test's own import, from the root

    monkeypatch.undo()  # the probe leaves: as many modules as at the last request
    assert len(sys.modules) == count
    assert await (await worker.fetch("/")).text() == "ModuleNotFoundError: No module named 'helper'"
    assert sys.modules["helper"] is helper  # and back for the test afterwards


@pytest.mark.asyncio
async def test_a_module_beside_main_imports(project):
    (project / "src" / "helper.py").write_text('X = "uploaded helper"\n')
    worker = load_worker(project)
    assert await (await worker.fetch("/")).text() == "uploaded helper"


@pytest.mark.asyncio
async def test_main_at_the_root_keeps_the_root(tmp_path, monkeypatch):
    (tmp_path / "entry.py").write_text(
        "from workers import Response, WorkerEntrypoint\nimport helper\n\n"
        "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response(helper.X)\n")
    (tmp_path / "helper.py").write_text('X = "root helper"\n')
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\nmain = "entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n')
    typical_pyproject(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    worker = load_worker(tmp_path)
    assert await (await worker.fetch("/")).text() == "root helper"  # main's folder is what is uploaded
    sys.modules.pop("helper", None)


def test_python_m_from_the_project_folder(project):
    """``python -m`` puts the current directory first on sys.path; the Worker still does not see it."""
    code = ("import asyncio, sys; from workers_env import load_worker\n"
            "w = load_worker('.')\n"
            "r = asyncio.run(w.fetch('/'))\n"
            "print(r.status, asyncio.run(r.text()))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "500 ModuleNotFoundError: No module named 'helper'", out.stderr
