"""``kv ... --local --no-persist-to``: yargs gives ``--persist-to`` false, and wrangler 4.164.0's
``getLocalPersistencePath(false)`` is no folder at all -- Miniflare's in-memory storage
(measured: ``kv key list`` in a project holding keys prints ``[]``, ``kv bulk get`` reads
``null``, a ``kv key put`` is not kept). ``dev --no-persist-to`` (wrangler dev's state in memory
too) is refused in words: ``workers-env dev`` keeps its state on disk."""

from __future__ import annotations

import json

from tests.cli_helpers import in_project, run_main


def test_reads_none_of_the_state_on_disk(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    assert run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local").returncode == 0
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local", "--no-persist-to")
    assert (run.returncode, json.loads(run.stdout)) == (0, [])
    (tmp_path / "keys.json").write_text('["k"]')
    run = run_main(capsys, "kv", "bulk", "get", "keys.json", "--binding", "KV", "--local", "--no-persistTo")
    assert (run.returncode, json.loads(run.stdout)) == (0, {"k": {"value": None}})


def test_writes_nothing_to_disk(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-persist-to")
    assert run.returncode == 0
    assert 'Writing the value "v" to key "k"' in run.stdout
    assert not (tmp_path / ".wrangler").exists()  # (as wrangler's: measured)
    run = run_main(capsys, "kv", "key", "list", "--binding", "KV", "--local")
    assert json.loads(run.stdout) == []


def test_dev_refuses_it_in_words(tmp_path, monkeypatch, capsys):
    in_project(tmp_path, monkeypatch)
    run = run_main(capsys, "dev", "--no-persist-to")
    assert run.returncode == 1
    assert "in memory" in run.stderr and "--persist-to" in run.stderr
    assert not (tmp_path / ".wrangler").exists()
