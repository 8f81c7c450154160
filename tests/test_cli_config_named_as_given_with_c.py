"""A ``-c`` config is read as given, as wrangler 4.164.0 reads it, in every command ``dev`` too:
a parse error names it as typed (``./sub/wrangler.toml``, ``sub//wrangler.toml``: Node's
``readFileSync`` path, not a normalised or absolute one), and a ``-c`` file that cannot be
opened is wrangler's ``Could not read file`` error in its logger's layout, after handleError's
empty stdout line (``dev`` said "workers-env dev: Configuration file not found" instead). A
``pyproject.toml`` next to the config is named relative to the current folder, as its other
errors name it."""

from __future__ import annotations

import pytest

from workers_env.cli import main

BROKEN = 'name = "x"\nfoo = 1\nmain = \n'
LOCATED = "✘ [ERROR] Invalid TOML document: invalid value\n\n    {}:3:7:\n      3 │ main = \n        ╵        ^\n\n\n"


@pytest.fixture
def app(tmp_path, monkeypatch):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "wrangler.toml").write_text(BROKEN)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("given", ["./sub/wrangler.toml", "sub//wrangler.toml", "sub/../sub/wrangler.toml"])
@pytest.mark.parametrize("command", [["dev"], ["d1", "execute", "DB", "--local", "--command", "select 1"],
                                     ["kv", "key", "list", "--binding", "KV"], ["vectorize", "list"]],
                         ids=["dev", "d1", "kv", "vectorize"])
def test_a_parse_error_names_the_file_as_typed(app, capsys, given, command):
    capsys.readouterr()
    assert main([*command, "-c", given]) == 1
    out = capsys.readouterr()
    assert out.err == LOCATED.format(given)
    assert out.out.endswith("\n\n") or out.out == "\n"  # d1's resource lines, then handleError's empty line


def test_dev_names_a_c_file_it_cannot_open_as_wrangler(app, capsys):
    capsys.readouterr()
    assert main(["dev", "-c", "nope.toml"]) == 1
    out = capsys.readouterr()
    assert (out.out, out.err) == ("\n", "✘ [ERROR] Could not read file: nope.toml\n\n"
                                        f"  ENOENT: no such file or directory, open '{app / 'nope.toml'}'\n\n\n")


def test_a_pyprojects_parse_error_names_it_relative_to_the_current_folder(app, capsys):
    (app / "sub" / "wrangler.toml").write_text('name = "x"\n')
    (app / "sub" / "pyproject.toml").write_text("[tool.workers-env\n")
    capsys.readouterr()
    assert main(["validate", "sub"]) == 1
    out = capsys.readouterr()
    assert "sub/pyproject.toml:1:" in out.out + out.err
    assert str(app) not in out.out + out.err
