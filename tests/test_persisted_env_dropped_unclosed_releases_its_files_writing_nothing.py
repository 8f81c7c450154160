"""An env built with ``persist_to`` and dropped without ``close()`` releases its SQLite files
(KV, Vectorize, D1) when collected -- no descriptor left open, no ``ResourceWarning: unclosed
database`` on CPython 3.13 on -- and writes nothing more: a Vectorize snapshot is ``close()``'s
alone, while everything written before is in the state."""

from __future__ import annotations

import asyncio
import gc
import os
import warnings
from pathlib import Path

import pytest

import workers_env
from workers_env.vectorize import persistent

CONFIG = """name = "w"
compatibility_date = "2026-05-01"
[[kv_namespaces]]
binding = "KV"
id = "abc"
[[vectorize]]
binding = "VEC"
index_name = "idx"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "00000000-0000-4000-8000-000000000001"
"""
INDEXES = {"idx": {"dimensions": 3, "metric": "cosine"}}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(persistent, "SNAPSHOT_MIN_BYTES", 1)  # every index that changed gets one on close()
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    return tmp_path


def open_files_under(folder: Path) -> list[str]:
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(str(folder)):
            found.append(target)
    return found


def snapshots(state: Path) -> list[Path]:
    return sorted(state.rglob("*.wevs"))


def write_some(project: Path, state: Path) -> None:
    env = workers_env.load_env(project, persist_to=state, indexes=INDEXES)

    async def writes() -> None:
        await env.KV.put("k", "v")
        await env.VEC.upsert([{"id": "a", "values": [1.0, 0.0, 0.0]}])
        await env.DB.prepare("CREATE TABLE t (x)").run()

    asyncio.run(writes())
    assert open_files_under(state)  # the three states are open while the env lives


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc to see the open files")
def test_a_dropped_env_closes_its_files_and_writes_no_snapshot(project: Path) -> None:
    state = project / "state"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        write_some(project, state)  # the env is dropped when the function returns
        gc.collect()
    assert open_files_under(state) == []
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert snapshots(state) == []  # collection wrote nothing
    with workers_env.load_env(project, persist_to=state, indexes=INDEXES) as env:  # what was written is there
        assert asyncio.run(env.KV.get("k")) == "v"
        assert asyncio.run(env.VEC.getByIds(["a"]))[0]["id"] == "a"
    assert len(snapshots(state)) == 1  # close() writes the snapshot it promises
