"""``kv ... --no-config`` (and ``--no-env``) fail where wrangler 4.164.0 reads the config, so
after the command's own argument checks -- ``--metadata`` read as JSON, ``--local`` beside
``--remote``, exactly one of ``--binding`` and ``--namespace-id``, exactly one of ``<value>``
and ``--path`` -- each printed first, with the command's help (measured); ``--no-env-file``
fails before them, as wrangler loads the files before any command. workers-env printed
``configPath.endsWith is not a function`` first."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("line, first", [
    (["key", "put", "k", "--no-config"], "Missing required option: exactly one of --binding and --namespace-id must be provided"),
    (["key", "get", "k", "--no-env"], "Missing required option: exactly one of --binding and --namespace-id must be provided"),
    (["key", "list", "--no-config"], "Missing required option: exactly one of --binding and --namespace-id must be provided"),
    (["key", "put", "k", "v", "--binding", "KV", "--namespace-id", "x", "--no-config"],
     "Conflicting options: --binding and --namespace-id cannot be used together. Please provide only one."),
    (["key", "put", "k", "--binding", "KV", "--no-config"],
     "Missing required option: exactly one of <value> and --path must be provided"),
    (["key", "put", "k", "v", "--binding", "KV", "--local", "--metadata", "{", "--no-config"],
     "--metadata must be valid JSON. Received: {"),
    (["key", "put", "k", "v", "--binding", "KV", "--local", "--remote", "--no-config"],
     "Arguments remote and local are mutually exclusive"),
])
def test_the_commands_check_comes_first(tmp_path, monkeypatch, capsys, line, first):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", *line)
    assert run.returncode == 1
    assert run.stderr == f"✘ [ERROR] {first}\n\n\n"
    assert f"usage: workers-env kv {line[0]} {line[1]}" in run.stdout
    assert not (tmp_path / ".wrangler").exists()


def test_no_env_file_fails_before_them(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "put", "k", "--no-env-file")
    assert run.returncode == 1
    assert run.stderr.startswith('✘ [ERROR] The "paths[0]" argument must be of type string. ')


def test_checks_passed_it_fails_at_the_config(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-config")
    assert run.returncode == 1
    assert run.stdout.startswith("Resource location: local")
    assert run.stderr.startswith("✘ [ERROR] configPath.endsWith is not a function\n")
