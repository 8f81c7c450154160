"""A Worker importing a package that only the project's ``python_modules/`` holds (committed, as
nuralivafoyev02/uyqur-ai does, or left by ``pywrangler sync``) imports it in production, where
workerd puts that folder on ``sys.path``; workers-env imports the Worker's packages from the
environment it runs in. Its ``ModuleNotFoundError`` now says so and names what to install (the
distribution whose ``top_level.txt`` or ``RECORD`` holds the package); an import missing
everywhere stays Python's plain error."""

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


def test_a_package_missing_everywhere_stays_pythons_plain_error(tmp_path):
    with pytest.raises(ModuleNotFoundError) as caught:
        load_worker(_project(tmp_path, "hunt16_nowhere_at_all"))
    assert str(caught.value) == "No module named 'hunt16_nowhere_at_all'"
    assert not getattr(caught.value, "__notes__", [])
