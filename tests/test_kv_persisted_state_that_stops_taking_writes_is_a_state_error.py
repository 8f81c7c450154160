"""A KV state file that stops taking writes while a namespace is open (its write-ahead log made
immutable under it by ``unwritable_helpers``) fails the write with a
``StateError`` naming the file, SQLite's reason and what to check, pinned whole; nothing is
written and reads still answer. Texts of workers-env's own: production keeps no local state."""

from __future__ import annotations

from pathlib import Path

import pytest
from unwritable_helpers import allow_writes, refuse_writes

from workers_env import StateError, load_env


def test_a_write_the_write_ahead_log_no_longer_takes_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text('name = "k"\n[[kv_namespaces]]\nbinding = "KV"\nid = "ns-1"\n')
    with load_env(tmp_path, persist_to=tmp_path / "state") as env:
        env.KV.put_sync("k", "v")
        (state_file,) = (tmp_path / "state" / "v3" / "kv").glob("miniflare-*/*.sqlite")
        wal = state_file.with_name(state_file.name + "-wal")
        refuse_writes(wal, already_open=True)
        try:
            with pytest.raises(StateError) as info:
                env.KV.put_sync("k2", "v")
            assert env.KV.get_sync("k") == "v"
        finally:
            allow_writes(wal)
    assert str(info.value) == (f"the local KV state at {state_file}: disk I/O error; check that the file is writable "
                               "and a KV state file; nothing was changed")
