"""wrangler's warning for an unknown ``--env`` (a config without environments) ends with a
newline, which its report keeps: a blank line after the closing fence -- before the next
warning, or at the end of the block -- printed as ``  `` inside a command's warning block (an
empty note). wrangler 4.164.0 prints it so in every command and its reader returns it so
(``unstable_readConfig``); the blank line was dropped."""

from __future__ import annotations

from workers_env.cli import main

TOML = ('name = "w"\nfoo = 1\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n')
UNKNOWN = ('No environment found in configuration with name "nope".\n'
           "Before using `--env=nope` there should be an equivalent environment section in the configuration.\n"
           "\n"
           "Consider adding an environment configuration section to the wrangler.toml file:\n"
           "```\n[env.nope]\n```\n")


def indented(text: str, by: str) -> str:
    return "\n".join(by + line if line else "" for line in text.split("\n"))


def test_in_a_commands_warning_block(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1", "--env", "nope", "--json"]) == 0
    assert capsys.readouterr().err == (  # wrangler's, byte for byte
        "▲ [WARNING] Processing wrangler.toml configuration:\n"
        "\n"
        '    - No environment found in configuration with name "nope".\n'
        "      Before using `--env=nope` there should be an equivalent environment section in the configuration.\n"
        "  \n"
        "      Consider adding an environment configuration section to the wrangler.toml file:\n"
        "      ```\n"
        "      [env.nope]\n"
        "      ```\n"
        "  \n"
        '    - Unexpected fields found in top-level field: "foo"\n'
        "\n"
        "\n"
    )


def test_last_in_the_block(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML.replace("foo = 1\n", "")))
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1", "--env", "nope", "--json"]) == 0
    assert capsys.readouterr().err.endswith("      ```\n  \n\n\n")  # the blank line, then the block's end


def test_in_validate(project, monkeypatch, capsys):
    monkeypatch.chdir(project(TOML))
    assert main(["validate", "--env", "nope"]) == 0
    assert capsys.readouterr().out == (
        "Processing wrangler.toml configuration:\n"
        "  - " + indented(UNKNOWN, "    ").lstrip() + "\n"
        '  - Unexpected fields found in top-level field: "foo"\n'
        'wrangler.toml is valid (environment "nope").\n'
    )
