"""wrangler's global ``--cwd DIR``: any command runs as if started in ``DIR`` (its config found
from there, its state beside that config), wherever the flag stands; given twice it is refused,
a folder that is not there is reported as wrangler 4.164.0 reports it, then named; the caller's folder is left as it was."""

from __future__ import annotations

import json
import os

from workers_env.cli import main


def test_a_command_runs_as_if_started_there(tmp_path, monkeypatch, capsys):
    project = tmp_path / "apps" / "api"
    project.mkdir(parents=True)
    (project / "wrangler.toml").write_text('name = "api"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--cwd", "apps/api"]) == 0
    assert (project / ".wrangler" / "state" / "v3" / "kv").is_dir()  # state beside that config
    assert os.getcwd() == str(tmp_path)
    capsys.readouterr()
    assert main(["kv", "key", "list", "--cwd=apps/api", "--binding", "KV", "--local"]) == 0
    assert [key["name"] for key in json.loads(capsys.readouterr().out)] == ["k"]


def test_twice_or_missing_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["vectorize", "list", "--cwd", ".", "--cwd", "/"]) == 1
    assert capsys.readouterr().err == (
        '✘ [ERROR] The argument "--cwd" expects a single value, but received multiple: [".","/"].\n\n\n')
    assert main(["vectorize", "list", "--cwd", "nowhere"]) == 1
    out = capsys.readouterr()  # as wrangler 4.164.0's handleError reports Node's ENOENT (whose path
    # is the folder it was started in), then workers-env's line naming the one given
    assert out.out == "\n"
    assert out.err == (
        f"✘ [ERROR] A file or directory could not be found.\n\n  \n  Missing file or directory: {tmp_path}\n  \n"
        "  This is typically caused by:\n    - The file or directory does not exist\n    - A typo in the file path\n"
        "    - The file was moved or deleted\n  \n  Please check the file path and try again.\n\n\n"
        "(workers-env: --cwd nowhere names no folder workers-env can enter (No such file or directory): "
        "pass an existing folder)\n")
    (tmp_path / "afile").write_text("")
    assert main(["vectorize", "list", "--cwd", "afile"]) == 1
    assert capsys.readouterr().err.startswith(f"✘ [ERROR] ENOTDIR: not a directory, chdir '{tmp_path}' -> 'afile'\n")


def test_a_bare_cwd_and_one_after_the_double_dash(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["vectorize", "list", "--cwd"]) == 1
    out = capsys.readouterr()  # a yargs error: the command's help follows on stdout
    assert out.err == "✘ [ERROR] Not enough arguments following: cwd\n\n\n"
    assert out.out.startswith("\nusage: workers-env vectorize list ")
    # after --, yargs reads no options: the command ignores `--cwd nowhere` there
    assert main(["vectorize", "list", "--", "--cwd", "nowhere"]) == 0
    assert "nowhere" not in capsys.readouterr().err


def test_every_commands_help_lists_it(capsys):
    """wrangler lists ``--cwd`` among every command's global flags; a user reading ours finds it too."""
    for argv in (["d1", "execute"], ["kv", "key", "put"], ["vectorize", "query"], ["kv"], []):
        try:
            main([*argv, "--help"])
        except SystemExit:
            pass
        assert "--cwd DIR" in capsys.readouterr().out, argv
