"""The D1 account commands' help says what wrangler 4.164.0's does (``wrangler d1 insights
--help``: ``Choose the operation you want to sort insights by``, ``Choose the field you want to
sort insights by``, ``Choose a sort direction``, ``fetch insights about the first X queries``,
``return output as JSON``, each default named), and its closing line -- ``This command acts on
remote D1 Databases.``, ``time-travel``'s with wrangler's Time Travel address -- with what
workers-env does: refuse it where wrangler logs in. audit31."""

from __future__ import annotations

import pytest

from workers_env.cli import main

REMOTE = ("This command acts on remote D1 Databases: workers-env, working offline, refuses it where wrangler logs in "
          "(CLOUDFLARE_API_TOKEN).")
TIME_TRAVEL = ("This command acts on remote D1 Databases: workers-env, working offline, refuses it\n"
               "where wrangler logs in (CLOUDFLARE_API_TOKEN).\n\n"
               "For more information about Time Travel, see\nhttps://developers.cloudflare.com/d1/reference/time-travel/\n")


def _help(capsys, monkeypatch, *argv: str) -> str:
    monkeypatch.setenv("COLUMNS", "200")  # (one line each: argparse wraps at the terminal's width)
    with pytest.raises(SystemExit) as ended:
        main(["d1", *argv, "--help"])
    assert ended.value.code == 0
    return capsys.readouterr().out


def test_insights_options_read_as_wranglers(capsys, monkeypatch):
    out = _help(capsys, monkeypatch, "insights")
    for line in ("Choose the operation you want to sort insights by (default: sum)",
                 "Choose the field you want to sort insights by (default: time)",
                 "Choose a sort direction (default: DESC)", "fetch insights about the first X queries (default: 5)",
                 "return output as JSON"):
        assert line in out, line
    assert out.endswith(f"\n{REMOTE}\n")


@pytest.mark.parametrize("command", [["create"], ["info"], ["list"], ["delete"]])
def test_the_account_commands_end_with_the_remote_line(capsys, monkeypatch, command):
    assert _help(capsys, monkeypatch, *command).endswith(f"\n{REMOTE}\n")


@pytest.mark.parametrize("command", ["info", "restore"])
def test_time_travel_ends_with_its_address(capsys, monkeypatch, command):
    assert _help(capsys, monkeypatch, "time-travel", command).endswith(f"\n\n{TIME_TRAVEL}")
