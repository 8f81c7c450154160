"""A persisted KV ``put`` whose value file fails part-way (a disk that fills while it is
written) is a :class:`~workers_env.StateError` saying nothing was changed -- and nothing is: the
part already written is removed with it, the key keeps its old value."""

from __future__ import annotations

import asyncio
import errno
from pathlib import Path
from typing import Any

import pytest

from workers_env import StateError, load_env

WRANGLER = 'name = "x"\ncompatibility_date = "2026-05-01"\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n'


def test_a_value_file_cut_off_by_a_full_disk_is_removed(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    root: Path = project(WRANGLER)
    env = load_env(root, persist_to=root / "state")
    asyncio.run(env.KV.put("k", "old"))
    blobs = root / "state/v3/kv/abc/blobs"
    before = sorted(p.name for p in blobs.iterdir())
    real_write = Path.write_bytes

    def fills_the_disk(path: Path, data: bytes) -> int:
        real_write(path, data[: len(data) // 2])  # half of it reaches the disk
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", fills_the_disk)
    with pytest.raises(StateError) as info:
        asyncio.run(env.KV.put("k", "new value " * 100))
    assert str(info.value) == (f"the local KV state at {blobs}: No space left on device; check that the folder is "
                               "writable and has room; nothing was changed")
    monkeypatch.undo()
    assert sorted(p.name for p in blobs.iterdir()) == before  # no partial file left behind
    assert asyncio.run(env.KV.get("k")) == "old"
    env.close()


def test_a_value_folder_that_cannot_be_made_is_refused(project: Any) -> None:
    root: Path = project(WRANGLER)
    env = load_env(root, persist_to=root / "state")
    asyncio.run(env.KV.put("k", "old"))
    blobs = root / "state/v3/kv/abc/blobs"
    for blob in blobs.iterdir():
        blob.unlink()
    blobs.rmdir()
    blobs.write_text("a file where the values' folder goes")
    with pytest.raises(StateError) as info:
        asyncio.run(env.KV.put("k", "new"))
    assert str(info.value) == (f"the local KV state at {blobs}: File exists: {blobs}; check that the folder is "
                               "writable; nothing was changed")
    env.close()
