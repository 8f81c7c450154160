"""A Vectorize state file workers-env cannot use is refused with a ``StateError`` that names
the file, says what is wrong with it and what to do -- pinned here whole, one case each: an
empty file, a file that is no SQLite database, a folder in its place, another application's
database, a workers-env file without its tables or from a newer schema, an index whose
definition is damaged. Texts of workers-env's own: production keeps no local state."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from binding_helpers import WRANGLER_TOML
from workers_env import StateError, load_env

DEFINITION = {"idx": {"dimensions": 2, "metric": "cosine", "version": "v2"}}
WORKERS_ENV_VECTORIZE = 0x57455643  # the application_id of a workers-env Vectorize state file


def _database(**pragmas: int) -> Callable[[Path], None]:
    def write(state_file: Path) -> None:
        state_file.unlink()
        conn = sqlite3.connect(state_file)
        for name, value in pragmas.items():
            conn.execute(f"PRAGMA {name} = {value}")
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
    return write


def _pragma(name: str, value: int) -> Callable[[Path], None]:
    def write(state_file: Path) -> None:
        conn = sqlite3.connect(state_file)
        conn.execute(f"PRAGMA {name} = {value}")
        conn.commit()
        conn.close()
    return write


def _definition(state_file: Path) -> None:
    conn = sqlite3.connect(state_file)
    conn.execute("UPDATE indexes SET metric = 'nearest'")
    conn.commit()
    conn.close()


def _folder(state_file: Path) -> None:
    state_file.unlink()
    state_file.mkdir()


CASES = {
    "empty": (lambda f: f.write_bytes(b""),
              "the state file is empty (0 bytes): it was truncated or damaged, and is not silently started afresh; "
              "move it away to start with empty state"),
    "no SQLite database": (lambda f: f.write_bytes(b"x" * 200),
                           "not a workers-env Vectorize state file (it is not an SQLite database); move it away or "
                           "choose another --persist-to"),
    "a folder": (_folder, "expected a workers-env Vectorize state file, found a directory or device"),
    "another application's": (_database(application_id=5),
                              "an SQLite database of another application (application_id 0x5), not workers-env "
                              "Vectorize state; move it away or choose another --persist-to"),
    "without its tables": (_database(application_id=WORKERS_ENV_VECTORIZE, user_version=1),
                           "a workers-env state file without its tables; it is damaged"),
    "a newer schema": (_pragma("user_version", 7),
                       "written by a newer workers-env (state schema 7; this one reads 1); upgrade workers-env"),
    "a damaged definition": (_definition, "index 'idx' has a damaged definition in the state file"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_state_file_that_cannot_be_used_is_refused_by_name(tmp_path: Path, case: str) -> None:
    (tmp_path / "wrangler.toml").write_text(WRANGLER_TOML)
    root = tmp_path / "state"
    with load_env(tmp_path, indexes=DEFINITION, persist_to=root) as env:
        asyncio.run(env.IDX.upsert([{"id": "a", "values": [1.0, 2.0]}]))
    state_file = root / "v3" / "vectorize" / "workers-env-vectorize.sqlite"
    damage, text = CASES[case]
    damage(state_file)
    with pytest.raises(StateError) as info:
        with load_env(tmp_path, indexes=DEFINITION, persist_to=root) as env:
            asyncio.run(env.IDX.getByIds(["a"]))
    assert str(info.value) == f"{state_file}: {text}"
