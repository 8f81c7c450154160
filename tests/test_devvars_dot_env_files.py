"""Without a ``.dev.vars``, local secrets come from ``.env`` files, as wrangler 4's ``getVarsForDev``.

``.env``, ``.env.local``, ``.env.<env>``, ``.env.<env>.local`` beside the config, later ones
winning, with ``${VAR}`` references expanded as ``dotenv-expand`` 12 does (checked against
``wrangler dev`` 4.164.0 on a JavaScript Worker, and against wrangler's bundled dotenv-expand on
3,000 random value sets by ``tools/wrangler/dotenv_differential.py``); a ``.dev.vars`` turns them
off; ``CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV=false`` too; ``CLOUDFLARE_INCLUDE_PROCESS_ENV=true``
adds the process's environment; a ``[secrets]`` table keeps only what it requires (or what
overrides a var), and ``workers-env dev`` warns of required ones missing.
"""

from __future__ import annotations

import pytest
from dev_reload_helpers import dev_printed_before_serving

from workers_env import ConfigError, load_env

CONFIG = 'name = "w"\n[vars]\nPLAIN = "from-config"\n[env.staging]\n[env.staging.vars]\nPLAIN = "stg"\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    for name in ("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", "CLOUDFLARE_INCLUDE_PROCESS_ENV"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    (tmp_path / ".env").write_text('A=1\nB=${A}-x\nC=${NOPE:-dflt}\nD=\\$A\nPLAIN=overridden\nE="pa$$word"\n')
    (tmp_path / ".env.local").write_text("A=2\n")
    (tmp_path / ".env.staging").write_text("F=staging\n")
    return tmp_path


def _values(env, names):
    return {name: getattr(env, name, None) for name in names}


def test_env_files_as_wrangler_dev_reads_them(project):
    # wrangler dev 4.164.0 on the same folder: {"PLAIN":"overridden","A":"2","B":"2-x","C":"dflt","D":"$A","E":"pa$"}
    assert _values(load_env(project), "PLAIN A B C D E F".split()) == {
        "PLAIN": "overridden", "A": "2", "B": "2-x", "C": "dflt", "D": "$A", "E": "pa$", "F": None}
    assert load_env(project, environment="staging").F == "staging"


def test_a_dev_vars_file_turns_them_off(project):
    (project / ".dev.vars").write_text("ONLY=dev-vars\n")
    env = load_env(project)
    assert env.ONLY == "dev-vars" and "A" not in env and env.PLAIN == "from-config"


def test_the_switches_wrangler_reads(project, monkeypatch):
    monkeypatch.setenv("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", "false")
    assert "A" not in load_env(project)
    monkeypatch.setenv("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", "maybe")
    with pytest.raises(ConfigError, match='Expected CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV to be "true" or "false"'):
        load_env(project)
    monkeypatch.delenv("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV")
    monkeypatch.setenv("CLOUDFLARE_INCLUDE_PROCESS_ENV", "true")
    monkeypatch.setenv("FROM_THE_SHELL", "yes")
    monkeypatch.setenv("A", "shell-wins")
    env = load_env(project)
    assert (env.FROM_THE_SHELL, env.A, env.B) == ("yes", "shell-wins", "shell-wins-x")


def test_a_secrets_table_keeps_what_it_requires(project):
    (project / "wrangler.toml").write_text(CONFIG.replace("[env.staging]", '[secrets]\nrequired = ["A", "MISSING"]\n[env.staging]'))
    env = load_env(project)
    assert sorted(env) == ["A", "PLAIN"] and (env.A, env.PLAIN) == ("2", "overridden")


def test_a_value_that_never_finishes_expanding_is_refused_by_name(project):
    (project / ".env").write_text("B=-$&${NOPE+alt2}-\nNOPE=${B}${NOPE:-d}-\n")  # wrangler dev hangs on it
    with pytest.raises(ConfigError, match="the .env value of NOPE never finishes expanding"):
        load_env(project)


def test_dev_warns_of_missing_required_secrets(project, monkeypatch):
    (project / "wrangler.toml").write_text(
        'name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
        '[secrets]\nrequired = ["A", "MISSING"]\n')
    (project / "src").mkdir()
    (project / "src" / "entry.py").write_text(
        "from workers import Response, WorkerEntrypoint\n\nclass Default(WorkerEntrypoint):\n"
        "    async def fetch(self, request):\n        return Response('ok')\n")
    text, served = dev_printed_before_serving(project, monkeypatch=monkeypatch)
    assert ("▲ [WARNING] Missing required secrets: MISSING. Add them to .dev.vars, .env, or set as environment "
            "variables.") in text


def test_env_files_chosen_by_name_replace_dev_vars_and_the_defaults(project):
    (project / ".dev.vars").write_text("ONLY=dev-vars\n")
    (project / "ci.env").write_text("CI_ONLY=1\nA=ci\n")
    (project / "more.env").write_text("A=more\n")
    env = load_env(project, env_files=["ci.env", "more.env", "absent.env"])  # wrangler dev --env-file ...
    assert _values(env, ["CI_ONLY", "A", "ONLY", "B"]) == {"CI_ONLY": "1", "A": "more", "ONLY": None, "B": None}


def test_a_env_file_that_cannot_be_read_is_passed_over(project):
    (project / ".env.local").unlink()
    (project / ".env.local").mkdir()  # a folder: wrangler's loadDotEnv logs it at debug level and goes on
    assert load_env(project).A == "1"


def test_long_but_finite_expansions_are_not_refused(project):
    (project / ".env").write_text("X=" + "$NOPE" * 1001 + "\nY=" + "x" * 70_000 + "$X\n")
    env = load_env(project)
    assert (env.X, len(env.Y)) == ("", 70_000)  # wrangler's dotenv-expand gives the same
