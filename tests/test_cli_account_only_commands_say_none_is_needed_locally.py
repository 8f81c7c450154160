"""wrangler's commands that manage D1 databases in the Cloudflare account through its API --
``d1 create|list|info|delete|insights|time-travel`` -- have no local mode and workers-env has none
of them. Projects' READMEs have one run first, so after yargs' ``Unknown argument`` a
``(workers-env: ...)`` line says why and that running locally needs none: the local state is
keyed by what the config gives. A word no wrangler command has keeps the bare error. (``kv
namespace ...`` are commands here, refused where wrangler logs in: their own test.)"""

from __future__ import annotations

import pytest

from workers_env.cli import main


def usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 1
    out = capsys.readouterr()  # the help of the group the word is not a command of, on stdout
    assert out.out.startswith(f"\nusage: workers-env {argv[0]} ") and "Traceback" not in out.err
    return out.err


@pytest.mark.parametrize(("argv", "word", "says"), [
    (["d1", "create", "cloudflare-shop-db", "--location=apac"], "create", "workers-env d1 execute"),
    (["d1", "list"], "list", "workers-env d1 execute"),
    (["d1", "info", "db"], "info", "workers-env d1 execute"),
    (["d1", "delete", "db"], "delete", "workers-env d1 execute"),
    # wrangler 4.164.0's other two: "This command acts on remote D1 Databases." (--help)
    (["d1", "insights", "db"], "insights", "workers-env d1 execute"),
    (["d1", "time-travel", "info", "db"], "time-travel", "workers-env d1 execute"),
])
def test_an_account_only_command_is_named_as_such(tmp_path, monkeypatch, capsys, argv, word, says):
    monkeypatch.chdir(tmp_path)
    err = usage_error(argv, capsys)
    first, _, rest = err.partition("\n")
    # yargs names every word and option the group does not know, the options first
    named = [name for name in argv[1:] if name != "--location=apac"]
    listed = ["location"] * ("--location=apac" in argv) + named
    assert first == f"✘ [ERROR] Unknown argument{'s' * (len(listed) > 1)}: {', '.join(listed)}"
    assert word in named
    note = next(line for line in rest.splitlines() if line.startswith("(workers-env: "))
    assert "Cloudflare account" in note and "no local mode" in note and says in note


def test_a_word_no_wrangler_command_has_keeps_the_bare_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["kv", "namespaces", "list"]) == 1
    out = capsys.readouterr()
    assert out.err == "✘ [ERROR] Unknown arguments: namespaces, list\n\n\n"
    # wrangler 4.164.0's box, as `kv namespace list` is a command (measured)
    assert out.out.startswith('\n\n╭') and 'Did you mean "workers-env kv namespace list"?' in out.out


@pytest.mark.parametrize(("argv", "note"), [
    (["d1", "create", "db"],
     "(workers-env: `d1 create|list|info|delete|insights|time-travel` act on databases in your Cloudflare account "
     "through its API, with no local mode, so workers-env has none of them; running locally needs no database made "
     "first: `workers-env d1 execute DB --local --file schema.sql` (or `workers-env dev`) opens the d1_databases "
     "binding's local one, as `wrangler d1 execute --local` does (run the command with wrangler to deploy))"),
])
def test_the_notes_whole(tmp_path, monkeypatch, capsys, argv, note):
    monkeypatch.chdir(tmp_path)
    assert note in usage_error(argv, capsys).splitlines()
