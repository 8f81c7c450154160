"""KV with persist_to: Miniflare's layout (the file names wrangler uses), reopening, sharing."""

from __future__ import annotations

import contextlib
import sqlite3

from kv_helpers import KV_TOML, run

from workers_env import ManualClock, load_env
from workers_env.kv.persistent import namespace_object_id, sanitise_path


def test_object_ids_are_workerds_id_from_name():
    # read off a state folder written by wrangler 4.164.0 (`wrangler kv key put --local`, id "abc123")
    assert namespace_object_id("abc123") == "aef91bdfb405bfb5b9f6b37bb22913ea371a31a917d25e6fa469a45d2cfad734"
    assert len(namespace_object_id("MY_KV")) == 64


def test_namespace_folders_are_sanitised_like_miniflare():
    assert sanitise_path("abc123") == "abc123"
    assert sanitise_path("../x") == "__/x".replace("/", "_")
    assert sanitise_path("a:b*c") == "a_b_c"
    assert sanitise_path("con") == "_"
    assert sanitise_path(" lead") == "_lead"


def test_state_is_written_in_miniflares_layout_and_read_back(project, tmp_path):
    root = project(KV_TOML)
    state = tmp_path / "state"
    with load_env(root, persist_to=state) as env:
        run(env.KV.put("k", "value", metadata={"a": 1}, expiration=2_000_000_000))
    db_path = state / "v3" / "kv" / "miniflare-KVNamespaceObject" / f"{namespace_object_id('ns-1')}.sqlite"
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        rows = db.execute("SELECT key, blob_id, expiration, metadata FROM _mf_entries").fetchall()
    assert [(k, e, m) for k, _, e, m in rows] == [("k", 2_000_000_000_000, '{"a":1}')]
    blob = state / "v3" / "kv" / "ns-1" / "blobs" / rows[0][1]
    assert blob.read_bytes() == b"value" and len(rows[0][1]) == 80
    with load_env(root, persist_to=state) as env:
        assert run(env.KV.getWithMetadata("k")) == {"value": "value", "metadata": {"a": 1}, "cacheStatus": None}


def test_overwrite_and_delete_remove_the_old_blobs(project, tmp_path):
    state = tmp_path / "state"
    with load_env(project(KV_TOML), persist_to=state) as env:
        run(env.KV.put("k", "one"))
        run(env.KV.put("k", "two"))
        blobs = list((state / "v3" / "kv" / "ns-1" / "blobs").iterdir())
        assert [b.read_bytes() for b in blobs] == [b"two"]
        run(env.KV.delete("k"))
        assert list((state / "v3" / "kv" / "ns-1" / "blobs").iterdir()) == []


def test_expired_entries_are_dropped_from_disk(project, tmp_path):
    clock = ManualClock(1_800_000_000)
    state = tmp_path / "state"
    with load_env(project(KV_TOML), persist_to=state, clock=clock) as env:
        run(env.KV.put("k", "v", expirationTtl=60))
        run(env.KV.put("stay", "v"))
        clock.advance(60)
        assert [k.name for k in run(env.KV.list())["keys"]] == ["stay"]
    with load_env(project(KV_TOML), persist_to=state) as env:
        assert run(env.KV.get("k")) is None


def test_a_rejected_put_writes_no_blob(project, tmp_path):
    import pytest

    from workers_env import JsException

    state = tmp_path / "state"
    with load_env(project(KV_TOML), persist_to=state) as env:
        with pytest.raises(JsException):
            run(env.KV.put("k", "v", expirationTtl=5))
        # no blob, nor the blob folder: Miniflare makes it on the first write (wrangler 4.164.0's
        # `kv key put --ttl 5 --local` leaves no <namespace>/blobs either)
        assert not (state / "v3" / "kv" / "ns-1").exists()
        assert run(env.KV.list())["keys"] == []


def test_a_damaged_state_file_is_a_state_error(project, tmp_path):
    import pytest

    from workers_env import StateError

    state = tmp_path / "state"
    folder = state / "v3" / "kv" / "miniflare-KVNamespaceObject"
    folder.mkdir(parents=True)
    (folder / f"{namespace_object_id('ns-1')}.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(StateError, match="cannot open the local KV state"):
        load_env(project(KV_TOML), persist_to=state)
