"""A Vectorize state file damaged, unwritable or changed under a running index is refused with a
``StateError`` pinned here whole, each case built through the public API (``load_env(persist_to=
...)`` and ``workers-env vectorize``) and then broken one way: a file cut short, a header with no
database behind it, a file that cannot be read (a symbolic link to itself) or that SQLite cannot
open (under a path past its 512 bytes), a stored vector's values or metadata damaged, a state
folder that cannot be made or written, a read-only file or folder refusing a write, a write-ahead
log that stops taking writes, the write lock held past the busy timeout, an index deleted by another process,
a stored definition that no longer matches. Texts of workers-env's own: production keeps no
local state. A file or folder is made to refuse writes by ``unwritable_helpers`` (``chattr +i``
as root, ``chmod`` as another user).
"""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from binding_helpers import WRANGLER_TOML
from cli_helpers import run_main
from unwritable_helpers import allow_writes, refuse_writes

import workers_env.vectorize.store.db as state_db
from workers_env import StateError, load_env

DEFINITION = {"idx": {"dimensions": 2, "metric": "cosine", "version": "v2"}}
MOVE_AWAY = "move it away to start with empty state"



@pytest.fixture
def state(tmp_path: Path) -> Iterator[tuple[Path, Path, Path]]:
    """A project whose state holds index ``idx`` with vectors ``a`` [1, 2] and ``b`` [3, 4]:
    (project, state root, state file); whatever a test made immutable is freed after it."""
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    root = tmp_path / "state"
    with load_env(tmp_path, indexes=DEFINITION, persist_to=root) as env:
        asyncio.run(env.IDX.upsert([{"id": "a", "values": [1.0, 2.0]}, {"id": "b", "values": [3.0, 4.0]}]))
    state_file = root / "v3" / "vectorize" / "workers-env-vectorize.sqlite"
    yield tmp_path, root, state_file
    for path in [state_file.parent, *state_file.parent.iterdir()]:
        allow_writes(path)


def _refusal(project: Path, root: Path, call: Callable[[Any], object] | None = None,
             definition: dict[str, Any] = DEFINITION) -> str:
    with pytest.raises(StateError) as info:
        with load_env(project, indexes=definition, persist_to=root) as env:
            (call or (lambda env: asyncio.run(env.IDX.getByIds(["a"]))))(env)
    return str(info.value)


def _upsert(env: Any) -> None:
    asyncio.run(env.IDX.upsert([{"id": "c", "values": [1.0, 1.0]}]))


def _stored(state_file: Path, sql: str) -> None:
    conn = sqlite3.connect(state_file)
    conn.execute(sql)
    conn.commit()
    conn.close()


# -- a file that cannot be opened as state --------------------------------------------------------
def test_a_state_file_cut_short_is_refused_as_truncated(state: tuple[Path, Path, Path]) -> None:
    project, root, state_file = state
    whole = state_file.read_bytes()
    state_file.write_bytes(whole[: len(whole) // 2])
    assert _refusal(project, root) == (
        f"{state_file}: the state file is truncated ({len(whole) // 2:,} bytes; its header says {len(whole):,}): "
        f"it is damaged; {MOVE_AWAY}")


def test_an_sqlite_header_with_no_database_behind_it_is_refused_as_damaged(state: tuple[Path, Path, Path]) -> None:
    project, root, state_file = state
    state_file.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    assert _refusal(project, root) == (
        f"{state_file}: the workers-env Vectorize state file is damaged or unreadable (file is not a database); "
        f"{MOVE_AWAY}")


def test_a_state_file_that_cannot_be_read_is_refused(tmp_path: Path) -> None:
    # a symbolic link to itself: no file to create, and reading it fails (ELOOP; as root no
    # permission bit refuses a read)
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    state_file = tmp_path / "state" / "v3" / "vectorize" / "workers-env-vectorize.sqlite"
    state_file.parent.mkdir(parents=True)
    state_file.symlink_to(state_file.name)
    assert _refusal(tmp_path, tmp_path / "state") == (
        f"{state_file}: cannot read the state file: Too many levels of symbolic links")


def test_a_state_file_sqlite_cannot_open_is_refused(state: tuple[Path, Path, Path]) -> None:
    # a state copied under a path longer than SQLite's 512-byte limit: Python reads it, SQLite
    # cannot open it
    project, root, state_file = state
    deep = project / ("d" * 200) / ("e" * 200) / ("f" * 100)
    shutil.copytree(root, deep)
    moved = deep / state_file.relative_to(root)
    assert len(str(moved).encode()) > 512
    assert _refusal(project, deep) == f"{moved}: cannot open the state file: unable to open database file"


def test_a_state_folder_that_cannot_be_made_is_refused(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    (tmp_path / "state").write_text("a file where the state folder goes")
    assert _refusal(tmp_path, tmp_path / "state") == (
        f"cannot create the state folder {tmp_path / 'state' / 'v3' / 'vectorize'}: Not a directory")


def test_a_state_file_that_cannot_be_made_is_refused(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    folder = tmp_path / "state" / "v3" / "vectorize"
    folder.mkdir(parents=True)
    refuse_writes(folder)
    try:
        assert _refusal(tmp_path, tmp_path / "state") == (
            f"{folder / 'workers-env-vectorize.sqlite'}: cannot create the state file in {folder}: "
            "unable to open database file")
    finally:
        allow_writes(folder)


def test_an_empty_database_that_cannot_be_written_is_refused(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    folder = tmp_path / "state" / "v3" / "vectorize"
    folder.mkdir(parents=True)
    state_file = folder / "workers-env-vectorize.sqlite"
    _stored(state_file, "CREATE TABLE t (x)")
    _stored(state_file, "DROP TABLE t")  # an SQLite database with nothing in it
    refuse_writes(state_file)
    try:
        assert _refusal(tmp_path, tmp_path / "state") == (
            f"{state_file}: an empty state file that cannot be initialised: no permission to write {state_file}")
    finally:
        allow_writes(state_file)


# -- a stored vector damaged ---------------------------------------------------------------------------
DAMAGED_ROWS = {
    "values cut short": ("UPDATE vectors SET vals = x'0000803f' WHERE id = 'a'",
                         "vector 'a' of index 'idx' has damaged values (expected 2 float32 numbers, found 4 bytes); "
                         f"the state file is damaged: {MOVE_AWAY}"),
    "a NaN value": ("UPDATE vectors SET vals = x'0000c07f00000040' WHERE id = 'a'",
                    "vector 'a' of index 'idx' has damaged values (NaN or Infinity, which no write can store); "
                    f"the state file is damaged: {MOVE_AWAY}"),
    "a value changed": ("UPDATE vectors SET vals = x'0000803f00004040' WHERE id = 'a'",  # [1, 3]: finite
                        "vector 'a' of index 'idx' has damaged values (their bytes do not match the check stored "
                        f"with them); the state file is damaged: {MOVE_AWAY}"),
    "metadata no object": ("UPDATE vectors SET metadata = '[1]' WHERE id = 'a'",
                           "vector 'a' of index 'idx' has damaged metadata"),
}


@pytest.mark.parametrize("case", list(DAMAGED_ROWS))
def test_a_damaged_stored_vector_is_refused_by_name(state: tuple[Path, Path, Path], case: str) -> None:
    project, root, state_file = state
    for snapshot in state_file.parent.glob("*.snapshot*"):  # the rows themselves are read
        snapshot.unlink()
    sql, text = DAMAGED_ROWS[case]
    _stored(state_file, sql)
    assert _refusal(project, root) == f"{state_file}: {text}"


# -- a write that cannot be made -----------------------------------------------------------------------
@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_write_to_read_only_state_says_why(state: tuple[Path, Path, Path], what: str) -> None:
    project, root, state_file = state
    refuse_writes(state_file if what == "file" else state_file.parent)
    reason = (f"no permission to write {state_file}" if what == "file" else
              f"no permission to write in its folder {state_file.parent} (SQLite keeps its journal there)")
    assert _refusal(project, root, _upsert) == (
        f"{state_file}: the state is read-only ({reason}), so this write was refused and nothing changed; reads "
        "work. Make the folder and file writable, or choose another --persist-to")


def test_a_write_the_write_ahead_log_no_longer_takes_is_refused(state: tuple[Path, Path, Path]) -> None:
    project, root, state_file = state
    with load_env(project, indexes=DEFINITION, persist_to=root) as env:
        asyncio.run(env.IDX.getByIds(["a"]))
        refuse_writes(state_file.with_name(state_file.name + "-wal"), already_open=True)
        with pytest.raises(StateError) as info:
            _upsert(env)
    assert str(info.value) == f"{state_file}: cannot write the state file (disk I/O error)"


def test_a_write_while_another_process_holds_the_lock_is_refused(state: tuple[Path, Path, Path],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    project, root, state_file = state
    monkeypatch.setattr(state_db, "BUSY_TIMEOUT_MS", 1000)  # 15 s in use
    other = sqlite3.connect(state_file, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        assert _refusal(project, root, _upsert) == (
            f"{state_file}: the state file stayed locked by another process for 1 s (database is locked)")
    finally:
        other.execute("ROLLBACK")
        other.close()


# -- the index changed under a running one -------------------------------------------------------------
def test_an_index_deleted_by_another_process_is_named(state: tuple[Path, Path, Path],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    project, root, state_file = state
    with load_env(project, indexes=DEFINITION, persist_to=root) as env:
        asyncio.run(env.IDX.getByIds(["a"]))
        assert run_main(capsys, "vectorize", "delete", "idx", "--force", "--persist-to", str(root)).returncode == 0
        with pytest.raises(StateError) as info:
            asyncio.run(env.IDX.getByIds(["a"]))
    assert str(info.value) == f"index 'idx' was deleted from {state_file} by another process"


def test_a_stored_index_its_definition_no_longer_matches_is_refused(state: tuple[Path, Path, Path]) -> None:
    project, root, state_file = state
    assert _refusal(project, root, definition={"idx": {"dimensions": 3, "metric": "euclidean", "version": "v2"}}) == (
        f"index 'idx' in {state_file} does not match its definition: dimensions 3 (stored: 2), metric 'euclidean' "
        "(stored: 'cosine'); delete it (workers-env vectorize delete idx) or fix the definition")
