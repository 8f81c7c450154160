"""A module of the project outside what wrangler uploads does not import, even when the Worker
puts its folder on ``sys.path`` itself.

A Worker in ``src/`` that reaches for the project's other code with
``sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))`` and ``from app import app``
(or ``Path(__file__).resolve().parents[1]`` and ``from backend.main import app``) fails once
deployed: its files are ``/session/metadata/...``, so the folder it adds is ``/session``, where
there is no ``app.py`` -- ``ModuleNotFoundError: No module named 'app'``. Locally the same line
adds the project's real folder. A module the uploaded ``python_modules/`` holds (a build copying
the package there) imports as it does deployed.
"""

from __future__ import annotations

import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    import sys

    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

    from workers import Response, WorkerEntrypoint

    try:
        import {name} as found
        failure = None
    except ImportError as exc:
        failure = {{"error": f"{{type(exc).__name__}}: {{exc}}", "notes": getattr(exc, "__notes__", [])}}

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            if failure is not None:
                return Response.json(failure, status=500)
            return Response.json({{"value": found.X, "file": found.__file__}})
"""


@pytest.fixture
def project(tmp_path):
    yield tmp_path
    while str(tmp_path) in sys.path:  # the Worker's own sys.path.insert outlives it, as deployed
        sys.path.remove(str(tmp_path))
    for name in ("app", "backend", "json_tools", "vendored_only"):
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            sys.modules.pop(loaded, None)


def _worker(folder, name):
    one_file_worker(folder, ENTRY.format(name=name))
    return load_worker(folder)


@pytest.mark.asyncio
async def test_a_module_beside_the_config_on_a_path_the_worker_added(project):
    (project / "app.py").write_text('X = "root app"\n')
    response = await _worker(project, "app").fetch("/")
    assert response.status == 500
    reply = await response.json()
    assert reply["error"] == "ModuleNotFoundError: No module named 'app'"
    assert "app.py" in reply["notes"][0] and "src/" in reply["notes"][0]


@pytest.mark.asyncio
async def test_a_package_beside_the_config(project):
    (project / "backend").mkdir()
    (project / "backend" / "__init__.py").write_text('X = "root package"\n')
    reply = await (await _worker(project, "backend").fetch("/")).json()
    assert reply["error"] == "ModuleNotFoundError: No module named 'backend'"


@pytest.mark.asyncio
async def test_a_module_of_main_s_folder_still_imports(project):
    (project / "src").mkdir()
    (project / "src" / "app.py").write_text('X = "uploaded app"\n')
    (project / "app.py").write_text('X = "root app"\n')
    assert (await (await _worker(project, "app").fetch("/")).json())["value"] == "uploaded app"


@pytest.mark.asyncio
async def test_an_installed_package_of_the_same_name_wins_as_deployed(project):
    """``json_tools`` beside the config is not uploaded; the name resolves past it, as
    production's search would."""
    (project / "json_tools.py").write_text('X = "root"\n')
    (project / "src" / "lib").mkdir(parents=True)
    (project / "src" / "lib" / "json_tools.py").write_text('X = "from src/lib"\n')
    sys.path.append(str(project / "src" / "lib"))
    try:
        reply = await (await _worker(project, "json_tools").fetch("/")).json()
    finally:
        sys.path.remove(str(project / "src" / "lib"))
    assert reply["value"] == "from src/lib"


@pytest.mark.asyncio
async def test_a_copy_in_python_modules_imports_as_deployed(project):
    (project / "vendored_only.py").write_text('X = "root"\n')
    (project / "python_modules").mkdir()
    (project / "python_modules" / "vendored_only.py").write_text('X = "vendored"\n')
    reply = await (await _worker(project, "vendored_only").fetch("/")).json()
    assert reply["value"] == "vendored"
    assert reply["file"].endswith("python_modules/vendored_only.py")


@pytest.mark.asyncio
async def test_test_code_still_imports_it(project):
    (project / "app.py").write_text('X = "root app"\n')
    worker = _worker(project, "app")
    assert (await worker.fetch("/")).status == 500
    sys.path.insert(0, str(project))
    try:
        import app
    finally:
        sys.path.remove(str(project))
    assert app.X == "root app"
