"""Packages that a deploy would not upload are named once on stderr, while they still import.

A project whose CI deploys with plain wrangler (``cloudflare/wrangler-action``, ``wrangler
deploy``; never pywrangler) and that has no ``python_modules/`` uploads no packages
(``wrangler deploy --dry-run`` lists only the entry), so ``import fastapi`` fails deployed. The
line names the packages ``pyproject.toml`` declares; a committed ``python_modules/`` or a CI
that runs pywrangler keeps it away. And a ``main`` that is not there reads as wrangler says it.
"""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker, typical_pyproject

from workers_env import ConfigError, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            return Response("ok")
"""
PLAIN = "jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          command: deploy\n"


def _project(root, workflow=PLAIN):
    # dated before the external SDK's date: with nothing vendoring workers-runtime-sdk, a Worker of
    # its era would not start at all (test_runtime_worker_without_a_vendored_sdk_does_not_start_...)
    folder = one_file_worker(root, ENTRY, date="2026-03-01")
    (folder / ".git").mkdir()
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / ".github" / "workflows" / "deploy.yml").write_text(workflow)
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\ndependencies = ["fastapi>=0.110", "workers-py"]\n')
    return folder


def test_a_plain_wrangler_deploy_without_python_modules_is_named_once(tmp_path, capsys):
    folder = _project(tmp_path)
    load_worker(folder)
    load_worker(folder)
    err = capsys.readouterr().err
    assert "deploys with plain wrangler" in err and "(fastapi) are not there once deployed" in err
    assert err.count("deploys with plain wrangler") == 1
    line = ("workers-env: this project deploys with plain wrangler (its CI never runs pywrangler) and has no "
            "python_modules/, so wrangler uploads no packages: the ones it declares (fastapi) are not there once "
            "deployed; workers-env still imports them from your virtualenv. Deploy with `uv run pywrangler deploy`, "
            "which vendors them.\n")
    assert line in err.splitlines(keepends=True)


def test_a_build_that_runs_pywrangler_is_not_named(tmp_path, capsys):
    folder = _project(tmp_path)
    (folder / "wrangler.toml").write_text((folder / "wrangler.toml").read_text()
                                          + '[build]\ncommand = "uv run pywrangler sync"\n')
    typical_pyproject(folder)
    load_worker(folder)
    assert "deploys with plain wrangler" not in capsys.readouterr().err


def test_vendored_or_pywrangler_deploys_are_not(tmp_path, capsys):
    vendored = _project(tmp_path / "vendored")
    (vendored / "python_modules").mkdir()
    load_worker(vendored)
    load_worker(_project(tmp_path / "pyw", PLAIN.replace("cloudflare/wrangler-action@v3", "./deploy-with-pywrangler")
                         + "      - run: uv run pywrangler deploy\n"))
    assert "deploys with plain wrangler" not in capsys.readouterr().err


def test_a_missing_main_reads_as_wrangler_says_it(tmp_path, monkeypatch):
    folder = one_file_worker(tmp_path, ENTRY)
    (folder / "src" / "entry.py").unlink()
    monkeypatch.chdir(folder)
    with pytest.raises(ConfigError) as error:
        load_worker(folder)
    assert str(error.value).startswith('The entry-point file at "src/entry.py" was not found.\n\nThis might mean')
    (folder / "wrangler.toml").write_text((folder / "wrangler.toml").read_text() + '[build]\ncommand = "make"\n')
    typical_pyproject(folder)
    with pytest.raises(ConfigError) as unbuilt:  # load_worker never runs the build: it says so
        load_worker(folder)
    assert str(unbuilt.value).endswith("(workers-env: the config's [build] command `make` has not run: load_worker "
                                       "and the pytest fixtures never run it, workers-env dev does.)")
