"""Each D1 account command's refusal (``d1 create|info|list|delete|insights|time-travel
info|restore``: wrangler 4.164.0 asks for ``CLOUDFLARE_API_TOKEN`` there) is one error worded
whole: what the command does in the account, that workers-env works offline, the wrangler command
to run, and what runs locally instead. audit31: the words of what each command does were pinned
for ``list`` alone."""

from __future__ import annotations

import pytest

from workers_env.cli import main

LOCALLY = ("running locally needs no database made first: `workers-env dev` and `workers-env d1 execute|export|"
           "migrations ... --local` open each d1_databases binding's local database (made at its first use under "
           ".wrangler/state/v3/d1, as wrangler dev's), whatever its database_id")


@pytest.mark.parametrize(("argv", "command", "what"), [
    (["create", "x"], "create", "creates a database"),
    (["info", "db"], "info", "reads a database's size and state"),
    (["list"], "list", "lists the databases"),
    (["delete", "db"], "delete", "deletes a database"),
    (["insights"], "insights", "reads the statistics of the queries run on your databases"),
    (["time-travel", "info", "db"], "time-travel info", "reads a database's Time Travel bookmark"),
    (["time-travel", "restore", "db", "--bookmark", "b"], "time-travel restore",
     "restores a database to a Time Travel bookmark"),
])
def test_each_refusal_says_what_the_command_does_and_what_runs_locally(tmp_path, monkeypatch, capsys, argv, command,
                                                                       what):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)
    assert main(["d1", *argv]) == 1
    assert capsys.readouterr().err == (
        f"✘ [ERROR] `d1 {command}` {what} in your Cloudflare account through its API, which wrangler logs in to "
        f"(CLOUDFLARE_API_TOKEN) and workers-env, working offline, does not: run `wrangler d1 {command}` for it; "
        f"{LOCALLY}\n\n\n")
