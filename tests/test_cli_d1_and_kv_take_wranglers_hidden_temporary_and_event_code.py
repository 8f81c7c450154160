"""wrangler 4.164.0 gives every ``d1`` and ``kv`` command (``behaviour.supportTemporary``) the
hidden ``--temporary`` and ``--event-code``; ``vectorize`` and ``ai`` have neither (``Unknown
argument: temporary``). ``--temporary`` changes nothing here: a local command runs as without it,
an account's command is refused where wrangler would log in (wrangler makes a temporary account
there, over the network). ``--event-code`` is read as wrangler reads it -- its coerce refuses an
empty or blank value, two values and ``--no-event-code`` (JavaScript's ``value.trim is not a
function``), after a missing positional and before an unknown argument, with the help; bare it
is ``Not enough arguments following``; without ``--temporary`` it is ``--event-code requires
--temporary.`` with the help, after the ``Resource location`` lines and before the config is read.
Measured: tools/wrangler/d1_account_differential.py and cli_layout_differential.py (``temporary ::``)."""

from __future__ import annotations

import re

import pytest

from workers_env.cli import main

DURATION = re.compile(r'"duration": [0-9.e+-]+')  # d1 execute's own timing

CONFIG = ('name = "x"\ncompatibility_date = "2025-01-01"\n'
          '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n'
          '[[kv_namespaces]]\nbinding = "KV"\nid = "abc123"\n')


@pytest.fixture(autouse=True)
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out = capsys.readouterr()
    return code, DURATION.sub("<duration>", out.out), out.err


LOCATION = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n"


@pytest.mark.parametrize("argv", [
    ["d1", "execute", "DB", "--command", "select 1 as one"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local"],
    ["kv", "key", "get", "k", "--binding", "KV", "--local", "--text"],
])
def test_temporary_changes_nothing_on_a_local_command(capsys, argv):
    plain = run(capsys, *argv)
    assert run(capsys, *argv, "--temporary") == plain
    assert run(capsys, *argv, "--temporary", "--event-code", "conf") == plain
    assert plain[0] == 0


@pytest.mark.parametrize("argv", [["d1", "list"], ["d1", "create", "x"], ["kv", "namespace", "list"]])
def test_temporary_on_an_account_command_is_its_refusal(capsys, argv):
    code, out, err = run(capsys, *argv, "--temporary")
    assert (code, out) == (1, "\n") and err.startswith("✘ [ERROR] `") and "working offline, does not" in err


@pytest.mark.parametrize(("argv", "message"), [
    (["d1", "list", "--event-code="], "--event-code cannot be empty."),
    (["d1", "list", "--temporary", "--event-code", " "], "--event-code cannot be empty."),
    (["d1", "list", "--temporary", "--event-code", "a", "--event-code", "b"], "--event-code expects a single value."),
    (["d1", "list", "--no-event-code"], "value.trim is not a function"),
    (["d1", "list", "--event-code"], "Not enough arguments following: event-code"),
    (["d1", "list", "--event-code=", "--bogus"], "--event-code cannot be empty."),  # the coerce first
    (["d1", "list", "--bogus", "--event-code", "x"], "Unknown argument: bogus"),  # yargs before the handler
    (["d1", "create", "--event-code="], "Not enough non-option arguments: got 0, need at least 1"),
    (["d1", "list", "--event-code", "x"], "--event-code requires --temporary."),
    (["d1", "list", "--temporary=yes", "--event-code", "x"], "--event-code requires --temporary."),  # yes is false
    (["kv", "namespace", "create", "n", "--event-code", "x"], "--event-code requires --temporary."),
    (["kv", "key", "list", "--binding", "KV", "--no-temporary", "--event-code", "x"],
     "--event-code requires --temporary."),
    (["vectorize", "list", "--temporary"], "Unknown argument: temporary"),
    (["ai", "models", "list", "--event-code", "x"], "Unknown arguments: event-code, eventCode"),
])
def test_a_mistake_is_wranglers_with_the_help(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and err == f"✘ [ERROR] {message}\n\n\n"
    assert out.startswith("\nusage: workers-env ")


def test_requires_temporary_comes_after_the_resource_location_lines(capsys):
    code, out, err = run(capsys, "d1", "execute", "DB", "--command", "select 1", "--event-code", "x")
    assert code == 1 and err == "✘ [ERROR] --event-code requires --temporary.\n\n\n"
    assert out.startswith(f"{LOCATION}\n\nusage: workers-env d1 execute ")
    # d1 execute --json prints no such lines; kv key put prints them after its own checks
    assert run(capsys, "d1", "execute", "DB", "--command", "select 1", "--json", "--event-code", "x")[1].startswith(
        "\nusage: ")
    code, out, err = run(capsys, "kv", "key", "put", "k", "--binding", "KV", "--local", "--event-code", "x")
    assert code == 1 and err.startswith("✘ [ERROR] Missing required option: exactly one of <value> and --path")


def test_requires_temporary_comes_before_the_config_is_read(capsys, tmp_path):
    (tmp_path / "wrangler.toml").write_text("name = \n")  # a config wrangler cannot parse
    assert run(capsys, "d1", "list", "--event-code", "x")[2] == "✘ [ERROR] --event-code requires --temporary.\n\n\n"
    assert "wrangler.toml" in run(capsys, "d1", "list", "--temporary", "--event-code", "x")[2]


def test_restores_own_checks_come_first(capsys):
    code, out, err = run(capsys, "d1", "time-travel", "restore", "DB", "--event-code", "x")
    assert (code, out) == (1, "\n") and err.startswith("✘ [ERROR] Missing required option --timestamp or --bookmark.")


def test_the_options_are_hidden_from_the_help(capsys):
    for argv in (["d1", "list"], ["d1", "execute"], ["kv", "key", "put"], ["kv", "namespace", "create"]):
        with pytest.raises(SystemExit):
            main([*argv, "--help"])
        out = capsys.readouterr().out
        assert out.startswith("usage: ") and "--temporary" not in out and "--event-code" not in out
