"""``workers-env vectorize ... --local`` (or ``--remote``), written as ``d1`` and ``kv`` take it:
refused with yargs' ``Unknown argument: local`` and the command's help, as wrangler 4.164.0's
vectorize commands refuse it (they act on the account: wrangler has no local Vectorize), then a
``(workers-env: ...)`` line saying where these commands' vectors live instead. Nothing written."""

from __future__ import annotations

import pytest
from cli_helpers import run_main

NOTE = ("(workers-env: vectorize takes no --{0}, as wrangler's takes none: wrangler has no local Vectorize and its "
        "vectorize commands act on your Cloudflare account, while workers-env's always act on the local state "
        "(<persist-to>/v3/vectorize/, by default .wrangler/state beside the config), which load_env(persist_to=...) "
        "and workers-env dev read and wrangler never does: drop it)\n")


@pytest.mark.parametrize(("line", "given", "error"), [
    (["vectorize", "insert", "docs", "--file", "v.ndjson", "--local"], "local", "Unknown argument: local"),
    (["vectorize", "--remote", "list"], "remote", "Unknown argument: remote"),
    (["--local", "vectorize", "list"], "local", "Unknown arguments: local, list"),
])
def test_local_or_remote_on_vectorize_names_the_local_state(tmp_path, capsys, monkeypatch, line, given, error):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[[vectorize]]\nbinding = "VEC"\nindex_name = "docs"\n')
    (tmp_path / "v.ndjson").write_text('{"id": "a", "values": [1, 0, 0]}\n')
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, *line)
    assert result.returncode == 1
    assert result.stderr == f"✘ [ERROR] {error}\n\n\n" + NOTE.format(given)
    assert "usage: workers-env vectorize" in result.stdout
    assert not (tmp_path / ".wrangler").exists()


def test_another_unknown_option_gets_no_such_line(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_main(capsys, "vectorize", "list", "--bogus")
    assert result.returncode == 1
    assert result.stderr == "✘ [ERROR] Unknown argument: bogus\n\n\n"
