"""wrangler's global options (``-c``, ``-e``, ``--env-file``, ``--profile``, ``-v``,
``--x-provision``, ...) and a command's own options work anywhere on the line, before the
command group too, as yargs reads them (wrangler 4.164.0); an option a command group does not
know takes the next word as its value there, so ``--local kv key list`` names no command and is
refused with yargs' words."""

from __future__ import annotations

import json
import os

import pytest
from cli_helpers import run_main

KV_A = 'name = "a"\n[[kv_namespaces]]\nbinding = "KV"\nid = "aaa"\n'
KV_B = 'name = "b"\n[[kv_namespaces]]\nbinding = "KV"\nid = "bbb"\n'
D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n'


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    (tmp_path / "wrangler.toml").write_text(KV_A + D1)
    (tmp_path / "b.toml").write_text(KV_B)
    return tmp_path


def keys(capsys, *argv):
    run = run_main(capsys, *argv)
    assert run.returncode == 0, run.stderr
    return [key["name"] for key in json.loads(run.stdout)]


@pytest.mark.parametrize("line", [
    ["-c", "b.toml", "kv", "key", "put", "k", "v", "--binding", "KV", "--local"],
    ["kv", "-c", "b.toml", "key", "put", "k", "v", "--binding", "KV", "--local"],
    ["kv", "key", "--config", "b.toml", "put", "k", "v", "--binding", "KV", "--local"],
    ["--binding", "KV", "kv", "key", "put", "k", "--config=b.toml", "v", "--local"],  # positionals apart too
])
def test_the_config_given_before_the_command_is_the_one_read(project, capsys, line):
    assert run_main(capsys, *line).returncode == 0
    assert keys(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-c", "b.toml") == ["k"]
    assert keys(capsys, "kv", "key", "list", "--binding", "KV", "--local") == []  # wrangler.toml's namespace


def test_a_command_option_with_a_value_before_the_command(project, capsys):
    assert run_main(capsys, "--persist-to", "st", "kv", "key", "put", "k", "v", "--binding", "KV", "--local").returncode == 0
    assert (project / "st" / "v3" / "kv").is_dir() and not (project / ".wrangler").exists()
    assert keys(capsys, "kv", "--persist-to", "st", "key", "list", "--binding", "KV", "--local") == ["k"]
    run = run_main(capsys, "-e", "nope", "d1", "--command", "select 1 as one", "execute", "DB", "--local", "--json")
    assert run.returncode == 0 and json.loads(run.stdout)[0]["results"] == [{"one": 1}]
    assert 'No environment found in configuration with name "nope"' in run.stderr


@pytest.mark.parametrize(("line", "error", "help_of"), [
    # --local is no global option: before the command it takes the next word as its value
    (["--local", "kv", "key", "list", "--binding", "KV"], "Unknown arguments: local, binding, key, list", "kv key list"),
    (["kv", "key", "--local", "list", "--binding", "KV"], "Unknown arguments: local, binding", "kv key list"),
    (["kv", "--bogus", "key", "list", "--binding", "KV", "--local"], "Unknown arguments: bogus, binding, local, list",
     "kv key list"),
    (["-c", "kv", "key", "list", "--binding", "KV", "--local"], "Unknown arguments: binding, local, key, list",
     "kv key list"),
    (["d1", "--local", "execute", "DB", "--command", "select 1"], "Unknown arguments: local, command, DB", "d1 execute"),
    (["ai", "--json", "models", "list"], "Unknown arguments: json, list", "ai models list"),
    (["-c", "wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local", "-c", "b.toml"],
     'The argument "--config" expects a single value, but received multiple: ["wrangler.toml","b.toml"].', ""),
    (["kv", "key", "get", "k", "--binding", "KV", "--local", "--profile"], "Not enough arguments following: profile",
     "kv key get"),
    (["kv", "key", "list", "--binding", "KV", "--local", "--env-file"], "Not enough arguments following: env-file",
     "kv key list"),
    # --env-file takes every word up to the next option, as yargs' array options do
    (["--env-file=ci.env", "kv", "key", "list", "--binding", "KV", "--local"], "Unknown arguments: binding, local",
     "kv key list"),
])
def test_what_yargs_refuses_is_refused_in_its_words(project, capsys, line, error, help_of):
    run = run_main(capsys, *line)
    assert (run.returncode, run.stderr) == (1, f"✘ [ERROR] {error}\n\n\n")
    assert run.stdout.startswith(f"\nusage: workers-env {help_of}".rstrip() + " ")
    assert not (project / ".wrangler").exists()


def test_global_flags_with_no_effect_here_are_taken(project, capsys):
    for line in (["--profile", "work", "kv", "key", "list"], ["kv", "--x-provision", "key", "list"],
                 ["kv", "key", "list", "--experimental-auto-create=false", "--install-skills=false"],
                 ["-v", "kv", "key", "list"], ["kv", "key", "list", "--version"]):
        assert keys(capsys, *line, "--binding", "KV", "--local") == [], line
    # as wrangler: -v prints the version with no command only; a command group given it shows its help
    assert run_main(capsys, "vectorize", "-v").stdout.startswith("usage: workers-env vectorize ")
    assert run_main(capsys, "-c", "b.toml", "kv").stdout.startswith("usage: workers-env kv ")
    run = run_main(capsys, "--install-skills", "kv", "key", "list", "--binding", "KV", "--local")
    assert run.returncode == 1 and "workers-env installs none (run `wrangler --install-skills`" in run.stderr


def test_env_files_are_loaded_into_the_environment_for_the_command(project, capsys):
    (project / "ci.env").write_text("CLOUDFLARE_ENV=fromfile\n")
    before = dict(os.environ)
    run = run_main(capsys, "kv", "key", "list", "--env-file", "ci.env", "--binding", "KV", "--local")
    assert run.returncode == 0 and 'No environment found in configuration with name "fromfile"' in run.stderr
    assert dict(os.environ) == before
    run = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--env-file", "missing.env")
    assert run.returncode == 1 and "missing.env" in run.stderr and "--env-file" in run.stderr
    assert keys(capsys, "kv", "key", "list", "--binding", "KV", "--local") == []  # nothing written


def test_dev_stops_at_an_env_file_it_cannot_read_before_starting(project, capsys):
    """wrangler dev stops at Node's ``not found`` for a missing ``--env-file`` (exit 9, 4.164.0);
    ``workers-env dev`` reads its files itself, and refuses one that is not there first."""
    run = run_main(capsys, "dev", "--env-file", "missing.env", "--port", "0")
    assert run.returncode == 1
    assert "missing.env" in run.stderr and "--env-file names a .env file to load; pass one that exists" in run.stderr
    assert "Ready on" not in run.stdout + run.stderr
