"""``CLOUDFLARE_ENV=staging`` without ``-e`` selects ``[env.staging]``'s vars but reads the plain
``.dev.vars`` (without one, ``.env``), not ``.dev.vars.staging`` / ``.env.staging``, as wrangler
dev 4.164.0 does (it passes only ``--env`` to getVarsForDev; measured with a JavaScript Worker,
tools/wrangler/env_differential.py -k cloudflare_env); ``-e other`` beside it wins for both.
``load_env(secrets_environment=...)`` names the secrets' environment apart from ``environment``.
workers-env dev read ``.dev.vars.staging`` under ``CLOUDFLARE_ENV=staging``."""

from __future__ import annotations

import json

import pytest
from dev_reload_helpers import dev_answers
from test_dev_empty_env_reads_the_dev_vars_file_named_with_a_trailing_dot import CONFIG as TRAILING_DOT_CONFIG
from test_dev_empty_env_reads_the_dev_vars_file_named_with_a_trailing_dot import ENTRY
from worker_helpers import typical_pyproject

from workers_env import ConfigError, load_env

CONFIG = TRAILING_DOT_CONFIG + '[env.other.vars]\nV = "other"\n'


def _project(tmp_path, *files):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    for name in files:
        (tmp_path / name).write_text(f'FROM="{name}"\n')
    return tmp_path


@pytest.mark.parametrize(("files", "secrets_environment", "expected"), [
    ((".dev.vars", ".dev.vars.staging"), None, ".dev.vars"),
    ((".dev.vars.staging",), None, None),
    ((".env", ".env.staging"), None, ".env"),
    ((".env.staging",), None, None),
    ((".dev.vars", ".dev.vars.staging"), "staging", ".dev.vars.staging"),
])
def test_load_env_reads_the_secrets_of_the_environment_named(tmp_path, files, secrets_environment, expected):
    env = load_env(_project(tmp_path, *files), environment="staging", secrets_environment=secrets_environment)
    assert (env.V, env["FROM"] if "FROM" in env else None) == ("staging", expected)


def test_load_env_reads_the_environments_own_secrets_by_default(tmp_path):
    assert load_env(_project(tmp_path, ".dev.vars", ".dev.vars.staging"), environment="staging").FROM == ".dev.vars.staging"


def test_load_env_refuses_a_secrets_environment_that_is_no_name(tmp_path):
    with pytest.raises(ConfigError, match="secrets_environment= must be the name"):
        load_env(_project(tmp_path), secrets_environment=1)  # type: ignore[arg-type]


def _serve(tmp_path, monkeypatch, *extra, files):
    """dev under ``CLOUDFLARE_ENV=staging`` (in-process: what it prints, the Worker's answer to ``/``)."""
    project = typical_pyproject(_project(tmp_path, *files))
    (project / "src").mkdir()
    (project / "src" / "entry.py").write_text(ENTRY)
    return dev_answers(project, *extra, monkeypatch=monkeypatch, cloudflare_env="staging")


def test_dev_under_cloudflare_env_alone_serves_the_plain_dev_vars(tmp_path, monkeypatch):
    printed, [(status, body)] = _serve(tmp_path, monkeypatch, files=(".dev.vars", ".dev.vars.staging"))
    assert (status, json.loads(body)) == (200, {"v": "staging", "from": ".dev.vars"})
    assert "Using secrets defined in .dev.vars" in printed.splitlines()


def test_dev_with_e_beside_cloudflare_env_reads_the_e_environments_files(tmp_path, monkeypatch):
    _, [(status, body)] = _serve(tmp_path, monkeypatch, "-e", "other",
                                 files=(".dev.vars", ".dev.vars.staging", ".dev.vars.other"))
    assert (status, json.loads(body)) == (200, {"v": "other", "from": ".dev.vars.other"})
