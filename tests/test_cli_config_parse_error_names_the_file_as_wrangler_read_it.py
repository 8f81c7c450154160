"""A config's syntax error names the file as wrangler 4.164.0 names it (``file:line:column:``
under the message): the config found by searching by its absolute path, a ``-c`` file as given
(measured with ``wrangler kv key list`` run in the config's folder, in a folder below it, and
with ``-c wrangler.toml`` / ``-c ../wrangler.toml``). It was always relative to the current
folder. The ``Processing <file> configuration:`` heading of a config's other problems stays
relative, as wrangler's."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TEXT = 'name = "x"\nmain = \n'
MARK = "\n      2 │ main = \n        ╵        ^\n\n\n"


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "wrangler.toml").write_text(TEXT)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def error_of(capsys, argv):
    assert main(argv) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize("where, config, shown", [
    (".", [], "{app}/wrangler.toml"),
    ("sub", [], "{app}/wrangler.toml"),
    (".", ["-c", "wrangler.toml"], "wrangler.toml"),
    ("sub", ["-c", "../wrangler.toml"], "../wrangler.toml"),
], ids=["found here", "found above", "-c here", "-c above"])
def test_named_as_read(app, monkeypatch, capsys, where, config, shown):
    monkeypatch.chdir(app / where)
    name = shown.format(app=app.resolve())
    for argv in (["kv", "key", "list", "--binding", "KV"], ["d1", "execute", "DB", "--local", "--command", "select 1"]):
        err = error_of(capsys, [*argv, *config])
        assert err == f"✘ [ERROR] Invalid TOML document: invalid value\n\n    {name}:2:7:{MARK}", argv


def test_validate_finds_it_so_too(app, capsys):
    assert main(["validate"]) == 1
    assert capsys.readouterr().out.startswith(
        f"Invalid TOML document: invalid value\n\n    {app.resolve() / 'wrangler.toml'}:2:7:\n")
