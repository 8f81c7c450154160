"""Every command first loads ``.env`` and ``.env.local`` (with ``--env NAME`` also ``.env.NAME``
and ``.env.NAME.local``) from the current folder into its environment, the shell's values
winning, as wrangler 4.164.0 loads them into ``process.env`` before any command (measured:
``CLOUDFLARE_ENV=staging`` in ``.env`` selects ``[env.staging]`` for ``kv key list --local``);
``--env-file`` replaces them."""

from __future__ import annotations

import os

from workers_env.cli import main

CONFIG = ('name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "top"\n'
          '[env.staging]\n[[env.staging.kv_namespaces]]\nbinding = "KVS"\nid = "stg"\n'
          '[env.prod]\n[[env.prod.kv_namespaces]]\nbinding = "KVP"\nid = "prd"\n')


def _project(folder, monkeypatch):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "wrangler.toml").write_text(CONFIG)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)


def _lists(binding: str, *extra: str) -> bool:
    return main(["kv", "key", "list", "--binding", binding, "--local", *extra]) == 0


def test_dot_env_in_the_current_folder_selects_the_environment(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("CLOUDFLARE_ENV=staging\n")
    assert _lists("KVS")
    assert not _lists("KV")
    assert "CLOUDFLARE_ENV" not in os.environ  # the environment as it was after the command


def test_dot_env_local_is_read_after_dot_env(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("CLOUDFLARE_ENV=staging\n")
    (tmp_path / ".env.local").write_text("CLOUDFLARE_ENV=prod\n")
    assert _lists("KVP")


def test_the_shell_wins_unless_empty(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("CLOUDFLARE_ENV=staging\n")
    monkeypatch.setenv("CLOUDFLARE_ENV", "prod")
    assert _lists("KVP")
    monkeypatch.setenv("CLOUDFLARE_ENV", "")  # dotenv-expand keeps only a non-empty value
    assert _lists("KVS")


def test_the_named_environment_files_only_with_env(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env.staging").write_text("CLOUDFLARE_ENV=prod\n")
    assert _lists("KV")  # no --env: .env.staging is not read
    (tmp_path / ".env").write_text("CLOUDFLARE_ENV=staging\n")
    assert _lists("KVS")


def test_read_from_the_current_folder_not_the_configs(tmp_path, monkeypatch, capsys):
    _project(tmp_path / "sub", monkeypatch)
    (tmp_path / "sub" / ".env").write_text("CLOUDFLARE_ENV=staging\n")
    monkeypatch.chdir(tmp_path)
    assert not _lists("KVS", "-c", "sub/wrangler.toml")
    assert _lists("KVS", "--cwd", "sub")  # --cwd first: its folder is the current one


def test_env_file_replaces_the_default_files(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("CLOUDFLARE_ENV=staging\n")
    (tmp_path / "other.env").write_text("CLOUDFLARE_ENV=prod\n")
    assert _lists("KVP", "--env-file", "other.env")
    assert not _lists("KVS", "--env-file", "other.env")


def test_an_unreadable_default_file_is_passed_over(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").mkdir()  # a folder where the file would be
    (tmp_path / ".env.local").write_text("CLOUDFLARE_ENV=staging\n")
    assert _lists("KVS")


def test_a_file_holding_a_nul_is_warned_of_and_passed_over(tmp_path, monkeypatch, capsys):
    # wrangler 4.168.0 reads a .env file holding a NUL as not UTF-8 (readEnvFile: a UTF-16 file
    # without a BOM can be valid UTF-8): warned of, passed over, its other values unread (measured,
    # currency68: kv key list --local; 4.164.0 loaded it and stopped where Node hands the env to workerd)
    _project(tmp_path, monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_bytes(b"CLOUDFLARE_ENV=staging\nA=x\x00y\n")
    (tmp_path / "given.env").write_bytes(b"B=it's\x00\n")
    for extra, name in (((), ".env"), (("--env-file", "given.env"), "given.env")):
        assert _lists("KV", *extra)  # CLOUDFLARE_ENV=staging unread: the top level's KV
        err = capsys.readouterr().err
        assert err.startswith(f'▲ [WARNING] The file "{name}" is not UTF-8 encoded, so its variables cannot be read. '
                              "Make sure to have the file saved as UTF-8 and try again. Ignoring this file.\n")
        assert "CLOUDFLARE_ENV" not in os.environ and "A" not in os.environ
