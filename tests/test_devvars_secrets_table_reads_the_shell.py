"""A config with a ``[secrets]`` table gets its required secrets from the process environment
too, as wrangler's ``getVarsForDev`` does (``includeProcessEnv: !!secrets || ...``) when no
``.dev.vars`` exists -- without ``CLOUDFLARE_INCLUDE_PROCESS_ENV``; checked against ``wrangler
dev`` 4.164.0 by ``tools/wrangler/env_differential.py``."""

from __future__ import annotations

import pytest

from workers_env import load_env
from workers_env.config.devvars import missing_secrets, read_dev_vars


@pytest.fixture(autouse=True)
def _switches(monkeypatch):
    for name in ("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", "CLOUDFLARE_INCLUDE_PROCESS_ENV"):
        monkeypatch.delenv(name, raising=False)


def test_a_required_secret_from_the_shell(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[vars]\nV = "config"\n[secrets]\nrequired = ["SHELL_SECRET", "A"]\n')
    (tmp_path / ".env").write_text("A=${SHELL_SECRET}-ref\n")
    monkeypatch.setenv("SHELL_SECRET", "from-shell")
    monkeypatch.setenv("OTHER_SHELL", "not-required")
    monkeypatch.setenv("V", "shell-overrides-the-var")
    env = load_env(tmp_path)
    assert {name: env[name] for name in env} == {"V": "shell-overrides-the-var", "SHELL_SECRET": "from-shell", "A": "from-shell-ref"}
    loaded = read_dev_vars(tmp_path, None, secrets_table=True)
    assert missing_secrets(loaded, {"secrets": {"required": ["SHELL_SECRET", "NOPE"]}}) == ["NOPE"]


def test_not_when_a_dev_vars_file_is_read(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[secrets]\nrequired = ["SHELL_SECRET"]\n')
    (tmp_path / ".dev.vars").write_text("B=1\n")
    monkeypatch.setenv("SHELL_SECRET", "from-shell")
    assert "SHELL_SECRET" not in load_env(tmp_path)


def test_not_without_a_secrets_table(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n')
    monkeypatch.setenv("SHELL_SECRET", "from-shell")
    assert "SHELL_SECRET" not in load_env(tmp_path)
