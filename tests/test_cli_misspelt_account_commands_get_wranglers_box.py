"""The commands on the Cloudflare account (``kv namespace ...``, ``d1 create|list|...``) are
commands here, refused where wrangler logs in (their own tests), so a misspelling of one gets
yargs' bare ``Unknown argument`` and wrangler 4.164.0's "Did you mean" box suggesting it, as
wrangler's suggests its own (measured: ``d1 creat x`` is ``Did you mean "wrangler d1 create x"?``)
-- no ``(workers-env: ...)`` line. A word no command is near keeps the bare error and the help."""

from __future__ import annotations

import pytest

from workers_env.cli import main


@pytest.mark.parametrize(("argv", "unknown", "suggested"), [
    (["kv", "namespaces", "list"], "Unknown arguments: namespaces, list", "kv namespace list"),
    (["d1", "creat", "x"], "Unknown arguments: creat, x", "d1 create x"),
    (["d1", "lst"], "Unknown argument: lst", "d1 list"),
    (["d1", "time-travel", "inf", "db"], "Unknown arguments: inf, db", "d1 time-travel info db"),
])
def test_a_misspelt_account_command_gets_the_box(tmp_path, monkeypatch, capsys, argv, unknown, suggested):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 1
    out = capsys.readouterr()
    assert out.err == f"✘ [ERROR] {unknown}\n\n\n"
    assert out.out.startswith("\n\n╭") and f'Did you mean "workers-env {suggested}"?' in out.out


def test_a_word_near_no_command_keeps_the_bare_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["d1", "zzzz"]) == 1
    out = capsys.readouterr()
    assert out.err == "✘ [ERROR] Unknown argument: zzzz\n\n\n" and out.out.startswith("\nusage: workers-env d1 ")
