"""A boolean option given a value other than ``true`` (``--json=1``, ``--local=yes``,
``--json=``) is false, as yargs-parser reads it (wrangler 4.164.0, measured: ``d1 execute
--json=X`` prints JSON only for ``X`` = ``true``; ``TRUE``, ``True``, ``1``, ``yes``, ``""``,
``0`` print the table). Where false sends wrangler to the Cloudflare account (``kv ...
--local=yes``, no ``--remote``), workers-env refuses, naming the value."""

from __future__ import annotations

import json

import pytest

from tests.cli_helpers import in_project, run_main


@pytest.mark.parametrize("value", ["1", "TRUE", "True", "yes", "", "0"])
def test_json_with_any_value_but_true_prints_the_table(tmp_path, monkeypatch, capsys, value):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "SELECT 1 AS a", f"--json={value}")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Resource location: local")


def test_json_true_prints_json(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local", "--command", "SELECT 1 AS a", "--json=true")
    assert json.loads(run.stdout)[0]["results"] == [{"a": 1}]


def test_d1_local_yes_runs_locally_reported_as_remote(tmp_path, monkeypatch, capsys):
    # wrangler: `Resource location: remote`, then the local database (d1's own --local test)
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "d1", "execute", "DB", "--local=yes", "--command", "SELECT 1 AS a")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Resource location: remote \n")
    assert "🌀 Executing on local database DB" in run.stdout


@pytest.mark.parametrize("value", ["no", "1", ""])
def test_remote_with_any_value_but_true_is_local(tmp_path, monkeypatch, capsys, value):
    in_project(tmp_path, monkeypatch)
    assert run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local").returncode == 0
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", f"--remote={value}")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [{"name": "k"}]


@pytest.mark.parametrize("value", ["yes", "1", ""])
def test_kv_local_with_another_value_is_refused_naming_it(tmp_path, monkeypatch, capsys, value):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", f"--local={value}")
    assert run.returncode == 1
    assert run.stderr == (
        "✘ [ERROR] workers-env kv works on local state only (Miniflare's layout under --persist-to); "
        f"--local={value} is false as wrangler reads it (every value but `true` is), so wrangler would reach your "
        "Cloudflare account: write --local for the local state, or use `wrangler kv ... --remote` for that.\n\n\n")
    assert run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local").stdout == "[]\n"  # nothing written


def test_kv_preview_with_another_value_is_false(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch, 'name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "prod"\npreview_id = "dev"\n')
    run = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--preview=maybe")
    assert run.returncode == 0, run.stderr
    assert '(id: "prod")' in run.stdout  # not the preview namespace


def test_install_skills_with_another_value_runs_the_command(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--install-skills=yes")
    assert (run.returncode, run.stdout) == (0, "[]\n")
