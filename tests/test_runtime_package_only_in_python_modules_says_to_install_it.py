"""A Worker importing a package that only the project's ``python_modules/`` holds (committed, as
nuralivafoyev02/uyqur-ai does, or left by ``pywrangler sync``) imports it in production, where
workerd puts that folder on ``sys.path``; workers-env imports the Worker's packages from the
environment it runs in. Its ``ModuleNotFoundError`` now says so and names what to install (the
distribution whose ``top_level.txt`` or ``RECORD`` holds the package); an import missing
everywhere keeps Python's error, with the
note on an undeclared package."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env.runtime import load_worker


def _project(tmp_path, imported: str):
    one_file_worker(tmp_path, f"import {imported}\nfrom workers import WorkerEntrypoint\n\n"
                              "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                              "        return None\n", date="2025-09-01", pyproject=False)
    vendored = tmp_path / "python_modules"
    (vendored / "hunt16_vendored_only").mkdir(parents=True)
    (vendored / "hunt16_vendored_only" / "__init__.py").write_text("VALUE = 1\n")
    (vendored / "hunt16-dist-2.0.dist-info").mkdir()
    (vendored / "hunt16-dist-2.0.dist-info" / "RECORD").write_text(
        "hunt16_vendored_only/__init__.py,sha256=x,10\nhunt16-dist-2.0.dist-info/RECORD,,\n")
    return tmp_path


def test_a_package_only_python_modules_holds_names_the_install(tmp_path):
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path, "hunt16_vendored_only.sub"))
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "python_modules/hunt16_vendored_only holds it" in notes, notes
    assert "pip install hunt16-dist " in notes, notes
    assert caught.value.__notes__[-1] == (
        "workers-env: python_modules/hunt16_vendored_only holds it, and production imports it from there; "
        "workers-env imports the Worker's packages from the Python environment it runs in, not python_modules/ "
        "(Pyodide's builds). Install it there: pip install hunt16-dist (or every dependency the project declares: "
        "uv pip install -r pyproject.toml).")


def test_a_package_missing_everywhere_keeps_pythons_error_without_the_python_modules_note(tmp_path):
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path, "hunt16_nowhere_at_all"))
    assert str(caught.value) == "No module named 'hunt16_nowhere_at_all'"
    # only the note on an undeclared package (test_missing_undeclared_package_says_how_to_declare_and_install_it)
    assert not any("python_modules/hunt16" in note for note in caught.value.__notes__)
    assert caught.value.__notes__[0].startswith("workers-env: no package of the Python environment workers-env runs "
                                                "in provides hunt16_nowhere_at_all, and the project has no pyproject")


def _vendoring(tmp_path, imported: str, files: dict[str, str]):
    one_file_worker(tmp_path, f"import {imported}\nfrom workers import WorkerEntrypoint\n\n"
                              "class Default(WorkerEntrypoint):\n    async def fetch(self, request):\n"
                              "        return None\n", date="2025-09-01", pyproject=False)
    for name, text in files.items():
        (tmp_path / "python_modules" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "python_modules" / name).write_text(text)
    return tmp_path


def test_a_submodule_python_modules_lacks_too_gets_no_note(tmp_path):
    # the environment's package is imported; its missing submodule is not in python_modules/ either
    # (a typo): "python_modules/json holds it ... pip install json" was said
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_vendoring(tmp_path, "json.hunt16_typo", {"json/__init__.py": ""}))
    assert str(caught.value) == "No module named 'json.hunt16_typo'"
    assert not getattr(caught.value, "__notes__", [])


def test_a_submodule_only_the_vendored_version_has_names_that_version(tmp_path):
    files = {"json/__init__.py": "", "json/hunt16_newer.py": "", "json-9.1.dist-info/top_level.txt": "json\n"}
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_vendoring(tmp_path, "json.hunt16_newer", files))
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "python_modules/json/hunt16_newer holds it" in notes and "has no json.hunt16_newer" in notes, notes
    assert notes.endswith("pip install json==9.1."), notes
    assert caught.value.__notes__[-1] == (
        "workers-env: python_modules/json/hunt16_newer holds it, and production imports it from there; the json "
        "workers-env imports, from the Python environment it runs in, has no json.hunt16_newer: install the version "
        "python_modules/ holds there: pip install json==9.1.")


@pytest.mark.parametrize("info", [{}, {"json.dist-info/top_level.txt": "json\n"}], ids=["no dist-info", "no version"])
def test_a_submodule_of_a_vendored_version_without_a_version_names_the_upgrade(tmp_path, info):
    # a dist-info folder named without its version once read as name "" and version "json": "pip install ==json."
    files = {"json/__init__.py": "", "json/hunt16_newer.py": "", **info}
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_vendoring(tmp_path, "json.hunt16_newer", files))
    assert caught.value.__notes__[-1].endswith("install the version python_modules/ holds there: "
                                               "pip install --upgrade json.")
