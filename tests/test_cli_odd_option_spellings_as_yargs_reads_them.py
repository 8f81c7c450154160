"""Option spellings yargs-parser reads its own way (wrangler 4.164.0, measured): ``--cwd``
followed by an option has no value (``Not enough arguments following: cwd``), a lone ``-_``
adds the word ``true`` (``Unknown argument: true``; a word after it stays a word), and
``---binding`` is the key ``-binding`` with its camelCase alias ``binding``."""

from __future__ import annotations

from tests.cli_helpers import in_project, run_main


def first(stderr: str) -> str:
    return stderr.partition("\n")[0].removeprefix("✘ [ERROR] ")


def test_cwd_before_an_option_has_no_value(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--cwd", "--foo")
    assert run.returncode == 1
    assert run.stderr.startswith("✘ [ERROR] Not enough arguments following: cwd\n")
    assert "usage: workers-env kv key list" in run.stdout


def test_a_lone_underscore_option_is_the_word_true(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-_")
    assert (run.returncode, first(run.stderr)) == (1, "Unknown argument: true")  # not --local's value
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "-_", "x")
    assert first(run.stderr) == "Unknown argument: x"
    run = run_main(capsys, "kv", "key", "get", "-_", "--binding", "KV", "--local")
    assert (run.returncode, run.stdout) == (0, "Value not found\n")  # the key `true`


def test_three_dashes_name_the_key_with_its_dash(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "list", "---binding", "KV", "--local")
    assert first(run.stderr) == "Unknown arguments: -binding, binding"
    run = run_main(capsys, "kv", "key", "list", "--local", "---binding", "KV", "---zzz")
    assert first(run.stderr) == "Unknown arguments: -binding, binding, -zzz, zzz"
