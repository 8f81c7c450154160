"""``workers-env dev`` with an option given no value says what wrangler dev 4.164.0 says
(measured, each alone at the end of the line): an option declared with choices and no type
(``--upstream-protocol``, ``--log-level``) is read by yargs as a boolean flag, ``true``, which
its choices refuse -- ``Invalid values: Argument: upstream-protocol, Given: true, Choices:
...`` (workers-env said "Not enough arguments following"); several such options are one
``Invalid values`` with a line each, in the line's order; a string option that requires its
argument is "Not enough arguments following"; ``--port``, ``--ip`` and ``--local-upstream``
alone start dev as if not given."""

from __future__ import annotations

import pytest

from tests.cli_helpers import in_project, run_main

PROTOCOL = 'Argument: upstream-protocol, Given: true, Choices: "http", "https"'
LEVEL = 'Argument: log-level, Given: true, Choices: "debug", "info", "log", "warn", "error", "none"'


@pytest.mark.parametrize(("line", "lines"), [
    (["--upstream-protocol"], [PROTOCOL]),
    (["--log-level"], [LEVEL]),
    (["--upstream-protocol", "--log-level"], [PROTOCOL, LEVEL]),
    (["--log-level", "--upstream-protocol"], [LEVEL, PROTOCOL]),
    (["--upstream-protocol", "https", "--log-level"], [LEVEL]),
    (["--upstream-protocol", "ftp", "--log-level", "x"],
     ['Argument: upstream-protocol, Given: "ftp", Choices: "http", "https"',
      'Argument: log-level, Given: "x", Choices: "debug", "info", "log", "warn", "error", "none"']),
    (["--upstream-protocol="], ['Argument: upstream-protocol, Given: "", Choices: "http", "https"']),
])
def test_choices_refuse_true(tmp_path, monkeypatch, capsys, line, lines):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "dev", *line)
    assert run.returncode == 1
    assert run.stderr.startswith("✘ [ERROR] Invalid values:\n\n" + "".join(f"    {text}\n" for text in lines) + "\n")


@pytest.mark.parametrize(("option", "key"), [
    ("--host", "host"), ("--routes", "routes"), ("--env", "env"), ("-e", "e"), ("--var", "var"),
    ("--persist-to", "persist-to"), ("--compatibility-date", "compatibility-date"),
    ("--compatibility-flags", "compatibility-flags"), ("--env-file", "env-file"), ("-c", "c")])
def test_a_required_argument(tmp_path, monkeypatch, capsys, option, key):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "dev", option)
    assert run.returncode == 1
    assert run.stderr.startswith(f"✘ [ERROR] Not enough arguments following: {key}\n")
