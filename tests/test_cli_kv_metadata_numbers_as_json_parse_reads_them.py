"""``kv key put --metadata`` and a ``kv bulk put`` file are read by ``JSON.parse``: every number
is a double, so an integer past 2**53 is rounded and stored (the binding itself refuses an int
Pyodide would send as a BigInt), and the confirmation prints ``JSON.stringify``'s text
(``1.0`` as ``1``) -- as wrangler 4.164.0 prints it."""

from __future__ import annotations

import json

import pytest
from kv_helpers import LOCATION, run

from workers_env import load_env
from workers_env.cli import main

TOML = '[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'


@pytest.fixture
def app(project, monkeypatch):
    root = project(TOML)
    monkeypatch.chdir(root)
    return root


def _metadata(app, key: str):
    return run(load_env(app, persist_to=app / ".wrangler" / "state").KV.getWithMetadata(key)).metadata


def test_put_metadata_numbers_are_doubles(app, capsys):
    assert main(["kv", "key", "put", "k", "v", "--binding", "KV", "--local",
                 "--metadata", '{"id": 9007199254740993, "w": 1.0}']) == 0
    assert capsys.readouterr().out == (LOCATION + 'Writing the value "v" to key "k" on namespace binding: "KV" (id: "abc") '
                                       'with metadata "{"id":9007199254740992,"w":1}".\n')
    assert _metadata(app, "k") == {"id": 9007199254740992, "w": 1}


def test_bulk_file_numbers_are_doubles(app, capsys):
    (app / "b.json").write_text(json.dumps([{"key": "b", "value": "x", "metadata": {"n": 12345678901234567890}}]))
    assert main(["kv", "bulk", "put", "b.json", "--binding", "KV", "--local"]) == 0
    assert _metadata(app, "b") == {"n": 1.2345678901234567e19}
