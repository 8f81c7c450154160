"""A package added to ``pyproject.toml`` between two loads of the same project (as under
``workers-env dev``, which reloads on the edit) is named at the next load when the Worker imports it
and the environment lacks it: the declared packages are looked up again once ``pyproject.toml``
changed, not once a process."""

from __future__ import annotations

import os

import pytest
from test_runtime_declared_packages_not_installed_are_named import BARE, FALLBACK, LINE, NOTE, _project

from workers_env import load_worker


def test_a_package_declared_after_the_first_load_is_named_at_the_next(tmp_path, capsys):
    folder = _project(tmp_path, FALLBACK, dependencies=("pytest",))
    load_worker(folder)
    assert LINE not in capsys.readouterr().err  # nothing declared is missing yet
    pyproject = folder / "pyproject.toml"
    before = pyproject.stat()
    _project(tmp_path, FALLBACK)  # the same project, now declaring hunt-absent-package
    os.utime(pyproject, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))  # (a coarse clock's tick)
    load_worker(folder)
    assert capsys.readouterr().err.splitlines().count(LINE) == 1


def test_a_package_no_longer_declared_leaves_the_import_error_without_its_note(tmp_path):
    folder = _project(tmp_path, BARE)
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(folder)
    assert caught.value.__notes__ == [NOTE]
    pyproject = folder / "pyproject.toml"
    before = pyproject.stat()
    pyproject.write_text('[project]\nname = "w"\nversion = "0"\ndependencies = ["pytest"]\n')
    os.utime(pyproject, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(folder)
    assert NOTE not in getattr(caught.value, "__notes__", [])  # (the undeclared module's own note instead)
