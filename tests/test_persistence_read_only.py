"""State that cannot be written -- a read-only state file, its folder, or both -- opens for
reading; a write says it is read-only (naming the file), changes nothing, and is never
reported as damage.

The files are made to refuse writes by ``unwritable_helpers`` (``chattr +i`` as root, ``chmod``
as another user).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from binding_helpers import WRANGLER_TOML
from unwritable_helpers import allow_writes, refuse_writes

from workers_env import StateError, load_env

DEFINITION = {"idx": {"dimensions": 3, "metric": "euclidean", "version": "v2"}}


@pytest.fixture
def state(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    root = tmp_path / "state"
    with load_env(tmp_path, indexes=DEFINITION, persist_to=root) as env:
        asyncio.run(env.IDX.upsert([{"id": f"v{i}", "values": [float(i), 1.0, 0.0]} for i in range(5)]))
    yield tmp_path, root
    folder = root / "v3" / "vectorize"
    for path in [folder, *folder.iterdir()]:
        allow_writes(path)


@pytest.mark.parametrize("what", ["file", "folder", "both"])
def test_read_only_state_is_readable_and_refuses_writes_precisely(state: tuple[Path, Path], what: str) -> None:
    config, root = state
    folder = root / "v3" / "vectorize"
    state_file = folder / "workers-env-vectorize.sqlite"
    if what in ("file", "both"):
        refuse_writes(state_file)
    if what in ("folder", "both"):
        refuse_writes(folder)
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
