"""A CLI command refused for a user's mistake leaves no new state file or folder behind where
wrangler 4.164.0 leaves none (measured with ``wrangler kv ... --local``; ``wrangler vectorize``
has no local state, so there a refused command leaves nothing at all). Where wrangler does
leave the file -- ``d1 execute`` with bad SQL opens the database first -- we leave the same
one, since the state is shared with wrangler."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.cli import main

TOML = (
    '[[kv_namespaces]]\nbinding = "KV"\nid = "kvid1"\n'
    '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "mydb"\ndatabase_id = "11111111-1111-1111-1111-111111111111"\n'
)


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    monkeypatch.chdir(root)
    return root


def _everything(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


@pytest.mark.parametrize("argv", [
    ["kv", "key", "put", "", "v", "--binding", "KV"],  # Key name cannot be empty.
    ["kv", "key", "put", ".", "v", "--binding", "KV"],  # "." is not allowed as a key name.
    ["kv", "key", "get", "", "--binding", "KV"],
    ["kv", "key", "delete", "..", "--binding", "KV"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--ttl", "5"],  # wrangler leaves its SQLite file here
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--ttl", "5", "--persist-to", "elsewhere"],
    ["kv", "key", "put", "k", "v", "--binding", "NOPE"],
    ["kv", "bulk", "put", "items.json", "--binding", "KV"],  # its second item has an empty key
    ["vectorize", "insert", "idx", "--file", "v.ndjson"],  # no such index
    ["vectorize", "query", "idx", "--vector", "1", "2"],
    ["vectorize", "get", "idx"],
    ["vectorize", "delete", "idx", "--force"],
    ["vectorize", "create-metadata-index", "idx", "--property-name", "p", "--type", "string"],
    ["vectorize", "create", "idx", "--dimensions", "0", "--metric", "cosine"],
    ["d1", "execute", "nodb", "--local", "--command", "SELECT 1"],
    ["d1", "execute", "DB", "--local", "--file", "missing.sql"],
], ids=lambda argv: " ".join(a or "''" for a in argv[:4]))
def test_a_refused_command_leaves_nothing_new(app, capsys, argv):
    (app / "items.json").write_text('[{"key": "a", "value": "1"}, {"key": "", "value": "2"}]')
    (app / "v.ndjson").write_text('{"id": "a", "values": [1, 2]}\n')
    before = _everything(app)
    assert main(argv) == 1
    assert "✘ [ERROR]" in capsys.readouterr().err
    assert _everything(app) == before


def test_a_read_of_vectorize_state_that_is_not_there_makes_none(app, capsys):
    assert main(["vectorize", "list", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
    assert not (app / ".wrangler").exists()
    assert main(["vectorize", "create", "idx", "--dimensions", "2", "--metric", "cosine"]) == 0
    assert (app / ".wrangler" / "state" / "v3" / "vectorize").is_dir()


def test_kv_reads_make_the_sqlite_file_as_wrangler_but_no_blob_folder(app):
    kv = app / ".wrangler" / "state" / "v3" / "kv"
    assert main(["kv", "key", "get", "k", "--binding", "KV"]) == 0  # "Value not found"
    assert [p.name for p in kv.iterdir()] == ["miniflare-KVNamespaceObject"]
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV"]) == 0
    assert len(list((kv / "kvid1" / "blobs").iterdir())) == 1


def test_bad_sql_leaves_the_database_wrangler_leaves(app, capsys):
    assert main(["d1", "execute", "DB", "--local", "--command", "SELEC 1"]) == 1
    assert 'near "SELEC": syntax error' in capsys.readouterr().err
    made = list((app / ".wrangler" / "state" / "v3" / "d1" / "miniflare-D1DatabaseObject").glob("*.sqlite"))
    assert len(made) == 1  # as `wrangler d1 execute mydb --local --command "SELEC 1"` leaves it
