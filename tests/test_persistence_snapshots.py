"""Snapshots: a persisted index reopens from its snapshot plus the writes committed after
it, and gives exactly what a full read of the state file gives; a snapshot that is damaged,
stale, foreign or of a deleted index is never served."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import forkserver
import numpy as np
import pytest

import workers_env
from workers_env.vectorize import persistent
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.definitions import IndexDefinition
from workers_env.vectorize.persistent import open_state

DIMS = 8
DEFINITION = IndexDefinition(DIMS, "euclidean", "v2", metadata_indexes={"tag": "string"})


@pytest.fixture(autouse=True)
def small_snapshots(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(persistent, "SNAPSHOT_MIN_BYTES", 1)  # every index gets one


def _vectors(start: int, count: int, tag: str) -> list[dict]:
    rng = np.random.default_rng(start)
    return [
        {"id": f"v{i}", "values": rng.standard_normal(DIMS).tolist(),
         "namespace": f"ns{i % 3}" if i % 2 else None,
         "metadata": {"tag": tag, "i": i} if i % 4 else None}
        for i in range(start, start + count)
    ]


def _state(root: Path, *, snapshots: bool = True) -> tuple:
    """Everything a user can read back: every vector, and a few queries."""
    store = open_state(root)
    store.db.snapshots = snapshots
    try:
        binding = VectorizeBinding(store.open_index("idx"))
        ids = sorted(binding.index.core.ids)
        got = [m for s in range(0, len(ids), 20) for m in asyncio.run(binding.getByIds(ids[s : s + 20]))]
        queries = [
            asyncio.run(binding.query([0.5] * DIMS, topK=20, returnMetadata="all", returnValues=True)),
            asyncio.run(binding.query([0.1] * DIMS, topK=20, namespace="ns1")),
            asyncio.run(binding.query([-0.5] * DIMS, topK=20, filter={"tag": "b"})),
        ]
        used = binding.index._snapshot_seq
        return (sorted(got, key=lambda m: m["id"]), queries, asyncio.run(binding.describe())["vectorCount"]), used
    finally:
        store.close()


def _snapshot_files(root: Path) -> list[Path]:
    return sorted((root / "v3" / "vectorize" / "snapshots").glob("*.wevs"))


def test_reopening_from_a_snapshot_and_later_writes_equals_a_full_read(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        binding = VectorizeBinding(store.open_index("idx", DEFINITION))
        asyncio.run(binding.upsert(_vectors(0, 120, "a")))
    assert len(_snapshot_files(tmp_path)) == 1  # written at close
    # another store (as another process would) writes after the snapshot, without one of its own
    other = open_state(tmp_path)
    other.db.snapshots = False
    binding = VectorizeBinding(other.open_index("idx"))
    asyncio.run(binding.upsert(_vectors(100, 50, "b")))  # replaces 20, adds 30
    asyncio.run(binding.deleteByIds([f"v{i}" for i in range(0, 40, 3)]))
    binding.index.create_metadata_index("i", "number")
    other._open.clear()
    other.db.close()

    from_snapshot, used = _state(tmp_path)
    assert used is not None  # the snapshot was used, then caught up
    full, used_full = _state(tmp_path, snapshots=False)
    assert used_full is None
    assert from_snapshot == full
    assert from_snapshot[2] == 150 - len(range(0, 40, 3))


@pytest.mark.parametrize("damage", ["truncate", "flip a vector byte", "flip a header byte", "empty", "foreign"])
def test_a_damaged_snapshot_is_ignored(tmp_path: Path, damage: str) -> None:
    with open_state(tmp_path) as store:
        asyncio.run(VectorizeBinding(store.open_index("idx", DEFINITION)).upsert(_vectors(0, 60, "a")))
    [snap] = _snapshot_files(tmp_path)
    data = bytearray(snap.read_bytes())
    if damage == "truncate":
        data = data[:-100]
    elif damage == "flip a vector byte":
        data[-7] ^= 0x10
    elif damage == "flip a header byte":
        data[20] ^= 0x01
    elif damage == "empty":
        data = bytearray()
    else:
        data = bytearray(b"SQLite format 3\x00" + bytes(5000))
    snap.write_bytes(bytes(data))
    got, used = _state(tmp_path)
    assert used is None  # read from SQLite instead
    assert got == _state(tmp_path, snapshots=False)[0]


def test_the_snapshot_of_a_deleted_index_is_removed_and_never_used_for_its_successor(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        asyncio.run(VectorizeBinding(store.open_index("idx", DEFINITION)).upsert(_vectors(0, 60, "a")))
    [snap] = _snapshot_files(tmp_path)
    old = snap.read_bytes()
    with open_state(tmp_path) as store:  # delete and recreate: a new index id, the old snapshot goes
        assert store.delete_index("idx")
        assert _snapshot_files(tmp_path) == []
        store.db.snapshots = False
        asyncio.run(VectorizeBinding(store.open_index("idx", DEFINITION)).upsert(_vectors(0, 5, "z")))
    snap.write_bytes(old)  # a stale file of the deleted index comes back
    got, used = _state(tmp_path)
    assert used is None and got[2] == 5


def test_a_snapshot_is_a_cache_an_unwritable_folder_does_not_stop_close(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        index = store.open_index("idx", DEFINITION)
        asyncio.run(VectorizeBinding(index).upsert(_vectors(0, 30, "a")))
        blocker = tmp_path / "v3" / "vectorize" / "snapshots"
        blocker.write_text("a file where the snapshot folder would go")  # writing fails, even as root
        assert index.save_snapshot() is False
        blocker.unlink()
        assert index.save_snapshot() is True and index.save_snapshot() is False  # unchanged since
    assert len(_snapshot_files(tmp_path)) == 1


KILLED_WRITER = """
import asyncio, os, sys
from workers_env.vectorize import persistent
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.definitions import IndexDefinition
from workers_env.vectorize.persistent import open_state
persistent.SNAPSHOT_MIN_BYTES = 1
store = open_state(sys.argv[1])
b = VectorizeBinding(store.open_index("idx", IndexDefinition(8, "euclidean", "v2", metadata_indexes={"tag": "string"})))
asyncio.run(b.upsert([{"id": f"k{i}", "values": [float(i)] * 8} for i in range(25)]))
asyncio.run(b.deleteByIds(["v1", "v2"]))
os._exit(0)  # no close: no new snapshot, the old one is now stale
"""


def test_writes_after_the_snapshot_by_a_process_that_never_closed_are_caught_up(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        asyncio.run(VectorizeBinding(store.open_index("idx", DEFINITION)).upsert(_vectors(0, 40, "a")))
    env = {**os.environ, "PYTHONPATH": str(Path(workers_env.__file__).resolve().parents[1])}
    runner = forkserver.module_folder(tmp_path / "runner", "killed_writer", KILLED_WRITER)  # (python -m of it: forked)
    done = forkserver.run([sys.executable, "-m", "killed_writer", str(tmp_path)], env=env, cwd=runner, timeout=60,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    got, used = _state(tmp_path)
    assert used is not None
    assert got == _state(tmp_path, snapshots=False)[0] and got[2] == 40 + 25 - 2


def test_a_snapshot_is_rewritten_on_close_only_when_enough_rows_changed(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        asyncio.run(VectorizeBinding(store.open_index("idx", DEFINITION)).upsert(_vectors(0, 100, "a")))
    [snap] = _snapshot_files(tmp_path)
    first = snap.read_bytes()
    with open_state(tmp_path) as store:  # 1 row of 100 changes: caught up from SQLite next time
        asyncio.run(VectorizeBinding(store.open_index("idx")).upsert(_vectors(500, 1, "b")))
    assert snap.read_bytes() == first
    got, used = _state(tmp_path)
    assert used is not None and got == _state(tmp_path, snapshots=False)[0] and got[2] == 101
    with open_state(tmp_path) as store:  # 5 rows of 101 (more than 2%): a new snapshot
        asyncio.run(VectorizeBinding(store.open_index("idx")).deleteByIds([f"v{i}" for i in range(5)]))
    assert snap.read_bytes() != first
    got, used = _state(tmp_path)
    assert used is not None and got == _state(tmp_path, snapshots=False)[0] and got[2] == 96
