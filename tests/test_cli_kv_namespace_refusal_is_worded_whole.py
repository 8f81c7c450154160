"""``kv namespace create|list|delete|rename``'s refusal is one error line, worded whole: what the
command does in the Cloudflare account (each its own words), that wrangler logs in to do it and
workers-env, offline, does not, the wrangler command to run, and what works locally instead.
audit30: the words naming what each command does were pinned by no test (only the line's ends
were)."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = 'name = "x"\ncompatibility_date = "2025-01-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
LOCALLY = ("running locally needs no namespace made first: `workers-env dev` and `workers-env kv key ...` keep each "
           "kv_namespaces binding's keys under the namespace wrangler dev binds (its preview_id, else its id, else "
           "the binding's name), whatever the value")


@pytest.mark.parametrize(("argv", "does"), [
    (["create", "LINKS"], "creates a namespace"),
    (["list"], "lists the namespaces"),
    (["delete", "--binding", "KV"], "deletes a namespace"),
    (["rename", "old", "--new-name", "new"], "renames a namespace"),
])
def test_each_commands_refusal_says_what_it_does_in_the_account(tmp_path, monkeypatch, capsys, argv, does):
    (tmp_path / "wrangler.toml").write_text(TOML)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)
    assert main(["kv", "namespace", *argv]) == 1
    command = argv[0]
    assert capsys.readouterr().err == (
        f"✘ [ERROR] `kv namespace {command}` {does} in your Cloudflare account through its API, which wrangler logs "
        f"in to (CLOUDFLARE_API_TOKEN) and workers-env, working offline, does not: run `wrangler kv namespace "
        f"{command}` for it; {LOCALLY}\n\n\n")
