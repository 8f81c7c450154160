"""A Python Worker project with a ``cf-requirements.txt`` gets wrangler's warning
(``findAdditionalModules``): the file is no longer used, dependencies go in pyproject.toml for
pywrangler. The Worker still loads; the warning is said once per project folder."""

from __future__ import annotations

from worker_helpers import HELLO, one_file_worker

from workers_env import load_worker

ENTRY = HELLO

WARNING = ("\u25b2 [WARNING] Found a `cf-requirements.txt` file. cf-requirements.txt is no longer used, instead put "
           "your dependencies in pyproject.toml and use pywrangler.")


def test_cf_requirements_txt_warns_once(tmp_path, capfd):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "cf-requirements.txt").write_text("fastapi\n")
    load_worker(tmp_path)
    load_worker(tmp_path)
    assert capfd.readouterr().err.count(WARNING) == 1


def test_no_warning_without_it(tmp_path, capfd):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "requirements.txt").write_text("fastapi\n")
    load_worker(tmp_path)
    assert "cf-requirements" not in capfd.readouterr().err
