"""``--`` on a command's line: the words after it are never read as options, even with a
command's positionals between its options (argparse's intermixed reading, used for those, took
``--binding KV`` after ``--`` as an option); a key spelt like an option is given after ``--``,
as before wrangler's global options were read anywhere on the line."""

from __future__ import annotations

from workers_env.cli import main


def _project(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    monkeypatch.chdir(tmp_path)


def test_options_after_the_double_dash_are_not_read(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    assert main(["kv", "key", "put", "list", "v", "--binding", "KV", "--local"]) == 0
    capsys.readouterr()
    assert main(["kv", "key", "get", "--", "list", "--binding", "KV", "--local"]) == 1
    assert capsys.readouterr().err == "✘ [ERROR] Unknown arguments: binding, local\n\n\n"


def test_a_key_spelt_like_an_option_after_the_double_dash(tmp_path, monkeypatch, capsys):
    _project(tmp_path, monkeypatch)
    assert main(["kv", "key", "put", "--binding", "KV", "--local", "--", "-x", "y"]) == 0
    capsys.readouterr()
    assert main(["kv", "key", "get", "--binding", "KV", "--local", "--", "-x"]) == 0
    assert capsys.readouterr().out == "y"  # the value as stored, no newline added
