"""A Worker's top-level import of a module that no package of this environment provides, and
that ``pyproject.toml`` declares no package for (or the project has none), keeps Python's own
``ModuleNotFoundError`` and gains a note: production imports a Worker's packages from
``python_modules/``, which ``pywrangler sync`` fills from the declared dependencies, so the
deployed import fails too -- declare the package and install it here (walk58: such an import
met Python's error alone). A module of the era's standard library that this interpreter
predates (``annotationlib``, Python 3.14) is said as such instead."""

from __future__ import annotations

import sys

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

PYPROJECT = '[project]\nname = "w"\nversion = "0.1.0"\ndependencies = [{}]\n'


def _failed(tmp_path, module: str, pyproject: str | None, date: str = "2025-10-01", flags=()) -> ModuleNotFoundError:
    root = one_file_worker(tmp_path, f"import {module}\nfrom workers import Response\n", date=date, flags=flags,
                           pyproject=False)
    if pyproject is not None:
        (root / "pyproject.toml").write_text(pyproject)
    with pytest.raises(ModuleNotFoundError) as info:
        load_worker(root)
    return info.value


def test_without_a_pyproject_the_note_says_to_declare_it_in_one(tmp_path):
    error = _failed(tmp_path, "notapkg_xyz", None)
    assert str(error) == "No module named 'notapkg_xyz'" and error.name == "notapkg_xyz"  # Python's own, kept
    assert error.__notes__ == [
        "workers-env: no package of the Python environment workers-env runs in provides notapkg_xyz, and the project "
        "has no pyproject.toml: production imports a Worker's packages from python_modules/, which `pywrangler sync` "
        "fills from pyproject.toml's [project] dependencies, so the deployed Worker's import fails as well. If "
        "notapkg_xyz is a third-party package, declare it in a pyproject.toml beside the wrangler config "
        "(dependencies = [\"notapkg_xyz\"]) and install it here: pip install notapkg_xyz, if the package that "
        "provides notapkg_xyz is named so."]


def test_undeclared_in_a_pyproject_the_note_names_the_package_pyodide_lists(tmp_path):
    error = _failed(tmp_path, "PhiSpyModules", PYPROJECT.format(""))  # Pyodide's lock: phispy provides it
    assert error.__notes__ == [
        "workers-env: no package of the Python environment workers-env runs in provides PhiSpyModules, and none that "
        "pyproject.toml's [project] dependencies declare does: production imports a Worker's packages from "
        "python_modules/, which `pywrangler sync` fills from those dependencies (with what they depend on), so the "
        "deployed Worker's import fails as well. If PhiSpyModules is a third-party package, declare it there "
        "(uv add phispy) and install the project's dependencies here: uv pip install -r pyproject.toml."]


def test_declared_packages_this_environment_lacks_are_installed_first(tmp_path):
    # phispy is in Pyodide's lock files, which list its modules: it is no candidate, but production's
    # python_modules/ holds it and what it depends on
    error = _failed(tmp_path, "notapkg_xyz", PYPROJECT.format('"phispy"'))
    assert error.__notes__ == [
        "workers-env: no package of the Python environment workers-env runs in provides notapkg_xyz, and "
        "pyproject.toml declares none of that name; it declares phispy, which this environment lacks: install the "
        "project's dependencies here: uv pip install -r pyproject.toml. `pywrangler sync` vendors them into "
        "python_modules/ for production with what they depend on; if none of them brings notapkg_xyz, declare it "
        "there as well (uv add notapkg_xyz, if the package that provides notapkg_xyz is named so), or the deployed "
        "Worker's import fails too."]


@pytest.mark.parametrize(("module", "declared"), [
    ("notapkg_xyz", "notapkg-xyz"),
    ("bs4", "beautifulsoup4"),  # a package whose module is named otherwise (Pyodide's lock files: bs4)
])
def test_a_package_declared_only_for_other_platforms_gets_no_such_note(tmp_path, module, declared):
    # declared, whatever its marker: the note on declared packages decides (none for a marker Pyodide fails)
    error = _failed(tmp_path, module, PYPROJECT.format(f'"{declared}; sys_platform == \'win32\'"'))
    assert getattr(error, "__notes__", None) is None


def test_an_import_an_installed_packages_code_makes_gets_no_such_note(tmp_path, monkeypatch):
    # the package's own dependency: the Worker's project cannot declare what it lacks for it
    site = tmp_path / "site"
    site.mkdir()
    (site / "helperpkg_xyz.py").write_text("import notapkg_inner_xyz\n")
    monkeypatch.syspath_prepend(str(site))
    error = _failed(tmp_path / "w", "helperpkg_xyz", PYPROJECT.format(""))
    assert error.name == "notapkg_inner_xyz"
    assert getattr(error, "__notes__", None) is None


@pytest.mark.parametrize("module", ["pyodide_js", "_pyodide"])
def test_pyodides_own_modules_get_no_package_note(tmp_path, module):
    assert getattr(_failed(tmp_path, module, None), "__notes__", None) is None


def test_a_standard_library_module_of_the_eras_python(tmp_path):
    root_args = dict(date="2026-09-01", flags=("python_workers_314",))
    if sys.version_info >= (3, 14):  # this interpreter has it: the Worker loads
        load_worker(one_file_worker(tmp_path, "import annotationlib\nfrom workers import Response\n", **root_args))
        return
    here = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert _failed(tmp_path, "annotationlib", PYPROJECT.format(""), **root_args).__notes__ == [
        "workers-env: annotationlib is a module of Python 3.14's standard library, which production runs this Worker "
        f"on; this interpreter, Python {here}, has none: run workers-env under Python 3.14."]


HANDLER_IMPORT = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        import notapkg_xyz
        return Response("never")

    async def scheduled(self, controller, env, ctx):
        import notapkg_xyz
'''


def test_an_import_in_a_handler_gets_the_same_note(tmp_path):
    # leftovers60: only a top-level import had the note; fetch and scheduled handlers' imports get it too
    import asyncio

    root = one_file_worker(tmp_path, HANDLER_IMPORT, date="2025-10-01", pyproject=False)
    (root / "pyproject.toml").write_text(PYPROJECT.format(""))
    worker = load_worker(root)
    for call in (lambda: worker.fetch("/"), lambda: worker.scheduled()):
        with pytest.raises(ModuleNotFoundError) as info:
            asyncio.run(call())
        assert info.value.__notes__ == [
            "workers-env: no package of the Python environment workers-env runs in provides notapkg_xyz, and none "
            "that pyproject.toml's [project] dependencies declare does: production imports a Worker's packages from "
            "python_modules/, which `pywrangler sync` fills from those dependencies (with what they depend on), so "
            "the deployed Worker's import fails as well. If notapkg_xyz is a third-party package, declare it there "
            "(uv add notapkg_xyz, if the package that provides notapkg_xyz is named so) and install the project's "
            "dependencies here: uv pip install -r pyproject.toml."]
