"""A user's mistake on the command line ends in a clear message and exit 1, never a Python
traceback, and changes nothing -- the cases a sweep of the CLI against wrangler 4.164.0 turned
up (files that are not UTF-8, nesting too deep to parse, a file where a folder goes, a damaged
state file, bytes that are not UTF-8 in an argument, an output that cannot be written)."""

from __future__ import annotations

import errno
import io
import json
import sys

import pytest

from workers_env.cli import main

TOML = ('name = "x"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'
        '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "d1id"\n')


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    monkeypatch.chdir(root)
    return root


def err_of(capsys) -> str:
    text = capsys.readouterr().err
    assert "Traceback" not in text
    return text


def test_kv_bulk_put_reads_files_as_wrangler_does(app, capsys):
    (app / "latin.json").write_bytes('[{"key": "a", "value": "caf\xe9"}]'.encode("latin-1"))
    assert main(["kv", "bulk", "put", "latin.json", "--binding", "KV"]) == 0  # U+FFFD, as Node reads it
    capsys.readouterr()
    assert main(["kv", "key", "get", "a", "--binding", "KV"]) == 0
    assert capsys.readouterr().out == "caf\ufffd"
    (app / "deep.json").write_text("[" * 5000 + "]" * 5000)
    assert main(["kv", "bulk", "put", "deep.json", "--binding", "KV"]) == 1
    assert err_of(capsys).startswith("✘ [ERROR] Maximum call stack size exceeded\n\n  deep.json nests about 5,000 array levels deep")
    (app / "nan.json").write_text('[{"key":"b","value":NaN}]')
    assert main(["kv", "bulk", "put", "nan.json", "--binding", "KV"]) == 1
    assert err_of(capsys) == ('✘ [ERROR] InvalidSymbol\n\n    nan.json:1:20:\n'  # wrangler's layout, byte for byte
                              '      1 │ [{"key":"b","value":NaN}]\n        ╵                     ~~~\n\n\n')
    (app / "inf.json").write_text('[{"key":"b","value":1e400}]')
    assert main(["kv", "bulk", "put", "inf.json", "--binding", "KV"]) == 1
    assert 'The item at index 0 is {"key":"b","value":null}' in err_of(capsys)  # Infinity, JSON's null
    assert main(["kv", "key", "list", "--binding", "KV"]) == 0
    assert [k["name"] for k in json.loads(capsys.readouterr().out)] == ["a"]  # nothing else written


def test_kv_reports_a_broken_config_and_conflicting_options(app, capsys):
    assert main(["kv", "key", "get", "a", "--binding", "KV", "--namespace-id", "abc"]) == 1
    assert ("Conflicting options: --binding and --namespace-id cannot be used together. Please provide only one."
            in err_of(capsys))
    assert main(["kv", "key", "put", "a", "v", "--path", "f.bin", "--binding", "KV"]) == 1
    assert "Conflicting options: <value> and --path cannot be used together." in err_of(capsys)
    (app / "wrangler.toml").write_text(TOML + "[[kv_namespaces]\n")
    assert main(["kv", "key", "put", "k", "v", "--namespace-id", "abc"]) == 1  # refused, as wrangler
    text = err_of(capsys)
    assert "Invalid TOML document" in text and "without a wrangler config file" not in text
    (app / "wrangler.toml").write_text('name = "x"\nkv_namespaces = "x"\n')
    assert main(["kv", "key", "list", "--binding", "KV"]) == 1
    assert 'The field "kv_namespaces" should be an array but got "x".' in err_of(capsys)


@pytest.mark.parametrize(("name", "text", "says"), [
    ("wrangler.json", '{"name": "x", "vars": {"a": ' + "[" * 5000 + "]" * 5000 + "}}",
     "wrangler.json: it is nested too deeply (wrangler: Maximum call stack size exceeded)"),
    ("wrangler.toml", 'name = "x"\na = ' + "[" * 3000 + "]" * 3000 + "\n",
     "Invalid TOML document: document contains excessively nested structures. aborting."),
], ids=["json", "toml"])
def test_a_config_nested_too_deeply_is_a_config_error(tmp_path, monkeypatch, capsys, name, text, says):
    (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    for argv in (["validate"], ["d1", "execute", "DB", "--command", "select 1"], ["kv", "key", "list", "--binding", "KV"]):
        assert main(argv) == 1
        out = capsys.readouterr()
        assert says in out.err + out.out and "Traceback" not in out.err, argv


def test_d1_files_where_folders_go_and_damaged_state(app, capsys):
    (app / "migrations").write_text("")
    assert main(["d1", "migrations", "create", "DB", "first"]) == 1
    assert "migrations is not a folder: migrations live in a folder of .sql files" in err_of(capsys)
    (app / "pf").write_text("")
    assert main(["d1", "execute", "DB", "--local", "--persist-to", "pf", "--command", "select 1"]) == 1
    err = err_of(capsys)
    assert "cannot open the local D1 state of database" in err
    assert ": Not a directory: pf/v3/d1/miniflare-D1DatabaseObject. Check" in err and "Errno" not in err
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--persist-to", "pf"]) == 1
    err = err_of(capsys)
    assert ": Not a directory: pf/v3/kv/miniflare-KVNamespaceObject. Check" in err and "Errno" not in err
    assert main(["d1", "execute", "DB", "--command", "create table t (a)"]) == 0
    state = next((app / ".wrangler" / "state").rglob("*.sqlite"))
    for extra in state.parent.glob(state.name + "-*"):
        extra.unlink()
    state.write_bytes(b"not a database at all")
    capsys.readouterr()
    assert main(["d1", "execute", "DB", "--command", "select 1"]) == 1
    assert "file is not a database" in err_of(capsys)


def test_bytes_that_are_not_utf8_in_an_argument_become_replacement_characters(app, capsys):
    raw = "insert into t values ('caf\udce9')"  # how Python hands over the byte 0xE9 of argv
    assert main(["d1", "execute", "DB", "--command", "create table t (a)"]) == 0
    assert main(["d1", "execute", "DB", "--command", raw]) == 0  # as Node decodes wrangler's argv
    capsys.readouterr()
    assert main(["d1", "execute", "DB", "--command", "select a from t", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["results"] == [{"a": "caf\ufffd"}]


class _Full(io.StringIO):
    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_an_output_that_cannot_be_written_is_a_message(app, capsys, monkeypatch):
    full = _Full()
    monkeypatch.setattr("sys.stdout", full)
    assert main(["validate", "--json"]) == 1
    assert err_of(capsys) == "✘ [ERROR] No space left on device\n\n\n"  # wrangler's logger's layout
    assert sys.stdout is not full  # a stand-in with no descriptor is replaced by /dev/null ...
    sys.stdout.close()  # ... which a process keeps to its end: here, closed before monkeypatch restores stdout


def test_d1_and_kv_print_the_configs_warnings_as_wrangler(app, capsys):
    assert main(["d1", "execute", "DB", "--command", "select 1", "--env", "nope"]) == 0
    err = err_of(capsys)
    assert '▲ [WARNING] Processing wrangler.toml configuration:\n\n    - No environment found in configuration with name "nope".' in err
    assert main(["kv", "key", "list", "--binding", "KV", "--env", "nope"]) == 0
    assert 'No environment found in configuration with name "nope"' in err_of(capsys)
    (app / "wrangler.toml").write_text(TOML + "[env.staging]\n")
    assert main(["d1", "execute", "DB", "--command", "select 1", "--env", "staging"]) == 1
    err = err_of(capsys)
    assert ('      - "d1_databases" exists at the top level, but not on "env.staging".\n'  # wrangler 4.164.0's lines
            '        This is not what you probably want, since "d1_databases" is not inherited by environments.\n') in err
    assert "Couldn't find a D1 DB with the name or binding 'DB'" in err


def test_a_migration_that_is_not_utf8_applies_as_wrangler_reads_it(app, capsys):
    (app / "migrations").mkdir()
    (app / "migrations" / "0001_init.sql").write_bytes("CREATE TABLE t (a); INSERT INTO t VALUES ('caf\xe9');".encode("latin-1"))
    assert main(["d1", "migrations", "apply", "DB"]) == 0
    capsys.readouterr()
    assert main(["d1", "execute", "DB", "--command", "select a from t", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["results"] == [{"a": "caf\ufffd"}]
