"""A ``requirements.txt`` beside the config once named the runtime's built-in packages; workerd
removed them (0665be3, "Removes deprecated built-in Python package support"), wrangler uploads
nothing of it and ``pywrangler sync`` refuses a project holding it. So a project listing packages
there (and vendoring none into ``python_modules/``) gets one line on stderr: they are not there
once deployed, though workers-env imports them from the virtualenv."""

from __future__ import annotations

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = '''
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response("up")
'''


def test_requirements_txt_listing_packages_is_noted_once(tmp_path, capfd):
    one_file_worker(tmp_path, ENTRY, date="2024-12-01")
    (tmp_path / "requirements.txt").write_text("# deps\nfastapi>=0.110\n\njinja2 ; python_version >= '3.12'\n")
    load_worker(tmp_path)
    load_worker(tmp_path)
    err = capfd.readouterr().err
    assert err.count("requirements.txt lists fastapi, jinja2, which nothing reads any more") == 1
    assert "Delete the file to continue." in err
    assert err == (
        "workers-env: requirements.txt lists fastapi, jinja2, which nothing reads any more: the runtime's built-in "
        "packages are gone (workerd 0665be3), wrangler uploads none of them, and pywrangler refuses a project holding "
        f'the file ("{tmp_path / "requirements.txt"} exists. Delete the file to continue."); so they are not there '
        "once deployed (ModuleNotFoundError), while workers-env imports them from your virtualenv. Move the Worker's "
        "own packages to pyproject.toml's dependencies (tools such as pytest to a dev dependency group: they are not "
        "deployed), delete requirements.txt and deploy with `uv run pywrangler deploy`, which vendors them.\n")


def test_a_vendored_project_or_an_empty_file_says_nothing(tmp_path, capfd):
    one_file_worker(tmp_path, ENTRY)
    (tmp_path / "requirements.txt").write_text("# nothing\n")
    load_worker(tmp_path)
    (tmp_path / "requirements.txt").write_text("fastapi\n")
    (tmp_path / "python_modules").mkdir()
    load_worker(tmp_path)
    assert "requirements.txt lists" not in capfd.readouterr().err
