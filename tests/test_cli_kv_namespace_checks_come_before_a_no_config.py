"""``kv namespace delete|rename|create`` make their argument checks (wrangler's ``validateArgs``,
yargs' ``conflicts``) before a ``--no-NAME`` wrangler fails at as it reads the config: wrangler
4.164.0 answers ``kv namespace delete --no-config`` with "No KV namespace specified" and the help,
not ``configPath.endsWith is not a function`` (measured, meta55) -- as ``d1 time-travel restore``
and ``kv key put`` already did. A right line with ``--no-config`` still gets that failure."""

from __future__ import annotations

import pytest

from workers_env.cli import main


@pytest.fixture(autouse=True)
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "x"\ncompatibility_date = "2025-01-01"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)


@pytest.mark.parametrize(("argv", "message"), [
    (["delete"], "No KV namespace specified. Provide a namespace name as a positional argument, or use `--binding` "
                 "or `--namespace-id`."),
    (["rename", "--new-name", "b"], "No KV namespace specified. Provide the current namespace name as a positional "
                                    "argument, or use `--namespace-id` to identify the namespace to rename."),
    (["create", "a", "--experimental-mode", "instant", "--jurisdiction", "eu"],
     "Arguments experimental-mode and jurisdiction are mutually exclusive"),
])
def test_the_checks_error_comes_first(capsys, argv, message):
    code = main(["kv", "namespace", *argv, "--no-config"])
    out = capsys.readouterr()
    assert code == 1 and out.err.startswith(f"✘ [ERROR] {message}\n")
    assert out.out.startswith(f"\nusage: workers-env kv namespace {argv[0]} ")


def test_a_right_line_fails_at_the_config(capsys):
    assert main(["kv", "namespace", "delete", "--binding", "KV", "--no-config"]) == 1
    assert capsys.readouterr().err.startswith("✘ [ERROR] configPath.endsWith is not a function\n")
