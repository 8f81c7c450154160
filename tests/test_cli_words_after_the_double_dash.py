"""``--`` on a command's line: the words after it are no command's arguments, as in wrangler
4.164.0 (yargs puts them in ``_``, gives them to no positional, and its strict mode lets them
be; measured): a command ignores them, a command group prints the help of the command they
name under it (exit 0), and with no command they are ``Unknown command: a,b.`` (exit 1)."""

from __future__ import annotations

from workers_env.cli import main


def _project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(
        'name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n')
    monkeypatch.chdir(tmp_path)


def test_a_command_ignores_them(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    for key in ("ka", "kb"):
        assert main(["kv", "key", "put", key, "v", "--binding", "KV", "--local"]) == 0
    capsys.readouterr()
    assert main(["kv", "key", "list", "--binding", "KV", "--local", "--prefix", "kb", "--", "--prefix", "ka", "x"]) == 0
    assert [k["name"] for k in __import__("json").loads(capsys.readouterr().out)] == ["kb"]
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1 as x", "--", "extra"]) == 0


def test_they_fill_no_positional(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    assert main(["kv", "key", "put", "--binding", "KV", "--local", "--", "-x", "y"]) == 1
    assert capsys.readouterr().err == "✘ [ERROR] Not enough non-option arguments: got 0, need at least 1\n\n\n"
    assert main(["kv", "key", "get", "--", "list", "--binding", "KV", "--local"]) == 1
    assert "Not enough non-option arguments: got 0, need at least 1" in capsys.readouterr().err
    assert main(["kv", "key", "put", "k", "--binding", "KV", "--local", "--", "v"]) == 1
    assert "exactly one of <value> and --path must be provided" in capsys.readouterr().err


def test_after_a_command_group_the_help_of_the_command_they_name(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    assert main(["kv", "key", "--", "list", "--binding", "KV", "--local"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("usage: workers-env kv key list ") and captured.err == ""
    assert main(["kv", "--", "bogus"]) == 0
    assert capsys.readouterr().out.startswith("usage: workers-env kv ")


def test_with_no_command_an_unknown_command(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    assert main(["--", "kv", "key", "list", "--binding", "KV"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "✘ [ERROR] Unknown command: kv,key,list,--binding,KV.\n\n\n"
    assert 'Did you mean "workers-env kv"?' in captured.out and "\nusage: workers-env [-h]" in captured.out
    assert main(["--", "kv"]) == 1  # one word: its full stop keeps it from naming a command
    captured = capsys.readouterr()
    assert "Did you mean" not in captured.out and captured.out.lstrip().startswith("usage: workers-env kv ")
    assert main(["--"]) == 0
