"""An index name that a state holding no index lacks gets advice that fits the command: a write
(``insert``, ``upsert``, ``create-metadata-index``) the ``vectorize create`` that makes it; a
``delete`` that there is nothing to delete; a read (``get``, ``info``, ``query``, ``get-vectors``,
``delete-vectors``, ``list-vectors``, ``list-metadata-index``, ``delete-metadata-index``) only
where an index created elsewhere lives -- creating an empty index answers none of them. Every
one still names the state file it looked in; a state holding other indexes lists them, whatever
the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.cli import main
from workers_env.vectorize.store import DB_FILENAME

ELSEWHERE = ("beside the wrangler config (wrangler.jsonc, wrangler.json or wrangler.toml), else in the folder the "
             "command ran in; --persist-to names another")
CREATE = "`workers-env vectorize create docs --dimensions N --metric cosine`"


def _empty_state(tmp_path, capsys) -> tuple[Path, Path]:
    state = tmp_path / "state"
    assert main(["vectorize", "create", "other", "--dimensions", "3", "--metric", "cosine", "--persist-to", str(state)]) == 0
    assert main(["vectorize", "delete", "other", "--force", "--persist-to", str(state)]) == 0
    capsys.readouterr()
    return state, next(state.rglob(DB_FILENAME))


def _error(capsys, state: Path, *args: str) -> str:
    (state.parent / "v.ndjson").write_text('{"id": "a", "values": [1, 0, 0]}\n')
    code = main(["vectorize", *args, "--persist-to", str(state)])
    err = capsys.readouterr().err
    assert code == 1
    return err


def test_delete_says_there_is_nothing_to_delete(tmp_path, capsys):
    state, db = _empty_state(tmp_path, capsys)
    err = _error(capsys, state, "delete", "docs", "--force")
    assert (f"✘ [ERROR] no index named 'docs' in {db}; it holds no index, so there is nothing to delete (an "
            f"index created elsewhere is in the state it was created in: {ELSEWHERE})\n") in err
    assert "vectorize create" not in err


@pytest.mark.parametrize("args", [
    ("get", "docs"), ("info", "docs"), ("query", "docs", "--vector", "1", "0", "0"),
    ("get-vectors", "docs", "--ids", "a"), ("delete-vectors", "docs", "--ids", "a"), ("list-vectors", "docs"),
    ("list-metadata-index", "docs"), ("delete-metadata-index", "docs", "--property-name", "p"),
])
def test_a_read_names_where_an_index_created_elsewhere_lives(tmp_path, capsys, args):
    state, db = _empty_state(tmp_path, capsys)
    err = _error(capsys, state, *args)
    assert (f"✘ [ERROR] no index named 'docs' in {db}; it holds no index: an index created elsewhere is in the "
            f"state it was created in ({ELSEWHERE})\n") in err
    assert "vectorize create" not in err


@pytest.mark.parametrize("args", [
    ("insert", "docs", "--file", "v.ndjson"), ("upsert", "docs", "--file", "v.ndjson"),
    ("create-metadata-index", "docs", "--property-name", "p", "--type", "string"),
])
def test_a_write_says_how_to_create_the_index(tmp_path, capsys, monkeypatch, args):
    state, db = _empty_state(tmp_path, capsys)
    monkeypatch.chdir(tmp_path)
    err = _error(capsys, state, *args)
    assert (f"no index named 'docs' in {db}; it holds no index: create it with {CREATE}, or use the state it "
            f"was created in ({ELSEWHERE})\n") in err


def test_a_state_holding_indexes_lists_them_under_delete_too(tmp_path, capsys):
    state = tmp_path / "state"
    assert main(["vectorize", "create", "docs", "--dimensions", "3", "--metric", "cosine", "--persist-to", str(state)]) == 0
    capsys.readouterr()
    err = _error(capsys, state, "delete", "doc", "--force")
    db = next(state.rglob(DB_FILENAME))
    assert f"✘ [ERROR] no index named 'doc' in {db}; it holds: docs (did you mean 'docs'?)\n" in err
