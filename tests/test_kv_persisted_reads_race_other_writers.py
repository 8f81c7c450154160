"""Persisted KV shared by two connections (two ``load_env`` on one ``persist_to``, as two
processes or ``wrangler dev`` and a test are): a read racing the other connection's write
never loses that write and never reports a live key as missing.

Hooks place the other connection's ``put`` exactly inside the read (between reading the row
and reading its blob; between finding the row expired and dropping it), so the interleaving
happens on every run instead of by timing luck.
"""

from __future__ import annotations

from typing import Any

import pytest
from kv_helpers import KV_TOML, run

from workers_env import ManualClock, load_env
from workers_env.kv import persistent


def _two_envs(project: Any, tmp_path: Any, clock: ManualClock) -> tuple[Any, Any]:
    root = project(KV_TOML)
    return (load_env(root, persist_to=tmp_path / "state", clock=clock),
            load_env(root, persist_to=tmp_path / "state", clock=clock))


def test_a_get_while_another_connection_replaces_the_value_finds_one_of_them(
        project: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = ManualClock(1_800_000_000)
    a, b = _two_envs(project, tmp_path, clock)
    with a, b:
        run(a.KV.put("k", "old", metadata={"v": 1}))
        read_blob = persistent.MiniflareStore._read_blob
        landed: list[str] = []

        def other_writer_lands_first(store: Any, blob_id: str) -> bytes | None:
            if not landed:  # a's row is read; b's put replaces it and removes the old blob
                landed.append(blob_id)
                b.KV.put_sync("k", "new", metadata={"v": 2})  # (inside a's running loop: the sync core)
            return read_blob(store, blob_id)

        monkeypatch.setattr(persistent.MiniflareStore, "_read_blob", other_writer_lands_first)
        got = run(a.KV.getWithMetadata("k"))
        assert landed  # the hook ran inside the read
        assert got == {"value": "new", "metadata": {"v": 2}, "cacheStatus": None}


def test_a_get_dropping_an_expired_row_keeps_another_connections_fresh_write(
        project: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = ManualClock(1_800_000_000)
    a, b = _two_envs(project, tmp_path, clock)
    with a, b:
        run(a.KV.put("k", "stale", expirationTtl=60))
        clock.advance(120)
        tidy = persistent._tidy
        landed: list[str] = []

        def other_writer_lands_first(db: Any, sql: str, params: Any) -> Any:
            if not landed:  # a found the row expired; b writes a fresh value before a drops it
                landed.append(sql)
                b.KV.put_sync("k", "fresh")
            return tidy(db, sql, params)

        monkeypatch.setattr(persistent, "_tidy", other_writer_lands_first)
        assert run(a.KV.get("k")) is None  # what a read before b's write sees
        assert landed
        assert run(b.KV.get("k")) == "fresh"
        assert run(a.KV.get("k")) == "fresh"
        assert run(a.KV.list()) == {"keys": [{"name": "k"}], "list_complete": True, "cacheStatus": None}
        blobs = list((tmp_path / "state" / "v3" / "kv" / "ns-1" / "blobs").iterdir())
        assert [p.read_bytes() for p in blobs] == [b"fresh"]  # the stale value's blob is gone
