"""State that cannot be written -- a read-only state file, its folder, or both -- opens for
reading; a write says it is read-only (naming the file), changes nothing, and is never
reported as damage.

As root, permission bits do not stop writes, so the test makes the files immutable
(``chattr +i``) instead; as another user it uses ``chmod``.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from binding_helpers import WRANGLER_TOML

from workers_env import StateError, load_env

DEFINITION = {"idx": {"dimensions": 3, "metric": "euclidean", "version": "v2"}}


def _lock(path: Path) -> None:
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("root without chattr: cannot make a file unwritable")
        if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i is not permitted here")
    else:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _unlock(path: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    else:
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


@pytest.fixture
def state(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    root = tmp_path / "state"
    with load_env(tmp_path, indexes=DEFINITION, persist_to=root) as env:
        asyncio.run(env.IDX.upsert([{"id": f"v{i}", "values": [float(i), 1.0, 0.0]} for i in range(5)]))
    yield tmp_path, root
    folder = root / "v3" / "vectorize"
    for path in [folder, *folder.iterdir()]:
        _unlock(path)


@pytest.mark.parametrize("what", ["file", "folder", "both"])
def test_read_only_state_is_readable_and_refuses_writes_precisely(state: tuple[Path, Path], what: str) -> None:
    config, root = state
    folder = root / "v3" / "vectorize"
    state_file = folder / "workers-env-vectorize.sqlite"
    if what in ("file", "both"):
        _lock(state_file)
    if what in ("folder", "both"):
        _lock(folder)
    before = state_file.read_bytes()
    with load_env(config, indexes=DEFINITION, persist_to=root) as env:
        res = asyncio.run(env.IDX.query([4.0, 1.0, 0.0], topK=2))
        assert [m["id"] for m in res["matches"]] == ["v4", "v3"]
        assert asyncio.run(env.IDX.describe())["vectorCount"] == 5
        assert [m["id"] for m in asyncio.run(env.IDX.getByIds(["v1", "nope"]))] == ["v1"]
        for write in (
            lambda: env.IDX.upsert([{"id": "new", "values": [1.0, 2.0, 3.0]}]),
            lambda: env.IDX.insert([{"id": "new", "values": [1.0, 2.0, 3.0]}]),
            lambda: env.IDX.deleteByIds(["v1"]),
        ):
            with pytest.raises(StateError) as info:
                asyncio.run(write())
            text = str(info.value)
            assert str(state_file) in text and "read-only" in text and "damaged" not in text
        assert asyncio.run(env.IDX.describe())["vectorCount"] == 5  # nothing changed in memory
    assert state_file.read_bytes() == before  # nor on disk
