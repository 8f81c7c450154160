"""wrangler loads the ``.env`` files of the folder it runs in into its own environment before
any command (over the shell's, the shell winning), so a switch can be set there, and the shell
environment a ``[secrets]`` table reads holds them too; workers-env takes the config's folder as
that folder, as a Worker's project runs wrangler, not pytest's rootdir. Also JavaScript's quirks that reach the
values: array-index keys are expanded first, ``__proto__`` is no key, and a JSON config's
integer past 2**53 - 1 arrives as the nearest double (checked against ``wrangler dev`` 4.164.0
by a reviewer)."""

from __future__ import annotations

import pytest

from workers_env import load_env


@pytest.fixture
def clean(monkeypatch):
    for name in ("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", "CLOUDFLARE_INCLUDE_PROCESS_ENV", "FOO", "BAR"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_switch_set_in_dot_env_applies(tmp_path, clean):
    clean.chdir(tmp_path)
    (tmp_path / "wrangler.toml").write_text('name = "w"\n')
    (tmp_path / ".env").write_text("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV=false\nFOO=1\n")
    assert list(load_env(tmp_path)) == []  # wrangler dev: {}


def test_secrets_read_the_env_files_as_wrangler_run_in_the_config_folder(tmp_path, clean):
    # wrangler run in sub/ (its project): sub's files are its process env; a .env of the folder
    # Python runs in (pytest's rootdir) decides nothing
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "wrangler.toml").write_text('name = "w"\n[secrets]\nrequired = ["FOO", "BAR"]\n')
    (sub / "e.env").write_text("FOO=sub\n")
    (tmp_path / "e.env").write_text("FOO=cwd\nBAR=cwdbar\n")
    (tmp_path / ".env").write_text("CLOUDFLARE_INCLUDE_PROCESS_ENV=maybe\n")
    clean.chdir(tmp_path)
    env = load_env(sub / "wrangler.toml", env_files=["e.env"])
    assert sorted(env) == ["FOO"] and env.FOO == "sub"


def test_array_index_keys_expand_first_and_proto_is_no_key(tmp_path, clean):
    clean.chdir(tmp_path)
    (tmp_path / "wrangler.toml").write_text('name = "w"\n')
    (tmp_path / ".env").write_text("B=x\n1=${B}\nC=${1}y\n__proto__=p\n")
    env = load_env(tmp_path)
    assert {name: env[name] for name in env} == {"1": "", "B": "x", "C": "y"}  # wrangler dev's


def test_a_json_configs_big_integer_is_the_nearest_double(tmp_path, clean):
    clean.chdir(tmp_path)
    (tmp_path / "wrangler.json").write_text('{"name": "w", "vars": {"BIG": 9007199254740993, "SAFE": 9007199254740991}}')
    env = load_env(tmp_path)
    assert (env.BIG, type(env.BIG), env.SAFE) == (9007199254740992.0, float, 9007199254740991)
