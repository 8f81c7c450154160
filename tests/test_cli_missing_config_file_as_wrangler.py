"""``-c/--config`` naming a file that cannot be opened, as wrangler 4.164.0 reports it in ``kv``,
``d1`` and ``vectorize`` (each measured with ``wrangler ... --local -c nope.toml``): ``Could not
read file: <as given>``, a blank line, then Node's error indented with the path made absolute
(``ENOENT: no such file or directory, open '/abs/nope.toml'``), two blank lines (and the empty
line wrangler's handleError prints on stdout), exit 1, before any other check
of the command, nothing written -- even with a valid config in the current folder. A ``-c``
folder is still searched (ours), and a name wrangler would not read as a config keeps our text."""

from __future__ import annotations

import pytest

from workers_env.cli import main

TOML = ('name = "w"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\ncompatibility_flags = ["python_workers"]\n'
        '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "x"\n')


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML, files={"b.json": '[{"key": "a", "value": "1"}]', "afile": ""})
    monkeypatch.chdir(root)
    return root


def text(app, given: str, node: str = "ENOENT: no such file or directory", resolved: str | None = None) -> str:
    return f"✘ [ERROR] Could not read file: {given}\n\n  {node}, open '{resolved or app / given}'\n\n\n"


def nothing_written(app) -> bool:
    return sorted(p.name for p in app.iterdir()) == ["afile", "b.json", "pyproject.toml", "wrangler.toml"]


@pytest.mark.parametrize("argv", [
    ["kv", "key", "get", "k", "--binding", "KV", "--local"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local"],
    ["kv", "bulk", "put", "b.json", "--binding", "KV", "--local"],
    ["kv", "key", "list", "--namespace-id", "x", "--local"],
], ids=["key get", "key put", "bulk put", "key list --namespace-id"])
def test_kv(app, capsys, argv):
    assert main([*argv, "-c", "nope.toml"]) == 1
    out = capsys.readouterr()
    assert out.err == text(app, "nope.toml")
    location = "Resource location: local \n\nUse --remote if you want to access the remote instance.\n\n"
    assert out.out == (location if argv[2] == "put" else "") + "\n"  # put's lines come before the config is read
    assert nothing_written(app)


@pytest.mark.parametrize("argv", [
    ["d1", "execute", "DB", "--local", "--command", "select 1"],
    ["d1", "execute", "DB", "--local"],  # the config is read before --command is missed
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--file", "x.sql"],
    ["d1", "export", "DB", "--local", "--output", "o.sql"],
    ["d1", "migrations", "list", "DB", "--local"],
    ["d1", "migrations", "apply", "DB", "--local"],
    ["d1", "migrations", "create", "DB", "first"],
], ids=["execute", "execute without --command", "execute with --command and --file", "export",
        "migrations list", "migrations apply", "migrations create"])
def test_d1(app, capsys, argv):
    assert main([*argv, "-c", "nope.toml"]) == 1
    out = capsys.readouterr()
    assert out.err == text(app, "nope.toml")
    assert "Could not" not in out.out
    assert nothing_written(app)  # no o.sql, no migrations folder, no state


def test_d1_json_prints_it_as_the_plain_error(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1", "--json", "-c", "nope.toml"]) == 1
    out = capsys.readouterr()
    assert out.err == text(app, "nope.toml")
    assert out.out == "\n"  # not --json's {"error": ...}: wrangler reads the config first


@pytest.mark.parametrize("argv", [
    ["vectorize", "list"],
    ["vectorize", "create", "ix", "--dimensions", "2", "--metric", "cosine"],
    ["vectorize", "get", "ix"],
], ids=["list", "create", "get"])
def test_vectorize(app, capsys, argv):
    assert main([*argv, "-c", "nope.jsonc"]) == 1
    out = capsys.readouterr()
    assert out.err == text(app, "nope.jsonc")
    assert nothing_written(app)


@pytest.mark.parametrize(("given", "node", "resolved"), [
    ("./sub/../nope.json", "ENOENT: no such file or directory", "nope.json"),  # path.resolve's form
    ("afile/x.toml", "ENOTDIR: not a directory", "afile/x.toml"),  # a file on the way
    ("a" * 300 + ".toml", "ENAMETOOLONG: name too long", "a" * 300 + ".toml"),  # libuv's text
], ids=["normalised", "not a directory", "name too long"])
def test_nodes_error_names_the_absolute_path(app, capsys, given, node, resolved):
    for argv in (["kv", "key", "list", "--namespace-id", "x"], ["d1", "execute", "DB", "--command", "select 1"],
                 ["vectorize", "list"]):
        assert main([*argv, "--local" if argv[0] != "vectorize" else "--json", "-c", given]) == 1
        assert capsys.readouterr().err.strip("\n") == text(app, given, node, str(app / resolved)).strip("\n"), argv


def test_a_config_folder_is_still_searched(app, capsys):
    (app / "sub").mkdir()
    assert main(["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--json", "-c", "sub"]) == 0
    assert '"one": 1' in capsys.readouterr().out  # found upward from sub/: ours, wrangler reads no folder


def test_a_name_wrangler_does_not_read_as_a_config_keeps_our_text(app, capsys):
    # wrangler reads `-c nope` (no .toml/.json/.jsonc) as an empty config without opening it;
    # we say the file is not there
    assert main(["kv", "key", "list", "--namespace-id", "x", "--local", "-c", "nope"]) == 1
    assert f"Configuration file not found: {app / 'nope'}" in capsys.readouterr().err
