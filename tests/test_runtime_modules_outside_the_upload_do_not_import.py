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

import os
import subprocess
import sys
import venv

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import os
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), *{under!r}))

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
    for entry in [e for e in sys.path if isinstance(e, str) and e.startswith(str(tmp_path))]:
        sys.path.remove(entry)  # none: the Worker's own sys.path.insert leaves with its scope
    for name in ("app", "backend", "json_tools", "vendored_only", "libmod"):
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            sys.modules.pop(loaded, None)


def _worker(folder, name, under=()):
    one_file_worker(folder, ENTRY.format(name=name, under=under))
    return load_worker(folder)


@pytest.mark.asyncio
async def test_a_module_beside_the_config_on_a_path_the_worker_added(project):
    (project / "app.py").write_text('X = "root app"\n')
    response = await _worker(project, "app").fetch("/")
    assert response.status == 500
    reply = await response.json()
    assert reply["error"] == "ModuleNotFoundError: No module named 'app'"
    assert reply["notes"] == [
        "workers-env: app.py is in the project but outside src/, the folder wrangler uploads, so deployed it is not "
        "there to import (the Worker's files are under /session/metadata/; a folder added to sys.path from __file__ "
        "holds none of the project's others). Move it into src/, or have the build copy it into python_modules/, "
        "which is uploaded"]


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
async def test_no_copy_in_python_modules_when_main_is_uploaded_alone(project):
    """``find_additional_modules = false``: wrangler uploads ``main`` alone, ``python_modules/``
    neither (``noBundleWorker``), so the copy there is not found deployed and the note says so."""
    (project / "vendored_only.py").write_text('X = "root"\n')
    (project / "python_modules").mkdir()
    (project / "python_modules" / "vendored_only.py").write_text('X = "vendored"\n')
    one_file_worker(project, ENTRY.format(name="vendored_only", under=()), extra="find_additional_modules = false\n",
                    date="2026-03-01")  # uploaded alone, main has an SDK only before the external SDK's date
    reply = await (await load_worker(project).fetch("/")).json()
    assert reply["error"] == "ModuleNotFoundError: No module named 'vendored_only'"
    assert reply["notes"] == [
        "workers-env: vendored_only.py is in the project but outside src/, and find_additional_modules = false makes "
        "wrangler upload main alone (python_modules/ neither), so deployed it is not there to import. Move it into "
        "src/ and remove that line (or set it to true) so the Worker's other modules are uploaded too"]


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


@pytest.mark.asyncio
async def test_a_module_a_test_imported_first_does_not_import_either(project):
    """``lib/`` beside ``src/``: the test imports ``libmod`` from it before the Worker, which puts
    ``lib/`` on ``sys.path`` itself; the Worker still does not get it, and the test keeps it."""
    (project / "lib").mkdir()
    (project / "lib" / "libmod.py").write_text('X = "lib"\n')
    sys.path.insert(0, str(project / "lib"))
    try:
        import libmod
    finally:
        sys.path.remove(str(project / "lib"))
    reply = await (await _worker(project, "libmod", under=("lib",)).fetch("/")).json()
    assert reply["error"] == "ModuleNotFoundError: No module named 'libmod'"
    assert "lib/libmod.py" in reply["notes"][0]
    assert sys.modules["libmod"] is libmod


def test_a_project_that_is_its_own_virtualenv(project):
    """The project under the interpreter's prefix (``python -m venv .`` in it; ``/usr/src/app``
    with a system Python in ``/usr``) is still the project, not an installed package."""
    (project / "app.py").write_text('X = "root app"\n')
    one_file_worker(project, ENTRY.format(name="app", under=()))
    venv.create(project, with_pip=False)
    code = ("import asyncio; from workers_env import load_worker\n"
            "r = asyncio.run(load_worker('.').fetch('/'))\n"
            "reply = asyncio.run(r.json())\n"
            "print(r.status, reply.get('error', reply))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([str(project / "bin" / "python"), "-c", code], check=False, cwd=project,
                         env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "500 ModuleNotFoundError: No module named 'app'", out.stderr
