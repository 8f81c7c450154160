"""With ``base_dir``, wrangler uploads that folder, not just ``main``'s: its modules import.

A Worker whose ``main`` is ``src/entry.py`` and whose ``base_dir`` is the config's folder has
``helper.py`` beside ``wrangler.toml`` uploaded too (it is ``/session/metadata/helper.py``
deployed, on ``sys.path``), so ``import helper`` is not the not-uploaded error a project without
``base_dir`` gets. A module above ``base_dir`` still is.
"""

from __future__ import annotations

import sys
import textwrap

import pytest
from worker_helpers import typical_pyproject

from workers_env import load_worker

ENTRY = """\
    import importlib
    import os
    import sys

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                found = importlib.import_module(request.url.rsplit("/", 1)[1])
            except ImportError as exc:
                return Response.json({"error": f"{type(exc).__name__}: {exc}", "notes": getattr(exc, "__notes__", [])})
            return Response.json({"value": found.X})
"""


@pytest.fixture
def project(tmp_path):
    yield tmp_path
    for entry in [e for e in sys.path if isinstance(e, str) and e.startswith(str(tmp_path))]:
        sys.path.remove(entry)
    for name in ("helper", "top"):
        sys.modules.pop(name, None)


def _worker(folder, main, base_dir):
    (folder / main).parent.mkdir(parents=True, exist_ok=True)
    (folder / main).write_text(textwrap.dedent(ENTRY))
    (folder / "wrangler.toml").write_text(
        f'name = "w"\nmain = "{main}"\nbase_dir = "{base_dir}"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\n')
    typical_pyproject(folder)
    return load_worker(folder)


@pytest.mark.asyncio
async def test_a_module_beside_the_config_imports_when_base_dir_is_there(project, monkeypatch):
    (project / "helper.py").write_text('X = "root helper"\n')
    monkeypatch.syspath_prepend(str(project))  # the project folder on sys.path, as pytest's rootdir
    worker = _worker(project, "src/entry.py", ".")
    assert await (await worker.fetch("/helper")).json() == {"value": "root helper"}


@pytest.mark.asyncio
async def test_a_module_of_base_dir_above_main_imports_on_every_request(project):
    (project / "src" / "sub").mkdir(parents=True)
    (project / "src" / "helper.py").write_text('X = "src helper"\n')
    (project / "top.py").write_text('X = "top"\n')
    worker = _worker(project, "src/sub/entry.py", "src")
    assert await (await worker.fetch("/helper")).json() == {"value": "src helper"}
    reply = await (await worker.fetch("/top")).json()
    assert reply["error"] == "ModuleNotFoundError: No module named 'top'"
    assert reply["notes"] == []  # not on sys.path: production's plain error
