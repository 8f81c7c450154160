"""The D1 account commands (``d1 create|info|list|delete|insights|time-travel``) check their
lines as wrangler 4.164.0 does before it reads the config: yargs' errors -- a missing name, a word
or option too many, a value out of ``--location``'s, ``--jurisdiction``'s or ``insights``' choices
(all in one ``Invalid values``), an option given twice -- with the command's help, exit 1;
``time-travel restore``'s ``validateArgs`` (``--timestamp`` or ``--bookmark``, not both) without
it. An option with a default given bare is its default (``insights --sort-type``), one without
is ``""`` (``create --location``: out of its choices); numbers are yargs' ``Number()``, so
``insights --limit abc`` goes on to the refusal. ``WRANGLER_D1_EXTRA_LOCATION_CHOICES`` adds
locations. Measured: ``tools/wrangler/d1_account_differential.py``."""

from __future__ import annotations

import pytest

from workers_env.cli import main


@pytest.fixture(autouse=True)
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "x"\ncompatibility_date = "2025-01-01"\n')
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("WRANGLER_LOG", raising=False)
    monkeypatch.delenv("WRANGLER_D1_EXTRA_LOCATION_CHOICES", raising=False)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["d1", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


LOCATIONS = 'Choices: "weur", "eeur", "apac", "oc", "wnam", "enam"'


@pytest.mark.parametrize(("argv", "message"), [
    (["create"], "Not enough non-option arguments: got 0, need at least 1"),
    (["time-travel", "restore", "--bookmark", "b"], "Not enough non-option arguments: got 0, need at least 1"),
    (["create", "a", "b"], "Unknown argument: b"),
    (["list", "extra"], "Unknown argument: extra"),
    (["delete", "db", "--bogus", "1"], "Unknown argument: bogus"),
    (["create", "x", "--location", "moon"], f'Invalid values:\n\n    Argument: location, Given: "moon", {LOCATIONS}'),
    (["create", "x", "--location"], f'Invalid values:\n\n    Argument: location, Given: "", {LOCATIONS}'),
    (["create", "x", "--location", "moon", "--jurisdiction", "mars"],
     f'Invalid values:\n\n    Argument: location, Given: "moon", {LOCATIONS}\n'
     '    Argument: jurisdiction, Given: "mars", Choices: "eu", "fedramp", "us"'),
    (["insights", "--sort-by", "size", "--sort-direction", "up"],
     'Invalid values:\n\n    Argument: sort-by, Given: "size", Choices: "time", "reads", "writes", "count"\n'
     '    Argument: sort-direction, Given: "up", Choices: "ASC", "DESC"'),
    (["create", "x", "--location", "weur", "--location", "eeur"],
     'The argument "--location" expects a single value, but received multiple: ["weur","eeur"].'),
    (["insights", "--limit", "1", "--limit", "2"],
     'The argument "--limit" expects a single value, but received multiple: [1,2].'),
])
def test_a_mistake_gets_yargs_error_and_the_help(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 1 and err == f"✘ [ERROR] {message}\n\n\n"
    command = " ".join(word for word in argv[:2] if word in ("create", "list", "delete", "insights", "time-travel",
                                                             "restore"))
    assert out.startswith(f"\nusage: workers-env d1 {command} ")


@pytest.mark.parametrize(("argv", "message"), [
    (["time-travel", "restore", "db"], "Missing required option --timestamp or --bookmark. Provide --timestamp to "
     "restore to a point in time (e.g. --timestamp=2023-07-13T08:46:42.228Z), or --bookmark to restore to a specific "
     "bookmark."),
    (["time-travel", "restore", "db", "--bookmark", ""], "Missing required option --timestamp or --bookmark."),
    (["time-travel", "restore", "db", "--timestamp", "1", "--bookmark", "b"],
     "Cannot use --timestamp and --bookmark together. Provide only one: --timestamp to restore to a point in time, "
     "or --bookmark to restore to a specific bookmark."),
    # before the config, which wrangler would fail to read given --no-config
    (["time-travel", "restore", "db", "--no-config"], "Missing required option --timestamp or --bookmark."),
])
def test_restores_own_checks_come_without_the_help(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "\n") and err.startswith(f"✘ [ERROR] {message}")


@pytest.mark.parametrize("argv", [
    ["insights", "--sort-type"], ["insights", "--time-period"], ["insights", "--limit"], ["insights", "--limit", "abc"],
    ["insights", "--no-limit"], ["insights", "--count", "3"], ["create", "x", "--binding"],
    ["time-travel", "restore", "db", "--timestamp=", "--bookmark=b"], ["list", "--json", "--json"],
])
def test_what_yargs_takes_goes_on_to_the_refusal(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "\n") and err.startswith(f"✘ [ERROR] `d1 {argv[0]}")


def test_extra_location_choices_come_from_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("WRANGLER_D1_EXTRA_LOCATION_CHOICES", "moon,sun")
    assert run(capsys, "create", "x", "--location", "moon")[2].startswith("✘ [ERROR] `d1 create`")
    err = run(capsys, "create", "x", "--location", "mars")[2]
    assert f'Given: "mars", {LOCATIONS}, "moon", "sun"' in err


def test_the_groups_alone_print_their_help(capsys):
    code, out, err = run(capsys, "time-travel")
    assert (code, err) == (0, "") and out.startswith("usage: workers-env d1 time-travel ")
    assert "    info" in out and "    restore" in out
    code, out, err = run(capsys)
    listed = [line.split()[0] for line in out.splitlines() if line.startswith("    ") and not line.startswith("     ")]
    assert listed == ["create", "info", "list", "delete", "execute", "export", "time-travel", "migrations", "insights"]
